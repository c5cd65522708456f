import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, pageArgs, Viewer } from '@app/core';
import { Ballot, BallotConnection } from './ballot.model';
import { BallotLifecycleService } from './ballot-lifecycle.service';
import { BallotsService } from './ballots.service';
import { BallotsArgs, CastVoteArgs, ChangeBallotStateArgs, CreateBallotInput } from './dto/ballot.input';
import { VotesService } from './votes.service';

@Resolver(() => Ballot)
export class BallotsResolver {
  constructor(
    private readonly service: BallotsService,
    private readonly lifecycle: BallotLifecycleService,
    private readonly votes: VotesService,
  ) {}

  @Query(() => Ballot, { nullable: true, description: 'Null when unknown or not readable by the viewer.' })
  ballot(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.service.findVisible(viewer, id);
  }

  @Query(() => BallotConnection, { description: 'The ballots the viewer may read, newest first.' })
  ballots(@CurrentViewer() viewer: Viewer, @Args() args: BallotsArgs) {
    return this.service.list(viewer, args.state, pageArgs(args));
  }

  @Mutation(() => Ballot, { description: "A DRAFT ballot: a group's chairs, co-chairs and secretaries in their group; admins anywhere or alliance-wide (no group)." })
  createBallot(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateBallotInput) {
    return this.service.create(viewer, input);
  }

  @Mutation(() => Ballot, {
    description:
      'Allowed moves: DRAFT->OPEN, OPEN->CLOSED (early close needs every eligible vote), DRAFT|OPEN->CANCELLED (needs a note). The platform closes OPEN ballots at closesAt.',
  })
  changeBallotState(@CurrentViewer() viewer: Viewer, @Args() args: ChangeBallotStateArgs) {
    return this.lifecycle.changeState(viewer, args.id, args.state, args.note);
  }

  @Mutation(() => Ballot, {
    description: "One vote per eligible organisation, cast by a seated non-observer of it; a new vote replaces the organisation's earlier one while OPEN",
  })
  castVote(@CurrentViewer() viewer: Viewer, @Args() args: CastVoteArgs) {
    return this.votes.cast(viewer, args);
  }
}
