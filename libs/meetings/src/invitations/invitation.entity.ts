import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { RsvpStatus } from '../meeting.enums';

@Entity('meeting_invitations')
export class InvitationEntity {
  @PrimaryColumn('uuid', { name: 'meeting_id' })
  @ForeignKey('MeetingEntity', { onDelete: 'CASCADE' })
  meetingId: string;

  @PrimaryColumn('uuid', { name: 'person_id' })
  @Index('IDX_meeting_invitations_person')
  @ForeignKey('PersonEntity', { onDelete: 'CASCADE' })
  personId: string;

  @Column('text', { default: RsvpStatus.INVITED })
  status: RsvpStatus;

  /** Null until attendance is recorded; then true for those present and false for the other invitees. */
  @Column('boolean', { nullable: true })
  attended: boolean | null;

  @Column({ type: 'timestamptz', name: 'invited_at', precision: 3, default: () => 'now()' })
  invitedAt: Date;

  @Column({ type: 'timestamptz', name: 'responded_at', precision: 3, nullable: true })
  respondedAt: Date | null;
}
