import { getNamedType, GraphQLSchema, isLeafType, isObjectType } from 'graphql';

/**
 * @nestjs/graphql gives every plain `@Field` a resolver of its own (`rootFieldResolver`: `parent[name]`, or the
 * field's `defaultValue`) so that field middleware can wrap it. This schema uses neither field middleware nor
 * defaults on object types, so on scalar and enum fields those resolvers only cost a call per field and value:
 * they are removed, and graphql-jit reads the property inline. Fields that may hold a promise keep theirs
 * (graphql-jit awaits only what a resolver returns): object and list fields, and the lazy parts of connections
 * (`totalCount` is a getter that starts a COUNT).
 */
export function withoutPlainFieldResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name.endsWith('Connection')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve?.name === 'rootFieldResolver' && isLeafType(getNamedType(field.type))) field.resolve = undefined;
    }
  }
  return schema;
}
