import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { searchDocumentExpression } from '@app/core';
import { Confidentiality } from '@app/proposals';
import { DataPoolState } from '../data-pools.enums';
import { UsageTermsValue } from '../terms/usage-terms';

/** What search finds a pool by: its title (A) and purpose (B); a pool has no other text (migration 1796100000000). */
const SEARCH_DOCUMENT = searchDocumentExpression([[`"title"`, 'A'], [`"purpose"`, 'B']]);

/**
 * A data pool: the terms under which organisations pool data, who signed which version, and the catalogue
 * of what they contribute. The platform keeps the agreement; it never holds the data.
 */
@Entity('data_pools')
@Index('IDX_data_pools_order_created', ['createdAt', 'id'])
@Index('IDX_data_pools_group_created', ['workingGroupId', 'createdAt', 'id'])
// The expiry pass reads the pools still running whose validity ends.
@Index('IDX_data_pools_search', { synchronize: false })
@Index('IDX_data_pools_valid_until', ['validUntil'], { where: `"state" NOT IN ('CLOSED', 'EXPIRED') AND "valid_until" IS NOT NULL` })
export class DataPoolEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('WorkingGroupEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'working_group_id' })
  workingGroupId: string;

  /** A DATA_POOLING proposal of the same group. */
  @Index('IDX_data_pools_proposal')
  @ForeignKey('ProposalEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'proposal_id', nullable: true })
  proposalId: string | null;

  @Column('text')
  title: string;

  @Column('text')
  purpose: string;

  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'steward_organization_id' })
  stewardOrganizationId: string;

  @Column('text', { default: DataPoolState.DRAFT })
  state: DataPoolState;

  /** WORKING_GROUP or PARTIES. */
  @Column('text')
  confidentiality: Confidentiality;

  /** The current terms, in their stored form (`normalizeTerms`). */
  @Column('jsonb')
  terms: UsageTermsValue;

  @Column('int', { name: 'terms_version', default: 1 })
  termsVersion: number;

  /** `termsDigest(terms)`: SHA-256 hex of the canonical JSON. */
  @Column('text', { name: 'terms_digest' })
  termsDigest: string;

  @Column({ type: 'timestamptz', name: 'valid_from', precision: 3, nullable: true })
  validFrom: Date | null;

  @Column({ type: 'timestamptz', name: 'valid_until', precision: 3, nullable: true })
  validUntil: Date | null;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'created_by_id' })
  createdById: string;

  /** Incremented on every change of the pool's own row (terms, validity, state); not by signatures. */
  @Column('int', { default: 1 })
  version: number;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3, default: () => 'now()' })
  updatedAt: Date;

  /** Kept by PostgreSQL (a stored generated column, GIN-indexed) for search; never selected by the API. */
  @Column({ type: 'tsvector', name: 'search_document', nullable: true, select: false, insert: false, update: false, generatedType: 'STORED', asExpression: SEARCH_DOCUMENT })
  searchDocument?: string;
}
