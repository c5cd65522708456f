import { ResolveField, Resolver } from '@nestjs/graphql';
import { GqlContext } from '@app/core';
import { createOrganizationLoaders, Organization } from '@app/organizations';
import { createPeopleLoaders, Person } from '@app/people';
import { DataPoolSignatoryEntity } from './signatory.entity';
import { DataPoolSignatory } from './signatory.model';

@Resolver(() => DataPoolSignatory)
export class DataPoolSignatoryResolver {
  @ResolveField(() => Organization)
  organization(signatory: DataPoolSignatoryEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createOrganizationLoaders).byId.load(signatory.organizationId);
  }

  @ResolveField(() => Person, { nullable: true, description: 'Who signed the version in termsVersion.' })
  signedBy(signatory: DataPoolSignatoryEntity, _args: unknown, ctx: GqlContext) {
    return signatory.signedById ? ctx.loaders.of(createPeopleLoaders).byId.load(signatory.signedById) : null;
  }
}
