import { EntityManager } from 'typeorm';
import { DataPoolState } from '../data-pools.enums';
import { DataPoolEntity } from './data-pool.entity';

/** Writes the pool's changed fields with a new version and time; returns the pool as stored. */
export async function writePool(em: EntityManager, pool: DataPoolEntity, changes: Partial<Pick<DataPoolEntity, 'state' | 'terms' | 'termsVersion' | 'termsDigest' | 'validUntil'>>): Promise<DataPoolEntity> {
  const written: DataPoolEntity = { ...pool, ...changes, version: pool.version + 1, updatedAt: new Date() };
  await em.getRepository(DataPoolEntity).update(pool.id, { ...changes, version: written.version, updatedAt: written.updatedAt });
  return written;
}

/** The state a pool falls back to when its parties or terms change: an ACTIVE pool must be signed again. */
export function stateAfterChange(state: DataPoolState): DataPoolState {
  return state === DataPoolState.ACTIVE ? DataPoolState.OPEN_FOR_SIGNATURE : state;
}
