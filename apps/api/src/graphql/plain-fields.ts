import { getNamedType, GraphQLField, GraphQLObjectType, GraphQLSchema, isLeafType, isObjectType } from 'graphql';
import { EDGE_TYPE_NAMES } from '@app/core';

/**
 * @nestjs/graphql gives every plain `@Field` a resolver of its own (`rootFieldResolver`: `parent[name]`, or the
 * field's `defaultValue`) so that field middleware can wrap it. This schema uses neither field middleware nor
 * defaults on object types, so on scalar and enum fields (and lists of them) those resolvers only cost a call
 * per field and value: they are removed, and graphql-jit reads the property inline. Fields that may hold a
 * promise keep theirs (graphql-jit awaits only what a resolver returns): object fields and lists of objects,
 * and the lazy parts of connections (`totalCount` is a getter that starts a COUNT). The exception is an
 * edge's `node`, always the row itself: a resolver call per listed row (and its resolve info) was about 3 %
 * of a 50-row list's CPU.
 */
export function withoutPlainFieldResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name.endsWith('Connection')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve?.name === 'rootFieldResolver' && holdsPlainValue(type, field)) field.resolve = undefined;
    }
  }
  return schema;
}

function holdsPlainValue(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): boolean {
  return isLeafType(getNamedType(field.type)) || (field.name === 'node' && EDGE_TYPE_NAMES.has(type.name));
}
