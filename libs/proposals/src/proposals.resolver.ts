import { Args, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { ConnectionArgs, Context, CurrentViewer, GqlContext, MaxItems, pageArgs, Viewer } from '@app/core';
import { createOrganizationLoaders, Organization } from '@app/organizations';
import { createPeopleLoaders, Person } from '@app/people';
import { Priority } from '@app/priorities';
import { createWorkingGroupLoaders, isOpenGroup, WorkingGroup, WorkingGroupViewerCan, WorkingGroupViewerCanSource } from '@app/working-groups';
import { ChangeProposalStateArgs, CreateProposalInput, InvitePartnerArgs, ProposalsArgs, RespondToLeadInvitationArgs, RespondToPartnerInvitationArgs, UpdateProposalArgs } from './dto/proposal.input';
import { PartnersService } from './partners/partners.service';
import { ProposalEntity } from './proposal.entity';
import { proposalActions, roleTakesPart } from './proposal-permissions';
import { CommentConnection, CooperationProposal, ProposalViewerCan, CooperationProposalConnection, ProposalEvent, ProposalEventConnection, ProposalPartner } from './proposal.model';
import { createProposalLoaders, HISTORY_NEWEST, LISTED_PARTNERS, LISTED_PRIORITIES, LISTED_SUPPORTERS } from './proposals.loader';
import { ProposalsService } from './proposals.service';
import { selectedProposalProperties } from './proposal-list.query';
import { ProposalListService } from './proposal-list.service';
import { SupportsService } from './supports/supports.service';

@Resolver(() => CooperationProposal)
export class ProposalsResolver {
  constructor(
    private readonly service: ProposalsService,
    private readonly list: ProposalListService,
    private readonly partnersService: PartnersService,
    private readonly supports: SupportsService,
  ) {}

  @Query(() => CooperationProposalConnection, { description: 'The proposals the viewer may read.' })
  proposals(@CurrentViewer() viewer: Viewer, @Args() args: ProposalsArgs, @Info() info: GraphQLResolveInfo) {
    return this.list.list(viewer, args.filter, args.orderBy, pageArgs(args), selectedProposalProperties(info));
  }

  @Query(() => CooperationProposal, { nullable: true, description: 'Null when unknown or not readable by the viewer.' })
  proposal(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.service.findVisible(viewer, id);
  }

  @Mutation(() => CooperationProposal, { description: 'Drafts a proposal (participants of the group other than observers).' })
  createProposal(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateProposalInput) {
    return this.service.create(viewer, input);
  }

  @Mutation(() => CooperationProposal, { description: 'Fails with CONFLICT when expectedVersion is not the current version.' })
  updateProposal(@CurrentViewer() viewer: Viewer, @Args() { id, expectedVersion, input }: UpdateProposalArgs) {
    return this.service.update(viewer, id, expectedVersion, input);
  }

  @Mutation(() => CooperationProposal, {
    description:
      "Allowed moves: DRAFT->SUBMITTED (author's organisation); SUBMITTED->UNDER_REVIEW, UNDER_REVIEW->APPROVED|REJECTED,\n" +
      'APPROVED->IN_PROGRESS, IN_PROGRESS->COMPLETED (chairs and admins); any state but APPROVED, REJECTED, COMPLETED\n' +
      "->WITHDRAWN (author's organisation). REJECTED needs a note.",
  })
  changeProposalState(@CurrentViewer() viewer: Viewer, @Args() { id, state, note }: ChangeProposalStateArgs) {
    return this.service.changeState(viewer, id, state, note);
  }

  @Mutation(() => CooperationProposal, { description: 'The lead organisation invites a partner organisation.' })
  invitePartner(@CurrentViewer() viewer: Viewer, @Args() { proposalId, organizationId, role }: InvitePartnerArgs) {
    return this.partnersService.invite(viewer, proposalId, organizationId, role);
  }

  @Mutation(() => CooperationProposal, { description: 'Answered by a person of the invited organisation.' })
  respondToPartnerInvitation(@CurrentViewer() viewer: Viewer, @Args() { proposalId, consent }: RespondToPartnerInvitationArgs) {
    return this.partnersService.respond(viewer, proposalId, consent);
  }

  @Mutation(() => CooperationProposal, {
    description:
      'Answered by a person of the organisation named as lead by another organisation, while the proposal is a DRAFT ' +
      "(it is submitted only once its lead consented). DECLINED hands the lead back to the author's organisation.",
  })
  respondToLeadInvitation(@CurrentViewer() viewer: Viewer, @Args() { proposalId, consent }: RespondToLeadInvitationArgs) {
    return this.partnersService.respondAsLead(viewer, proposalId, consent);
  }

  @Mutation(() => CooperationProposal, { description: 'One support per organisation; idempotent.' })
  supportProposal(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.supports.support(viewer, id);
  }

  @Mutation(() => CooperationProposal, { description: "Withdraws the viewer's organisation's support; idempotent." })
  withdrawSupport(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.supports.withdraw(viewer, id);
  }

  @ResolveField(() => WorkingGroup)
  workingGroup(proposal: ProposalEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createWorkingGroupLoaders).byId.load(proposal.workingGroupId);
  }

  @ResolveField(() => Organization)
  leadOrganization(proposal: ProposalEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createOrganizationLoaders).byId.load(proposal.leadOrganizationId);
  }

  @ResolveField(() => Person)
  author(proposal: ProposalEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createPeopleLoaders).byId.load(proposal.authorId);
  }

  @ResolveField(() => [ProposalPartner], { description: `By invitation, oldest first; at most ${LISTED_PARTNERS}.` })
  @MaxItems(LISTED_PARTNERS)
  partners(proposal: ProposalEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createProposalLoaders).partners.load(proposal.id);
  }

  @ResolveField(() => [Priority], { description: `By rank; at most ${LISTED_PRIORITIES}.` })
  @MaxItems(LISTED_PRIORITIES)
  priorities(proposal: ProposalEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createProposalLoaders).priorities.load(proposal.id);
  }

  @ResolveField(() => [Organization], { description: `The first ${LISTED_SUPPORTERS} supporting organisations, first supporters first; supportCount counts them all.` })
  @MaxItems(LISTED_SUPPORTERS)
  supporters(proposal: ProposalEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createProposalLoaders).supporters.load(proposal.id);
  }

  @ResolveField(() => Boolean, { description: "Whether the viewer's organisation supports it." })
  viewerHasSupported(proposal: ProposalEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createProposalLoaders).viewerHasSupported.load(proposal.id);
  }

  @ResolveField(() => ProposalViewerCan, { description: 'What the viewer may do with it now; computed by the rules the mutations apply.' })
  async viewerCan(proposal: ProposalEntity, _args: unknown, ctx: GqlContext) {
    const viewer = ctx.viewer!;
    const [role, partnerConsent] = await Promise.all([
      ctx.loaders.of(createWorkingGroupLoaders).viewerRole.load(proposal.workingGroupId),
      ctx.loaders.of(createProposalLoaders).viewerPartnerConsent.load(proposal.id),
    ]);
    return proposalActions(viewer, proposal, { role, partnerConsent });
  }

  @ResolveField(() => CommentConnection, { description: 'Oldest first.' })
  comments(@Parent() proposal: ProposalEntity, @Args() args: ConnectionArgs, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createProposalLoaders).comments(proposal.id, pageArgs(args));
  }

  @ResolveField(() => [ProposalEvent], { description: `The newest ${HISTORY_NEWEST} entries of the audit trail, oldest first; \`events\` pages through all of them.` })
  @MaxItems(HISTORY_NEWEST)
  history(proposal: ProposalEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createProposalLoaders).history.load(proposal.id);
  }

  @ResolveField(() => ProposalEventConnection, { description: 'The whole audit trail, oldest first, in pages.' })
  events(@Parent() proposal: ProposalEntity, @Args() args: ConnectionArgs, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createProposalLoaders).events(proposal.id, pageArgs(args));
  }
}

