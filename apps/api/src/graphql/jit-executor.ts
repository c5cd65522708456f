import type { ApolloServerOptions } from '@apollo/server';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DocumentNode, execute, ExecutionResult, getVariableValues, GraphQLError } from 'graphql';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import { GqlContext } from '@app/core';
import { OperationGate } from './operation-gate';

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

/**
 * Apollo Server executes through this instead of graphql-js's `execute`: each operation is compiled once by
 * graphql-jit into a JavaScript function that reads plain fields directly and calls only the real resolvers,
 * then reused for every request with the same document. Parsing, validation (with the query limits), context,
 * error formatting and the HTTP layer stay Apollo's. An operation graphql-jit cannot compile runs on graphql-js.
 * Every operation executes within `gate` (a limit on operations in flight).
 *
 * It is plugged in through Apollo's gateway interface, which is how Apollo Server accepts a replacement executor.
 */
export function jitGateway(schemaHost: GraphQLSchemaHost, gate: OperationGate): Gateway {
  // Keyed by document: Apollo parses (and caches) documents per schema, so a new schema brings new keys.
  const plans: Plans = new WeakMap();

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

  const executeOne: Executor = async (request) => {
    const { document, operationName, context } = request;
    const variables = request.request.variables ?? {};
    // Subscriptions are served over WebSocket; one sent over HTTP gets graphql-js's own answer.
    const plan = request.operation.operation === 'subscription' ? null : planFor(document, operationName ?? undefined);
    if (!plan) return execute({ schema: schemaHost.schema, document, contextValue: context, variableValues: variables, operationName });
    // Variables are checked by graphql-js first, so a bad one gets its usual error (BAD_USER_INPUT, HTTP 400).
    if (request.operation.variableDefinitions?.length) {
      const coerced = getVariableValues(schemaHost.schema, request.operation.variableDefinitions, variables, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors };
    }
    const result: ExecutionResult = await plan.query(undefined, context, variables);
    return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
  };

  const executor: Executor = (request) => gate.run(() => executeOne(request));

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schemaHost.schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}
