import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionArgs, Context, CurrentViewer, ForbiddenError, GqlContext, InvalidInputError, MaxItems, pageArgs, Viewer } from '@app/core';
import { createPeopleLoaders, Person, PersonEntity } from '@app/people';
import { ApplicationsArgs, CreateWorkingGroupInput, ParticipantsArgs, UpdateWorkingGroupInput, WorkingGroupLookupArgs } from './dto/working-group.input';
import { workingGroupActions, WorkingGroupViewerCanSource } from './working-group-permissions';
import { WorkingGroupEntity } from './working-group.entity';
import { MANAGER_ROLES } from './working-group.enums';
import {
  MembershipApplication,
  MembershipApplicationConnection,
  WorkingGroup,
  WorkingGroupMembershipConnection,
  WorkingGroupParticipantConnection,
  WorkingGroupViewerCan,
} from './working-group.model';
import { createWorkingGroupLoaders, LISTED_CHAIRS, LISTED_WORKING_GROUPS } from './working-groups.loader';
import { WorkingGroupsService } from './working-groups.service';

@Resolver(() => WorkingGroup)
export class WorkingGroupsResolver {
  constructor(private readonly service: WorkingGroupsService) {}

  @Query(() => [WorkingGroup], { description: `All working groups, by name; at most ${LISTED_WORKING_GROUPS}.` })
  @MaxItems(LISTED_WORKING_GROUPS)
  workingGroups() {
    return this.service.findAll();
  }

  @Query(() => WorkingGroup, { nullable: true, description: 'By id or by slug (give one).' })
  workingGroup(@Args() { id, slug }: WorkingGroupLookupArgs) {
    if (id) return this.service.findById(id);
    if (slug) return this.service.findBySlug(slug);
    throw new InvalidInputError('id', 'Give id or slug');
  }

  @Mutation(() => WorkingGroup, { description: 'Admins only.' })
  createWorkingGroup(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateWorkingGroupInput) {
    return this.service.create(viewer, input);
  }

  @Mutation(() => WorkingGroup, { description: "Admins and the group's chairs and secretaries." })
  updateWorkingGroup(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateWorkingGroupInput,
  ) {
    return this.service.update(viewer, id, input);
  }

  @ResolveField(() => WorkingGroupViewerCan, { description: 'What the viewer may do with it now; computed by the rules the mutations apply.' })
  async viewerCan(group: WorkingGroupEntity, _args: unknown, ctx: GqlContext): Promise<WorkingGroupViewerCanSource> {
    const loaders = ctx.loaders.of(createWorkingGroupLoaders);
    const [role, organization] = await Promise.all([loaders.viewerRole.load(group.id), loaders.viewerOrganizationStanding.load(group.id)]);
    const standing = { role, ...organization };
    return { ...workingGroupActions(ctx.viewer!, group, standing), group, standing };
  }

  @ResolveField(() => [Person], { description: `People holding a CHAIR or CO_CHAIR seat, chairs first; at most ${LISTED_CHAIRS}.` })
  @MaxItems(LISTED_CHAIRS)
  async chairs(group: WorkingGroupEntity, _args: unknown, ctx: GqlContext): Promise<PersonEntity[]> {
    const seats = await ctx.loaders.of(createWorkingGroupLoaders).chairSeatsOfGroup.load(group.id);
    const people = await ctx.loaders.of(createPeopleLoaders).byId.loadMany(seats.map((s) => s.personId));
    return people.filter((p): p is PersonEntity => p !== null && !(p instanceof Error));
  }

  @ResolveField(() => WorkingGroupMembershipConnection, { description: 'Active memberships, oldest first.' })
  memberships(@Parent() group: WorkingGroupEntity, @Args() args: ConnectionArgs, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createWorkingGroupLoaders).membershipsOfGroup(group.id, pageArgs(args));
  }

  @ResolveField(() => WorkingGroupParticipantConnection, { description: 'Current seats, oldest first.' })
  participants(@Parent() group: WorkingGroupEntity, @Args() args: ParticipantsArgs, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createWorkingGroupLoaders).participantsOfGroup(group.id, args.role ?? null, pageArgs(args));
  }

  @ResolveField(() => MembershipApplicationConnection, {
    description: 'Chairs, secretaries and admins only; others get a FORBIDDEN error.',
  })
  async applications(@Parent() group: WorkingGroupEntity, @Args() args: ApplicationsArgs, @Context() ctx: GqlContext) {
    const loaders = ctx.loaders.of(createWorkingGroupLoaders);
    const viewer = ctx.viewer!;
    if (viewer.role !== 'ADMIN') {
      const role = await loaders.viewerRole.load(group.id);
      if (!role || !MANAGER_ROLES.includes(role)) {
        throw new ForbiddenError("Only the group's chairs, secretaries and admins see its applications", 'NOT_GROUP_MANAGER');
      }
    }
    return loaders.applicationsOfGroup(group.id, args.state ?? null, pageArgs(args));
  }

  @ResolveField(() => MembershipApplication, {
    nullable: true,
    description: "The newest application of the viewer's own organisation to this group, in any state; null when it never applied.",
  })
  viewerApplication(@Parent() group: WorkingGroupEntity, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createWorkingGroupLoaders).viewerApplication.load(group.id);
  }
}
