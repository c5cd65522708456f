import { emptySql, joinSql, rawSql, SEARCH_CONFIGURATIONS, searchQueryInBothLanguages, Sql, sql, Viewer } from '@app/core';
import { SearchKind } from './search-kind.enum';
import { SearchSource } from './search-source';
import { SearchText } from './search-text';

/** Where a page continues: after the hit with this rank (as PostgreSQL printed it), kind and id. */
export interface SearchCursor {
  rank: string;
  kind: SearchKind;
  id: string;
}

/** The alias of a source's row in every statement. */
const ROW = rawSql('r');

/** Matched words between « and », at most two short fragments (` … ` between them), else the text's start. */
const HEADLINE_OPTIONS = rawSql(`'StartSel=«, StopSel=», MaxWords=14, MinWords=6, MaxFragments=2, FragmentDelimiter=" … "'`);

const [ENGLISH, GERMAN] = SEARCH_CONFIGURATIONS.map((config) => rawSql(`'${config}'`));

/** A kind as an SQL literal (the enum's own names, never input). */
const kindLiteral = (kind: SearchKind) => rawSql(`'${kind}'::text`);

/**
 * The text's query in both configurations, as a scalar subquery: PostgreSQL parses it once per statement
 * (an InitPlan) and hands the result to the index, the read rows and `ts_rank`. As an expression of the
 * statement's parameters it was parsed again for every hit ranked whenever the prepared statement ran its
 * generic plan, which it does after five executions (decision 173).
 */
function parsedOnce(text: SearchText): Sql {
  return sql`(SELECT ${searchQueryInBothLanguages('to_tsquery', text.tsquery)})`;
}

/** The rows of a source that match and that the viewer may read: the GIN index finds the first, the policy filters. */
function matching(source: SearchSource, viewer: Viewer, query: Sql): Sql {
  return sql`FROM ${rawSql(source.table)} ${ROW} WHERE ${ROW}.search_document @@ ${query} AND (${source.readable(viewer, ROW)})`;
}

/**
 * The snippet of the row `id`: `ts_headline` in English, or in German when the English one marked nothing
 * (each stems the text it prints in one language; the query holds both languages' stems).
 */
function snippet(source: SearchSource, query: Sql, id: Sql): Sql {
  return sql`(SELECT NULLIF(CASE WHEN strpos(h.english, '«') > 0 THEN h.english ELSE ts_headline(${GERMAN}, h.text, ${query}, ${HEADLINE_OPTIONS}) END, '')
    FROM (SELECT t.text, ts_headline(${ENGLISH}, t.text, ${query}, ${HEADLINE_OPTIONS}) AS english
          FROM (SELECT ${source.snippetText(ROW)} AS text FROM ${rawSql(source.table)} ${ROW} WHERE ${ROW}.id = ${id}) t) h)`;
}

/**
 * One page of hits across every source, in one statement: each source's matching rows with their rank
 * (`ts_rank`, rounded to 6 decimals so that the cursor holds it exactly), UNION ALL, best first, ties by
 * kind and id; `limit` rows after the cursor. Snippets are cut only for the page's rows. With `withTotal`,
 * each row also carries `total`, every hit counted by a window before the cursor and the limit (decision
 * 110): the page already ranks every hit, so counting them there is one pass over rows it holds, where
 * `searchCountStatement` would find and filter them all again.
 */
export function searchPageStatement(
  sources: readonly SearchSource[],
  viewer: Viewer,
  text: SearchText,
  after: SearchCursor | null,
  limit: number,
  withTotal = false,
): Sql {
  const query = parsedOnce(text);
  const hits = joinSql(
    sources.map((source) => sql`SELECT ${kindLiteral(source.kind)} AS kind, ${ROW}.id, round(ts_rank(${ROW}.search_document, ${query})::numeric, 6) AS rank ${matching(source, viewer, query)}`),
    ' UNION ALL ',
  );
  // The window sees every hit: the cursor's condition stays outside it (PostgreSQL keeps a condition above a window).
  const counted = withTotal ? sql`(SELECT a.kind, a.id, a.rank, count(*) OVER ()::int AS total FROM (${hits}) a)` : sql`(${hits})`;
  const total = withTotal ? rawSql(', h.total') : emptySql;
  const cursor = after ? sql`WHERE (h.rank, h.kind, h.id) < (${after.rank}::numeric, ${after.kind}::text, ${after.id}::uuid)` : emptySql;
  const snippets = joinSql(sources.map((source) => sql`WHEN ${kindLiteral(source.kind)} THEN ${snippet(source, query, rawSql('page.id'))}`), ' ');
  return sql`SELECT page.*, CASE page.kind ${snippets} END AS snippet
    FROM (SELECT h.kind, h.id, h.rank${total} FROM ${counted} h ${cursor} ORDER BY h.rank DESC, h.kind DESC, h.id DESC LIMIT ${limit}) page
    ORDER BY page.rank DESC, page.kind DESC, page.id DESC`;
}

/** How many hits there are in all, the same rows as the pages: one count per source, summed. */
export function searchCountStatement(sources: readonly SearchSource[], viewer: Viewer, text: SearchText): Sql {
  const query = parsedOnce(text);
  return sql`SELECT (${joinSql(sources.map((source) => sql`(SELECT count(*) ${matching(source, viewer, query)})`), ' + ')})::int AS count`;
}
