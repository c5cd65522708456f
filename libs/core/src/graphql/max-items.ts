import { Extensions } from '@nestjs/graphql';
import { GraphQLField } from 'graphql';

/**
 * Declares the most items a plain list field can return (decision 64). The cost limit multiplies what is selected
 * under the list by it, the API truncates a longer list to it (the first `max` in the field's documented order),
 * and a test fails for any list field that is neither a connection nor declared. The loader or query behind the
 * field should read no more than `max` rows per parent where the list can grow with data; say the bound in the
 * field's description.
 */
export const MaxItems = (max: number) => Extensions({ maxItems: max });

/** The bound declared with `@MaxItems`, if any. */
export const maxItemsOf = (field: GraphQLField<unknown, unknown>): number | undefined => {
  const max = field.extensions?.maxItems;
  return typeof max === 'number' ? max : undefined;
};
