import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

type Fragments = Record<string, FragmentDefinitionNode>;

/** The field nodes a selection set holds, through inline fragments and fragment spreads. */
function* fieldsOf(set: SelectionSetNode | undefined, fragments: Fragments): Generator<FieldNode> {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === 'Field') yield selection;
    else if (selection.kind === 'InlineFragment') yield* fieldsOf(selection.selectionSet, fragments);
    else yield* fieldsOf(fragments[selection.name.value]?.selectionSet, fragments);
  }
}

/**
 * The names of the fields a client selected under the resolved field, following `path` (e.g.
 * `['edges', 'node']` for a connection's nodes), across aliases, fragments and repeated selections.
 * Fields under `@skip`/`@include` count as selected: reading a column too many is harmless.
 */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[]): Set<string> {
  let level: FieldNode[] = [...info.fieldNodes];
  for (const name of path) {
    level = level.flatMap((node) => [...fieldsOf(node.selectionSet, info.fragments)].filter((field) => field.name.value === name));
  }
  const names = new Set<string>();
  for (const node of level) for (const field of fieldsOf(node.selectionSet, info.fragments)) names.add(field.name.value);
  return names;
}
