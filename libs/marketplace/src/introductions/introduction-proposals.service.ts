import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, ForbiddenError, NotFoundError, querySql, rawSql, selectColumns, sql, Viewer } from '@app/core';
import { Confidentiality, PartnersService, ProposalEntity, ProposalKind, ProposalsService } from '@app/proposals';
import { CapabilityEntity } from '../capabilities/capability.entity';
import { MarketplaceEvents } from '../marketplace-events';
import { IntroductionState } from '../marketplace.enums';
import { ResourceNeedEntity } from '../needs/need.entity';
import { awaitsProposal, startsProposalFor } from '../marketplace-permissions';
import { introductionProposalDraft } from './introduction-proposal-draft';
import { lockIntroduction } from './introductions.query';

/**
 * `startProposalFromIntroduction`: from an ACCEPTED introduction, the need owner's people draft a
 * COMPUTE_ACCESS proposal in a group with the provider invited as partner, the need linked, and the
 * introduction pointing at it — in one transaction, through the proposals lib's own rules, trail and
 * events (decision 87).
 */
@Injectable()
export class IntroductionProposalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly proposals: ProposalsService,
    private readonly partners: PartnersService,
    private readonly events: MarketplaceEvents,
  ) {}

  start(viewer: Viewer, id: string, workingGroupId: string): Promise<ProposalEntity> {
    return this.dataSource.transaction(async (em) => {
      // The introduction's row lock makes a second call wait for the first, then find its proposal.
      const introduction = await lockIntroduction(em, this.dataSource, viewer, id);
      if (!introduction) throw new NotFoundError('introduction');
      // A proposal is authored by and for an organisation: the need's own people start it, admins of
      // another organisation would author it for theirs.
      if (!startsProposalFor(viewer, introduction)) {
        throw new ForbiddenError("Only the need's organisation's people start a proposal from its introduction", 'NOT_NEED_OWNER');
      }
      if (!awaitsProposal(introduction)) {
        throw introduction.state !== IntroductionState.ACCEPTED
          ? new ConflictError('INTRODUCTION_NOT_ACCEPTED', `A ${introduction.state} introduction starts no proposal`)
          : new ConflictError('PROPOSAL_ALREADY_STARTED', 'A proposal was already started from this introduction');
      }
      const [need] = await querySql<ResourceNeedEntity>(
        em,
        sql`SELECT ${rawSql(selectColumns(this.dataSource, ResourceNeedEntity, 'n'))} FROM resource_needs n WHERE n.id = ${introduction.needId}::uuid`,
      );
      const [capability] = await querySql<CapabilityEntity & { providerName: string }>(
        em,
        sql`SELECT ${rawSql(selectColumns(this.dataSource, CapabilityEntity, 'c'))}, o.name AS "providerName"
            FROM capabilities c JOIN organizations o ON o.id = c.organization_id WHERE c.id = ${introduction.capabilityId}::uuid`,
      );
      const draft = introductionProposalDraft({ need, capability, providerName: capability.providerName, message: introduction.message, answerNote: introduction.answerNote });
      const proposal = await this.proposals.createInTransaction(em, viewer, {
        workingGroupId,
        ...draft,
        kind: ProposalKind.COMPUTE_ACCESS,
        // An anonymous need's owner chose discretion: once submitted, the proposal (which names its author)
        // is read by the parties and the group's managers only, until its authors widen it.
        confidentiality: need.anonymous ? Confidentiality.PARTIES : Confidentiality.WORKING_GROUP,
      });
      const invited = await this.partners.inviteInTransaction(em, viewer, proposal.id, capability.organizationId, capability.title);
      await querySql(em, sql`UPDATE introductions SET proposal_id = ${proposal.id}::uuid WHERE id = ${introduction.id}::uuid`);
      // The need serves this proposal unless it already serves one (a need's proposal link stays once set).
      const [linked] = await querySql<{ version: number }>(
        em,
        sql`UPDATE resource_needs SET proposal_id = ${proposal.id}::uuid, version = version + 1, updated_at = now()
            WHERE id = ${need.id}::uuid AND proposal_id IS NULL RETURNING version`,
      );
      if (linked) {
        await this.events.publish(em, {
          type: 'NEED_UPDATED',
          needId: need.id,
          organizationId: need.organizationId,
          anonymous: need.anonymous,
          kind: need.kind,
          actorId: viewer.id,
          changed: ['proposalId'],
          fromStatus: need.status,
          toStatus: need.status,
          version: linked.version,
        });
      }
      return invited;
    });
  }
}

