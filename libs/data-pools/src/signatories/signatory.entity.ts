import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { DataPoolRole, SignatureState } from '../data-pools.enums';

/** An organisation invited to a pool in a role, and what it signed: the version and digest of the terms. */
@Entity('data_pool_signatories')
// `Organization.dataPools` and the visibility rule look pools up by organisation.
@Index('IDX_data_pool_signatories_organization', ['organizationId', 'poolId'])
export class DataPoolSignatoryEntity {
  @ForeignKey('DataPoolEntity', { onDelete: 'RESTRICT' })
  @PrimaryColumn('uuid', { name: 'pool_id' })
  poolId: string;

  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId: string;

  @Column('text')
  role: DataPoolRole;

  @Column('text', { default: SignatureState.PENDING })
  state: SignatureState;

  /** The version signed; kept when a terms change sets the state back to PENDING. */
  @Column('int', { name: 'terms_version', nullable: true })
  termsVersion: number | null;

  @Column('text', { name: 'terms_digest', nullable: true })
  termsDigest: string | null;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'signed_by_id', nullable: true })
  signedById: string | null;

  @Column({ type: 'timestamptz', name: 'signed_at', precision: 3, nullable: true })
  signedAt: Date | null;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'invited_by_id' })
  invitedById: string;

  @Column({ type: 'timestamptz', name: 'invited_at', precision: 3, default: () => 'now()' })
  invitedAt: Date;
}
