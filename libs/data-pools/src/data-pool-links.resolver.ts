import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionArgs, Context, GqlContext, pageArgs } from '@app/core';
import { Organization } from '@app/organizations';
import { WorkingGroup, WorkingGroupViewerCan, WorkingGroupViewerCanSource } from '@app/working-groups';
import { mayCreatePool } from './data-pool-permissions';
import { createDataPoolLoaders } from './data-pools.loader';
import { DataPoolsArgs } from './dto/data-pool.input';
import { DataPoolConnection } from './pools/data-pool.model';

/** `WorkingGroup.dataPools`: the same visibility and order as `dataPools`. */
@Resolver(() => WorkingGroup)
export class WorkingGroupDataPoolsResolver {
  @ResolveField(() => DataPoolConnection, { description: "The group's pools the viewer may read, newest first." })
  dataPools(@Parent() group: WorkingGroup, @Args() args: DataPoolsArgs, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createDataPoolLoaders).poolsOfGroup(group.id, args.state ?? null, pageArgs(args));
  }
}

/** `Organization.dataPools`. */
@Resolver(() => Organization)
export class OrganizationDataPoolsResolver {
  @ResolveField(() => DataPoolConnection, { description: 'Pools the organisation signed or was invited to, that the viewer may see; newest first.' })
  dataPools(@Parent() organization: Organization, @Args() args: ConnectionArgs, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createDataPoolLoaders).poolsOfOrganization(organization.id, pageArgs(args));
  }
}

/** `WorkingGroup.viewerCan.createDataPool`, by the rule `createDataPool` applies (`mayCreatePool`). */
@Resolver(() => WorkingGroupViewerCan)
export class WorkingGroupViewerCanDataPoolsResolver {
  @ResolveField(() => Boolean, { description: 'createDataPool in this group: participants other than observers, and admins.' })
  createDataPool(@Parent() can: WorkingGroupViewerCanSource, @Context() ctx: GqlContext) {
    return mayCreatePool(ctx.viewer!, can.standing.role);
  }
}
