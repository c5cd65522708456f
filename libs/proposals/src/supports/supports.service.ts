import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, ForbiddenError, Viewer } from '@app/core';
import { ProposalHistory } from '../events/proposal-events';
import { isOwnProposal } from '../proposal-permissions';
import { SUPPORTABLE_STATES } from '../proposal-transitions';
import { ProposalEntity } from '../proposal.entity';
import { ProposalPolicy } from '../proposal.policy';
import { ProposalsService } from '../proposals.service';

/**
 * One support per organisation (the primary key), counted in the same transaction. Supporting
 * twice is idempotent; supporting your own organisation's proposal is not allowed.
 */
@Injectable()
export class SupportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly proposals: ProposalsService,
    private readonly policy: ProposalPolicy,
    private readonly history: ProposalHistory,
  ) {}

  support(viewer: Viewer, proposalId: string): Promise<ProposalEntity> {
    return this.dataSource.transaction(async (em) => {
      const proposal = await this.proposals.lockReadable(em, viewer, proposalId);
      const partnerConsent = await this.policy.partnerConsentOf(viewer, proposal.id, em);
      if (isOwnProposal(viewer, proposal, partnerConsent)) {
        throw new ForbiddenError('An organisation cannot support its own proposal', 'OWN_PROPOSAL');
      }
      await this.policy.assertCanTakePart(viewer, proposal.workingGroupId, 'support proposals', em);
      if (!SUPPORTABLE_STATES.includes(proposal.state)) {
        throw new ConflictError('NOT_SUPPORTABLE', `A ${proposal.state} proposal cannot be supported`);
      }
      const inserted: unknown[] = await em.query(
        `INSERT INTO proposal_supports (proposal_id, organization_id, supported_by_id) VALUES ($1, $2, $3)
         ON CONFLICT (proposal_id, organization_id) DO NOTHING RETURNING proposal_id`,
        [proposal.id, viewer.organizationId, viewer.id],
      );
      if (inserted.length === 0) return proposal;
      await em.query(`UPDATE cooperation_proposals SET support_count = support_count + 1 WHERE id = $1`, [proposal.id]);
      await this.history.record(em, { proposal, actorId: viewer.id, type: 'SUPPORTED' });
      return { ...proposal, supportCount: proposal.supportCount + 1 };
    });
  }

  /**
   * Removes the viewer's organisation's support, if any (idempotent). Who may support may withdraw, on the
   * same open proposals: observers and people without a seat in the group are FORBIDDEN even when their
   * organisation has no support to withdraw. Only the own-proposal rule is left out: it guards adding a
   * support, and a partner that supported before it consented must be able to take that support back.
   */
  withdraw(viewer: Viewer, proposalId: string): Promise<ProposalEntity> {
    return this.dataSource.transaction(async (em) => {
      const proposal = await this.proposals.lockReadable(em, viewer, proposalId);
      await this.policy.assertCanTakePart(viewer, proposal.workingGroupId, 'withdraw support', em);
      if (!SUPPORTABLE_STATES.includes(proposal.state)) {
        throw new ConflictError('NOT_SUPPORTABLE', `A ${proposal.state} proposal's supports can no longer change`);
      }
      const deleted: unknown[] = await em.query(
        `WITH gone AS (DELETE FROM proposal_supports WHERE proposal_id = $1 AND organization_id = $2 RETURNING 1) SELECT 1 FROM gone`,
        [proposal.id, viewer.organizationId],
      );
      if (deleted.length === 0) return proposal;
      await em.query(`UPDATE cooperation_proposals SET support_count = support_count - 1 WHERE id = $1`, [proposal.id]);
      await this.history.record(em, { proposal, actorId: viewer.id, type: 'SUPPORT_WITHDRAWN' });
      return { ...proposal, supportCount: proposal.supportCount - 1 };
    });
  }
}
