import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidInputError, Viewer, newId } from '@app/core';
import { ProposalHistory } from '../events/proposal-events';
import { isParty } from '../proposal-permissions';
import { ProposalPolicy } from '../proposal.policy';
import { ProposalsService } from '../proposals.service';
import { CommentEntity } from './comment.entity';

@Injectable()
export class CommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly proposals: ProposalsService,
    private readonly policy: ProposalPolicy,
    private readonly history: ProposalHistory,
  ) {}

  /**
   * Readers who take part comment: the group's participants (not observers), the parties'
   * people and admins. A reply names its parent, which must be a comment on the same proposal.
   */
  add(viewer: Viewer, proposalId: string, body: string, parentId: string | null | undefined): Promise<CommentEntity> {
    return this.dataSource.transaction(async (em) => {
      const proposal = await this.proposals.lockReadable(em, viewer, proposalId);
      const party = isParty(viewer, proposal, await this.policy.partnerConsentOf(viewer, proposal.id, em));
      if (!party) await this.policy.assertCanTakePart(viewer, proposal.workingGroupId, 'comment', em);
      if (parentId) {
        const [parent] = await em.query(`SELECT 1 FROM proposal_comments WHERE id = $1 AND proposal_id = $2`, [parentId, proposal.id]);
        if (!parent) throw new InvalidInputError('parentId', 'parentId must be a comment on the same proposal', 'PARENT_NOT_FOUND');
      }
      const comment: CommentEntity = {
        id: newId(),
        proposalId: proposal.id,
        authorId: viewer.id,
        parentId: parentId ?? null,
        body,
        createdAt: new Date(),
        editedAt: null,
      };
      await em.getRepository(CommentEntity).insert(comment);
      await this.history.record(em, { proposal, actorId: viewer.id, type: 'COMMENTED', details: { commentId: comment.id, parentId: comment.parentId } });
      return comment;
    });
  }
}
