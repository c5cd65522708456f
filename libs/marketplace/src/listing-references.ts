import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConflictError, InvalidInputError, querySql, sql, Viewer } from '@app/core';
import { canReadProposal } from '@app/proposals';

/** CONFLICT for an `expectedVersion` that is no longer current. */
export function stale(what: string, version: number): ConflictError {
  return new ConflictError('STALE_VERSION', `The ${what} changed meanwhile (now version ${version}); reload and retry`, 'expectedVersion');
}

/**
 * The rows a capability or need refers to, checked in the change's transaction in one statement: each
 * missing one is BAD_USER_INPUT naming its field.
 */
@Injectable()
export class ListingReferences {
  async assertExist(
    em: EntityManager,
    refs: { organizationId?: string; workingGroupId?: string | null; proposal?: { id: string; viewer: Viewer; organizationId: string } | null },
  ): Promise<void> {
    const organization = refs.organizationId ? sql`EXISTS (SELECT 1 FROM organizations WHERE id = ${refs.organizationId}::uuid)` : sql`TRUE`;
    const group = refs.workingGroupId ? sql`EXISTS (SELECT 1 FROM working_groups WHERE id = ${refs.workingGroupId}::uuid)` : sql`TRUE`;
    // The organisation's own proposal (it authored or leads it) that the viewer may read.
    const proposal = refs.proposal
      ? sql`EXISTS (SELECT 1 FROM cooperation_proposals p WHERE p.id = ${refs.proposal.id}::uuid
          AND (p.author_organization_id = ${refs.proposal.organizationId}::uuid OR p.lead_organization_id = ${refs.proposal.organizationId}::uuid)
          AND ${canReadProposal(refs.proposal.viewer, 'p')})`
      : sql`TRUE`;
    const [found] = await querySql<{ organization: boolean; group: boolean; proposal: boolean }>(
      em,
      sql`SELECT ${organization} AS organization, ${group} AS "group", ${proposal} AS proposal`,
    );
    if (!found.organization) throw new InvalidInputError('organizationId', 'No organisation has this id', 'ORGANIZATION_NOT_FOUND');
    if (!found.group) throw new InvalidInputError('workingGroupId', 'No working group has this id', 'WORKING_GROUP_NOT_FOUND');
    if (!found.proposal) {
      throw new InvalidInputError('proposalId', "proposalId must be a proposal the need's organisation authored or leads, that you may read", 'PROPOSAL_NOT_OWN');
    }
  }
}
