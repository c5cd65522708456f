import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

@Entity('proposal_comments')
@Index('IDX_proposal_comments_proposal', ['proposalId', 'createdAt'])
export class CommentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('ProposalEntity', { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'proposal_id' })
  proposalId: string;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'author_id' })
  authorId: string;

  @ForeignKey('CommentEntity', { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId: string | null;

  @Column('text')
  body: string;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'edited_at', precision: 3, nullable: true })
  editedAt: Date | null;
}
