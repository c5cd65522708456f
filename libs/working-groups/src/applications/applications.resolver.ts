import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, GqlContext, Viewer } from '@app/core';
import { createOrganizationLoaders, Organization } from '@app/organizations';
import { createPeopleLoaders, Person } from '@app/people';
import { MembershipApplication, WorkingGroup } from '../working-group.model';
import { createWorkingGroupLoaders } from '../working-groups.loader';
import { ApplicationEntity } from './application.entity';
import { ApplicationsService } from './applications.service';
import { ChangeApplicationStateArgs, SubmitApplicationInput } from './submit-application.input';

@Resolver(() => MembershipApplication)
export class ApplicationsResolver {
  constructor(private readonly service: ApplicationsService) {}

  @Query(() => MembershipApplication, {
    nullable: true,
    description: "Visible to the applicant organisation's people, the group's chairs and secretaries, and admins; null otherwise.",
  })
  application(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.service.findVisible(viewer, id);
  }

  @Mutation(() => MembershipApplication, { description: 'Apply for your own organisation.' })
  submitApplication(@CurrentViewer() viewer: Viewer, @Args('input') input: SubmitApplicationInput) {
    return this.service.submit(viewer, input);
  }

  @Mutation(() => MembershipApplication, {
    description: 'Allowed moves: SUBMITTED->UNDER_REVIEW|WITHDRAWN, UNDER_REVIEW->ACCEPTED|REJECTED|WITHDRAWN. REJECTED needs a note.',
  })
  changeApplicationState(@CurrentViewer() viewer: Viewer, @Args() { id, state, note }: ChangeApplicationStateArgs) {
    return this.service.changeState(viewer, id, state, note);
  }

  @ResolveField(() => WorkingGroup)
  workingGroup(application: ApplicationEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createWorkingGroupLoaders).byId.load(application.workingGroupId);
  }

  @ResolveField(() => Organization)
  organization(application: ApplicationEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createOrganizationLoaders).byId.load(application.organizationId);
  }

  @ResolveField(() => Person)
  submittedBy(application: ApplicationEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createPeopleLoaders).byId.load(application.submittedById);
  }

  @ResolveField(() => Person, { nullable: true })
  decidedBy(application: ApplicationEntity, _args: unknown, ctx: GqlContext) {
    return application.decidedById ? ctx.loaders.of(createPeopleLoaders).byId.load(application.decidedById) : null;
  }
}
