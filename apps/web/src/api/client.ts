import { cacheExchange } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { createClient as createWsClient } from 'graphql-ws';
import { Client, fetchExchange, subscriptionExchange } from 'urql';
import { EMBEDDED_TYPES } from '../gql/embedded-types';

/**
 * One urql client per signed-in session: a normalised cache (Graphcache) with Relay-style pagination for
 * the API's connections, queries and mutations over HTTP, subscriptions over graphql-ws on the same
 * `/graphql` path. The token is the session's bearer token; a new session gets a new client (and cache).
 */
export function createApiClient(token: string | null): { client: Client; dispose: () => void } {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const ws = token
    ? createWsClient({
        url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
        connectionParams: { authorization: `Bearer ${token}` },
        lazy: true,
        retryAttempts: Infinity,
      })
    : null;
  const client = new Client({
    url: '/graphql',
    requestPolicy: 'cache-and-network',
    // POST for queries too: the API's CSRF protection refuses simple GET requests (decision 180).
    preferGetMethod: false,
    fetchOptions: () => ({ headers }),
    exchanges: [
      cacheExchange({
        // Objects without an id of their own (viewerCan, terms, edges…) are embedded in their parent.
        keys: Object.fromEntries(EMBEDDED_TYPES.map((name) => [name, () => null])),
        resolvers: {
          Query: { proposals: relayPagination(), myNotifications: relayPagination(), search: relayPagination(), organizations: relayPagination() },
          // The organisation page's "Show more" for its people, capabilities and needs.
          Organization: { people: relayPagination(), capabilities: relayPagination(), needs: relayPagination() },
        },
      }),
      fetchExchange,
      ...(ws
        ? [
            subscriptionExchange({
              forwardSubscription: (request) => ({
                subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
              }),
            }),
          ]
        : []),
    ],
  });
  return { client, dispose: () => void ws?.dispose() };
}
