import { ResolveField, Resolver } from '@nestjs/graphql';
import { GqlContext } from '@app/core';
import { createOrganizationLoaders, Organization } from '@app/organizations';
import { createDataPoolLoaders } from '../data-pools.loader';
import { DataPool } from '../pools/data-pool.model';
import { DatasetEntity } from './dataset.entity';
import { Dataset } from './dataset.model';

@Resolver(() => Dataset)
export class DatasetFieldsResolver {
  @ResolveField(() => DataPool)
  pool(dataset: DatasetEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createDataPoolLoaders).poolById.load(dataset.poolId);
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
