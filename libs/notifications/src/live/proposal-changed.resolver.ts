import { Logger } from '@nestjs/common';
import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { Context, GqlContext, PubSubService } from '@app/core';
import { CooperationProposal, createProposalLoaders, ProposalEntity } from '@app/proposals';
import { filtered, PROPOSAL_CHANGED, ProposalChangedMessage, renewLoaders } from './live-triggers';
import { ProposalChangedArgs } from './proposal-changed.args';

@Resolver(() => CooperationProposal)
export class ProposalChangedResolver {
  private readonly logger = new Logger(ProposalChangedResolver.name);

  constructor(private readonly pubsub: PubSubService) {}

  @Subscription(() => CooperationProposal, {
    description:
      'A proposal the viewer may read was created or changed (state, content, partners, supports, comments). ' +
      'Proposals the viewer may not read are never sent.',
    // The row the filter loaded (same loaders, same event).
    resolve: (message: ProposalChangedMessage, _args: ProposalChangedArgs, ctx: GqlContext): Promise<ProposalEntity | null> =>
      ctx.loaders.of(createProposalLoaders).visibleById.load(message.proposalId),
  })
  proposalChanged(@Args() args: ProposalChangedArgs, @Context() ctx: GqlContext) {
    // Per subscriber: the group first (no query), then the read rule of every list
    // (canReadProposalSql, through the visibleById loader), with this event's fresh loaders.
    return filtered(
      this.pubsub.subscribe<ProposalChangedMessage>(PROPOSAL_CHANGED),
      async (message) => {
        if (args.workingGroupId && args.workingGroupId !== message.workingGroupId) return false;
        return (await renewLoaders(ctx).of(createProposalLoaders).visibleById.load(message.proposalId)) !== null;
      },
      (error) => this.logger.warn(`proposalChanged dropped for a subscriber: ${error.message}`),
    );
  }
}
