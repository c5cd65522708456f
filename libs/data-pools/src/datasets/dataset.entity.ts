import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { searchDocumentExpression } from '@app/core';
import { DataSensitivity } from '@app/marketplace';
import { DataModality } from '../data-pools.enums';

/** What search finds a dataset by: its title (A), description (B) and modality (C; "HD_MAP" is the words hd and map) (migration 1796100000000). */
const SEARCH_DOCUMENT = searchDocumentExpression([[`"title"`, 'A'], [`coalesce("description", '')`, 'B'], [`"modality"`, 'C']]);

/** A dataset a contributor brings to a pool: its description in the catalogue, never the data. */
@Entity('data_pool_datasets')
@Index('IDX_data_pool_datasets_search', { synchronize: false })
@Index('IDX_data_pool_datasets_pool', ['poolId', 'createdAt', 'id'])
export class DatasetEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('DataPoolEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'pool_id' })
  poolId: string;

  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'contributor_organization_id' })
  contributorOrganizationId: string;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text')
  modality: DataModality;

  @Column('double precision', { name: 'size_bytes', nullable: true })
  sizeBytes: number | null;

  @Column('double precision', { name: 'recording_hours', nullable: true })
  recordingHours: number | null;

  @Column('double precision', { name: 'distance_km', nullable: true })
  distanceKm: number | null;

  @Column('text')
  sensitivity: DataSensitivity;

  /** An SPDX licence id in its canonical case, or LicenseRef-proprietary. */
  @Column('text')
  license: string;

  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'hosted_by_organization_id', nullable: true })
  hostedByOrganizationId: string | null;

  /** ISO 3166-1 alpha-2, upper case. */
  @Column('text')
  location: string;

  @Column('boolean', { name: 'personal_data' })
  personalData: boolean;

  @Column('boolean')
  anonymised: boolean;

  @Column('text', { name: 'legal_basis', nullable: true })
  legalBasis: string | null;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'created_by_id' })
  createdById: string;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  /** Kept by PostgreSQL (a stored generated column, GIN-indexed) for search; never selected by the API. */
  @Column({ type: 'tsvector', name: 'search_document', nullable: true, select: false, insert: false, update: false, generatedType: 'STORED', asExpression: SEARCH_DOCUMENT })
  searchDocument?: string;
}
