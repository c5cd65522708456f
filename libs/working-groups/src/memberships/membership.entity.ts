import { Column, ForeignKey, Entity, Index, PrimaryColumn } from 'typeorm';
import { MembershipStatus } from '../working-group.enums';

/** An organisation's membership of a working group; one row per pair, reactivated on re-admission. */
@Entity('working_group_memberships')
@Index('UQ_memberships_group_organization', ['workingGroupId', 'organizationId'], { unique: true })
export class MembershipEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('WorkingGroupEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'working_group_id' })
  workingGroupId: string;

  @Index('IDX_memberships_organization')
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  @Column('text', { default: MembershipStatus.ACTIVE })
  status: MembershipStatus;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  since: Date;

  @Column({ type: 'timestamptz', name: 'ended_at', precision: 3, nullable: true })
  endedAt: Date | null;
}
