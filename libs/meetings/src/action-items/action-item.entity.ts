import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ActionItemStatus } from '../meeting.enums';

@Entity('action_items')
@Index('IDX_action_items_meeting', ['meetingId', 'createdAt'])
@Index('IDX_action_items_owner_status', ['ownerId', 'status'])
export class ActionItemEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('MeetingEntity', { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'meeting_id' })
  meetingId: string;

  @Column('text')
  title: string;

  @ForeignKey('PersonEntity', { onDelete: 'SET NULL' })
  @Column('uuid', { name: 'owner_id', nullable: true })
  ownerId: string | null;

  @Column({ type: 'timestamptz', name: 'due_date', precision: 3, nullable: true })
  dueDate: Date | null;

  @Column('text', { default: ActionItemStatus.OPEN })
  status: ActionItemStatus;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'created_by_id' })
  createdById: string;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'done_at', precision: 3, nullable: true })
  doneAt: Date | null;
}
