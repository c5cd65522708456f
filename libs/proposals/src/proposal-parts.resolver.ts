import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, GqlContext, Viewer } from '@app/core';
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
  organization(partner: PartnerEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createOrganizationLoaders).byId.load(partner.organizationId);
  }
}

@Resolver(() => ProposalEvent)
export class ProposalEventResolver {
  @ResolveField(() => Person, { nullable: true })
  actor(event: ProposalEventEntity, _args: unknown, ctx: GqlContext) {
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
  author(comment: CommentEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createPeopleLoaders).byId.load(comment.authorId);
  }
}
