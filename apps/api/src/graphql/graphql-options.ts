import { join } from 'node:path';
import type { ApolloServerOptions } from '@apollo/server';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ExecutionArgs, ExecutionResult, getOperationAST, GraphQLError, GraphQLFormattedError, parse, specifiedRules, validate } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { CloseCode, type Context as WsContext, type SubscribePayload } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { DataSource } from 'typeorm';
import { AppConfig, AuthService, createFormatError, GqlContext, LiveConnections, RequestLoaders, Viewer, withoutSuggestions } from '@app/core';
import { DateTimeScalar } from './date-time.scalar';
import { aliasLimitRule, costLimitRule } from './cost-limit.rule';
import { depthLimitRule } from './depth-limit.rule';
import { legacyJsonStatusPlugin } from './http-status.plugin';
import { noIntrospectionRule } from './introspection.rule';
import { jitExecution } from './jit-executor';
import { OperationGate } from './operation-gate';
import { withoutPlainFieldResolvers } from './plain-fields';
import { withResponseBudget } from './response-budget';
import { MutationLimiter, mutationLimitPlugin } from './mutation-limit.plugin';

/** Limits checked before execution (see docs/operations.md). */
export const QUERY_LIMITS = { depth: 12, cost: 2_000_000, aliases: 50 };

export const queryLimitRules = () => [depthLimitRule(QUERY_LIMITS.depth), costLimitRule(QUERY_LIMITS.cost), aliasLimitRule(QUERY_LIMITS.aliases)];

export const SCHEMA_FILE = join(process.cwd(), 'apps', 'api', 'schema.gql');

export interface GraphqlOptionsInput {
  config: AppConfig;
  auth: AuthService;
  liveConnections: LiveConnections;
  dataSource: DataSource;
  /** The executable schema, for validating subscriptions (set once the GraphQL module has built it). */
  schemaHost: GraphQLSchemaHost;
  /** Where to write the SDL; false keeps it in memory (production). */
  schemaFile: string | false;
}

/** Fastify's request, as far as the context reads it. */
type HttpRequest = GqlContext['req'];

/** Apollo Server's own option through which it accepts a replacement executor. */
type ExecutorOption = Pick<ApolloServerOptions<GqlContext>, 'gateway'>;

/** Apollo settings: per-request context (viewer + loaders), error formatting, limits, landing page, subscriptions. */
export function graphqlOptions({ config, auth, liveConnections, dataSource, schemaHost, schemaFile }: GraphqlOptionsInput): ApolloDriverConfig & ExecutorOption {
  const logger = new Logger('GraphQL');
  const jit = jitExecution(schemaHost, new OperationGate(config.maxConcurrentOperations), config.responseItemLimit);
  const countResponseItems = withResponseBudget(config.responseItemLimit);
  // Without introspection the schema is not public: errors name no field, argument, type or value beyond
  // the client's own (Apollo's hideSchemaDetailsFromClientErrors covers only validation errors).
  const hideSuggestions = !config.graphqlPlayground;
  const formatError = createFormatError({
    exposeInternals: !config.isProduction,
    hideSuggestions,
    log: (error) => logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error)),
  });
  return {
    autoSchemaFile: schemaFile === false ? true : schemaFile,
    sortSchema: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    path: '/graphql',
    playground: false,
    // Introspection is refused by noIntrospectionRule (below), whose message names GRAPHQL_PLAYGROUND.
    introspection: true,
    // jit.plugin answers compiled operations (jit-executor.ts). No cache hints in this schema (answers depend
    // on the viewer): Apollo's cache-control plugin, on by default, would only wrap every field resolver (a
    // quarter of a nested query's allocations).
    plugins: [
      mutationLimitPlugin(new MutationLimiter(config.mutationsPerMinute)),
      jit.plugin,
      legacyJsonStatusPlugin,
      ApolloServerPluginCacheControlDisabled(),
      ...(config.graphqlPlayground ? [ApolloServerPluginLandingPageLocalDefault({ embed: true })] : []),
    ],
    includeStacktraceInErrorResponses: false,
    validationRules: [...queryLimitRules(), ...(config.graphqlPlayground ? [] : [noIntrospectionRule])],
    transformSchema: (schema) => countResponseItems(withoutPlainFieldResolvers(schema)),
    // Compiled execution of what the plugin leaves, and of results with errors (jit-executor.ts). @nestjs/apollo's
    // type leaves `gateway` out, but its driver passes every option on to `new ApolloServer(…)`.
    gateway: jit.gateway,
    formatError,
    subscriptions: { 'graphql-ws': graphqlWsOptions({ auth, liveConnections, dataSource, schemaHost, formatError, hideSuggestions }) },
    // @as-integrations/fastify calls it with (request, reply).
    context: async (req: HttpRequest): Promise<GqlContext> => {
      const header = req.headers.authorization;
      const token = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : null;
      if (!token) return { req, viewer: null, loaders: new RequestLoaders(dataSource, null), responseItems: 0 };
      const resolution = await auth.resolveBearer(token);
      return {
        req,
        viewer: resolution.viewer,
        authProblem: resolution.viewer ? undefined : resolution.problem,
        loaders: new RequestLoaders(dataSource, resolution.viewer),
        responseItems: 0,
      };
    },
  };
}

