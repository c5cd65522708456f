import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, ExecutionResult, getOperationAST, getVariableValues, GraphQLError, Kind, parse } from 'graphql';
import { compileQuery } from 'graphql-jit';
import { jitExecution } from './jit-executor';
import { OperationGate } from './operation-gate';

jest.mock('graphql-jit', () => {
  const actual = jest.requireActual('graphql-jit');
  return { ...actual, compileQuery: jest.fn(actual.compileQuery) };
});
jest.mock('graphql', () => {
  const actual = jest.requireActual('graphql');
  return { ...actual, getVariableValues: jest.fn(actual.getVariableValues) };
});

class Refused extends Error {}

const schema = buildSchema(`
  enum Mode { FAST SLOW }
  type Item { id: ID! name: String! }
  type Query { items(mode: Mode): [Item!]! refused: String }
  type Mutation { rename(name: String!): Item! }
  type Subscription { ticked: Int! }
`);
const calls: string[] = [];
schema.getQueryType()!.getFields().items.resolve = (_root, args: { mode?: string }) => {
  calls.push(`items:${args.mode ?? '-'}`);
  return [{ id: '1', name: 'Data pool' }, { id: '2', name: 'Compute' }];
};
schema.getQueryType()!.getFields().refused.resolve = () => {
  throw new Refused('Not yours');
};
schema.getMutationType()!.getFields().rename.resolve = (_root, args: { name: string }) => ({ id: '1', name: args.name });

/**
 * Runs an operation as Apollo does: the plugin's responseForOperation first; if it answers nothing, the
 * gateway's executor, with the same context. Returns what the client would get and which hook produced it.
 */
async function executorFor() {
  const { gateway, plugin } = jitExecution({ schema } as GraphQLSchemaHost, new OperationGate(2), 1_000_000);
  let announced: unknown;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }: { apiSchema: unknown }) => (announced = apiSchema));
  const { executor } = await gateway.load({ apollo: {} } as never);
  expect(announced).toBe(schema);
  const listener = (await plugin.requestDidStart!({} as never))!;
  return async (query: string, variables?: Record<string, unknown>, document = parse(query)) => {
    const operation = getOperationAST(document)!;
    const context = {};
    const answered = await listener.responseForOperation!({ document, operation, operationName: null, contextValue: context, request: { query, variables } } as never);
    if (answered) {
      expect(answered.body.kind).toBe('single');
      return { by: 'plugin', ...(answered.body as { singleResult: ExecutionResult }).singleResult };
    }
    const result = await executor!({ document, operation, operationName: null, context, request: { query, variables } } as never);
    return { by: 'gateway', ...(result as ExecutionResult) };
  };
}

describe('jitExecution', () => {
  beforeEach(() => {
    calls.length = 0;
    jest.mocked(compileQuery).mockClear();
    jest.mocked(getVariableValues).mockClear();
  });

  it('answers queries and mutations from the plugin, with the schema’s resolvers, arguments and variables', async () => {
    const run = await executorFor();
    expect(await run(`query ($m: Mode) { items(mode: $m) { id name } }`, { m: 'SLOW' })).toEqual({
      by: 'plugin',
      data: { items: [{ id: '1', name: 'Data pool' }, { id: '2', name: 'Compute' }] },
    });
    expect(calls).toEqual(['items:SLOW']);
    expect(await run(`mutation { rename(name: "Pool") { name } }`)).toEqual({ by: 'plugin', data: { rename: { name: 'Pool' } } });
    // graphql-jit coerced the variables; graphql-js's coercion runs only to word a refusal.
    expect(getVariableValues).not.toHaveBeenCalled();
  });

  it('hands a result with errors to the gateway (for Apollo’s error handling) without running it twice', async () => {
    const run = await executorFor();
    const { by, data, errors } = await run(`{ refused items { id } }`);
    expect(by).toBe('gateway');
    expect(data).toEqual({ refused: null, items: [{ id: '1' }, { id: '2' }] });
    expect(calls).toEqual(['items:-']);
    const [error] = errors as GraphQLError[];
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions).toEqual({});
    expect(error.originalError).toBeInstanceOf(Refused);
    expect(error.path).toEqual(['refused']);
    expect(error.locations).toEqual([{ line: 1, column: 3 }]);
  });

  it('refuses a bad variable with graphql-js’s own error (pointing at the variable) before running anything', async () => {
    const run = await executorFor();
    const { by, data, errors } = await run(`query ($m: Mode) { items(mode: $m) { id } }`, { m: 'HOURLY' });
    expect(by).toBe('gateway');
    expect(data).toBeUndefined();
    expect(errors?.[0].message).toMatch(/Variable "\$m" got invalid value "HOURLY"/);
    expect((errors?.[0] as GraphQLError).nodes?.[0].kind).toBe(Kind.VARIABLE_DEFINITION);
    expect(calls).toEqual([]);
    const missing = await run(`query ($m: Mode!) { items(mode: $m) { id } }`, {});
    expect(missing.errors?.[0].message).toBe('Variable "$m" of required type "Mode!" was not provided.');
    expect(calls).toEqual([]);
  });

  it('reuses one compiled plan per document and runs subscriptions sent over HTTP on graphql-js', async () => {
    const run = await executorFor();
    const document = parse(`{ items { id } }`);
    for (let i = 0; i < 3; i++) expect(await run('', undefined, document)).toEqual({ by: 'plugin', data: { items: [{ id: '1' }, { id: '2' }] } });
    expect(calls).toHaveLength(3);
    expect(compileQuery).toHaveBeenCalledTimes(1);
    const subscription = await run(`subscription { ticked }`);
    expect(subscription.by).toBe('gateway');
    expect(subscription.errors?.[0].message).toBeDefined();
    expect(compileQuery).toHaveBeenCalledTimes(1);
  });
});
