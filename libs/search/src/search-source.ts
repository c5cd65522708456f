import { Type } from '@nestjs/common';
import { RequestLoaders, Sql, Viewer } from '@app/core';
import { SearchKind } from './search-kind.enum';

/**
 * One kind of thing search finds. Its table carries a GIN-indexed `search_document` (a stored weighted
 * tsvector, see `searchDocumentExpression` in @app/core and migration 1795900500000); the statement that
 * ranks every kind's hits together is built from these parts (search-statements.ts). Adding a kind is
 * adding one of these to SEARCH_SOURCES (search-sources.ts) and the column and index to its table.
 */
export interface SearchSource {
  readonly kind: SearchKind;
  /** The GraphQL type of its nodes: a member of the `SearchResult` union. */
  readonly type: Type<unknown>;
  /** The table, with an `id` (uuid) and a `search_document` column. */
  readonly table: string;
  /**
   * The rows `viewer` may read, over the row alias `row`: the same condition as the kind's own queries,
   * so that no hit, count or snippet shows what they would not.
   */
  readable(viewer: Viewer, row: Sql): Sql;
  /** The text a snippet is cut from, over the row alias `row`: only what every reader of the row may see. */
  snippetText(row: Sql): Sql;
  /** The node by id through the request's loaders (one statement per kind and page); null when it is gone or no longer readable. */
  load(loaders: RequestLoaders, id: string): Promise<object | null>;
}
