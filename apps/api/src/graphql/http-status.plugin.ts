import type { ApolloServerPlugin } from '@apollo/server';
import Negotiator from 'negotiator';
import { GqlContext } from '@app/core';

/** Request errors: the request was well-formed HTTP, but its document or variables could not be executed. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE']);

/** The media types Apollo chooses between for a single result, in its order (ApolloServer's chooseContentTypeForSingleResultResponse). */
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';
const MEDIA_TYPES = ['application/json; charset=utf-8', GRAPHQL_RESPONSE_JSON, 'application/json; callbackSpec=1.0; charset=utf-8'];

/** Whether Apollo will answer `application/json`: no Accept header, or one that prefers it. */
function answersLegacyJson(accept: string | undefined): boolean {
  if (!accept) return true;
  return new Negotiator({ headers: { accept } }).mediaType(MEDIA_TYPES) !== GRAPHQL_RESPONSE_JSON;
}

/**
 * GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): a well-formed request whose
 * response is `application/json` SHOULD get 200 even when the document fails to parse or validate or its
 * variables fail to coerce, because legacy clients and intermediaries read any 4xx as "no GraphQL body";
 * `application/graphql-response+json` answers those with 4xx. Apollo answers 400 whatever the client accepts;
 * this turns that 400 into 200 for `application/json`. Malformed HTTP requests (no query, bad JSON, a wrong
 * method) never reach the plugin and keep their 4xx.
 */
export const legacyJsonStatusPlugin: ApolloServerPlugin<GqlContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, response }) {
        if (response.http.status !== 400 || response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors;
        if (!errors?.length || !errors.every((e) => REQUEST_ERROR_CODES.has(e.extensions?.code as string))) return;
        if (answersLegacyJson(request.http?.headers.get('accept'))) response.http.status = 200;
      },
    };
  },
};
