import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { searchDocumentExpression } from '@app/core';
import { MeetingFormat, MeetingStatus } from './meeting.enums';

/** What search finds a row by: the title (A), place and description (B) and minutes (C). */
const SEARCH_DOCUMENT = searchDocumentExpression([[`"title"`, 'A'], [`coalesce("location", '')`, 'B'], [`coalesce("description", '')`, 'B'], [`coalesce("minutes", '')`, 'C']]);

/** A working-group meeting, or an alliance-wide workshop when `workingGroupId` is null. */
@Entity('meetings')
@Index('IDX_meetings_search', { synchronize: false })
@Check('CHK_meetings_ends_after_starts', '"ends_at" > "starts_at"')
@Index('IDX_meetings_group_starts', ['workingGroupId', 'startsAt'])
@Index('IDX_meetings_starts', ['startsAt', 'id'])
export class MeetingEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('WorkingGroupEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'working_group_id', nullable: true })
  workingGroupId: string | null;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text')
  format: MeetingFormat;

  @Column('text', { nullable: true })
  location: string | null;

  @Column('text', { name: 'online_url', nullable: true })
  onlineUrl: string | null;

  @Column({ type: 'timestamptz', name: 'starts_at', precision: 3 })
  startsAt: Date;

  @Column({ type: 'timestamptz', name: 'ends_at', precision: 3 })
  endsAt: Date;

  /** IANA zone the meeting is held in; times are stored in UTC and rendered in this zone. */
  @Column('text')
  timezone: string;

  @Column('text', { default: MeetingStatus.SCHEDULED })
  status: MeetingStatus;

  @Column('text', { name: 'cancel_reason', nullable: true })
  cancelReason: string | null;

  @Column('text', { nullable: true })
  minutes: string | null;

  /** RFC 5545 SEQUENCE: bumped on every change attendees' calendars must see (time, place, cancellation). */
  @Column('int', { default: 0 })
  sequence: number;

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
