import { GraphQLError, ValidationRule } from 'graphql';

/**
 * Refuses `__schema` and `__type` when introspection is off, naming the setting that turns it on (Apollo's own
 * rule names its constructor option, which an operator of this API cannot set). `__typename` stays allowed.
 */
export const noIntrospectionRule: ValidationRule = (context) => ({
  Field(field) {
    const name = field.name.value;
    if (name !== '__schema' && name !== '__type') return;
    context.reportError(
      new GraphQLError(`Introspection (${name}) is off on this server; the operator turns it on with GRAPHQL_PLAYGROUND=true`, {
        nodes: [field],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    );
  },
});
