import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, ForbiddenError, InvalidInputError, isUniqueViolation, NotFoundError, Viewer } from '@app/core';
import { ProposalHistory } from '../events/proposal-events';
import { CLOSED_STATES, isAskedToLead, leadHasConsented, mayInvitePartners } from '../proposal-permissions';
import { ProposalEntity } from '../proposal.entity';
import { PartnerConsent, ProposalState } from '../proposal.enums';
import { ProposalsService } from '../proposals.service';
import { PartnerEntity } from './partner.entity';

/** Partner organisations: invited by the lead organisation, answering for themselves. */
@Injectable()
export class PartnersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly proposals: ProposalsService,
    private readonly history: ProposalHistory,
  ) {}

  invite(viewer: Viewer, proposalId: string, organizationId: string, role: string | null | undefined): Promise<ProposalEntity> {
    return this.dataSource.transaction((em) => this.inviteInTransaction(em, viewer, proposalId, organizationId, role));
  }

  /**
   * `invite` inside the caller's transaction (a proposal started from a marketplace introduction invites
   * the provider): the same rules, trail and PARTNER_INVITED event, committed with the caller's change.
   */
  async inviteInTransaction(em: EntityManager, viewer: Viewer, proposalId: string, organizationId: string, role: string | null | undefined): Promise<ProposalEntity> {
    const proposal = await this.proposals.lockReadable(em, viewer, proposalId);
    if (!mayInvitePartners(viewer, proposal)) {
      throw new ForbiddenError('Only the lead organisation invites partners', 'NOT_LEAD_ORGANIZATION');
    }
    if (CLOSED_STATES.includes(proposal.state)) {
      throw new ConflictError('PROPOSAL_CLOSED', `A ${proposal.state} proposal takes no new partners`);
    }
    // An organisation named as lead acts as lead (invites partners) only once it accepted to lead.
    if (!leadHasConsented(proposal)) {
      throw new ConflictError('LEAD_NOT_CONSENTED', 'The organisation named as lead has not yet accepted to lead this proposal');
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

  /**
   * A person of the organisation named as lead by another organisation's author accepts or declines to lead
   * it, while it is a DRAFT (submission waits for the acceptance; decision 71). Declining hands the lead back
   * to the author's organisation, the contract's default lead, so the draft is never stuck with a lead that
   * refused; the declining organisation then no longer reads the draft (unless it is also a partner).
   */
  respondAsLead(viewer: Viewer, proposalId: string, consent: PartnerConsent): Promise<ProposalEntity> {
    if (consent === PartnerConsent.INVITED) {
      throw new InvalidInputError('consent', 'Answer CONSENTED or DECLINED');
    }
    return this.dataSource.transaction(async (em) => {
      const proposal = await this.proposals.lockReadable(em, viewer, proposalId);
      if (!isAskedToLead(viewer, proposal)) {
        throw new ForbiddenError('Your organisation is not asked to lead this proposal', 'NOT_INVITED');
      }
      if (proposal.state !== ProposalState.DRAFT) {
        throw new ConflictError('NOT_A_DRAFT', `The lead of a ${proposal.state} proposal is settled`);
      }
      const declined = consent === PartnerConsent.DECLINED;
      const changes: Pick<ProposalEntity, 'leadOrganizationId' | 'leadConsent'> = declined
        ? { leadOrganizationId: proposal.authorOrganizationId, leadConsent: PartnerConsent.CONSENTED }
        : { leadOrganizationId: proposal.leadOrganizationId, leadConsent: PartnerConsent.CONSENTED };
      await em.getRepository(ProposalEntity).update({ id: proposal.id }, changes);
      const touched = await this.proposals.touch(em, proposal.id);
      await this.history.record(em, { proposal, actorId: viewer.id, type: 'LEAD_RESPONDED', note: consent, details: { organizationId: viewer.organizationId } });
      return { ...proposal, ...changes, ...touched };
    });
  }
}
