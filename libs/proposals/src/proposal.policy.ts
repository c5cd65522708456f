import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { emptySql, ForbiddenError, inlineSql, rawSql, Sql, sql, Viewer } from '@app/core';
import { MANAGER_ROLES, ParticipantRole, WorkingGroupPolicy } from '@app/working-groups';
import { isAuthorOrganization, roleTakesPart } from './proposal-permissions';
import { ProposalEntity } from './proposal.entity';
import { PartnerConsent } from './proposal.enums';

type Db = DataSource | EntityManager;

/**
 * Who may read a proposal, as one SQL condition over the proposal's row `alias`, so that every list,
 * count, search and nested field filters the same way (DESIGN.md, "Visibility"):
 * - admins read everything;
 * - a DRAFT, or a proposal withdrawn before it was ever submitted, only the author's organisation and
 *   the organisations it asked to take part: the one named as lead and the partners invited (not declined),
 *   so that they read what they are asked to agree to before it is submitted;
 * - otherwise the parties (author's and lead organisations, partners not declined) and, by
 *   confidentiality: PUBLIC everyone signed in, MEMBERS every participant of any group,
 *   WORKING_GROUP the group's participants, PARTIES also the group's managers (chairs, co-chairs and
 *   secretaries, who review it).
 */
export function canReadProposal(viewer: Viewer, alias: string): Sql {
  if (viewer.role === 'ADMIN') return rawSql('TRUE');
  const p = rawSql(alias);
  const person = viewer.id;
  const organization = viewer.organizationId;
  const seat = (extra: Sql) =>
    sql`EXISTS (SELECT 1 FROM working_group_participants vs WHERE vs.person_id = ${person}::uuid AND vs.ended_at IS NULL${extra})`;
  const inGroup = sql` AND vs.working_group_id = ${p}.working_group_id`;
  // The parties read it in every state, a draft included; everyone else only once it has been submitted.
  return sql`(${p}.author_organization_id = ${organization}::uuid OR ${p}.lead_organization_id = ${organization}::uuid
    OR EXISTS (SELECT 1 FROM proposal_partners vp WHERE vp.proposal_id = ${p}.id AND vp.organization_id = ${organization}::uuid AND vp.consent <> 'DECLINED')
    OR (${p}.submitted_at IS NOT NULL AND (
      ${p}.confidentiality = 'PUBLIC'
      OR (${p}.confidentiality = 'MEMBERS' AND ${seat(emptySql)})
      OR (${p}.confidentiality = 'WORKING_GROUP' AND ${seat(inGroup)})
      OR (${p}.confidentiality = 'PARTIES' AND ${seat(sql`${inGroup} AND vs.role IN ('CHAIR', 'CO_CHAIR', 'SECRETARY')`)})
    )))`;
}

/** `canReadProposal` for code that numbers its own parameters: they are appended to `params`. */
export function canReadProposalSql(viewer: Viewer, alias: string, params: unknown[]): string {
  return inlineSql(canReadProposal(viewer, alias), params);
}

/** `roleTakesPart` in SQL, for a statement that must write only if it holds: `role` an SQL expression, `isAdmin` a boolean one. */
export function roleTakesPartSql(role: string, isAdmin: string): string {
  return `(${isAdmin} OR (${role} IS NOT NULL AND ${role} <> '${ParticipantRole.OBSERVER}'))`;
}

@Injectable()
export class ProposalPolicy {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: WorkingGroupPolicy,
  ) {}

  async canRead(viewer: Viewer, proposalId: string, db: Db = this.dataSource): Promise<boolean> {
    const params: unknown[] = [proposalId];
    const rows = await db.query(`SELECT 1 FROM cooperation_proposals p WHERE p.id = $1 AND ${canReadProposalSql(viewer, 'p', params)}`, params);
    return rows.length > 0;
  }

  /** The answer of the viewer's organisation as a partner of the proposal (null: never invited). */
  async partnerConsentOf(viewer: Viewer, proposalId: string, db: Db = this.dataSource): Promise<PartnerConsent | null> {
    const rows: { consent: PartnerConsent }[] = await db.query(
      `SELECT consent FROM proposal_partners WHERE proposal_id = $1 AND organization_id = $2`,
      [proposalId, viewer.organizationId],
    );
    return rows[0]?.consent ?? null;
  }

  assertAuthorOrganization(viewer: Viewer, proposal: ProposalEntity, what: string): void {
    if (!isAuthorOrganization(viewer, proposal)) {
      throw new ForbiddenError(`Only the author's organisation may ${what}`, 'NOT_AUTHOR_ORGANIZATION');
    }
  }

  /** Reviewing and deciding: the group's chairs, co-chairs and secretaries, and admins. */
  assertCanManage(viewer: Viewer, workingGroupId: string, db?: Db): Promise<void> {
    return this.groups.assertCanManage(viewer, workingGroupId, db);
  }

  /** Taking part (proposing, supporting, commenting): a seat other than OBSERVER in the group, or admin. */
  async assertCanTakePart(viewer: Viewer, workingGroupId: string, what: string, db?: Db): Promise<void> {
    if (viewer.role === 'ADMIN') return;
    this.assertRoleTakesPart(viewer, await this.groups.roleOf(viewer, workingGroupId, db), what);
  }

  /** The same rule, for a caller that already read the viewer's `role` in the group (null: no seat). */
  assertRoleTakesPart(viewer: Viewer, role: ParticipantRole | null, what: string): void {
    if (!roleTakesPart(viewer, role)) {
      throw new ForbiddenError(`Only participants of the working group (not observers) may ${what}`, 'NOT_GROUP_PARTICIPANT');
    }
  }

  isManagerRole(role: ParticipantRole | null): boolean {
    return role !== null && MANAGER_ROLES.includes(role);
  }
}
