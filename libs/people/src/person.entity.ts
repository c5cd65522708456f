import { Column, ForeignKey, Entity, Index, PrimaryColumn } from 'typeorm';
import { searchDocumentExpression } from '@app/core';
import { Locale, PlatformRole } from './person.enums';

/** What search finds a row by: the name (A) and job title (B); never the email, which not everyone may read. */
const SEARCH_DOCUMENT = searchDocumentExpression([[`"name"`, 'A'], [`coalesce("title", '')`, 'B']]);

@Entity('people')
@Index('IDX_people_search', { synchronize: false })
// Emails are unique case-insensitively: expression index in the migration.
@Index('UQ_people_email_lower', { synchronize: false })
export class PersonEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('IDX_people_organization')
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  @Column('text')
  name: string;

  @Column('text')
  email: string;

  @Column('text', { nullable: true })
  title: string | null;

  @Column('text', { default: Locale.EN })
  locale: Locale;

  @Column('text', { default: 'Europe/Brussels' })
  timezone: string;

  @Column('text', { default: PlatformRole.MEMBER })
  role: PlatformRole;

  /** Kept by PostgreSQL (a stored generated column, GIN-indexed) for search; never selected by the API. */
  @Column({ type: 'tsvector', name: 'search_document', nullable: true, select: false, insert: false, update: false, generatedType: 'STORED', asExpression: SEARCH_DOCUMENT })
  searchDocument?: string;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3, default: () => 'now()' })
  updatedAt: Date;

  /** Set once the person is erased (GDPR Art. 17, libs/privacy): name, email and title are placeholders from then on. */
  @Column({ type: 'timestamptz', name: 'erased_at', precision: 3, nullable: true, insert: false })
  erasedAt?: Date | null;
}
