import { EntityManager } from 'typeorm';
import { ConflictError, querySql, rawSql, Sql, sql } from '@app/core';
import { BINDING_ROLES, SignatureState } from '../data-pools.enums';
import { DataPoolEntity } from '../pools/data-pool.entity';

/**
 * The organisations whose signature of the current terms the pool still lacks: stewards, contributors and
 * hosts that have not withdrawn and have not signed this version. Read under the pool's lock.
 */
export async function missingSignatures(em: EntityManager, pool: DataPoolEntity): Promise<string[]> {
  const rows = await querySql<{ name: string }>(
    em,
    sql`SELECT o.name FROM data_pools dp CROSS JOIN LATERAL (${missingSignaturesSql('dp')}) m JOIN organizations o ON o.id = m.organization_id
        WHERE dp.id = ${pool.id}::uuid ORDER BY lower(o.name), o.id`,
  );
  return rows.map((r) => r.name);
}

/**
 * The same organisations for the pool row `alias`, as a SELECT of one column `organization_id`: activation
 * and `DataPool.viewerCan.activate` count them alike.
 */
export function missingSignaturesSql(alias: string): Sql {
  const dp = rawSql(alias);
  return sql`SELECT s.organization_id FROM data_pool_signatories s
    WHERE s.pool_id = ${dp}.id AND s.role = ANY(${BINDING_ROLES}::text[]) AND s.state <> ${SignatureState.WITHDRAWN}
      AND NOT (s.state = ${SignatureState.SIGNED} AND s.terms_version = ${dp}.terms_version)`;
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
