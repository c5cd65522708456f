import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionArgs, Context, GqlContext, pageArgs } from '@app/core';
import { Organization } from '@app/organizations';
import { WorkingGroup } from '@app/working-groups';
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
