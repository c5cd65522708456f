import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionArgs, Context, GqlContext, MaxItems, pageArgs } from '@app/core';
import { Organization } from '@app/organizations';
import { CooperationProposal } from '@app/proposals';
import { CapabilityConnection } from './capabilities/capability.model';
import { createMarketplaceLoaders, LISTED_PROPOSAL_NEEDS } from './marketplace.loader';
import { ResourceNeed, ResourceNeedConnection } from './needs/need.model';

/** `Organization.capabilities` and `Organization.needs`: the same visibility as the top-level lists, newest first. */
@Resolver(() => Organization)
export class OrganizationMarketplaceResolver {
  @ResolveField(() => CapabilityConnection, { description: 'Its capabilities the viewer may read, newest first.' })
  capabilities(@Parent() organization: Organization, @Args() args: ConnectionArgs, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createMarketplaceLoaders).capabilitiesOfOrganization(organization.id, pageArgs(args));
  }

  @ResolveField(() => ResourceNeedConnection, {
    description:
      "Anonymous needs are left out for everyone but the organisation's people, admins, and the people of a provider whose introduction " +
      'on that need was ACCEPTED. Newest first.',
  })
  needs(@Parent() organization: Organization, @Args() args: ConnectionArgs, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createMarketplaceLoaders).needsOfOrganization(organization.id, pageArgs(args));
  }
}

/** `CooperationProposal.resourceNeeds`. */
@Resolver(() => CooperationProposal)
export class ProposalResourceNeedsResolver {
  @ResolveField(() => [ResourceNeed], {
    description: `The needs published for it that the viewer may read, oldest first (at most ${LISTED_PROPOSAL_NEEDS}); anonymous ones only for those who may see their owner.`,
  })
  @MaxItems(LISTED_PROPOSAL_NEEDS)
  resourceNeeds(@Parent() proposal: CooperationProposal, _args: unknown, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createMarketplaceLoaders).needsOfProposal.load(proposal.id);
  }
}
