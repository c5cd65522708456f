import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/**
 * A generated file — a meeting brief or a data pool's export — stored in the database (so every API
 * instance can serve it) with its digest and size, fetched through a signed, expiring URL, and purged
 * after it expires. It belongs to exactly one meeting, one pool or one person (their personal-data export).
 */
@Entity('export_files')
@Index('IDX_export_files_expires', ['expiresAt'])
@Check('CHK_export_files_subject', 'num_nonnulls("meeting_id", "data_pool_id", "person_id") = 1')
export class ExportFileEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('MeetingEntity', { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'meeting_id', nullable: true })
  meetingId: string | null;

  @Index('IDX_export_files_data_pool')
  @ForeignKey('DataPoolEntity', { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'data_pool_id', nullable: true })
  dataPoolId: string | null;

  @Index('IDX_export_files_person')
  @ForeignKey('PersonEntity', { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'person_id', nullable: true })
  personId: string | null;

  @ForeignKey('PersonEntity', { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'requested_by_id' })
  requestedById: string;

  @Column('text')
  format: string;

  @Column('text')
  filename: string;

  @Column('text', { name: 'content_type' })
  contentType: string;

  @Column('int', { name: 'byte_size' })
  byteSize: number;

  @Column('text')
  sha256: string;

  @Column('bytea', { select: false })
  content: Buffer;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'expires_at', precision: 3 })
  expiresAt: Date;
}
