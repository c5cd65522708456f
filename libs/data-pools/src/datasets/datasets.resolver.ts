import { ResolveField, Resolver } from '@nestjs/graphql';
import { GqlContext } from '@app/core';
import { createOrganizationLoaders, Organization } from '@app/organizations';
import { createDataPoolLoaders } from '../data-pools.loader';
import { DataPool } from '../pools/data-pool.model';
import { DatasetEntity } from './dataset.entity';
import { mayRemoveDataset, hasEnded } from '../data-pool-permissions';
import { Dataset, DatasetViewerCan } from './dataset.model';

@Resolver(() => Dataset)
export class DatasetFieldsResolver {
  @ResolveField(() => DataPool)
  pool(dataset: DatasetEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createDataPoolLoaders).poolById.load(dataset.poolId);
  }

  @ResolveField(() => DatasetViewerCan, { description: 'What the viewer may do with it now; computed by the rule the mutation applies.' })
  async viewerCan(dataset: DatasetEntity, _args: unknown, ctx: GqlContext): Promise<DatasetViewerCan> {
    // The pool (its steward and state) through the per-request loader: one statement for all datasets asked.
    const pool = await ctx.loaders.of(createDataPoolLoaders).poolById.load(dataset.poolId);
    return { remove: pool !== null && mayRemoveDataset(ctx.viewer!, pool, dataset) && !hasEnded(pool) };
  }

  @ResolveField(() => Organization)
  contributor(dataset: DatasetEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createOrganizationLoaders).byId.load(dataset.contributorOrganizationId);
  }

  @ResolveField(() => Organization, { nullable: true, description: 'Where the data is hosted, e.g. an AI factory' })
  hostedBy(dataset: DatasetEntity, _args: unknown, ctx: GqlContext) {
    return dataset.hostedByOrganizationId ? ctx.loaders.of(createOrganizationLoaders).byId.load(dataset.hostedByOrganizationId) : null;
  }
}
