import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, getOperationAST, GraphQLError, Kind, parse } from 'graphql';
import { compileQuery } from 'graphql-jit';
import { jitGateway } from './jit-executor';
import { OperationGate } from './operation-gate';

jest.mock('graphql-jit', () => {
  const actual = jest.requireActual('graphql-jit');
  return { ...actual, compileQuery: jest.fn(actual.compileQuery) };
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

async function executorFor() {
  const gateway = jitGateway({ schema } as GraphQLSchemaHost, new OperationGate(2));
  let announced: unknown;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => (announced = apiSchema));
  const { executor } = await gateway.load({ apollo: {} });
  expect(announced).toBe(schema);
  return (query: string, variables?: Record<string, unknown>, document = parse(query)) =>
    executor!({ document, operation: getOperationAST(document)!, operationName: null, context: {}, request: { query, variables } } as never);
}

describe('jitGateway', () => {
  beforeEach(() => {
    calls.length = 0;
    jest.mocked(compileQuery).mockClear();
  });

  it('executes queries and mutations with the schema’s resolvers, arguments and variables', async () => {
    const run = await executorFor();
    expect(await run(`query ($m: Mode) { items(mode: $m) { id name } }`, { m: 'SLOW' })).toEqual({
      data: { items: [{ id: '1', name: 'Data pool' }, { id: '2', name: 'Compute' }] },
    });
    expect(calls).toEqual(['items:SLOW']);
    expect(await run(`mutation { rename(name: "Pool") { name } }`)).toEqual({ data: { rename: { name: 'Pool' } } });
  });

  it('gives resolver errors extensions, locations, path and the original error, as graphql-js does', async () => {
    const run = await executorFor();
    const { data, errors } = await run(`{ refused }`);
    expect(data).toEqual({ refused: null });
    const [error] = errors as GraphQLError[];
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions).toEqual({});
    expect(error.originalError).toBeInstanceOf(Refused);
    expect(error.path).toEqual(['refused']);
    expect(error.locations).toEqual([{ line: 1, column: 3 }]);
  });

  it('refuses a bad variable with graphql-js’s own error (pointing at the variable) before running anything', async () => {
    const run = await executorFor();
    const { data, errors } = await run(`query ($m: Mode) { items(mode: $m) { id } }`, { m: 'HOURLY' });
    expect(data).toBeUndefined();
    expect(errors?.[0].message).toMatch(/Variable "\$m" got invalid value "HOURLY"/);
    expect((errors?.[0] as GraphQLError).nodes?.[0].kind).toBe(Kind.VARIABLE_DEFINITION);
    expect(calls).toEqual([]);
  });

  it('reuses one compiled plan per document and runs subscriptions sent over HTTP on graphql-js', async () => {
    const run = await executorFor();
    const document = parse(`{ items { id } }`);
    for (let i = 0; i < 3; i++) expect(await run('', undefined, document)).toEqual({ data: { items: [{ id: '1' }, { id: '2' }] } });
    expect(calls).toHaveLength(3);
    expect(compileQuery).toHaveBeenCalledTimes(1);
    const subscription = await run(`subscription { ticked }`);
    expect(subscription.errors?.[0].message).toBeDefined();
    expect(compileQuery).toHaveBeenCalledTimes(1);
  });
});
