import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ProposalState } from '../proposal.enums';

/** The audit trail: appended in the transaction of every change; a trigger forbids UPDATE and DELETE. */
@Entity('proposal_events')
@Index('IDX_proposal_events_proposal', ['proposalId', 'at'])
export class ProposalEventEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('ProposalEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'proposal_id' })
  proposalId: string;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column('text')
  type: string;

  @Column('text', { name: 'from_state', nullable: true })
  fromState: ProposalState | null;

  @Column('text', { name: 'to_state', nullable: true })
  toState: ProposalState | null;

  @Column('text', { nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  at: Date;
}
