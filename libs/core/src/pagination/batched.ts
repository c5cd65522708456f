import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
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
 * Rows grouped by one of their columns, for every key of a batch, in one statement (`sql` takes the keys as $1).
 * With `maxPerKey`, each key's list keeps its first `maxPerKey` rows in the statement's order (a field's `@MaxItems`).
 */
export function groupedLoader<T>(dataSource: DataSource, sql: string, key: keyof T, params: unknown[] = [], maxPerKey = Infinity) {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows: T[] = await dataSource.query(sql, [ids, ...params]);
    const grouped = new Map<string, T[]>();
    for (const row of rows) {
      const id = String(row[key]);
      const list = grouped.get(id);
      if (!list) grouped.set(id, [row]);
      else if (list.length < maxPerKey) list.push(row);
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
