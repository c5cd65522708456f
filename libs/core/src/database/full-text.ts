import { rawSql, Sql, sql } from './sql-fragment';

/**
 * Full-text search, in English and German, accents ignored (decision 80).
 *
 * Migration 1795900500000 creates two text search configurations, copies of PostgreSQL's `english` and
 * `german` whose word mappings run the `unaccent` dictionary before the stemmer: "München", "Munchen"
 * and "munchen" become the same lexeme, in documents and in queries alike, and `ts_headline` still
 * prints the text as written (it marks "München" for the query "Munchen").
 */
export const SEARCH_CONFIGURATIONS = ['search_english', 'search_german'] as const;

/** `ts_rank`'s weight classes: A counts 1.0, B 0.4, C 0.2, D 0.1 (PostgreSQL's defaults). */
export type SearchWeight = 'A' | 'B' | 'C' | 'D';

/**
 * The generation expression of a table's `search_document` column: every field stemmed in both
 * configurations and weighted (a title A, a body C), so that a title hit outranks a body hit. Fields are
 * SQL expressions over the table's own columns, without an alias (nullable ones wrapped in `coalesce`).
 *
 * Entities declare their column with this expression, so the schema test fails until a migration
 * rebuilds a column whose expression changed.
 */
export function searchDocumentExpression(fields: readonly (readonly [expression: string, weight: SearchWeight])[]): string {
  return SEARCH_CONFIGURATIONS.flatMap((config) =>
    fields.map(([expression, weight]) => `setweight(to_tsvector('${config}'::regconfig, ${expression}), '${weight}')`),
  ).join(' || ');
}

/**
 * A text search query parsed in both configurations and OR-ed, so that a document matches when either
 * language's stemming of every word does: `to_tsquery` for query text built by code (`word:* & word:*`),
 * `websearch_to_tsquery` for what a person typed (any text is valid).
 */
export function searchQueryInBothLanguages(parser: 'to_tsquery' | 'websearch_to_tsquery', text: string): Sql {
  const [english, german] = SEARCH_CONFIGURATIONS.map((config) => sql`${rawSql(parser)}(${rawSql(`'${config}'`)}, ${text})`);
  return sql`(${english} || ${german})`;
}