/** The HTTP body limit (bootstrap.ts) applied to a subscribe message's query and variables. */
const MAX_SUBSCRIBE_BYTES = 1_000_000;

const TOKEN_PARAM = /^Bearer\s+(\S+)\s*$/i;

const wsError = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

/**
 * graphql-ws on the same `/graphql` path (the `graphql-transport-ws` subprotocol).
 * - A connection authenticates once, in `connection_init`: `{ authorization: 'Bearer <token>' }`.
 *   Without a valid token it is closed with 4403 Forbidden; so is an open one, on every instance, as
 *   soon as its token is revoked or its session signed out (LiveConnections).
 * - Every subscribe re-checks the token (a revoked session starts nothing new), is validated with the
 *   HTTP limits (@nestjs/graphql's graphql-ws server does not run Apollo's validationRules), and
 *   gets its own GqlContext (viewer + RequestLoaders), not one shared by the connection: the
 *   subscription resolvers renew its loaders for every event, so nothing is served from an earlier
 *   event's cache, and subscriptions on one socket run concurrently.
 * - Only subscriptions: queries and mutations go over HTTP, where the request log, body limit and
 *   sign-in rate limits apply.
 */
function graphqlWsOptions(input: {
  auth: AuthService;
  liveConnections: LiveConnections;
  dataSource: DataSource;
  schemaHost: GraphQLSchemaHost;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  hideSuggestions: boolean;
}) {
  const { auth, liveConnections, dataSource, schemaHost, formatError, hideSuggestions } = input;
  const clientMessage = (message: string) => (hideSuggestions ? withoutSuggestions(message) : message);
  const tokens = new WeakMap<WsContext, string>();
  const untrack = new WeakMap<WsContext, () => void>();
  const bearer = (ctx: WsContext): string | null => {
    const value = ctx.connectionParams?.authorization;
    return typeof value === 'string' ? (TOKEN_PARAM.exec(value)?.[1] ?? null) : null;
  };

  return {
    onConnect: async (ctx: WsContext): Promise<boolean> => {
      const token = bearer(ctx);
      const viewer = token ? (await auth.resolveBearer(token)).viewer : null;
      if (!token || !viewer) return false;
      tokens.set(ctx, token);
      const socket = (ctx.extra as { socket: WebSocket }).socket;
      untrack.set(
        ctx,
        liveConnections.track(viewer, () => socket.close(CloseCode.Forbidden, 'Forbidden: the credentials were revoked')),
      );
      return true;
    },
    onClose: (ctx: WsContext): void => untrack.get(ctx)?.(),
    onSubscribe: async (ctx: WsContext, _id: string, payload: SubscribePayload): Promise<ExecutionArgs | GraphQLError[]> => {
      const token = tokens.get(ctx);
      const viewer: Viewer | null = token ? (await auth.resolveBearer(token)).viewer : null;
      if (!viewer) return [wsError('The session has expired or was revoked; reconnect with a valid token', 'UNAUTHENTICATED')];
      if (Buffer.byteLength(JSON.stringify(payload)) > MAX_SUBSCRIBE_BYTES) {
        return [wsError(`The operation is larger than ${MAX_SUBSCRIBE_BYTES} bytes`, 'BAD_REQUEST')];
      }
      let document;
      try {
        document = parse(payload.query);
      } catch (error) {
        return [wsError((error as Error).message, 'GRAPHQL_PARSE_FAILED')];
      }
      const schema = schemaHost.schema;
      const invalid = validate(schema, document, [...specifiedRules, ...queryLimitRules()]);
      if (invalid.length > 0) {
        return invalid.map((e) => new GraphQLError(clientMessage(e.message), { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
      }
      const operation = getOperationAST(document, payload.operationName);
      if (!operation) return [wsError('Unable to identify the operation', 'BAD_REQUEST')];
      if (operation.operation !== 'subscription') {
        return [wsError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP', 'BAD_REQUEST')];
      }
      const request = (ctx.extra as { request: IncomingMessage }).request;
      const contextValue: GqlContext = {
        req: { ip: request.socket.remoteAddress, headers: request.headers },
        viewer,
        loaders: new RequestLoaders(dataSource, viewer),
      };
      return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
    },
    // Execution errors get the same codes and the same hiding of internals as over HTTP. Errors raised
    // by graphql-js itself (bad variables) carry no original error: they are the client's.
    onNext: (_ctx: WsContext, _id: string, _payload: SubscribePayload, _args: ExecutionArgs, result: ExecutionResult) => {
      if (!result.errors?.length) return undefined;
      const errors = result.errors.map((error) => {
        const formatted = error.toJSON();
        const clientError = !error.originalError && !formatted.extensions?.code;
        return formatError(clientError ? { ...formatted, extensions: { code: 'BAD_USER_INPUT' } } : formatted, error);
      });
      return { ...result, errors };
    },
  };
}
