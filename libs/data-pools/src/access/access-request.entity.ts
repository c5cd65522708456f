import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { AccessRequestState, UsagePurpose } from '../data-pools.enums';

/** A signatory organisation's request to use a pool's data for a purpose, and the steward's decision. */
@Entity('data_access_requests')
@Index('IDX_data_access_requests_pool_created', ['poolId', 'createdAt', 'id'])
// The expiry pass reads the approvals that carry an end.
@Index('IDX_data_access_requests_expiring', ['expiresAt'], { where: `"state" = 'APPROVED' AND "expires_at" IS NOT NULL` })
// One open request per organisation and purpose: a second is CONFLICT until the first is decided.
@Index('UQ_data_access_requests_open', ['poolId', 'organizationId', 'purpose'], { unique: true, where: `"state" = 'REQUESTED'` })
export class DataAccessRequestEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('DataPoolEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'pool_id' })
  poolId: string;

  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'requested_by_id' })
  requestedById: string;

  @Column('text')
  purpose: UsagePurpose;

  @Column('text')
  justification: string;

  @Column('text', { default: AccessRequestState.REQUESTED })
  state: AccessRequestState;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'decided_by_id', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', name: 'decided_at', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column('text', { nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz', name: 'expires_at', precision: 3, nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;
}
