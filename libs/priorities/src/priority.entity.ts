import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { searchDocumentExpression } from '@app/core';
import { PriorityStatus } from './priority.enums';

/** What search finds a row by: the title (A) and description (B). */
const SEARCH_DOCUMENT = searchDocumentExpression([[`"title"`, 'A'], [`"description"`, 'B']]);

/**
 * A strategic priority; alliance-wide when `workingGroupId` is null. Ranks are 1..n without gaps per
 * scope: a unique (scope, rank) index and a per-scope lock around every rank change (see
 * PrioritiesService).
 */
@Entity('priorities')
@Index('IDX_priorities_search', { synchronize: false })
@Index('UQ_priorities_scope_rank', { synchronize: false })
@Check('CHK_priorities_rank', '"rank" >= 1')
export class PriorityEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('IDX_priorities_working_group')
  @ForeignKey('WorkingGroupEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'working_group_id', nullable: true })
  workingGroupId: string | null;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('int')
  rank: number;

  @Column('text', { default: PriorityStatus.PROPOSED })
  status: PriorityStatus;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'created_by_id' })
  createdById: string;

  /** Kept by PostgreSQL (a stored generated column, GIN-indexed) for search; never selected by the API. */
  @Column({ type: 'tsvector', name: 'search_document', nullable: true, select: false, insert: false, update: false, generatedType: 'STORED', asExpression: SEARCH_DOCUMENT })
  searchDocument?: string;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}

/** One endorsement per organisation and priority (the primary key). */
@Entity('priority_endorsements')
export class PriorityEndorsementEntity {
  @PrimaryColumn('uuid', { name: 'priority_id' })
  @ForeignKey('PriorityEntity', { onDelete: 'CASCADE' })
  priorityId: string;

  @PrimaryColumn('uuid', { name: 'organization_id' })
  @Index('IDX_priority_endorsements_organization')
  @ForeignKey('OrganizationEntity', { onDelete: 'CASCADE' })
  organizationId: string;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'endorsed_by_id' })
  endorsedById: string;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;
}
