import {
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  GraphQLNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, maxItemsOf } from '@app/core';

/** The page size a connection field will use: its literal `first`, the cap for a variable, else the default. */
function pageSize(field: FieldNode): number {
  const first = field.arguments?.find((a) => a.name.value === 'first');
  if (!first) return DEFAULT_PAGE_SIZE;
  if (first.value.kind === Kind.INT) return Math.min(Number(first.value.value), MAX_PAGE_SIZE);
  return MAX_PAGE_SIZE;
}

/**
 * Estimates the rows an operation can touch: every field costs 1, and what is selected under a
 * connection counts once per row of its page, under a plain list once per item of its declared bound
 * (`@MaxItems`; every plain list of the schema declares one, list-bounds.e2e-spec.ts checks it). Rejects operations above `maxCost` before execution,
 * so a single request (or a pile of aliases) cannot ask for millions of rows.
 */
export function costLimitRule(maxCost: number): ValidationRule {
  return (context: ValidationContext) => {
    const schema = context.getSchema();
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }

    const costOf = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined, seen: Set<string>): number => {
      let total = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          const fieldDef = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
          const type = fieldDef ? getNamedType(fieldDef.type) : undefined;
          const children = selection.selectionSet ? costOf(selection.selectionSet, type, seen) : 0;
          const multiplier = type?.name.endsWith('Connection') ? pageSize(selection) : (fieldDef && maxItemsOf(fieldDef)) || 1;
          total += 1 + multiplier * children;
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
          total += costOf(selection.selectionSet, type ?? undefined, seen);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || seen.has(name)) continue;
          const type = schema.getType(fragment.typeCondition.name.value) ?? undefined;
          total += costOf(fragment.selectionSet, type, new Set([...seen, name]));
        }
      }
      return total;
    };

    return {
      OperationDefinition(operation) {
        const root =
          operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
        const cost = costOf(operation.selectionSet, root ?? undefined, new Set());
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(`The operation may cost ${cost} (fields × rows); at most ${maxCost} is allowed. Ask for smaller pages.`, {
              nodes: [operation],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
          );
        }
      },
    };
  };
}

/** Caps aliases per operation: aliasing one field hundreds of times is a cheap way to multiply work. */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext) => {
    let aliases = 0;
    return {
      Field(field) {
        if (field.alias) aliases += 1;
      },
      Document: {
        leave(document) {
          if (aliases > maxAliases) {
            context.reportError(
              new GraphQLError(`The document uses ${aliases} aliases; at most ${maxAliases} are allowed`, {
                nodes: [document],
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
              }),
            );
          }
        },
      },
    };
  };
}
