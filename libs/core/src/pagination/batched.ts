import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { querySql, rawSql, Sql, sql } from '../database/sql-fragment';
import { Connection, lazyConnection, Page } from './connection.model';
import { PageArgs } from './connection.args';
import { fetchCountsByParent, fetchPagesByParent, ListQuery } from './keyset';

/**
 * A nested connection under many parents (e.g. `Organization.people` for every organisation of a
 * page): one statement per batch for the pages and one for the counts, whatever the number of
 * parents. Build it inside a lib's `createXLoaders`, so it lives for one request.
 */
export function batchedConnections<T>(dataSource: DataSource, query: ListQuery, parent: string) {
  const pagesByArgs = new Map<string, DataLoader<string, Page<T>>>();
  const counts = new DataLoader<string, number>(async (ids) => {
    const byParent = await fetchCountsByParent(dataSource, query, parent, ids);
    return ids.map((id) => byParent.get(id)!);
  });
  return (parentId: string, args: PageArgs): Connection<T> => {
    const key = JSON.stringify(args);
    let pages = pagesByArgs.get(key);
    if (!pages) {
      pages = new DataLoader<string, Page<T>>(async (ids) => {
        const byParent = await fetchPagesByParent<T>(dataSource, query, parent, ids, args);
        return ids.map((id) => byParent.get(id)!);
      });
      pagesByArgs.set(key, pages);
    }
    const loader = pages;
    return lazyConnection(
      () => loader.load(parentId),
      () => counts.load(parentId),
    );
  };
}

/**
 * A plain list under each key of a batch (a field with `@MaxItems`): the rows of `from` whose `key`
 * column is the key and that meet `where`, in `orderBy`, at most `limit` of them.
 */
export interface GroupedList {
  /** The select list; it includes the key (the loader groups the rows by it). */
  columns: Sql;
  /** The table, and what it joins. */
  from: Sql;
  /** The (UUID) column that ties a row to its key, e.g. `i.meeting_id`. */
  key: Sql;
  where?: Sql;
  /** Each key's order. Its last term is unique, so which rows are a key's first `limit` is settled. */
  orderBy: Sql;
  /** The field's `@MaxItems`: no key reads more rows than this from PostgreSQL. */
  limit: number;
  /** Give each key's rows in the reverse of `orderBy`: the newest `limit` of a trail, oldest first. */
  reversed?: boolean;
}

/**
 * The statement of a `groupedLoader`: each key's list is its own `ORDER BY … LIMIT` in a LATERAL
 * subquery (decision 60), so PostgreSQL reads and sends at most `limit` rows per key, and an index on
 * (key, order) serves it without sorting the key's other rows. `row_number()` numbers each key's rows
 * in the list's order for the outer ORDER BY; the rows keep that `__rank` column, as keyset pages keep
 * their sort keys (deleting a property would make each row a slow dictionary-mode object).
 */
export function groupedListSql(list: GroupedList, keys: readonly string[]): Sql {
  if (!Number.isInteger(list.limit) || list.limit < 1) throw new Error(`A grouped list's limit must be a positive integer, not ${list.limit}`);
  // The bound is the loader's constant, not a value: written into the text, the planner sees it in generic plans too.
  return sql`SELECT "__list".* FROM unnest(${keys}::uuid[]) AS "__keys"(id) CROSS JOIN LATERAL (
      SELECT ${list.columns}, row_number() OVER (ORDER BY ${list.orderBy}) AS "__rank"
      FROM ${list.from}
      WHERE ${list.key} = "__keys".id AND (${list.where ?? rawSql('TRUE')})
      ORDER BY ${list.orderBy} LIMIT ${rawSql(String(list.limit))}
    ) "__list" ORDER BY "__list"."__rank" ${rawSql(list.reversed ? 'DESC' : 'ASC')}`;
}

/** Each key's list (`GroupedList`), for every key of a batch, in one statement. */
export function groupedLoader<T>(dataSource: DataSource, list: GroupedList, key: keyof T) {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows = await querySql<T>(dataSource, groupedListSql(list, ids));
    const grouped = new Map<string, T[]>();
    for (const row of rows) {
      const id = String(row[key]);
      const found = grouped.get(id);
      if (found) found.push(row);
      else grouped.set(id, [row]);
    }
    return ids.map((id) => grouped.get(id) ?? []);
  });
}

/** Rows by id, in key order, null where missing, in one statement (`sql` takes the ids as $1). */
export function byIdLoader<T extends { id: string }>(dataSource: DataSource, sql: string, params: unknown[] = []) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows: T[] = await dataSource.query(sql, [ids, ...params]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
