import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { IntroductionState } from '../marketplace.enums';

/**
 * A need's owner asks a provider (through one of its capabilities) to talk. At most one live introduction
 * (REQUESTED or ACCEPTED) per need and capability; DECLINED and WITHDRAWN ones stay as history. An ACCEPTED
 * one reveals an anonymous need's owner to the capability's organisation (`canSeeNeedOwner`).
 */
@Entity('introductions')
@Index('UQ_introductions_live_pair', ['needId', 'capabilityId'], { unique: true, where: `"state" IN ('REQUESTED', 'ACCEPTED')` })
@Index('IDX_introductions_need_state', ['needId', 'state'])
@Index('IDX_introductions_capability', ['capabilityId', 'state'])
export class IntroductionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('ResourceNeedEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'need_id' })
  needId: string;

  @ForeignKey('CapabilityEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'capability_id' })
  capabilityId: string;

  @Column('text', { default: IntroductionState.REQUESTED })
  state: IntroductionState;

  @Column('text', { nullable: true })
  message: string | null;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'requested_by_id' })
  requestedById: string;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'answered_by_id', nullable: true })
  answeredById: string | null;

  @Column('text', { name: 'answer_note', nullable: true })
  answerNote: string | null;

  /** The compute-access proposal started from this introduction, if any. */
  @ForeignKey('ProposalEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'proposal_id', nullable: true })
  proposalId: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'answered_at', precision: 3, nullable: true })
  answeredAt: Date | null;
}
