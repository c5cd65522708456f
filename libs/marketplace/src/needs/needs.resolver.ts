import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionArgs, Context, CurrentViewer, GqlContext, pageArgs, Viewer } from '@app/core';
import { createOrganizationLoaders, Organization } from '@app/organizations';
import { CooperationProposal, createProposalLoaders } from '@app/proposals';
import { createWorkingGroupLoaders, WorkingGroup } from '@app/working-groups';
import { ResourceNeedInput, ResourceNeedsArgs, UpdateResourceNeedArgs } from '../dto/need.input';
import { createMarketplaceLoaders } from '../marketplace.loader';
import { CapabilityMatchConnection } from '../matching/capability-match.model';
import { ResourceNeedEntity } from './need.entity';
import { needActions } from '../marketplace-permissions';
import { ResourceNeed, ResourceNeedConnection, ResourceNeedViewerCan } from './need.model';
import { NeedsService } from './needs.service';

@Resolver(() => ResourceNeed)
export class NeedsResolver {
  constructor(private readonly service: NeedsService) {}

  @Query(() => ResourceNeedConnection, {
    description: "The needs the viewer may read, newest first. Filtering by organizationId leaves out the anonymous needs whose owner the viewer may not see.",
  })
  resourceNeeds(@CurrentViewer() viewer: Viewer, @Args() args: ResourceNeedsArgs) {
    return this.service.list(viewer, args.filter, pageArgs(args));
  }

  @Query(() => ResourceNeed, { nullable: true, description: 'Null when unknown or not readable by the viewer.' })
  resourceNeed(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.service.findVisible(viewer, id);
  }

  @Mutation(() => ResourceNeed, { description: "Publishes a need of the viewer's organisation (admins: any); it starts OPEN." })
  addResourceNeed(@CurrentViewer() viewer: Viewer, @Args('input') input: ResourceNeedInput) {
    return this.service.add(viewer, input);
  }

  @Mutation(() => ResourceNeed, {
    description:
      "CONFLICT when expectedVersion is stale. The organisation's people and admins edit; status moves OPEN -> FULFILLED | CLOSED " +
      '(final: such a need no longer changes).',
  })
  updateResourceNeed(@CurrentViewer() viewer: Viewer, @Args() { id, expectedVersion, input }: UpdateResourceNeedArgs) {
    return this.service.update(viewer, id, expectedVersion, input);
  }

  @ResolveField(() => ResourceNeedViewerCan, { description: 'What the viewer may do with it now; computed by the rules the mutations apply.' })
  viewerCan(need: ResourceNeedEntity, _args: unknown, ctx: GqlContext): ResourceNeedViewerCan {
    return needActions(ctx.viewer!, need);
  }

  @ResolveField(() => Organization, {
    nullable: true,
    description: "Null to everyone but the owner's people and admins while anonymous and no introduction was accepted.",
  })
  async organization(need: ResourceNeedEntity, _args: unknown, ctx: GqlContext) {
    if (!(await ctx.loaders.of(createMarketplaceLoaders).needOwnerVisible(need))) return null;
    return ctx.loaders.of(createOrganizationLoaders).byId.load(need.organizationId);
  }

  @ResolveField(() => CooperationProposal, {
    nullable: true,
    description: 'The proposal it serves; null when there is none, when the viewer may not read it, or while the need hides its owner from the viewer.',
  })
  async proposal(need: ResourceNeedEntity, _args: unknown, ctx: GqlContext) {
    if (!need.proposalId || !(await ctx.loaders.of(createMarketplaceLoaders).needOwnerVisible(need))) return null;
    return ctx.loaders.of(createProposalLoaders).visibleById.load(need.proposalId);
  }

  @ResolveField(() => WorkingGroup, { nullable: true, description: 'The group whose participants may see it, with WORKING_GROUP confidentiality.' })
  workingGroup(need: ResourceNeedEntity, _args: unknown, ctx: GqlContext) {
    return need.workingGroupId ? ctx.loaders.of(createWorkingGroupLoaders).byId.load(need.workingGroupId) : null;
  }

  @ResolveField(() => CapabilityMatchConnection, {
    description:
      "Best matches first; only capabilities the need's owner may read. Owner's people and admins only: anyone else gets an empty " +
      'connection. Score and order as in docs/marketplace.md.',
  })
  matches(@Parent() need: ResourceNeedEntity, @Args() args: ConnectionArgs, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createMarketplaceLoaders).matches(need, pageArgs(args));
  }
}
