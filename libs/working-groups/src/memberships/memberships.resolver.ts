import { Args, ID, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, GqlContext, MaxItems, Viewer } from '@app/core';
import { createOrganizationLoaders, Organization } from '@app/organizations';
import { SeatsService } from '../participants/seats.service';
import { WorkingGroup, WorkingGroupMembership } from '../working-group.model';
import { createWorkingGroupLoaders, LISTED_MEMBERSHIPS } from '../working-groups.loader';
import { MembershipEntity } from './membership.entity';

@Resolver(() => WorkingGroupMembership)
export class MembershipsResolver {
  constructor(private readonly seats: SeatsService) {}

  @Mutation(() => WorkingGroupMembership, { description: "Ends the membership and its people's seats. Chairs, secretaries, admins." })
  endMembership(
    @CurrentViewer() viewer: Viewer,
    @Args('workingGroupId', { type: () => ID }) workingGroupId: string,
    @Args('organizationId', { type: () => ID }) organizationId: string,
  ) {
    return this.seats.endMembership(viewer, workingGroupId, organizationId);
  }

  @ResolveField(() => WorkingGroup)
  workingGroup(membership: MembershipEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createWorkingGroupLoaders).byId.load(membership.workingGroupId);
  }

  @ResolveField(() => Organization)
  organization(membership: MembershipEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createOrganizationLoaders).byId.load(membership.organizationId);
  }
}

/** `Organization.memberships`: every membership of the organisation, ended ones included. */
@Resolver(() => Organization)
export class OrganizationMembershipsResolver {
  @ResolveField(() => [WorkingGroupMembership], { description: `Oldest first, ended ones included; the first ${LISTED_MEMBERSHIPS}.` })
  @MaxItems(LISTED_MEMBERSHIPS)
  memberships(organization: Organization, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createWorkingGroupLoaders).membershipsOfOrganization.load(organization.id);
  }
}
