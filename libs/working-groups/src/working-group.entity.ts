import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { searchDocumentExpression } from '@app/core';
import { WorkingGroupStatus } from './working-group.enums';

/** What search finds a row by: the name (A) and mission (B). */
const SEARCH_DOCUMENT = searchDocumentExpression([[`"name"`, 'A'], [`"mission"`, 'B']]);

@Entity('working_groups')
@Index('IDX_working_groups_search', { synchronize: false })
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

  /** Kept by PostgreSQL (a stored generated column, GIN-indexed) for search; never selected by the API. */
  @Column({ type: 'tsvector', name: 'search_document', nullable: true, select: false, insert: false, update: false, generatedType: 'STORED', asExpression: SEARCH_DOCUMENT })
  searchDocument?: string;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
