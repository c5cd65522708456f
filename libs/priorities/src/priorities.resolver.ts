import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Context, CurrentViewer, GqlContext, MaxItems, Viewer } from '@app/core';
import { Organization } from '@app/organizations';
import { createWorkingGroupLoaders, WorkingGroup, WorkingGroupEntity, WorkingGroupViewerCan, WorkingGroupViewerCanSource } from '@app/working-groups';
import { PrioritiesArgs, PriorityStatusArgs, ReorderPrioritiesArgs } from './dto/priorities.args';
import { CreatePriorityInput, UpdatePriorityInput } from './dto/priority.input';
import { createPriorityLoaders, LISTED_ENDORSEMENTS, LISTED_PRIORITIES } from './priorities.loader';
import { PrioritiesService } from './priorities.service';
import { PriorityEntity } from './priority.entity';
import { AlliancePrioritiesViewerCan, Priority, PriorityViewerCan } from './priority.model';
import { endorsesPriorities, isEndorsable, managesPriorities } from './priority-permissions';

@Resolver(() => Priority)
export class PrioritiesResolver {
  constructor(private readonly service: PrioritiesService) {}

  @Query(() => [Priority], {
    description: `A scope's priorities by rank, the first ${LISTED_PRIORITIES}. Alliance-wide priorities when workingGroupId is omitted.`,
  })
  @MaxItems(LISTED_PRIORITIES)
  priorities(@Args() { workingGroupId, status }: PrioritiesArgs) {
    return this.service.findInScope(workingGroupId ?? null, status ?? null);
  }

  @Query(() => AlliancePrioritiesViewerCan, { description: 'What the viewer may do with the alliance-wide priorities; computed by the rules the mutations apply.' })
  alliancePrioritiesViewerCan(@CurrentViewer() viewer: Viewer): AlliancePrioritiesViewerCan {
    return { managePriorities: managesPriorities(viewer, null, null) };
  }

  @Query(() => Priority, { nullable: true, description: 'Null when no priority has this id.' })
  priority(@Args('id', { type: () => ID }) id: string) {
    return this.service.findById(id);
  }

  @Mutation(() => Priority, {
    description:
      "Appended at the end of its scope's ranking, PROPOSED unless a status is given. Alliance-wide: admins; a group's: its chairs, secretaries and admins.",
  })
  createPriority(@CurrentViewer() viewer: Viewer, @Args('input') input: CreatePriorityInput) {
    return this.service.create(viewer, input);
  }

  @Mutation(() => Priority, { description: 'Adopt with status ADOPTED, archive with ARCHIVED. Same permissions as createPriority.' })
  updatePriority(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdatePriorityInput,
  ) {
    return this.service.update(viewer, id, input);
  }

  @Mutation(() => [Priority], {
    description: `orderedIds must list every priority of that scope exactly once; null workingGroupId means alliance-wide. Returns the first ${LISTED_PRIORITIES} by the new rank.`,
  })
  @MaxItems(LISTED_PRIORITIES)
  reorderPriorities(@CurrentViewer() viewer: Viewer, @Args() { workingGroupId, orderedIds }: ReorderPrioritiesArgs) {
    return this.service.reorder(viewer, workingGroupId ?? null, orderedIds);
  }

  @Mutation(() => Priority, {
    description:
      "Endorses for the viewer's organisation; idempotent. Admins; the group's participants other than observers (any group's for an alliance-wide priority). Not when ARCHIVED.",
  })
  endorsePriority(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.service.endorse(viewer, id);
  }

  @Mutation(() => Priority, { description: "Removes the viewer's organisation's endorsement; idempotent. Same permissions as endorsePriority." })
  withdrawPriorityEndorsement(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.service.withdrawEndorsement(viewer, id);
  }

  @ResolveField(() => WorkingGroup, { nullable: true, description: 'Null for an alliance-wide priority.' })
  workingGroup(priority: PriorityEntity, _args: unknown, ctx: GqlContext) {
    return priority.workingGroupId ? ctx.loaders.of(createWorkingGroupLoaders).byId.load(priority.workingGroupId) : null;
  }

  @ResolveField(() => [Organization], { description: `The endorsing organisations, by name; the first ${LISTED_ENDORSEMENTS} (endorsementCount counts them all).` })
  @MaxItems(LISTED_ENDORSEMENTS)
  endorsements(priority: PriorityEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createPriorityLoaders).endorsements.load(priority.id);
  }

  @ResolveField(() => Int)
  endorsementCount(priority: PriorityEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createPriorityLoaders).endorsementCount.load(priority.id);
  }

  @ResolveField(() => PriorityViewerCan, { description: 'What the viewer may do with it now; computed by the rules the mutations apply.' })
  async viewerCan(priority: PriorityEntity, _args: unknown, ctx: GqlContext): Promise<PriorityViewerCan> {
    const viewer = ctx.viewer!;
    const groupId = priority.workingGroupId;
    // Only what can change the answer is read: nothing for admins, the seat for a group's priority, any seat for an alliance-wide one.
    const admin = viewer.role === 'ADMIN';
    const role = !admin && groupId !== null ? await ctx.loaders.of(createWorkingGroupLoaders).viewerRole.load(groupId) : null;
    const seatedAnywhere = !admin && groupId === null && (await ctx.loaders.of(createPriorityLoaders).viewerSeatedAnywhere());
    const endorses = endorsesPriorities(viewer, groupId, role, seatedAnywhere);
    return { edit: managesPriorities(viewer, groupId, role), endorse: endorses && isEndorsable(priority), withdrawEndorsement: endorses };
  }

  @ResolveField(() => Boolean, { description: "Whether the viewer's organisation endorses this priority." })
  viewerHasEndorsed(priority: PriorityEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createPriorityLoaders).viewerHasEndorsed.load(priority.id);
  }
}

/** `WorkingGroup.priorities`: the group's priorities by rank. */
@Resolver(() => WorkingGroup)
export class WorkingGroupPrioritiesResolver {
  @ResolveField(() => [Priority], { description: `By rank, the first ${LISTED_PRIORITIES}; all statuses unless one is given.` })
  @MaxItems(LISTED_PRIORITIES)
  priorities(@Parent() group: WorkingGroupEntity, @Args() { status }: PriorityStatusArgs, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createPriorityLoaders).ofGroup(group.id, status ?? null);
  }
}

/** `WorkingGroup.viewerCan.managePriorities`, by the rule createPriority, updatePriority and reorderPriorities apply. */
@Resolver(() => WorkingGroupViewerCan)
export class WorkingGroupViewerCanPrioritiesResolver {
  @ResolveField(() => Boolean, {
    description: "createPriority, updatePriority and reorderPriorities for the group's priorities: its chairs, co-chairs, secretaries and admins.",
  })
  managePriorities(can: WorkingGroupViewerCanSource, _args: unknown, ctx: GqlContext): boolean {
    return managesPriorities(ctx.viewer!, can.group.id, can.standing.role);
  }
}
