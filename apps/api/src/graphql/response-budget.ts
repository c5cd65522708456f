import { defaultFieldResolver, ExecutionResult, getNullableType, GraphQLError, GraphQLSchema, isListType, isObjectType } from 'graphql';
import { DomainError, GqlContext, maxItemsOf } from '@app/core';

/** An answer that would hold more list items than RESPONSE_ITEM_LIMIT. */
export class ResponseTooLargeError extends DomainError {
  readonly kind = 'INVALID';
  constructor(limit: number) {
    super('RESPONSE_TOO_LARGE', `The answer would hold more than ${limit} list items; ask for less (smaller pages, fewer aliases, fewer nested lists)`);
  }
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/**
 * Counts, during execution, the items of every list an HTTP answer holds (`GqlContext.responseItems`), and
 * stops at the list that passes `limit`: that list's field fails, and so does every list field resolved after
 * it, before its resolver runs, so no further rows are loaded and nothing nested under them executes. The
 * executor then answers RESPONSE_TOO_LARGE alone (`tooLarge`), not the partial data.
 *
 * Objects multiply only through lists (an object field answers one object per parent), so list items bound an
 * answer's size to the document's size times the count. The cost limit refuses operations whose worst case is
 * too large before they run; this catches the rest (cached lists repeated under aliases, worst cases that the
 * estimate could only bound loosely). A list field's resolver is called once per list, not per item.
 * Subscriptions (no `responseItems` in their context) are not counted: each event is one small object.
 *
 * A list field with a declared bound (`@MaxItems`) also never answers more than that many items, whatever its
 * loader returned: the cost limit counts on it. The loaders keep to the bounds themselves; this is the backstop.
 */
export function withResponseBudget(limit: number) {
  return (schema: GraphQLSchema): GraphQLSchema => {
    const count = (context: GqlContext, items: unknown): unknown => {
      if (context.responseItems === undefined) return items;
      if (Array.isArray(items)) context.responseItems += items.length;
      if (context.responseItems > limit) throw new ResponseTooLargeError(limit);
      return items;
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type))) continue;
        const resolve = field.resolve ?? defaultFieldResolver;
        const max = maxItemsOf(field) ?? Infinity;
        const bounded = (context: GqlContext, items: unknown) => count(context, Array.isArray(items) && items.length > max ? items.slice(0, max) : items);
        field.resolve = (source, args, context: GqlContext, info) => {
          if (context.responseItems !== undefined && context.responseItems > limit) throw new ResponseTooLargeError(limit);
          const result = resolve(source, args, context, info);
          return isPromiseLike(result) ? Promise.resolve(result).then((items) => bounded(context, items)) : bounded(context, result);
        };
      }
    }
    return schema;
  };
}

/** The answer for an operation that passed the limit: the error alone, none of the partial data. */
export function tooLarge(context: GqlContext, limit: number): ExecutionResult | null {
  if (context.responseItems === undefined || context.responseItems <= limit) return null;
  const original = new ResponseTooLargeError(limit);
  return { data: null, errors: [new GraphQLError(original.message, { originalError: original })] };
}
