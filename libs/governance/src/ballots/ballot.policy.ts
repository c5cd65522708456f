import { rawSql, Sql, sql, Viewer } from '@app/core';
import { MANAGER_ROLES } from '@app/working-groups';

const MANAGERS = rawSql(MANAGER_ROLES.map((role) => `'${role}'`).join(', '));

/**
 * Who may read a ballot, as one SQL condition over its row `alias` (STYLE rule 13); every read, list, count
 * and nested field filters by it:
 * - admins read every ballot;
 * - a DRAFT only the group's chairs, co-chairs and secretaries (alliance-wide: admins);
 * - otherwise a group's ballot the group's members: people with a current seat in it (observers included)
 *   and the people of its active member organisations; an alliance-wide ballot everyone signed in.
 */
export function ballotReadableBy(viewer: Pick<Viewer, 'id' | 'organizationId' | 'role'>, alias = 'b'): Sql {
  if (viewer.role === 'ADMIN') return rawSql('TRUE');
  const b = rawSql(alias);
  const seat = (extra: Sql) =>
    sql`EXISTS (SELECT 1 FROM working_group_participants rs WHERE rs.person_id = ${viewer.id}::uuid AND rs.working_group_id = ${b}.working_group_id AND rs.ended_at IS NULL${extra})`;
  return sql`(${b}.working_group_id IS NULL AND ${b}.state <> 'DRAFT'
    OR ${b}.working_group_id IS NOT NULL AND (
      ${b}.state <> 'DRAFT' AND (${seat(rawSql(''))}
        OR EXISTS (SELECT 1 FROM working_group_memberships rm WHERE rm.organization_id = ${viewer.organizationId}::uuid
                   AND rm.working_group_id = ${b}.working_group_id AND rm.status = 'ACTIVE'))
      OR ${seat(sql` AND rs.role IN (${MANAGERS})`)}))`;
}

/**
 * The organisations recused from ballot `alias`, as they are now: its proposal's author organisation, its
 * lead (once it consented to lead) and its consenting partners. A SELECT of one column `organization_id`.
 */
export function recusedNowSql(alias = 'b'): Sql {
  const b = rawSql(alias);
  return sql`SELECT pr.author_organization_id FROM cooperation_proposals pr WHERE pr.id = ${b}.proposal_id
    UNION SELECT pr.lead_organization_id FROM cooperation_proposals pr WHERE pr.id = ${b}.proposal_id AND pr.lead_consent = 'CONSENTED'
    UNION SELECT pp.organization_id FROM proposal_partners pp WHERE pp.proposal_id = ${b}.proposal_id AND pp.consent = 'CONSENTED'`;
}

/**
 * The organisations that may vote on ballot `alias` as of now: the active member organisations of its group
 * (of any group when alliance-wide), less the recused ones. A SELECT of one column `organization_id`.
 */
export function eligibleNowSql(alias = 'b'): Sql {
  const b = rawSql(alias);
  return sql`SELECT DISTINCT em.organization_id FROM working_group_memberships em
    WHERE em.status = 'ACTIVE' AND (${b}.working_group_id IS NULL OR em.working_group_id = ${b}.working_group_id)
      AND em.organization_id NOT IN (${recusedNowSql(alias)})`;
}

/**
 * The viewer's right to vote on ballot `alias`, as two boolean SQL expressions: `eligible` (their organisation
 * is in the fixed electorate, not recused) and `seated` (a current seat other than OBSERVER in the ballot's
 * group; alliance-wide: in any group). `castVote` and `Ballot.viewerCan.vote` read the same two.
 */
export function voteRightSql(viewer: Pick<Viewer, 'id' | 'organizationId'>, alias = 'b'): { eligible: Sql; seated: Sql } {
  const b = rawSql(alias);
  return {
    eligible: sql`EXISTS (SELECT 1 FROM ballot_electorate e WHERE e.ballot_id = ${b}.id AND e.organization_id = ${viewer.organizationId}::uuid AND NOT e.recused)`,
    seated: sql`EXISTS (SELECT 1 FROM working_group_participants s WHERE s.person_id = ${viewer.id}::uuid AND s.ended_at IS NULL
      AND s.role <> 'OBSERVER' AND (${b}.working_group_id IS NULL OR s.working_group_id = ${b}.working_group_id))`,
  };
}
