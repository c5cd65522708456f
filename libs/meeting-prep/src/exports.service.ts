import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, DomainEvent, DomainEvents, InvalidInputError, isId, sql, Viewer, newId } from '@app/core';
import { gatherBrief } from './brief/brief.read-model';
import { ExportFile } from './export-file.model';
import { ExportFileEntity } from './export-file.entity';
import { ExportFormat, isBriefFormat } from './export-format.enum';
import { exportUrl, verifyExportSignature } from './export-links';
import { ExportSlots } from './export-slots';
import { exportFilename } from './file-names';
import { contentTypeFor, EXPORT_KINDS } from './renderers';
import { RenderPool } from './renderers/render-pool';

export interface RenderedExport {
  format: ExportFormat;
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface StoredExport {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** What a stored file belongs to: one meeting, one data pool or one person (their personal-data export). */
export type ExportOwner =
  | { meetingId: string; dataPoolId?: undefined; personId?: undefined }
  | { dataPoolId: string; meetingId?: undefined; personId?: undefined }
  | { personId: string; meetingId?: undefined; dataPoolId?: undefined };

/** What a download request gets: the file, or why not (the controller maps these to 403/410/404). */
export type DownloadResult = { status: 'ok'; file: StoredExport } | { status: 'bad-signature' | 'expired' | 'not-found' };

/** Expired files are kept one more day, so a late click still answers 410 Gone rather than 404. */
const PURGE_AFTER = `interval '1 day'`;

/** `Name <address>` or `address` → address. */
const mailbox = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from;

/**
 * The meeting-prep pack: gathers the brief for the viewer (only what they may read), renders one
 * format in the render pool's worker threads, stores the file in the database (every API instance can
 * serve it) and hands out a signed, expiring download URL.
 */
@Injectable()
export class ExportsService {
  private readonly slots: ExportSlots;

  constructor(
    private readonly dataSource: DataSource,
    private readonly renderer: RenderPool,
    private readonly events: DomainEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.slots = new ExportSlots(config.exportConcurrencyPerPerson);
  }

  /** Renders the file without storing it (the CLI writes it to disk); the same path as `export`. */
  async render(viewer: Viewer, meetingId: string, format: ExportFormat): Promise<RenderedExport> {
    if (!isBriefFormat(format)) {
      throw new InvalidInputError('format', 'A meeting brief exports as PDF, DOCX, MARKDOWN, ICS, CSV or XLSX; JSONLD is for data pools, JSON for personal data', 'FORMAT_NOT_SUPPORTED');
    }
    const brief = await gatherBrief(this.dataSource, viewer, meetingId, { platformMailbox: mailbox(this.config.mailFrom) });
    const { content } = await this.renderer.render(format, brief);
    return { format, filename: exportFilename(brief.meeting.localDate, brief.meeting.title, EXPORT_KINDS[format].extension), contentType: contentTypeFor(format, brief), content };
  }

  /**
   * `exportMeetingBrief`: renders, stores and signs. A person has at most `exportConcurrencyPerPerson`
   * exports in flight on this instance; one more is refused (RATE_LIMITED, reason EXPORT_LIMIT) before
   * anything is read.
   */
  async export(viewer: Viewer, meetingId: string, format: ExportFormat): Promise<ExportFile> {
    return this.withSlot(viewer, async () => this.store(viewer, { meetingId }, await this.render(viewer, meetingId, format)));
  }

  /**
   * Runs one export in one of the person's slots (RATE_LIMITED, reason EXPORT_LIMIT, before anything is
   * read when they are all taken): briefs and data-pool exports share the limit.
   */
  async withSlot<T>(viewer: Viewer, work: () => Promise<T>): Promise<T> {
    const release = this.slots.claim(viewer.id);
    try {
      return await work();
    } finally {
      release();
    }
  }

  /**
   * Stores a rendered file for its meeting, data pool or person and signs its download URL; purges old
   * expired files on the way. The INSERT carries the EXPORT_CREATED event's writes (the audit log): one
   * statement. With `em`, the file is written in that transaction (a personal-data export holds its
   * person's row locked until the file is stored, so an erasure waits and then deletes it).
   */
  async store(viewer: Viewer, owner: ExportOwner, file: RenderedExport, em?: EntityManager): Promise<ExportFile> {
    await this.purgeExpired();
    const id = newId();
    const expires = Math.floor(Date.now() / 1000) + this.config.exportTtlSeconds;
    const row: ExportFileEntity = {
      id,
      meetingId: owner.meetingId ?? null,
      dataPoolId: owner.dataPoolId ?? null,
      personId: owner.personId ?? null,
      requestedById: viewer.id,
      format: file.format,
      filename: file.filename,
      contentType: file.contentType,
      byteSize: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      createdAt: new Date(),
      expiresAt: new Date(expires * 1000),
    };
    await this.insert(viewer, row, em);
    return {
      id,
      format: file.format,
      filename: row.filename,
      contentType: row.contentType,
      byteSize: row.byteSize,
      sha256: row.sha256,
      url: exportUrl(this.config.publicUrl, this.config.signingSecret, id, expires),
      expiresAt: row.expiresAt,
    };
  }

  private async insert(viewer: Viewer, row: ExportFileEntity, em?: EntityManager): Promise<void> {
    const event: DomainEvent = {
      type: 'EXPORT_CREATED',
      actorId: viewer.id,
      exportId: row.id,
      meetingId: row.meetingId,
      dataPoolId: row.dataPoolId,
      personId: row.personId,
      format: row.format,
      filename: row.filename,
      byteSize: row.byteSize,
      sha256: row.sha256,
      expiresAt: row.expiresAt.toISOString(),
    };
    const write = sql`INSERT INTO export_files (id, meeting_id, data_pool_id, person_id, requested_by_id, format, filename, content_type, byte_size, sha256, content, created_at, expires_at)
          VALUES (${row.id}, ${row.meetingId}, ${row.dataPoolId}, ${row.personId}, ${row.requestedById}, ${row.format}, ${row.filename}, ${row.contentType},
                  ${row.byteSize}, ${row.sha256}, ${row.content}, ${row.createdAt}, ${row.expiresAt}) RETURNING id`;
    await this.events.writeWith(em ?? this.dataSource, write, event);
  }

  /**
   * Checks a download link: the signature first (403, without touching the database), then the
   * expiry in the link and in the row (410), then whether the file exists (404).
   */
  async download(id: string, expires: unknown, signature: unknown, now = new Date()): Promise<DownloadResult> {
    if (typeof expires !== 'string' || typeof signature !== 'string' || !verifyExportSignature(this.config.signingSecret, id, expires, signature)) {
      return { status: 'bad-signature' };
    }
    if (Number(expires) * 1000 <= now.getTime()) return { status: 'expired' };
    if (!isId(id)) return { status: 'not-found' };
    const rows: (StoredExport & { expiresAt: Date })[] = await this.dataSource.query(
      `SELECT filename, content_type AS "contentType", content, expires_at AS "expiresAt" FROM export_files WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return { status: 'not-found' };
    if (row.expiresAt.getTime() <= now.getTime()) return { status: 'expired' };
    return { status: 'ok', file: { filename: row.filename, contentType: row.contentType, content: row.content } };
  }

  /** Deletes files that expired more than a day ago; returns how many. */
  async purgeExpired(): Promise<number> {
    const result: unknown = await this.dataSource.query(`DELETE FROM export_files WHERE expires_at < now() - ${PURGE_AFTER}`);
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }
}
