import { Int, ResolveField, Resolver } from '@nestjs/graphql';
import { GqlContext, MaxItems } from '@app/core';
import { createOrganizationLoaders, Organization } from '@app/organizations';
import { createPeopleLoaders, Person } from '@app/people';
import { createPriorityLoaders, Priority } from '@app/priorities';
import { CooperationProposal, createProposalLoaders } from '@app/proposals';
import { createWorkingGroupLoaders, WorkingGroup } from '@app/working-groups';
import { BallotEntity } from './ballot.entity';
import { ballotActions } from './ballot-permissions';
import { Ballot, BallotResult, BallotViewerCan, RankedPriority } from './ballot.model';
import { BallotOutcome } from './ballot-tally';
import { BallotState } from './ballots.enums';
import { createBallotLoaders, LISTED_BALLOT_PRIORITIES, LISTED_RECUSED, LISTED_VOTES } from './ballots.loader';
import { VoteEntity } from './vote.entity';
import { Vote } from './vote.model';

/** A secret ballot's vote as the API shows it: who cast it and when, never what (decision 133). */
export function shownVote(ballot: Pick<BallotEntity, 'secret'>, vote: VoteEntity | null): VoteEntity | null {
  return vote && ballot.secret ? { ...vote, choice: null, ranking: null } : vote;
}

@Resolver(() => Ballot)
export class BallotFieldsResolver {
  @ResolveField(() => WorkingGroup, { nullable: true, description: 'Null for an alliance-wide ballot (admins)' })
  workingGroup(ballot: BallotEntity, _args: unknown, ctx: GqlContext) {
    return ballot.workingGroupId ? ctx.loaders.of(createWorkingGroupLoaders).byId.load(ballot.workingGroupId) : null;
  }

  @ResolveField(() => CooperationProposal, { nullable: true, description: 'Null also when the viewer may not read it.' })
  proposal(ballot: BallotEntity, _args: unknown, ctx: GqlContext) {
    return ballot.proposalId ? ctx.loaders.of(createProposalLoaders).visibleById.load(ballot.proposalId) : null;
  }

  @ResolveField(() => [Priority], { description: `RANKING: the priorities ranked, in the order given (at most ${LISTED_BALLOT_PRIORITIES}); empty for APPROVAL.` })
  @MaxItems(LISTED_BALLOT_PRIORITIES)
  priorities(ballot: BallotEntity, _args: unknown, ctx: GqlContext) {
    return ballot.kind === 'RANKING' ? ctx.loaders.of(createBallotLoaders).priorities.load(ballot.id) : [];
  }

  @ResolveField(() => Int, {
    description: 'Organisations that may vote: active members of the group when the ballot opened, less recused ones (for a DRAFT: if it opened now)',
  })
  eligibleCount(ballot: BallotEntity, _args: unknown, ctx: GqlContext) {
    if (ballot.eligibleCount !== null) return ballot.eligibleCount;
    return ballot.state === BallotState.DRAFT ? ctx.loaders.of(createBallotLoaders).eligibleNow.load(ballot.id) : 0;
  }

  @ResolveField(() => Int)
  votesCast(ballot: BallotEntity, _args: unknown, ctx: GqlContext) {
    return ballot.state === BallotState.DRAFT ? 0 : ctx.loaders.of(createBallotLoaders).votesCast.load(ballot.id);
  }

  @ResolveField(() => [Organization], {
    description: `Organisations that may not vote on this ballot: the proposal's lead, author and consenting partners (at most ${LISTED_RECUSED})`,
  })
  @MaxItems(LISTED_RECUSED)
  recused(ballot: BallotEntity, _args: unknown, ctx: GqlContext) {
    return ballot.proposalId ? ctx.loaders.of(createBallotLoaders).recused.load(ballot.id) : [];
  }

  @ResolveField(() => BallotResult, { nullable: true, description: 'After CLOSED' })
  result(ballot: BallotEntity): BallotOutcome | null {
    return ballot.state === BallotState.CLOSED ? ballot.result : null;
  }

  @ResolveField(() => BallotViewerCan, { description: 'What the viewer may do with it now; computed by the rules the mutations apply.' })
  async viewerCan(ballot: BallotEntity, _args: unknown, ctx: GqlContext) {
    const loaders = ctx.loaders.of(createBallotLoaders);
    const [role, right] = await Promise.all([
      ballot.workingGroupId ? ctx.loaders.of(createWorkingGroupLoaders).viewerRole.load(ballot.workingGroupId) : null,
      loaders.viewerVoteRight.load(ballot.id),
    ]);
    return ballotActions(ctx.viewer!, ballot, { role, ...right }, () => loaders.votesCast.load(ballot.id));
  }

  @ResolveField(() => Vote, {
    nullable: true,
    description: "The vote of the viewer's own organisation, if any; for a secret ballot without its choice and ranking (who cast it and when only)",
  })
  async viewerVote(ballot: BallotEntity, _args: unknown, ctx: GqlContext) {
    if (ballot.state === BallotState.DRAFT) return null;
    return shownVote(ballot, await ctx.loaders.of(createBallotLoaders).viewerVote.load(ballot.id));
  }

  @ResolveField(() => [Vote], { description: `Per organisation, by name; empty while OPEN and always for secret ballots (at most ${LISTED_VOTES})` })
  @MaxItems(LISTED_VOTES)
  votes(ballot: BallotEntity, _args: unknown, ctx: GqlContext) {
    return ballot.state === BallotState.CLOSED && !ballot.secret ? ctx.loaders.of(createBallotLoaders).votes.load(ballot.id) : [];
  }
}

@Resolver(() => BallotResult)
export class BallotResultFieldsResolver {
  @ResolveField(() => [RankedPriority], { description: `RANKING: every priority of the ballot, best first (at most ${LISTED_BALLOT_PRIORITIES}); empty for APPROVAL` })
  @MaxItems(LISTED_BALLOT_PRIORITIES)
  ranking(result: BallotOutcome) {
    return result.ranking;
  }
}

@Resolver(() => RankedPriority)
export class RankedPriorityFieldsResolver {
  @ResolveField(() => Priority)
  priority(row: BallotOutcome['ranking'][number], _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createPriorityLoaders).byId.load(row.priorityId);
  }
}

@Resolver(() => Vote)
export class VoteFieldsResolver {
  @ResolveField(() => Organization)
  organization(vote: VoteEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createOrganizationLoaders).byId.load(vote.organizationId);
  }

  @ResolveField(() => Person)
  castBy(vote: VoteEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createPeopleLoaders).byId.load(vote.castById);
  }

  @ResolveField(() => [Priority], { nullable: true, description: `RANKING: the priorities, most preferred first (at most ${LISTED_BALLOT_PRIORITIES})` })
  @MaxItems(LISTED_BALLOT_PRIORITIES)
  async ranking(vote: VoteEntity, _args: unknown, ctx: GqlContext) {
    if (!vote.ranking) return null;
    const priorities = await ctx.loaders.of(createPriorityLoaders).byId.loadMany(vote.ranking);
    return priorities.filter((p) => p !== null && !(p instanceof Error));
  }
}
