import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { searchDocumentExpression } from '@app/core';
import { Confidentiality } from '@app/proposals';
import { AccessModel, CapabilityStatus, Certification, DataSensitivity, ResourceKind, ResourceUnit } from '../marketplace.enums';

/** What search and `filter: { search }` find a listing by: its title (A) and description (B), never its organisation. */
const SEARCH_DOCUMENT = searchDocumentExpression([[`"title"`, 'A'], [`coalesce("description", '')`, 'B']]);

/**
 * What an organisation offers. Matching reads the ACTIVE ones of a kind and of the levels a need allows
 * through `IDX_capabilities_match`, (kind, max_sensitivity, created_at, id) with every other column it reads
 * included (migrations 1796000700000 and 1797400100000, decisions 111 and 174).
 */
@Entity('capabilities')
@Index('IDX_capabilities_order_created', ['createdAt', 'id'])
@Index('IDX_capabilities_organization_created', ['organizationId', 'createdAt', 'id'])
@Index('IDX_capabilities_match', { synchronize: false })
@Index('IDX_capabilities_search', { synchronize: false })
export class CapabilityEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  @Column('text')
  kind: ResourceKind;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('double precision', { nullable: true })
  quantity: number | null;

  @Column('text', { nullable: true })
  unit: ResourceUnit | null;

  @Column({ type: 'timestamptz', name: 'available_from', precision: 3, nullable: true })
  availableFrom: Date | null;

  @Column({ type: 'timestamptz', name: 'available_until', precision: 3, nullable: true })
  availableUntil: Date | null;

  /** ISO 3166-1 alpha-2, upper case. */
  @Column('text')
  location: string;

  @Column('text', { name: 'max_sensitivity' })
  maxSensitivity: DataSensitivity;

  /** Without duplicates, sorted. */
  @Column('text', { array: true, default: () => "'{}'" })
  certifications: Certification[];

  @Column('text', { name: 'access_model' })
  accessModel: AccessModel;

  @Column('text', { default: CapabilityStatus.ACTIVE })
  status: CapabilityStatus;

  /** PUBLIC, MEMBERS or WORKING_GROUP (PARTIES is refused at the edge of the service). */
  @Column('text')
  confidentiality: Confidentiality;

  /** Set exactly when `confidentiality` is WORKING_GROUP. */
  @Index('IDX_capabilities_working_group')
  @ForeignKey('WorkingGroupEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'working_group_id', nullable: true })
  workingGroupId: string | null;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'created_by_id' })
  createdById: string;

  @Column('int', { default: 1 })
  version: number;

  /** Kept by PostgreSQL (a stored generated column, GIN-indexed) for search; never selected by the API. */
  @Column({ type: 'tsvector', name: 'search_document', nullable: true, select: false, insert: false, update: false, generatedType: 'STORED', asExpression: SEARCH_DOCUMENT })
  searchDocument?: string;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
