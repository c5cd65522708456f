import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

@Entity('agenda_items')
@Index('UQ_agenda_items_position', ['meetingId', 'position'], { unique: true })
@Check('CHK_agenda_items_duration', '"duration_minutes" > 0')
export class AgendaItemEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('MeetingEntity', { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'meeting_id' })
  meetingId: string;

  /** 1-based order in the agenda. */
  @Column('int')
  position: number;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('int', { name: 'duration_minutes' })
  durationMinutes: number;

  @ForeignKey('PersonEntity', { onDelete: 'SET NULL' })
  @Column('uuid', { name: 'presenter_id', nullable: true })
  presenterId: string | null;

  @Index('IDX_agenda_items_proposal')
  @ForeignKey('ProposalEntity', { onDelete: 'SET NULL' })
  @Column('uuid', { name: 'proposal_id', nullable: true })
  proposalId: string | null;

  @ForeignKey('PriorityEntity', { onDelete: 'SET NULL' })
  @Column('uuid', { name: 'priority_id', nullable: true })
  priorityId: string | null;
}
