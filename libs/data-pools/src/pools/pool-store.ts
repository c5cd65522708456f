import { DataSource, EntityManager } from 'typeorm';
import { isId, NotFoundError, querySql, rawSql, selectColumns, sql, Viewer } from '@app/core';
import { dataPoolReadableBy } from '../data-pool.policy';
import { DataPoolEntity } from './data-pool.entity';

type Db = DataSource | EntityManager;

/** The pool `id` if the viewer may read it, or null; `lock` takes its row lock for a change. */
export async function readPool(db: Db, dataSource: DataSource, viewer: Viewer, id: string, lock = false): Promise<DataPoolEntity | null> {
  if (!isId(id)) return null;
  const [row] = await querySql<DataPoolEntity>(
    db,
    sql`SELECT ${rawSql(selectColumns(dataSource, DataPoolEntity, 'dp'))} FROM data_pools dp
        WHERE dp.id = ${id}::uuid AND ${dataPoolReadableBy(viewer, 'dp')}${rawSql(lock ? ' FOR UPDATE OF dp' : '')}`,
  );
  return row ?? null;
}

/**
 * The pool with its row lock, for a change in the caller's transaction; NOT_FOUND when it is missing or the
 * viewer may not read it (a mutation reveals nothing). Every change of a pool, its signatures, datasets and
 * requests takes this lock first, so changes of one pool run one after the other: a signature never lands
 * on terms that changed meanwhile, and activation sees every signature.
 */
export async function lockPool(em: EntityManager, dataSource: DataSource, viewer: Viewer, id: string): Promise<DataPoolEntity> {
  const pool = await readPool(em, dataSource, viewer, id, true);
  if (!pool) throw new NotFoundError('data pool');
  return pool;
}
