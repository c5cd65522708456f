import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Context, CurrentViewer, GqlContext, MaxItems, Viewer } from '@app/core';
import { asContact, createPeopleLoaders, Person, PersonEntity } from '@app/people';
import { CooperationProposal, createProposalLoaders } from '@app/proposals';
import { Capability } from '../capabilities/capability.model';
import { ChangeIntroductionStateArgs, MyIntroductionsArgs, RequestIntroductionArgs, StartProposalFromIntroductionArgs } from '../dto/introduction.input';
import { createMarketplaceLoaders } from '../marketplace.loader';
import { IntroductionState } from '../marketplace.enums';
import { ResourceNeed } from '../needs/need.model';
import { ResourceNeedEntity } from '../needs/need.entity';
import { IntroductionProposalsService } from './introduction-proposals.service';
import { introductionActions } from '../marketplace-permissions';
import { Introduction, IntroductionViewerCan } from './introduction.model';
import { createIntroductionLoaders } from './introductions.loader';
import { IntroductionRow, LISTED_MY_INTRODUCTIONS, LISTED_NEED_INTRODUCTIONS } from './introductions.query';
import { IntroductionsService } from './introductions.service';

/** The two contacts of an accepted introduction: the provider's and the owner's. */
const CONTACTS = 2;

@Resolver(() => Introduction)
export class IntroductionsResolver {
  constructor(
    private readonly service: IntroductionsService,
    private readonly proposals: IntroductionProposalsService,
  ) {}

  @Query(() => [Introduction], {
    description: `Introductions the viewer's organisation asked for or was asked for, newest first; the first ${LISTED_MY_INTRODUCTIONS}.`,
  })
  @MaxItems(LISTED_MY_INTRODUCTIONS)
  myIntroductions(@CurrentViewer() viewer: Viewer, @Args() { state }: MyIntroductionsArgs) {
    return this.service.mine(viewer, state);
  }

  @Query(() => Introduction, { nullable: true, description: "Null when unknown, or when the viewer is on neither side (admins see all)." })
  introduction(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.service.findVisible(viewer, id);
  }

  @Mutation(() => Introduction, {
    description:
      "The need's organisation's people (and admins) ask the capability's organisation to talk. The need must be OPEN, the capability " +
      "ACTIVE, of another organisation and readable by the need's organisation; one REQUESTED or ACCEPTED introduction per need and " +
      'capability (CONFLICT otherwise). The capability need not be one of the matches.',
  })
  requestIntroduction(@CurrentViewer() viewer: Viewer, @Args() { needId, capabilityId, message }: RequestIntroductionArgs) {
    return this.service.request(viewer, needId, capabilityId, message);
  }

  @Mutation(() => Introduction, {
    description:
      "Allowed moves: REQUESTED->ACCEPTED|DECLINED (the provider's people), REQUESTED->WITHDRAWN (the owner's people); admins for either " +
      'side. Any other move is CONFLICT (ILLEGAL_TRANSITION), the wrong side FORBIDDEN.',
  })
  changeIntroductionState(@CurrentViewer() viewer: Viewer, @Args() { id, state, note }: ChangeIntroductionStateArgs) {
    return this.service.changeState(viewer, id, state, note);
  }

  @Mutation(() => CooperationProposal, {
    description:
      "From an ACCEPTED introduction: a DRAFT COMPUTE_ACCESS proposal in the group, the provider invited as partner, the need linked. The need's " +
      'organisation\'s people only, with a seat in the group other than OBSERVER; a second call is CONFLICT.',
  })
  startProposalFromIntroduction(@CurrentViewer() viewer: Viewer, @Args() { id, workingGroupId }: StartProposalFromIntroductionArgs) {
    return this.proposals.start(viewer, id, workingGroupId);
  }

  @ResolveField(() => IntroductionViewerCan, { description: 'What the viewer may do with it now; computed by the rules the mutations apply.' })
  viewerCan(introduction: IntroductionRow, _args: unknown, ctx: GqlContext): IntroductionViewerCan {
    return introductionActions(ctx.viewer!, introduction);
  }

  @ResolveField(() => ResourceNeed)
  need(introduction: IntroductionRow, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createMarketplaceLoaders).needById.load(introduction.needId);
  }

  @ResolveField(() => Capability)
  capability(introduction: IntroductionRow, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createMarketplaceLoaders).capabilityById.load(introduction.capabilityId);
  }

  @ResolveField(() => Person, {
    nullable: true,
    description:
      "Null to the provider's people while the need is anonymous and the introduction is not ACCEPTED (unless another of their " +
      'introductions on the need was: then they see its owner anyway).',
  })
  requestedBy(introduction: IntroductionRow, _args: unknown, ctx: GqlContext) {
    return introduction.ownerVisible ? ctx.loaders.of(createPeopleLoaders).byId.load(introduction.requestedById) : null;
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: "Who accepted, declined or withdrew it; a withdrawal's author is hidden like requestedBy.",
  })
  answeredBy(introduction: IntroductionRow, _args: unknown, ctx: GqlContext) {
    if (!introduction.answeredById) return null;
    if (introduction.state === IntroductionState.WITHDRAWN && !introduction.ownerVisible) return null;
    return ctx.loaders.of(createPeopleLoaders).byId.load(introduction.answeredById);
  }

  @ResolveField(() => [Person], {
    nullable: true,
    description: `The provider's and the owner's contact people — who accepted it, then who asked for it (${CONTACTS} at most, one if the same person); null until ACCEPTED. Their emails are shown to both sides.`,
  })
  @MaxItems(CONTACTS)
  async contacts(introduction: IntroductionRow, _args: unknown, ctx: GqlContext): Promise<PersonEntity[] | null> {
    if (introduction.state !== IntroductionState.ACCEPTED || !introduction.answeredById) return null;
    const ids = [...new Set([introduction.answeredById, introduction.requestedById])];
    const people = await ctx.loaders.of(createPeopleLoaders).byId.loadMany(ids);
    return people.filter((p): p is PersonEntity => p !== null && !(p instanceof Error)).map(asContact);
  }

  @ResolveField(() => CooperationProposal, {
    nullable: true,
    description: 'The compute-access proposal started from this introduction, if any (null also while the viewer may not read it).',
  })
  proposal(introduction: IntroductionRow, _args: unknown, ctx: GqlContext) {
    return introduction.proposalId ? ctx.loaders.of(createProposalLoaders).visibleById.load(introduction.proposalId) : null;
  }
}

/** `ResourceNeed.introductions`. */
@Resolver(() => ResourceNeed)
export class NeedIntroductionsResolver {
  @ResolveField(() => [Introduction], {
    description: `Newest first, the first ${LISTED_NEED_INTRODUCTIONS}: all of them for the owner's people and admins, those on its own capabilities for a provider's people, none for anyone else.`,
  })
  @MaxItems(LISTED_NEED_INTRODUCTIONS)
  introductions(@Parent() need: ResourceNeedEntity, _args: unknown, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createIntroductionLoaders).ofNeed.load(need.id);
  }
}
