import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { searchDocumentExpression } from '@app/core';
import { Confidentiality } from '@app/proposals';
import { Certification, DataSensitivity, NeedStatus, ResourceKind, ResourceUnit } from '../marketplace.enums';

/**
 * What an organisation needs. An anonymous need hides its organisation, proposal and people from all but
 * the owner's people and admins (and, once an introduction on it is ACCEPTED, that provider's people):
 * `canSeeNeedOwner` in marketplace.policy.ts.
 */
/** What search and `filter: { search }` find a listing by: its title (A) and description (B), never its organisation. */
const SEARCH_DOCUMENT = searchDocumentExpression([[`"title"`, 'A'], [`coalesce("description", '')`, 'B']]);

@Entity('resource_needs')
@Index('IDX_resource_needs_order_created', ['createdAt', 'id'])
@Index('IDX_resource_needs_organization_created', ['organizationId', 'createdAt', 'id'])
// New capabilities are matched against the open needs of their kind (notifications).
@Index('IDX_resource_needs_open_kind', ['kind', 'createdAt', 'id'], { where: `"status" = 'OPEN'` })
@Index('IDX_resource_needs_search', { synchronize: false })
export class ResourceNeedEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  /** A proposal of the same organisation (its author's or its lead), for `CooperationProposal.resourceNeeds`. */
  @Index('IDX_resource_needs_proposal')
  @ForeignKey('ProposalEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'proposal_id', nullable: true })
  proposalId: string | null;

  @Column('boolean', { default: false })
  anonymous: boolean;

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

  @Column({ type: 'timestamptz', name: 'needed_from', precision: 3, nullable: true })
  neededFrom: Date | null;

  @Column({ type: 'timestamptz', name: 'needed_until', precision: 3, nullable: true })
  neededUntil: Date | null;

  @Column('text')
  sensitivity: DataSensitivity;

  /** ISO 3166-1 alpha-2 codes, upper case, without duplicates, sorted; empty means any EU/EEA country. */
  @Column('text', { name: 'allowed_locations', array: true, default: () => "'{}'" })
  allowedLocations: string[];

  /** Without duplicates, sorted. */
  @Column('text', { name: 'required_certifications', array: true, default: () => "'{}'" })
  requiredCertifications: Certification[];

  @Column('text', { default: NeedStatus.OPEN })
  status: NeedStatus;

  /** PUBLIC, MEMBERS or WORKING_GROUP (PARTIES is refused at the edge of the service). */
  @Column('text')
  confidentiality: Confidentiality;

  /** Set exactly when `confidentiality` is WORKING_GROUP. */
  @Index('IDX_resource_needs_working_group')
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
