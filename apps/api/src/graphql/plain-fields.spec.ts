import { GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { EDGE_TYPE_NAMES } from '@app/core';
import { withoutPlainFieldResolvers } from './plain-fields';

/** What @nestjs/graphql puts on every plain field (matched by name). */
function rootFieldResolver(parent: Record<string, unknown>, _args: unknown, _context: unknown, info: { fieldName: string }) {
  return parent[info.fieldName];
}

describe(withoutPlainFieldResolvers.name, () => {
  const custom = () => 'computed';
  const Thing = new GraphQLObjectType({
    name: 'Thing',
    fields: {
      name: { type: GraphQLString, resolve: rootFieldResolver },
      computed: { type: GraphQLString, resolve: custom },
      tags: { type: new GraphQLList(GraphQLString), resolve: rootFieldResolver },
    },
  });
  const Owner = new GraphQLObjectType({
    name: 'Owner',
    fields: { thing: { type: Thing, resolve: rootFieldResolver }, things: { type: new GraphQLList(Thing), resolve: rootFieldResolver } },
  });
  const ThingEdge = new GraphQLObjectType({
    name: 'ThingEdge',
    fields: { cursor: { type: GraphQLString, resolve: rootFieldResolver }, node: { type: new GraphQLNonNull(Thing), resolve: rootFieldResolver } },
  });
  const NotAnEdge = new GraphQLObjectType({ name: 'NotAnEdge', fields: { node: { type: Thing, resolve: rootFieldResolver } } });
  const ThingConnection = new GraphQLObjectType({
    name: 'ThingConnection',
    fields: { edges: { type: new GraphQLList(ThingEdge), resolve: rootFieldResolver }, totalCount: { type: GraphQLString, resolve: rootFieldResolver } },
  });
  const schema = () =>
    withoutPlainFieldResolvers(
      new GraphQLSchema({
        query: new GraphQLObjectType({ name: 'Query', fields: { owner: { type: Owner }, connection: { type: ThingConnection }, other: { type: NotAnEdge } } }),
      }),
    );

  beforeAll(() => EDGE_TYPE_NAMES.add('ThingEdge'));
  afterAll(() => EDGE_TYPE_NAMES.delete('ThingEdge'));

  it("drops the pass-through resolvers of leaf fields and of a Paginated edge's node, and keeps every other", () => {
    const s = schema();
    const resolverOf = (type: string, field: string) => (s.getType(type) as GraphQLObjectType).getFields()[field].resolve;
    expect(resolverOf('Thing', 'name')).toBeUndefined();
    expect(resolverOf('Thing', 'tags')).toBeUndefined();
    expect(resolverOf('ThingEdge', 'cursor')).toBeUndefined();
    expect(resolverOf('ThingEdge', 'node')).toBeUndefined();
    // An object or a list of objects may hold a promise; only what a resolver returns is awaited.
    expect(resolverOf('Owner', 'thing')).toBe(rootFieldResolver);
    expect(resolverOf('Owner', 'things')).toBe(rootFieldResolver);
    // A field named node on a type Paginated did not declare keeps its resolver.
    expect(resolverOf('NotAnEdge', 'node')).toBe(rootFieldResolver);
    // Connections' parts are lazy getters that start queries.
    expect(resolverOf('ThingConnection', 'totalCount')).toBe(rootFieldResolver);
    expect(resolverOf('Thing', 'computed')).toBe(custom);
  });
});
