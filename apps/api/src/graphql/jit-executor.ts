import { HeaderMap } from '@apollo/server';
import type { ApolloServerOptions, ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DocumentNode, execute, ExecutionResult, getVariableValues, GraphQLError, OperationDefinitionNode } from 'graphql';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import { GqlContext } from '@app/core';
import { OperationGate } from './operation-gate';
import { tooLarge } from './response-budget';

type Gateway = NonNullable<ApolloServerOptions<GqlContext>['gateway']>;
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** Compiled plans per parsed document; Apollo's document store hands back the same DocumentNode for the same query text. */
type Plans = WeakMap<DocumentNode, Map<string, CompiledQuery | null>>;

/**
 * graphql-jit's errors carry no `extensions` (Apollo reads `extensions.code` before formatting) and cannot be
 * changed: each becomes a graphql-js error with the same message, locations, path and cause.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined });
  return Object.assign(rebuilt, { locations: error.locations });
}

/** Apollo's hooks for the compiled executor: a gateway (its executor) and a plugin (`responseForOperation`). */
export interface JitExecution {
  gateway: Gateway;
  plugin: ApolloServerPlugin<GqlContext>;
}

/**
 * Apollo Server executes through this instead of graphql-js's `execute`: each operation is compiled once by
 * graphql-jit into a JavaScript function that reads plain fields directly and calls only the real resolvers,
 * then reused for every request with the same document. Parsing, validation (with the query limits), context,
 * error formatting and the HTTP layer stay Apollo's. An operation graphql-jit cannot compile runs on graphql-js.
 * Every operation executes within `gate` (a limit on operations in flight).
 *
 * Two of Apollo's interfaces carry it (decision 53):
 * - the plugin's `responseForOperation` executes every compiled operation and answers those without errors
 *   itself;
 * - the gateway's executor hands Apollo the results with errors (computed by the plugin, not run twice), so
 *   they get Apollo's error handling (formatError, BAD_USER_INPUT, HTTP 400 for bad variables), and executes
 *   what the plugin left (subscriptions sent over HTTP, operations graphql-jit cannot compile).
 * Answering from the plugin skips the request context Apollo builds for a gateway, whose `status` accessors
 * kept each request's objects alive through two young-generation collections: every request was promoted to
 * V8's old space, which then needed a full collection every half-second under load.
 */
export function jitExecution(schemaHost: GraphQLSchemaHost, gate: OperationGate, responseItemLimit: number): JitExecution {
  // Keyed by document: Apollo parses (and caches) documents per schema, so a new schema brings new keys.
  const plans: Plans = new WeakMap();
  // Results with errors, from the plugin to the gateway's executor, by the request's context.
  const withErrors = new WeakMap<object, ExecutionResult>();

  const planFor = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    let byName = plans.get(document);
    if (!byName) plans.set(document, (byName = new Map()));
    const key = operationName ?? '';
    if (!byName.has(key)) {
      const compiled = compileQuery(schemaHost.schema, document, operationName);
      byName.set(key, isCompiledQuery(compiled) ? compiled : null);
    }
    return byName.get(key)!;
  };

  const runPlan = async (plan: CompiledQuery, operation: OperationDefinitionNode, context: GqlContext, variables: Record<string, unknown>): Promise<ExecutionResult> => {
    const result: ExecutionResult = await plan.query(undefined, context, variables);
    if (!result.errors) return result;
    const overLimit = tooLarge(context, responseItemLimit);
    if (overLimit) return overLimit;
    // graphql-jit coerces the variables itself and answers errors without `data` when it refuses them; those
    // get graphql-js's own errors instead (BAD_USER_INPUT, HTTP 400, pointing at the variable). Coercing them
    // with graphql-js up front, for every request, was 3 % of a mutation's CPU.
    if (!('data' in result) && operation.variableDefinitions?.length) {
      const coerced = getVariableValues(schemaHost.schema, operation.variableDefinitions, variables, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors };
    }
    return { ...result, errors: result.errors.map(asGraphqlJsError) };
  };

  const listener: GraphQLRequestListener<GqlContext> = {
    async responseForOperation({ document, operation, operationName, contextValue, request }) {
      // No operation (several without an operationName, or an unknown name) and subscriptions sent over HTTP
      // get graphql-js's own answer: Apollo turns the former into OPERATION_RESOLUTION_FAILURE (HTTP 400).
      // Apollo types `operation` as always there, but it is undefined when the name resolves to nothing.
      if (!(operation as OperationDefinitionNode | undefined) || operation.operation === 'subscription') return null;
      const plan = planFor(document, operationName ?? undefined);
      if (!plan) return null;
      const result = await gate.run(() => runPlan(plan, operation, contextValue, request.variables ?? {}));
      if (result.errors?.length) {
        withErrors.set(contextValue, result);
        return null;
      }
      return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: result } };
    },
  };

  // Everything compiled was run by the plugin, so what reaches the executor is a result with errors to hand
  // on, or an operation without a plan.
  const executor: Executor = async (request) => {
    const { document, context } = request;
    // The name the client sent: Apollo's resolved `operationName` is null when it named no operation of the document.
    const operationName = request.request.operationName;
    const computed = withErrors.get(context);
    if (computed) {
      withErrors.delete(context);
      return computed;
    }
    const variableValues = request.request.variables ?? {};
    return gate.run(async () => {
      const result = await execute({ schema: schemaHost.schema, document, contextValue: context, variableValues, operationName });
      return tooLarge(context as GqlContext, responseItemLimit) ?? result;
    });
  };

  return {
    plugin: {
      async requestDidStart() {
        return listener;
      },
    },
    gateway: {
      onSchemaLoadOrUpdate(callback) {
        callback({ apiSchema: schemaHost.schema, coreSupergraphSdl: '' });
        return () => undefined;
      },
      async load() {
        return { executor };
      },
      async stop() {},
    },
  };
}
