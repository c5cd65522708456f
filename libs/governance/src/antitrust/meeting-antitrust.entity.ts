import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/**
 * A meeting's competition-law state, once anything departs from the default: its own statement (null: the
 * alliance default in the meeting's language) and counsel's approval of the agenda as it then stood.
 * A meeting without a row carries the default statement and no approval.
 */
@Entity('meeting_antitrust')
@Check('CHK_meeting_antitrust_approval', '("approved_at" IS NULL) = ("approved_by_id" IS NULL) AND ("approved_at" IS NULL) = ("approved_agenda_digest" IS NULL)')
export class MeetingAntitrustEntity {
  @ForeignKey('MeetingEntity', { onDelete: 'RESTRICT' })
  @PrimaryColumn('uuid', { name: 'meeting_id' })
  meetingId: string;

  /** Set by the meeting's organisers instead of the default; null restores the default. */
  @Column('text', { nullable: true })
  statement: string | null;

  @Column({ type: 'timestamptz', name: 'approved_at', precision: 3, nullable: true })
  approvedAt: Date | null;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'approved_by_id', nullable: true })
  approvedById: string | null;

  /** The digest of the agenda counsel approved (`agendaDigestSql`): a change to anything else clears the approval. */
  @Column('text', { name: 'approved_agenda_digest', nullable: true })
  approvedAgendaDigest: string | null;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
