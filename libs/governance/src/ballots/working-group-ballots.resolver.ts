import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Context, GqlContext, pageArgs } from '@app/core';
import { WorkingGroup, WorkingGroupViewerCan, WorkingGroupViewerCanSource } from '@app/working-groups';
import { managesBallot } from './ballot-permissions';
import { BallotConnection } from './ballot.model';
import { createBallotLoaders } from './ballots.loader';
import { BallotsArgs } from './dto/ballot.input';

/** `WorkingGroup.ballots`: the same visibility and order as `ballots`. */
@Resolver(() => WorkingGroup)
export class WorkingGroupBallotsResolver {
  @ResolveField(() => BallotConnection, { description: "The group's ballots the viewer may read, newest first." })
  ballots(@Parent() group: WorkingGroup, @Args() args: BallotsArgs, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createBallotLoaders).ofGroup(group.id, args.state ?? null, pageArgs(args));
  }
}

/** `WorkingGroup.viewerCan.createBallot`, by the rule `createBallot` applies to a group's ballot. */
@Resolver(() => WorkingGroupViewerCan)
export class WorkingGroupViewerCanBallotsResolver {
  @ResolveField(() => Boolean, { description: "createBallot in this group: its chairs, co-chairs, secretaries and admins (alliance-wide ballots: admins)." })
  createBallot(can: WorkingGroupViewerCanSource, _args: unknown, ctx: GqlContext) {
    return managesBallot(ctx.viewer!, { workingGroupId: can.group.id }, can.standing.role);
  }
}
