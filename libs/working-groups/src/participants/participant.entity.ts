import { Column, ForeignKey, Entity, Index, PrimaryColumn } from 'typeorm';
import { ParticipantRole } from '../working-group.enums';

/** A person's seat in a group. Ended seats are kept (ended_at) as history; one active seat per pair. */
@Entity('working_group_participants')
@Index('UQ_participants_active_seat', { synchronize: false })
@Index('IDX_participants_group', ['workingGroupId', 'endedAt'])
@Index('IDX_participants_person', ['personId', 'endedAt'])
export class ParticipantEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('WorkingGroupEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'working_group_id' })
  workingGroupId: string;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('text')
  role: ParticipantRole;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  since: Date;

  @Column({ type: 'timestamptz', name: 'ended_at', precision: 3, nullable: true })
  endedAt: Date | null;
}
