import { ResolveField, Resolver } from '@nestjs/graphql';
import { GqlContext } from '@app/core';
import { createOrganizationLoaders, Organization } from '@app/organizations';
import { createPeopleLoaders, Person } from '@app/people';
import { createDataPoolLoaders } from '../data-pools.loader';
import { DataPool } from '../pools/data-pool.model';
import { DataAccessRequestEntity } from './access-request.entity';
import { DataAccessRequest } from './access-request.model';

@Resolver(() => DataAccessRequest)
export class DataAccessRequestFieldsResolver {
  @ResolveField(() => DataPool)
  pool(request: DataAccessRequestEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createDataPoolLoaders).poolById.load(request.poolId);
  }

  @ResolveField(() => Organization)
  organization(request: DataAccessRequestEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createOrganizationLoaders).byId.load(request.organizationId);
  }

  @ResolveField(() => Person)
  requestedBy(request: DataAccessRequestEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createPeopleLoaders).byId.load(request.requestedById);
  }

  @ResolveField(() => Person, { nullable: true })
  decidedBy(request: DataAccessRequestEntity, _args: unknown, ctx: GqlContext) {
    return request.decidedById ? ctx.loaders.of(createPeopleLoaders).byId.load(request.decidedById) : null;
  }
}
