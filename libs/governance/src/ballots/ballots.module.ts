import { Module } from '@nestjs/common';
import { ProposalsModule } from '@app/proposals';
import { WorkingGroupsModule } from '@app/working-groups';
import { BallotClosePass } from './ballot-close.service';
import { BallotEvents } from './ballot-events';
import { BallotFieldsResolver, BallotResultFieldsResolver, RankedPriorityFieldsResolver, VoteFieldsResolver } from './ballot-fields.resolver';
import { BallotLifecycleService } from './ballot-lifecycle.service';
import { BallotsResolver } from './ballots.resolver';
import { BallotsService } from './ballots.service';
import { VotesService } from './votes.service';
import { WorkingGroupBallotsResolver, WorkingGroupViewerCanBallotsResolver } from './working-group-ballots.resolver';

/** Ballots (contract 07): one organisation, one vote. */
@Module({
  imports: [ProposalsModule, WorkingGroupsModule],
  providers: [
    BallotEvents,
    BallotsService,
    BallotLifecycleService,
    VotesService,
    BallotClosePass,
    BallotsResolver,
    BallotFieldsResolver,
    BallotResultFieldsResolver,
    RankedPriorityFieldsResolver,
    VoteFieldsResolver,
    WorkingGroupBallotsResolver,
    WorkingGroupViewerCanBallotsResolver,
  ],
  exports: [BallotsService, BallotLifecycleService, VotesService, BallotClosePass],
})
export class BallotsModule {}
