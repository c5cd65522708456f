import { Module } from '@nestjs/common';
import { WorkingGroupsModule } from '@app/working-groups';
import { CommentsService } from './comments/comments.service';
import { ProposalHistory } from './events/proposal-events';
import { PartnersService } from './partners/partners.service';
import { ProposalListService } from './proposal-list.service';
import { CommentsResolver, ProposalEventResolver, ProposalPartnerResolver } from './proposal-parts.resolver';
import { ProposalPolicy } from './proposal.policy';
import { PriorityProposalsResolver, ProposalsResolver, WorkingGroupProposalsResolver, WorkingGroupViewerCanProposalsResolver } from './proposals.resolver';
import { ProposalsService } from './proposals.service';
import { SupportsService } from './supports/supports.service';

@Module({
  imports: [WorkingGroupsModule],
  providers: [
    ProposalPolicy,
    ProposalHistory,
    ProposalsService,
    ProposalListService,
    PartnersService,
    SupportsService,
    CommentsService,
    ProposalsResolver,
    WorkingGroupProposalsResolver,
    WorkingGroupViewerCanProposalsResolver,
    PriorityProposalsResolver,
    ProposalPartnerResolver,
    ProposalEventResolver,
    CommentsResolver,
  ],
  exports: [ProposalsService, PartnersService, ProposalPolicy],
})
export class ProposalsModule {}
