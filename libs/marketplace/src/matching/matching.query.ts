import { DataSource } from 'typeorm';
import { emptySql, joinSql, rawSql, selectColumns, Sql, sql } from '@app/core';
import { CapabilityEntity } from '../capabilities/capability.entity';
import { SATISFIED_ALSO_BY, SENSITIVITY_ORDER } from '../marketplace.enums';
import { canReadCapability, organizationReader } from '../marketplace.policy';
import { EU_EEA } from './eu-eea';

/**
 * The certifications a capability row `alias` counts as holding: its own, and those its own satisfy
 * (TISAX_AL3 holds TISAX_AL2).
 */
export function certificationsHeld(alias: string): Sql {
  const held = rawSql(`${alias}.certifications`);
  const implied = Object.entries(SATISFIED_ALSO_BY).map(
    ([requirement, by]) => sql` || CASE WHEN ${held} && ${by}::text[] THEN ARRAY[${requirement}::text] ELSE '{}'::text[] END`,
  );
  return sql`(${held}${joinSql(implied, '')})`;
}

/**
 * The hard requirements of DESIGN.md ("Marketplace and search") for capability `c` and need `n`, every one
 * of which must hold: same kind; capability ACTIVE and need OPEN; sensitivity (one of the levels from the
 * need's up, so that `IDX_capabilities_match` serves it as a key, decision 174); location (the need's list, or
 * the EU/EEA when it is empty); certifications; windows overlapping where both give one (closed intervals,
 * an open end unbounded); readable by the need's owner — evaluated as that organisation (decision 76), never
 * as the viewer — and another organisation's.
 */
export function hardRequirements(): Sql {
  const levels = [...SENSITIVITY_ORDER];
  return sql`c.kind = n.kind
    AND c.status = 'ACTIVE' AND n.status = 'OPEN'
    AND c.max_sensitivity = ANY((${levels}::text[])[array_position(${levels}::text[], n.sensitivity):])
    AND (c.location = ANY(n.allowed_locations) OR (cardinality(n.allowed_locations) = 0 AND c.location = ANY(${[...EU_EEA]}::text[])))
    AND n.required_certifications <@ ${certificationsHeld('c')}
    AND (c.available_from IS NULL OR n.needed_until IS NULL OR c.available_from <= n.needed_until)
    AND (c.available_until IS NULL OR n.needed_from IS NULL OR c.available_until >= n.needed_from)
    AND c.organization_id <> n.organization_id
    AND ${canReadCapability(organizationReader(rawSql('n.organization_id')), 'c')}`;
}

/**
 * Coverage: min(1, capability quantity / need quantity) in the same unit; 1 when the need gives no
 * quantity; 0.5 otherwise. Exact decimals (numeric), so the score rounds as a person would. A capability
 * that offers at least the need's quantity covers it fully without converting either to numeric (decision
 * 172): converting a double precision is most of a match's scoring cost, and the conversion keeps order, so
 * the quotient would be at least 1 and `least` would give 1 anyway.
 */
const COVERAGE = rawSql(`CASE WHEN n.quantity IS NULL THEN 1::numeric
  WHEN c.quantity IS NOT NULL AND c.unit = n.unit THEN
    CASE WHEN c.quantity >= n.quantity THEN 1::numeric ELSE least(1::numeric, c.quantity::numeric / n.quantity::numeric) END
  ELSE 0.5 END`);

/**
 * Overlap: the share of the need's window (both ends given) that the capability's availability covers;
 * 1 when the need gives no complete window, or a window of one instant (which the hard requirement put
 * inside the availability).
 */
const OVERLAP = rawSql(`CASE WHEN n.needed_from IS NULL OR n.needed_until IS NULL OR n.needed_until = n.needed_from THEN 1::numeric
  ELSE greatest(0::numeric, extract(epoch FROM least(n.needed_until, coalesce(c.available_until, 'infinity'::timestamptz))
                                         - greatest(n.needed_from, coalesce(c.available_from, '-infinity'::timestamptz))))
       / extract(epoch FROM n.needed_until - n.needed_from) END`);

/** A match as the statement returns it: the capability's columns, then its coverage, overlap and score (numeric, as text). */
export interface MatchRow extends CapabilityEntity {
  coverage: string;
  overlap: string;
  score: string;
  /** The need it matches. */
  needId: string;
  /** How many capabilities match the need in all: only when the page was read with its count. */
  total?: number;
}

/** Where a page of matches continues: after this score, creation time and id (best first). */
export interface MatchCursor {
  score: string;
  createdAt: string;
  id: string;
}

/**
 * Every match of the needs `needIds`, scored, in one statement: each need's page is its own LATERAL
 * subquery over the ACTIVE capabilities of its kind, ordered by score descending, then capability creation
 * and id ascending, `limit` rows from after `after`. The requirements and the score read only columns of
 * `IDX_capabilities_match` (migration 1796000700000), so PostgreSQL can answer them from the index alone;
 * the capabilities' other columns are read for the page's rows only. With `withTotal`, each row also
 * carries `total`, the need's matches counted by a window before the cursor and the limit (decision 111).
 */
export function matchPagesStatement(dataSource: DataSource, needIds: readonly string[], after: MatchCursor | null, limit: number, withTotal = false): Sql {
  const columns = rawSql(selectColumns(dataSource, CapabilityEntity, 'c'));
  const continues = after
    ? sql`WHERE s.score < ${after.score}::numeric OR (s.score = ${after.score}::numeric AND (s.created_at, s.id) > (${after.createdAt}::timestamptz, ${after.id}::uuid))`
    : emptySql;
  // The window sees every match: the cursor's condition stays outside it (PostgreSQL keeps a condition above a window).
  const total = withTotal ? rawSql(', count(*) OVER ()::int AS total') : emptySql;
  return sql`SELECT ${columns}, m.coverage, m.overlap, m.score, m."needId"${withTotal ? rawSql(', m.total') : emptySql}
    FROM unnest(${needIds}::uuid[]) AS k(id) JOIN resource_needs n ON n.id = k.id
    CROSS JOIN LATERAL (
      SELECT s.* FROM (
        SELECT c.id, c.created_at, f.coverage::text AS coverage, f.overlap::text AS overlap,
               round(0.6 * f.coverage + 0.4 * f.overlap, 2) AS score, n.id AS "needId"${total}
        FROM capabilities c CROSS JOIN LATERAL (SELECT ${COVERAGE} AS coverage, ${OVERLAP} AS overlap) f
        WHERE ${hardRequirements()}
      ) s ${continues}
      ORDER BY s.score DESC, s.created_at, s.id
      LIMIT ${limit}
    ) m
    JOIN capabilities c ON c.id = m.id
    ORDER BY m."needId", m.score DESC, m.created_at, m.id`;
}

/**
 * How many capabilities match each of the needs `needIds`, in one statement: like the pages, a subquery per
 * need over the ACTIVE capabilities of its kind (a join of all needs with all capabilities would scan them).
 */
export function matchCountsStatement(needIds: readonly string[]): Sql {
  return sql`SELECT n.id AS "needId", (SELECT count(*)::int FROM capabilities c WHERE ${hardRequirements()}) AS count
    FROM unnest(${needIds}::uuid[]) AS k(id) JOIN resource_needs n ON n.id = k.id`;
}
