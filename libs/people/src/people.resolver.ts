import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionArgs, Context, CurrentViewer, GqlContext, pageArgs, Viewer } from '@app/core';
import { createOrganizationLoaders, Organization } from '@app/organizations';
import { InvitePersonInput } from './dto/invite-person.input';
import { PeopleArgs } from './dto/people.args';
import { UpdateProfileInput } from './dto/update-profile.input';
import { isContact } from './contact';
import { createPeopleLoaders } from './people.loader';
import { PeopleService } from './people.service';
import { PersonConnection } from './person-connection.model';
import { PlatformRole } from './person.enums';
import { PersonEntity } from './person.entity';
import { Person } from './person.model';

@Resolver(() => Person)
export class PeopleResolver {
  constructor(private readonly service: PeopleService) {}

  @Query(() => Person, { nullable: true, description: 'The signed-in person.' })
  me(@CurrentViewer() viewer: Viewer) {
    return this.service.findById(viewer.id);
  }

  @Query(() => PersonConnection)
  people(@Args() args: PeopleArgs) {
    return this.service.list(args.filter, pageArgs(args));
  }

  @Query(() => Person, { nullable: true, description: 'Null when no person has this id.' })
  person(@Args('id', { type: () => ID }) id: string) {
    return this.service.findById(id);
  }

  @Mutation(() => Person, { description: 'Admins only. The invitee receives a sign-in link by email.' })
  invitePerson(@CurrentViewer() viewer: Viewer, @Args('input') input: InvitePersonInput) {
    return this.service.invite(viewer, input);
  }

  @Mutation(() => Person)
  updateMyProfile(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateProfileInput) {
    return this.service.updateProfile(viewer, input);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'Visible to the person, to admins, to people who share a working group with them, and where the person is given as a contact ' +
      "(an accepted introduction's contacts); null otherwise.",
  })
  async email(person: PersonEntity, _args: unknown, ctx: GqlContext): Promise<string | null> {
    const viewer = ctx.viewer;
    if (!viewer) return null;
    if (viewer.id === person.id || viewer.role === PlatformRole.ADMIN || isContact(person)) return person.email;
    return (await ctx.loaders.of(createPeopleLoaders).sharesGroupWithViewer.load(person.id)) ? person.email : null;
  }

  @ResolveField(() => Organization)
  organization(person: PersonEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createOrganizationLoaders).byId.load(person.organizationId);
  }
}

/** `Organization.people`, declared here because people depend on organisations, not the reverse. */
@Resolver(() => Organization)
export class OrganizationPeopleResolver {
  @ResolveField(() => PersonConnection)
  people(@Parent() organization: Organization, @Args() args: ConnectionArgs, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createPeopleLoaders).ofOrganization(organization.id, pageArgs(args));
  }
}
