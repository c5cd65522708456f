import { EntityManager } from 'typeorm';
import { ConflictError, querySql, sql } from '@app/core';
import { BINDING_ROLES, SignatureState } from '../data-pools.enums';
import { DataPoolEntity } from '../pools/data-pool.entity';

/**
 * The organisations whose signature of the current terms the pool still lacks: stewards, contributors and
 * hosts that have not withdrawn and have not signed this version. Read under the pool's lock.
 */
export async function missingSignatures(em: EntityManager, pool: DataPoolEntity): Promise<string[]> {
  const rows = await querySql<{ name: string }>(
    em,
    sql`SELECT o.name FROM data_pool_signatories s JOIN organizations o ON o.id = s.organization_id
        WHERE s.pool_id = ${pool.id}::uuid AND s.role = ANY(${BINDING_ROLES}::text[]) AND s.state <> ${SignatureState.WITHDRAWN}
          AND NOT (s.state = ${SignatureState.SIGNED} AND s.terms_version = ${pool.termsVersion})
        ORDER BY lower(o.name), o.id`,
  );
  return rows.map((r) => r.name);
}

/** CONFLICT naming who has not signed the current terms, if anyone: an ACTIVE pool never has a stale signature. */
export async function assertAllSigned(em: EntityManager, pool: DataPoolEntity): Promise<void> {
  const missing = await missingSignatures(em, pool);
  if (missing.length > 0) {
    throw new ConflictError(
      'SIGNATURES_MISSING',
      `Every steward, contributor and host must sign terms version ${pool.termsVersion} first; not yet signed by: ${missing.join(', ')}`,
      'state',
    );
  }
}
