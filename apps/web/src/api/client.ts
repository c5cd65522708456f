import { cacheExchange, type Cache, type Resolver } from '@urql/exchange-graphcache';
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
          // Relay connections that a screen pages with "Show more": the pages asked for so far, merged into one list.
          Query: {
            proposals: relayPagination(),
            myNotifications: relayPagination(),
            search: relayPagination(),
            meetings: samePageSize(relayPagination()),
            capabilities: samePageSize(relayPagination()),
            resourceNeeds: samePageSize(relayPagination()),
            dataPools: samePageSize(relayPagination()),
            organizations: samePageSize(relayPagination()),
          },
          WorkingGroup: {
            memberships: samePageSize(relayPagination()),
            participants: samePageSize(relayPagination()),
            applications: samePageSize(relayPagination()),
            meetings: samePageSize(relayPagination()),
          },
          ResourceNeed: { matches: samePageSize(relayPagination()) },
          Priority: { proposals: samePageSize(relayPagination()) },
          DataPool: { history: samePageSize(relayPagination()), accessRequests: samePageSize(relayPagination()) },
          // The organisation page's "Show more" for its people, capabilities and needs.
          Organization: { people: samePageSize(relayPagination()), capabilities: samePageSize(relayPagination()), needs: samePageSize(relayPagination()) },
        },
        // A seat or membership changed: the group's paged lists are read again from their first page.
        updates: {
          Mutation: {
            setParticipantRole: (_result, args, cache) => invalidateGroupLists(cache, args.workingGroupId, ['participants']),
            removeParticipant: (_result, args, cache) => invalidateGroupLists(cache, args.workingGroupId, ['participants']),
            endMembership: (_result, args, cache) => invalidateGroupLists(cache, args.workingGroupId, ['memberships', 'participants']),
            // An edited need matches other capabilities: its matches are read again from the first page.
            updateResourceNeed: (_result, args, cache) => invalidateLists(cache, 'ResourceNeed', args.id, ['matches']),
          },
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

/**
 * Merges only the pages asked for with the same page size (`first`): a screen's "Show more" pages of a
 * group's list stay apart from another query's single, larger page of the same field (the seat form's
 * candidates read `memberships(first: 100)`, the members list pages `memberships(first: 50)`).
 */
function samePageSize(resolver: Resolver): Resolver {
  return (parent, args, cache, info) => {
    const sameSize: Cache = new Proxy(cache, {
      get(target, property) {
        if (property === 'inspectFields') {
          return (entity: Parameters<Cache['inspectFields']>[0]) => target.inspectFields(entity).filter((f) => f.arguments?.first === args.first);
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    return resolver(parent, args, sameSize, info);
  };
}

function invalidateGroupLists(cache: Cache, id: unknown, fields: string[]): void {
  invalidateLists(cache, 'WorkingGroup', id, fields);
}

function invalidateLists(cache: Cache, typename: string, id: unknown, fields: string[]): void {
  if (typeof id !== 'string') return;
  const entity = { __typename: typename, id };
  for (const field of cache.inspectFields(entity)) {
    if (fields.includes(field.fieldName)) cache.invalidate(entity, field.fieldName, field.arguments ?? undefined);
  }
}

