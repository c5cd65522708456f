import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Context, GqlContext, pageArgs } from '@app/core';
import { WorkingGroup } from '@app/working-groups';
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
