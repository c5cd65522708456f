import { DataSource, EntityManager } from 'typeorm';
import { Page } from './connection.model';
import { PageInfo } from './page-info.model';
import { PageArgs } from './connection.args';
import { CursorValueType, decodeCursor, encodeCursor } from './cursor';

type Db = DataSource | EntityManager;

export interface SortKey {
  /** SQL expression over the query's tables, e.g. `lower(o.name)`. */
  sql: string;
  /** Cast applied to the cursor value, so PostgreSQL compares like with like. */
  type: CursorValueType;
  /**
   * The row property that holds the same value when the list's columns include it (`createdAt` for
   * `p.created_at`): the key is then read from the row instead of being selected a second time.
   */
  property?: string;
}

/**
 * One list: `SELECT columns FROM from WHERE where… ORDER BY orderBy`. The last sort key must be
 * unique (the id) so that the order is total and pages never skip or repeat a row.
 */
export interface ListQuery {
  columns: string;
  from: string;
  where?: string[];
  params?: unknown[];
  orderBy: SortKey[];
  descending?: boolean;
  /**
   * The entity properties `columns` holds: a set, or `'all'`. Sort keys whose `property` is among them
   * are not selected twice. Unset: every key is selected as `__k0`, `__k1`…
   */
  properties?: ReadonlySet<string> | 'all';
}

interface Built {
  sql: string;
  params: unknown[];
}

