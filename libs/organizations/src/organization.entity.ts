import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { searchDocumentExpression } from '@app/core';
import { OrganizationKind } from './organization-kind.enum';

/** What search finds a row by: its names (A) and description (B). */
const SEARCH_DOCUMENT = searchDocumentExpression([[`"name"`, 'A'], [`coalesce("short_name", '')`, 'A'], [`coalesce("description", '')`, 'B']]);

@Entity('organizations')
@Index('IDX_organizations_search', { synchronize: false })
// Names are unique case-insensitively; TypeORM cannot express the expression index (see the migration).
@Index('UQ_organizations_name_lower', { synchronize: false })
export class OrganizationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'short_name', nullable: true })
  shortName: string | null;

  @Column('text')
  kind: OrganizationKind;

  @Column('char', { length: 2 })
  country: string;

  @Column('text', { nullable: true })
  website: string | null;

  @Column('text', { nullable: true })
  description: string | null;

  /** Kept by PostgreSQL (a stored generated column, GIN-indexed) for search; never selected by the API. */
  @Column({ type: 'tsvector', name: 'search_document', nullable: true, select: false, insert: false, update: false, generatedType: 'STORED', asExpression: SEARCH_DOCUMENT })
  searchDocument?: string;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
