import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { APP_CONFIG, AppConfig, InvalidInputError, Viewer } from '@app/core';
import { DataPoolExportFormat } from '@app/data-pools';
import { DataPoolExportsService, ExportFormat, ExportsService, isBriefFormat, RenderedExport } from '@app/meeting-prep';
import { PeopleService } from '@app/people';
import { UsageError } from '../usage-error';

export interface ExportMeetingBriefOptions {
  meeting: string;
  format: ExportFormat;
  /**
   * Relative to the directory the command was run from (npm's INIT_CWD: `npm run` itself runs in the
   * package root); defaults to the generated file name there.
   */
  out?: string;
  /** Export as this person (only what they may read); an admin's view otherwise. */
  as?: string;
}

const NIL = '00000000-0000-0000-0000-000000000000';

/** The operator at the console: an admin's view of everything, who is nobody in the database. */
const CONSOLE_ADMIN: Viewer = {
  id: NIL,
  organizationId: NIL,
  name: 'Console',
  email: 'console@localhost',
  role: 'ADMIN',
  locale: 'EN',
  timezone: 'UTC',
  credential: { kind: 'access-token', id: 'cli' },
};

const FORMATS: Record<string, ExportFormat> = { ...Object.fromEntries(Object.values(ExportFormat).filter(isBriefFormat).map((f) => [f.toLowerCase(), f])), md: ExportFormat.MARKDOWN };

/** `--format pdf` → PDF; anything else is a usage error, reported before anything starts. */
export function exportFormat(value: string): ExportFormat {
  const format = FORMATS[value.toLowerCase()];
  if (!format) throw new UsageError(`--format must be one of ${Object.keys(FORMATS).join(', ')} (got "${value}")`);
  return format;
}

async function viewerFor(app: INestApplicationContext, email: string | undefined): Promise<Viewer> {
  if (email === undefined) return CONSOLE_ADMIN;
  const person = await app.get(PeopleService).findByEmail(email);
  if (!person) throw new InvalidInputError('as', `No person has the email ${email}`);
  return {
    id: person.id,
    organizationId: person.organizationId,
    name: person.name,
    email: person.email,
    role: person.role,
    locale: person.locale,
    timezone: person.timezone,
    credential: { kind: 'access-token', id: 'cli' },
  };
}

async function write(app: INestApplicationContext, file: RenderedExport, out: string | undefined): Promise<string> {
  const path = resolve(app.get<AppConfig>(APP_CONFIG).invocationDir, out ?? file.filename);
  await writeFile(path, file.content);
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  return `Wrote ${path} (${file.contentType}, ${file.content.length} bytes, sha256 ${sha256})`;
}

/** `export meeting-brief`: writes the same file `exportMeetingBrief` produces; prints where, its size and SHA-256. */
export async function exportMeetingBrief(app: INestApplicationContext, options: ExportMeetingBriefOptions): Promise<string> {
  const viewer = await viewerFor(app, options.as);
  return write(app, await app.get(ExportsService).render(viewer, options.meeting, options.format), options.out);
}

export interface ExportDataPoolOptions {
  pool: string;
  format: DataPoolExportFormat;
  out?: string;
  as?: string;
}

const POOL_FORMATS: Record<string, DataPoolExportFormat> = {
  'dcat-ap': DataPoolExportFormat.DCAT_AP_JSONLD,
  odrl: DataPoolExportFormat.ODRL_JSONLD,
  agreement: DataPoolExportFormat.AGREEMENT_PDF,
};

/** `--format odrl` → ODRL_JSONLD; anything else is a usage error, reported before anything starts. */
export function dataPoolExportFormat(value: string): DataPoolExportFormat {
  const format = POOL_FORMATS[value.toLowerCase()];
  if (!format) throw new UsageError(`--format must be one of ${Object.keys(POOL_FORMATS).join(', ')} (got "${value}")`);
  return format;
}

/** `export data-pool`: writes the same file `exportDataPool` produces; prints where, its size and SHA-256. */
export async function exportDataPool(app: INestApplicationContext, options: ExportDataPoolOptions): Promise<string> {
  const viewer = await viewerFor(app, options.as);
  return write(app, await app.get(DataPoolExportsService).render(viewer, options.pool, options.format), options.out);
}
