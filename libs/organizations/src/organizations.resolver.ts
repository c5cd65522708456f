import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, pageArgs, Viewer } from '@app/core';
import { CreateOrganizationInput } from './dto/create-organization.input';
import { OrganizationsArgs } from './dto/organizations.args';
import { UpdateOrganizationInput } from './dto/update-organization.input';
import { OrganizationConnection } from './organization-connection.model';
import { Organization } from './organization.model';
import { OrganizationsService } from './organizations.service';

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(private readonly service: OrganizationsService) {}

  @Query(() => OrganizationConnection)
  organizations(@Args() args: OrganizationsArgs) {
    return this.service.list(args.filter, pageArgs(args));
  }

  @Query(() => Organization, { nullable: true, description: 'Null when no organisation has this id.' })
  organization(@Args('id', { type: () => ID }) id: string) {
    return this.service.findById(id);
  }

  @Mutation(() => Organization, { description: 'Admins only.' })
  createOrganization(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateOrganizationInput) {
    return this.service.create(viewer, input);
  }

  @Mutation(() => Organization, { description: 'Admins only.' })
  updateOrganization(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateOrganizationInput,
  ) {
    return this.service.update(viewer, id, input);
  }
}
