import { EntityManager } from 'typeorm';
import { querySql, sql } from '@app/core';
import { hardRequirements } from '@app/marketplace';

// Both statements look up one row by id and match it in a LATERAL subquery that the row parameterises,
// so the other side is read through its partial index of one kind (OPEN needs, ACTIVE capabilities).
// `OFFSET 0` keeps PostgreSQL from pulling the subquery up into a plain join, which it would hash over
// the whole other table (50,000 needs: a sequential scan, 9.6 ms; through the index, 2.3 ms).

/** An open need a capability newly matches, with what its notice says. */
export interface NewMatch {
  needId: string;
  needTitle: string;
  organizationId: string;
}

/**
 * The open needs that capability `capabilityId` matches now and whose owner was never told of this pair,
 * recorded as told — one statement, with the matching's own hard requirements (`hardRequirements`, the
 * SQL behind ResourceNeed.matches) over the OPEN needs of the capability's kind. Pairs recorded already
 * (told before, or seen when the need was published) are left out, so each pair is announced once, ever;
 * of two expansions at once, the second waits on the first's rows and finds them taken. A need changed
 * since the capability was is left to `recordMatchesOfNeed`: its people saw the capability among its
 * matches then. Comparing the two rows' `updated_at` decides every pair the same way whichever event the
 * worker expands first.
 */
export function recordNewMatchesOfCapability(em: EntityManager, capabilityId: string): Promise<NewMatch[]> {
  return querySql<NewMatch>(
    em,
    sql`WITH matched AS (
          SELECT m.id, m.title, m.organization_id, m.created_at FROM capabilities c CROSS JOIN LATERAL (
            SELECT n.id, n.title, n.organization_id, n.created_at FROM resource_needs n
            WHERE ${hardRequirements()} AND n.updated_at < c.updated_at OFFSET 0) m
          WHERE c.id = ${capabilityId}::uuid),
        noted AS (
          INSERT INTO marketplace_match_notices (need_id, capability_id) SELECT m.id, ${capabilityId}::uuid FROM matched m
          ON CONFLICT DO NOTHING RETURNING need_id)
        SELECT m.id AS "needId", m.title AS "needTitle", m.organization_id AS "organizationId"
        FROM matched m JOIN noted ON noted.need_id = m.id ORDER BY m.created_at, m.id`,
  );
}

/**
 * Records the capabilities need `needId` matches now, as they were when the need was last changed, as
 * known to its owner, announcing none: the people who publish or change a need see its matches on the
 * need itself (decision 88). A capability changed since is left to `recordNewMatchesOfCapability`, which
 * announces it. One statement.
 */
export async function recordMatchesOfNeed(em: EntityManager, needId: string): Promise<void> {
  await querySql(
    em,
    sql`INSERT INTO marketplace_match_notices (need_id, capability_id)
        SELECT n.id, m.id FROM resource_needs n CROSS JOIN LATERAL (
          SELECT c.id FROM capabilities c WHERE ${hardRequirements()} AND c.updated_at <= n.updated_at OFFSET 0) m
        WHERE n.id = ${needId}::uuid
        ON CONFLICT DO NOTHING`,
  );
}
