import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainEvents, ForbiddenError, isId, NotFoundError, Viewer } from '@app/core';
import { ExportFile, ExportFormat, ExportsService } from '@app/meeting-prep';
import { gatherPersonalData } from './personal-data.read-model';

/**
 * The right of access and portability (GDPR Art. 15/20): everything about a person as one JSON file,
 * stored in export_files for that person and handed out through the same signed, expiring URL as the
 * meeting briefs (and under the same per-person export limit).
 */
@Injectable()
export class PersonalDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exports: ExportsService,
    private readonly events: DomainEvents,
  ) {}

  /** `exportMyData` (anyone for themselves) and `exportPersonData` (admins, for anyone). */
  async export(viewer: Viewer, personId: string): Promise<ExportFile> {
    if (personId !== viewer.id && viewer.role !== 'ADMIN') throw new ForbiddenError('Only admins may export another person\'s data', 'ADMIN_ONLY');
    if (!isId(personId)) throw new NotFoundError('person');
    return this.exports.withSlot(viewer, () =>
      this.dataSource.transaction('REPEATABLE READ', async (em) => {
        const data = await gatherPersonalData(em, personId);
        if (!data) throw new NotFoundError('person');
        const file = await this.exports.store(
          viewer,
          { personId },
          {
            format: ExportFormat.JSON,
            filename: `personal-data-${data.exportedAt.slice(0, 10)}.json`,
            contentType: 'application/json; charset=utf-8',
            content: Buffer.from(JSON.stringify(data, null, 2)),
          },
          em,
        );
        await this.events.publish(em, { type: 'person.data_exported', personId, exportFileId: file.id, actorId: viewer.id, organizationId: viewer.organizationId });
        return file;
      }),
    );
  }
}
