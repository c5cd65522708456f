import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, GqlContext, pageArgs, Viewer } from '@app/core';
import { createOrganizationLoaders, Organization } from '@app/organizations';
import { createWorkingGroupLoaders, WorkingGroup } from '@app/working-groups';
import { CapabilitiesArgs, CapabilityInput, UpdateCapabilityArgs } from '../dto/capability.input';
import { CapabilitiesService } from './capabilities.service';
import { CapabilityEntity } from './capability.entity';
import { createMarketplaceLoaders } from '../marketplace.loader';
import { capabilityActions, isOwnCapability, offersIntroductionTo, takesIntroductions } from '../marketplace-permissions';
import { Capability, CapabilityConnection, CapabilityViewerCan } from './capability.model';

@Resolver(() => Capability)
export class CapabilitiesResolver {
  constructor(private readonly service: CapabilitiesService) {}

  @Query(() => CapabilityConnection, { description: 'The capabilities the viewer may read, newest first.' })
  capabilities(@CurrentViewer() viewer: Viewer, @Args() args: CapabilitiesArgs) {
    return this.service.list(viewer, args.filter, pageArgs(args));
  }

  @Query(() => Capability, { nullable: true, description: 'Null when unknown or not readable by the viewer.' })
  capability(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.service.findVisible(viewer, id);
  }

  @Mutation(() => Capability, { description: "Publishes a capability of the viewer's organisation (admins: any); it starts ACTIVE." })
  addCapability(@CurrentViewer() viewer: Viewer, @Args('input') input: CapabilityInput) {
    return this.service.add(viewer, input);
  }

  @Mutation(() => Capability, {
    description:
      "CONFLICT when expectedVersion is stale. The organisation's people and admins edit; status moves ACTIVE <-> PAUSED and " +
      'any -> RETIRED (final: a retired capability no longer changes).',
  })
  updateCapability(@CurrentViewer() viewer: Viewer, @Args() { id, expectedVersion, input }: UpdateCapabilityArgs) {
    return this.service.update(viewer, id, expectedVersion, input);
  }

  @ResolveField(() => CapabilityViewerCan, { description: 'What the viewer may do with it now; computed by the rules the mutations apply.' })
  async viewerCan(capability: CapabilityEntity, _args: unknown, ctx: GqlContext): Promise<CapabilityViewerCan> {
    const viewer = ctx.viewer!;
    // Whether the viewer's organisation reads it is asked only where it decides (one statement per batch).
    const asks = takesIntroductions(capability) && !isOwnCapability(capability, viewer.organizationId);
    const reads = asks && (await ctx.loaders.of(createMarketplaceLoaders).organizationReadsCapability.load(capability.id));
    return { ...capabilityActions(viewer, capability), requestIntroduction: offersIntroductionTo(capability, viewer.organizationId, reads) };
  }

  @ResolveField(() => Organization)
  organization(capability: CapabilityEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createOrganizationLoaders).byId.load(capability.organizationId);
  }

  @ResolveField(() => WorkingGroup, { nullable: true, description: 'The group whose participants may see it, with WORKING_GROUP confidentiality.' })
  workingGroup(capability: CapabilityEntity, _args: unknown, ctx: GqlContext) {
    return capability.workingGroupId ? ctx.loaders.of(createWorkingGroupLoaders).byId.load(capability.workingGroupId) : null;
  }
}
