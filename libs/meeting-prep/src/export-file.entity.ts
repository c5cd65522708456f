import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/**
 * A generated meeting-prep file, stored in the database (so every API instance can serve it) with its
 * digest and size, fetched through a signed, expiring URL, and purged after it expires.
 */
@Entity('export_files')
@Index('IDX_export_files_expires', ['expiresAt'])
export class ExportFileEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('MeetingEntity', { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'meeting_id' })
  meetingId: string;

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
