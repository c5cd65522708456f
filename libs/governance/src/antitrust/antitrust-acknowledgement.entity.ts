import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** An invitee confirmed having read the meeting's statement (the one it carried at `at`). */
@Entity('antitrust_acknowledgements')
// A person's acknowledgements, for their data export and erasure.
@Index('IDX_antitrust_acknowledgements_person', ['personId'])
export class AntitrustAcknowledgementEntity {
  @ForeignKey('MeetingEntity', { onDelete: 'RESTRICT' })
  @PrimaryColumn('uuid', { name: 'meeting_id' })
  meetingId: string;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @PrimaryColumn('uuid', { name: 'person_id' })
  personId: string;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  at: Date;
}
