import { buildSchema, getIntrospectionQuery, GraphQLObjectType, parse, specifiedRules, validate } from 'graphql';
import { aliasLimitRule, costLimitRule } from './cost-limit.rule';
import { depthLimitRule } from './depth-limit.rule';

const schema = buildSchema(`
  type PageInfo { hasNextPage: Boolean! }
  type Person { name: String! friends(first: Int): PersonConnection! colleagues: [Person!]! }
  type PersonEdge { node: Person! }
  type PersonConnection { edges: [PersonEdge!]! totalCount: Int! }
  type Query { people(first: Int): PersonConnection! me: Person }
`);

// What @MaxItems(10) declares on a code-first field.
(schema.getType('Person') as GraphQLObjectType).getFields().colleagues.extensions = { maxItems: 10 };

const errors = (query: string, rule: ReturnType<typeof costLimitRule>) =>
  validate(schema, parse(query), [...specifiedRules, rule]).map((e) => e.message);

describe('query limits', () => {
  it('counts rows under connections in the cost', () => {
    const cheap = `{ people(first: 10) { edges { node { name } } } }`;
    const costly = `{ people(first: 100) { edges { node { friends(first: 100) { edges { node { name } } } } } } }`;
    expect(errors(cheap, costLimitRule(1000))).toEqual([]);
    expect(errors(costly, costLimitRule(1000))[0]).toMatch(/may cost \d+/);
  });

  it('counts what is under a plain list once per item of its declared bound', () => {
    // me 1 + colleagues (1 + 10 × (name 1 + colleagues (1 + 10 × name 1))) = 122
    const query = `{ me { colleagues { name colleagues { name } } } }`;
    expect(errors(query, costLimitRule(122))).toEqual([]);
    expect(errors(query, costLimitRule(121))[0]).toMatch(/may cost 122/);
  });

  it('assumes the largest page for a variable page size', () => {
    const query = `query ($n: Int) { people(first: $n) { edges { node { name } } } }`;
    expect(errors(query, costLimitRule(301))).toEqual([]);
    expect(errors(query, costLimitRule(300))).toHaveLength(1);
  });

  it('limits depth, fragments included', () => {
    const deep = `{ me { ...F } } fragment F on Person { friends { edges { node { friends { edges { node { name } } } } } } }`;
    expect(errors(deep, depthLimitRule(8))).toEqual([]);
    expect(errors(deep, depthLimitRule(6))[0]).toMatch(/levels deep/);
  });

  it('does not count introspection, which graphql-js bounds itself, so tools can load the schema', () => {
    expect(errors(getIntrospectionQuery(), depthLimitRule(12))).toEqual([]);
    const withTypename = `{ me { __typename friends { edges { node { name } } } } }`;
    expect(errors(withTypename, depthLimitRule(5))).toEqual([]);
    expect(errors(withTypename, depthLimitRule(4))[0]).toMatch(/levels deep/);
    // graphql-js's own rule still refuses introspection nested to exhaust the server.
    const nested = `{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`;
    expect(validate(schema, parse(nested), specifiedRules).map((e) => e.message)[0]).toMatch(/introspection/i);
  });

  it('limits aliases', () => {
    const many = `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: me { name }`).join(' ')} }`;
    expect(errors(many, aliasLimitRule(5))).toEqual([]);
    expect(errors(many, aliasLimitRule(4))).toHaveLength(1);
  });
});
