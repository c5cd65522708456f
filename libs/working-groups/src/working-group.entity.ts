import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { WorkingGroupStatus } from './working-group.enums';

@Entity('working_groups')
export class WorkingGroupEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('UQ_working_groups_slug', { unique: true })
  @Column('text')
  slug: string;

  @Column('text')
  name: string;

  @Column('text')
  mission: string;

  @Column('text', { default: WorkingGroupStatus.ACTIVE })
  status: WorkingGroupStatus;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