/** `WorkingGroup.proposals` and `Priority.proposals`: the same visibility and order as `proposals`. */
@Resolver(() => WorkingGroup)
export class WorkingGroupProposalsResolver {
  @ResolveField(() => CooperationProposalConnection)
  proposals(@Parent() group: WorkingGroup, @Args() args: ProposalsArgs, @Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.of(createProposalLoaders).ofGroup(group.id, pageArgs(args), args.filter, args.orderBy, selectedProposalProperties(info));
  }
}

@Resolver(() => Priority)
export class PriorityProposalsResolver {
  @ResolveField(() => CooperationProposalConnection, { description: 'Linked proposals the viewer may read, newest first.' })
  proposals(@Parent() priority: Priority, @Args() args: ConnectionArgs, @Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.of(createProposalLoaders).ofPriority(priority.id, pageArgs(args), selectedProposalProperties(info));
  }
}

/** `WorkingGroup.viewerCan.createProposal`, by the rules `createProposal` applies. */
@Resolver(() => WorkingGroupViewerCan)
export class WorkingGroupViewerCanProposalsResolver {
  @ResolveField(() => Boolean, { description: 'createProposal: participants other than observers, and admins, while the group is not CLOSED.' })
  createProposal(can: WorkingGroupViewerCanSource, _args: unknown, ctx: GqlContext) {
    return roleTakesPart(ctx.viewer!, can.standing.role) && isOpenGroup(can.group);
  }
}