function whereClause(conditions: string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

/** The name of each sort key's value in a row: the row's own property when it is selected, else `__k{i}`. */
function keyNames(query: ListQuery): string[] {
  const { properties } = query;
  return query.orderBy.map((k, i) => (k.property && properties && (properties === 'all' || properties.has(k.property)) ? k.property : `__k${i}`));
}

/** The sort keys the columns do not already hold, as extra columns (`, p.created_at AS "__k0"`), or ''. */
function keyColumns(query: ListQuery, names: string[]): string {
  return query.orderBy.map((k, i) => (names[i] === `__k${i}` ? `, ${k.sql} AS "__k${i}"` : '')).join('');
}

/** Conditions (with params appended) that keep only rows after the cursor. */
function afterCondition(query: ListQuery, params: unknown[], after: string | null, keys: string[]): string[] {
  if (!after) return [];
  const values = decodeCursor(after, query.orderBy.map((k) => k.type));
  const placeholders = query.orderBy.map((k, i) => {
    params.push(values[i]);
    return `$${params.length}::${k.type}`;
  });
  return [`(${keys.join(', ')}) ${query.descending ? '<' : '>'} (${placeholders.join(', ')})`];
}

/**
 * An edge whose cursor is encoded only if a client asks for it (most ask for nodes alone). The row
 * keeps any extra sort-key columns (`__k0`…): GraphQL serialises only the schema's fields, and deleting
 * properties would turn every row into a slow dictionary-mode object.
 */
class KeysetEdge<T> {
  private encoded?: string;
  constructor(
    readonly node: T,
    private readonly keyNames: string[],
  ) {}

  get cursor(): string {
    const row = this.node as Record<string, unknown>;
    return (this.encoded ??= encodeCursor(this.keyNames.map((k) => row[k])));
  }
}

/** Page information whose cursors, like the edges', are encoded only when read. */
class KeysetPageInfo<T> implements PageInfo {
  constructor(
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
    private readonly edges: KeysetEdge<T>[],
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges[this.edges.length - 1]?.cursor ?? null;
  }
}

function toPage<T>(rows: Record<string, unknown>[], names: string[], args: PageArgs): Page<T> {
  const edges = rows.slice(0, args.first).map((row) => new KeysetEdge(row as T, names));
  return { edges, pageInfo: new KeysetPageInfo(rows.length > args.first, args.after !== null, edges) };
}

function direction(query: ListQuery): string {
  return query.descending ? 'DESC' : 'ASC';
}

/**
 * The LIMIT of a page of `first` rows, one more to tell whether there is a next page, written into the
 * statement's text rather than passed as a parameter (decision 160): with a parameter, PostgreSQL's generic
 * plan of the prepared statement cannot know it, estimates a tenth of the table, and so never looks
 * cheaper than the custom plans — the statement was planned again at every execution, which for a member's
 * list (the read rule's subplans) cost more than running it. `first` is a validated page size (1..100), so a
 * list has at most a hundred texts; a connection keeps 256 prepared (PREPARED_PER_CONNECTION).
 */
export function pageLimit(first: number): number {
  if (!Number.isSafeInteger(first) || first < 0) throw new Error(`A page size must be a whole number, not ${first}`);
  return first + 1;
}

/** One page of a top-level list: a single index-friendly statement with `LIMIT first + 1` (`pageLimit`). */
export async function fetchPage<T>(db: Db, query: ListQuery, args: PageArgs): Promise<Page<T>> {
  const params = [...(query.params ?? [])];
  const keys = query.orderBy.map((k) => k.sql);
  const names = keyNames(query);
  const conditions = [...(query.where ?? []), ...afterCondition(query, params, args.after, keys)];
  const built: Built = {
    sql: `SELECT ${query.columns}${keyColumns(query, names)} FROM ${query.from} ${whereClause(conditions)}
          ORDER BY ${keys.map((k) => `${k} ${direction(query)}`).join(', ')} LIMIT ${pageLimit(args.first)}`,
    params,
  };
  return toPage<T>(await db.query(built.sql, built.params), names, args);
}

export async function fetchCount(db: Db, query: ListQuery): Promise<number> {
  const rows: { count: string }[] = await db.query(
    `SELECT count(*) AS count FROM ${query.from} ${whereClause(query.where ?? [])}`,
    query.params ?? [],
  );
  return Number(rows[0].count);
}

/**
 * The same page for many parents at once (a nested connection under a list): one statement per batch,
 * whatever the number of parents. Each parent's page is its own `LIMIT first + 1` in a LATERAL subquery,
 * so an index on (parent, sort keys) serves it and the cost does not grow with the parent's rows (a
 * `row_number()` per parent sorted all of them: a group's 20 latest proposals read its 60,000). Parent
 * ids are UUIDs.
 */
export async function fetchPagesByParent<T>(
  db: Db,
  query: ListQuery,
  parent: string,
  parentIds: readonly string[],
  args: PageArgs,
): Promise<Map<string, Page<T>>> {
  const pages = new Map<string, Page<T>>();
  if (parentIds.length > 0) {
    const params = [...(query.params ?? []), parentIds];
    const parentCondition = `${parent} = "__parents".id`;
    const parents = `unnest($${params.length}::uuid[]) AS "__parents"(id)`;
    const names = keyNames(query);
    const keys = query.orderBy.map((k) => k.sql);
    const cursor = afterCondition(query, params, args.after, keys);
    const order = keys.map((k) => `${k} ${direction(query)}`).join(', ');
    const outerOrder = names.map((name) => `s."${name}" ${direction(query)}`).join(', ');
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT s.* FROM ${parents} CROSS JOIN LATERAL (
         SELECT ${query.columns}${keyColumns(query, names)}, ${parent} AS "__parent"
         FROM ${query.from} ${whereClause([...(query.where ?? []), parentCondition, ...cursor])}
         ORDER BY ${order} LIMIT ${pageLimit(args.first)}) s
       ORDER BY s."__parent", ${outerOrder}`,
      params,
    );
    const byParent = new Map<string, Record<string, unknown>[]>();
    for (const row of rows) {
      const key = String(row.__parent);
      const list = byParent.get(key) ?? [];
      list.push(row);
      byParent.set(key, list);
    }
    for (const [key, list] of byParent) pages.set(key, toPage<T>(list, names, args));
  }
  for (const id of parentIds) if (!pages.has(id)) pages.set(id, toPage<T>([], [], args));
  return pages;
}

export async function fetchCountsByParent(db: Db, query: ListQuery, parent: string, parentIds: readonly string[]): Promise<Map<string, number>> {
  const params = [...(query.params ?? []), parentIds];
  const rows: { parent: string; count: string }[] = await db.query(
    `SELECT ${parent} AS parent, count(*) AS count FROM ${query.from}
     ${whereClause([...(query.where ?? []), `${parent} = ANY($${params.length})`])} GROUP BY ${parent}`,
    params,
  );
  const counts = new Map(rows.map((r) => [String(r.parent), Number(r.count)]));
  return new Map(parentIds.map((id) => [id, counts.get(id) ?? 0]));
}
