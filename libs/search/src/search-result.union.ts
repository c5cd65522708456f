import { Type } from '@nestjs/common';
import { createUnionType } from '@nestjs/graphql';
import { SEARCH_SOURCES } from './search-sources';

/** Each found node's GraphQL type: loaders give plain rows, which do not say what they are. */
const typeOfNode = new WeakMap<object, Type<unknown>>();

/** Marks a node loaded for a hit with its type, for the union's resolveType. */
export function asSearchResult(node: object, type: Type<unknown>): object {
  typeOfNode.set(node, type);
  return node;
}

/** What a hit is: one member per search source (Capability and ResourceNeed join with the marketplace's sources, DataPool and Dataset with the data pools'). */
export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'Something search found; its `kind` is on the hit.',
  types: () => SEARCH_SOURCES.map((source) => source.type) as unknown as readonly [Type<object>],
  resolveType: (node: object) => typeOfNode.get(node),
});
