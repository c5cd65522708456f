import { Column, ForeignKey, Entity, Index, PrimaryColumn } from 'typeorm';
import { ApplicationState } from '../working-group.enums';

@Entity('membership_applications')
// At most one open (SUBMITTED or UNDER_REVIEW) application per organisation and group: partial unique index.
@Index('UQ_applications_open', { synchronize: false })
@Index('IDX_applications_group', ['workingGroupId', 'createdAt'])
export class ApplicationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('WorkingGroupEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'working_group_id' })
  workingGroupId: string;

  @Index('IDX_applications_organization')
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'submitted_by_id' })
  submittedById: string;

  @Column('text')
  motivation: string;

  @Column('text', { nullable: true })
  contribution: string | null;

  @Column('text', { default: ApplicationState.SUBMITTED })
  state: ApplicationState;

  @Column('text', { name: 'decision_reason', nullable: true })
  decisionReason: string | null;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'decided_by_id', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', name: 'decided_at', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
