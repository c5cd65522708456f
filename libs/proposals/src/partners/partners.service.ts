import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, ForbiddenError, InvalidInputError, isUniqueViolation, NotFoundError, Viewer } from '@app/core';
import { ProposalHistory } from '../events/proposal-events';
import { ProposalEntity } from '../proposal.entity';
import { PartnerConsent, ProposalState } from '../proposal.enums';
import { ProposalsService } from '../proposals.service';
import { PartnerEntity } from './partner.entity';

const CLOSED_STATES: readonly ProposalState[] = [ProposalState.REJECTED, ProposalState.COMPLETED, ProposalState.WITHDRAWN];

/** Partner organisations: invited by the lead organisation, answering for themselves. */
@Injectable()
export class PartnersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly proposals: ProposalsService,
    private readonly history: ProposalHistory,
  ) {}

  invite(viewer: Viewer, proposalId: string, organizationId: string, role: string | null | undefined): Promise<ProposalEntity> {
    return this.dataSource.transaction(async (em) => {
      const proposal = await this.proposals.lockReadable(em, viewer, proposalId);
      if (viewer.role !== 'ADMIN' && viewer.organizationId !== proposal.leadOrganizationId) {
        throw new ForbiddenError('Only the lead organisation invites partners', 'NOT_LEAD_ORGANIZATION');
      }
      if (CLOSED_STATES.includes(proposal.state)) {
        throw new ConflictError('PROPOSAL_CLOSED', `A ${proposal.state} proposal takes no new partners`);
      }
      if (organizationId === proposal.leadOrganizationId) {
        throw new InvalidInputError('organizationId', 'The lead organisation cannot be its own partner', 'LEAD_AS_PARTNER');
      }
      const [organization] = await em.query(`SELECT name FROM organizations WHERE id = $1`, [organizationId]);
      if (!organization) throw new NotFoundError('organization');
      try {
        await em.getRepository(PartnerEntity).insert({
          proposalId: proposal.id,
          organizationId,
          role: role ?? null,
          consent: PartnerConsent.INVITED,
          invitedById: viewer.id,
          invitedAt: new Date(),
          respondedById: null,
          respondedAt: null,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('ALREADY_PARTNER', 'This organisation is already a partner of the proposal');
        throw error;
      }
      const touched = await this.proposals.touch(em, proposal.id);
      await this.history.record(em, { proposal, actorId: viewer.id, type: 'PARTNER_INVITED', note: organization.name, details: { organizationId } });
      return { ...proposal, ...touched };
    });
  }

  /** A person of the invited organisation consents or declines for it (and may change the answer). */
  respond(viewer: Viewer, proposalId: string, consent: PartnerConsent): Promise<ProposalEntity> {
    if (consent === PartnerConsent.INVITED) {
      throw new InvalidInputError('consent', 'Answer CONSENTED or DECLINED');
    }
    return this.dataSource.transaction(async (em) => {
      const proposal = await this.proposals.lockReadable(em, viewer, proposalId, { anyPartner: true });
      const [partner]: { consent: PartnerConsent }[] = await em.query(
        `SELECT consent FROM proposal_partners WHERE proposal_id = $1 AND organization_id = $2`,
        [proposal.id, viewer.organizationId],
      );
      if (!partner) throw new ForbiddenError('Your organisation is not invited to this proposal', 'NOT_INVITED');
      if (CLOSED_STATES.includes(proposal.state)) {
        throw new ConflictError('PROPOSAL_CLOSED', `A ${proposal.state} proposal takes no more answers`);
      }
      await em.getRepository(PartnerEntity).update(
        { proposalId: proposal.id, organizationId: viewer.organizationId },
        { consent, respondedById: viewer.id, respondedAt: new Date() },
      );
      const touched = await this.proposals.touch(em, proposal.id);
      await this.history.record(em, { proposal, actorId: viewer.id, type: 'PARTNER_RESPONDED', note: consent, details: { organizationId: viewer.organizationId } });
      return { ...proposal, ...touched };
    });
  }
}
