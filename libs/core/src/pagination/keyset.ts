import { DataSource, EntityManager } from 'typeorm';
import { Page } from './connection.model';
import { PageArgs } from './connection.args';
import { CursorValueType, decodeCursor, encodeCursor } from './cursor';

type Db = DataSource | EntityManager;

export interface SortKey {
  /** SQL expression over the query's tables, e.g. `lower(o.name)`. */
  sql: string;
  /** Cast applied to the cursor value, so PostgreSQL compares like with like. */
  type: CursorValueType;
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
}

interface Built {
  sql: string;
  params: unknown[];
}

function whereClause(conditions: string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

function keyColumns(query: ListQuery): string {
  return query.orderBy.map((k, i) => `${k.sql} AS "__k${i}"`).join(', ');
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
 * keeps its sort-key columns (`__k0`…): GraphQL serialises only the schema's fields, and deleting
 * properties would turn every row into a slow dictionary-mode object.
 */
class KeysetEdge<T> {
  private encoded?: string;
  constructor(
    readonly node: T,
    private readonly keyValues: unknown[],
  ) {}

  get cursor(): string {
    return (this.encoded ??= encodeCursor(this.keyValues));
  }
}

function toPage<T>(rows: Record<string, unknown>[], query: ListQuery, args: PageArgs): Page<T> {
  const hasNextPage = rows.length > args.first;
  const keyNames = query.orderBy.map((_, i) => `__k${i}`);
  const edges = rows.slice(0, args.first).map((row) => new KeysetEdge(row as T, keyNames.map((k) => row[k])));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: args.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

function direction(query: ListQuery): string {
  return query.descending ? 'DESC' : 'ASC';
}

/** One page of a top-level list: a single index-friendly statement with `LIMIT first + 1`. */
export async function fetchPage<T>(db: Db, query: ListQuery, args: PageArgs): Promise<Page<T>> {
  const params = [...(query.params ?? [])];
  const keys = query.orderBy.map((k) => k.sql);
  const conditions = [...(query.where ?? []), ...afterCondition(query, params, args.after, keys)];
  params.push(args.first + 1);
  const built: Built = {
    sql: `SELECT ${query.columns}, ${keyColumns(query)} FROM ${query.from} ${whereClause(conditions)}
          ORDER BY ${keys.map((k) => `${k} ${direction(query)}`).join(', ')} LIMIT $${params.length}`,
    params,
  };
  return toPage<T>(await db.query(built.sql, built.params), query, args);
}

export async function fetchCount(db: Db, query: ListQuery): Promise<number> {
  const rows: { count: string }[] = await db.query(
    `SELECT count(*) AS count FROM ${query.from} ${whereClause(query.where ?? [])}`,
    query.params ?? [],
  );
  return Number(rows[0].count);
}

/**
 * The same page for many parents at once (a nested connection under a list): one statement per
 * batch, whatever the number of parents, using `row_number()` per parent.
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
    const parentCondition = `${parent} = ANY($${params.length})`;
    const outerKeys = query.orderBy.map((_, i) => `s."__k${i}"`);
    const cursor = afterCondition(query, params, args.after, outerKeys);
    params.push(args.first + 1);
    const order = outerKeys.map((k) => `${k} ${direction(query)}`).join(', ');
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT * FROM (
         SELECT s.*, row_number() OVER (PARTITION BY s."__parent" ORDER BY ${order}) AS "__rn"
         FROM (SELECT ${query.columns}, ${keyColumns(query)}, ${parent} AS "__parent"
               FROM ${query.from} ${whereClause([...(query.where ?? []), parentCondition])}) s
         ${whereClause(cursor)}
       ) r WHERE r."__rn" <= $${params.length} ORDER BY r."__parent", r."__rn"`,
      params,
    );
    const byParent = new Map<string, Record<string, unknown>[]>();
    for (const row of rows) {
      const key = String(row.__parent);
      const list = byParent.get(key) ?? [];
      list.push(row);
      byParent.set(key, list);
    }
    for (const [key, list] of byParent) pages.set(key, toPage<T>(list, query, args));
  }
  for (const id of parentIds) if (!pages.has(id)) pages.set(id, toPage<T>([], query, args));
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
