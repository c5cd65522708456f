import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Context, CurrentViewer, GqlContext, Viewer } from '@app/core';
import { createOrganizationLoaders, Organization } from '@app/organizations';
import { createPeopleLoaders, Person } from '@app/people';
import { CommentEntity } from './comments/comment.entity';
import { CommentsService } from './comments/comments.service';
import { AddCommentArgs } from './dto/proposal.input';
import { ProposalEventEntity } from './events/event.entity';
import { PartnerEntity } from './partners/partner.entity';
import { Comment, ProposalEvent, ProposalPartner } from './proposal.model';

@Resolver(() => ProposalPartner)
export class ProposalPartnerResolver {
  @ResolveField(() => Organization)
  organization(@Parent() partner: PartnerEntity, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createOrganizationLoaders).byId.load(partner.organizationId);
  }
}

@Resolver(() => ProposalEvent)
export class ProposalEventResolver {
  @ResolveField(() => Person, { nullable: true })
  actor(@Parent() event: ProposalEventEntity, @Context() ctx: GqlContext) {
    return event.actorId ? ctx.loaders.of(createPeopleLoaders).byId.load(event.actorId) : null;
  }
}

@Resolver(() => Comment)
export class CommentsResolver {
  constructor(private readonly comments: CommentsService) {}

  @Mutation(() => Comment, { description: 'Comments on a proposal you may read; replies name their parentId.' })
  addComment(@CurrentViewer() viewer: Viewer, @Args() { proposalId, body, parentId }: AddCommentArgs) {
    return this.comments.add(viewer, proposalId, body, parentId);
  }

  @ResolveField(() => Person)
  author(@Parent() comment: CommentEntity, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createPeopleLoaders).byId.load(comment.authorId);
  }
}
