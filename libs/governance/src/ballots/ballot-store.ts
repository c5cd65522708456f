import { DataSource, EntityManager } from 'typeorm';
import { isId, NotFoundError, querySql, rawSql, selectColumns, sql, Viewer } from '@app/core';
import { BallotEntity } from './ballot.entity';
import { ballotReadableBy } from './ballot.policy';

type Db = DataSource | EntityManager;

/** The ballot `id` if the viewer may read it, or null; `lock` takes its row lock (`FOR UPDATE` or `FOR SHARE`). */
export async function readBallot(db: Db, dataSource: DataSource, viewer: Viewer, id: string, lock: '' | 'UPDATE' | 'SHARE' = ''): Promise<BallotEntity | null> {
  if (!isId(id)) return null;
  const [row] = await querySql<BallotEntity>(
    db,
    sql`SELECT ${rawSql(selectColumns(dataSource, BallotEntity, 'b'))} FROM ballots b
        WHERE b.id = ${id}::uuid AND ${ballotReadableBy(viewer, 'b')}${rawSql(lock ? ` FOR ${lock} OF b` : '')}`,
  );
  return row ?? null;
}

/**
 * The ballot with its row lock, for a change in the caller's transaction; NOT_FOUND when it is missing or the
 * viewer may not read it. State changes take `FOR UPDATE`; votes take `FOR SHARE`, so organisations vote in
 * parallel while a close waits for the votes in flight and no vote lands after it.
 */
export async function lockBallot(em: EntityManager, dataSource: DataSource, viewer: Viewer, id: string, lock: 'UPDATE' | 'SHARE'): Promise<BallotEntity> {
  const ballot = await readBallot(em, dataSource, viewer, id, lock);
  if (!ballot) throw new NotFoundError('ballot');
  return ballot;
}
