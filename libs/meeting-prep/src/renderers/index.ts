import { MeetingBrief } from '../brief/meeting-brief';
import { BriefFormat, ExportFormat } from '../export-format.enum';
import { renderCsv } from './csv.renderer';
import { renderDocx } from './docx.renderer';
import { renderIcs } from './ics.renderer';
import { renderMarkdown } from './markdown.renderer';
import { renderPdf } from './pdf.renderer';
import { renderXlsx } from './xlsx.renderer';

export type Renderer = (brief: MeetingBrief) => Promise<Buffer> | Buffer;

export interface ExportKind {
  render: Renderer;
  extension: string;
  contentType: string;
}

/** One pure renderer per format, with the file's extension and media type. */
export const EXPORT_KINDS: Record<BriefFormat, ExportKind> = {
  [ExportFormat.PDF]: { render: renderPdf, extension: 'pdf', contentType: 'application/pdf' },
  [ExportFormat.DOCX]: {
    render: renderDocx,
    extension: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  [ExportFormat.MARKDOWN]: { render: renderMarkdown, extension: 'md', contentType: 'text/markdown; charset=utf-8' },
  // RFC 5545 §8.1: the iTIP method travels as a media-type parameter too (added per file by contentTypeFor).
  [ExportFormat.ICS]: { render: renderIcs, extension: 'ics', contentType: 'text/calendar; charset=utf-8' },
  // RFC 4180 §3 (header=present), RFC 7111.
  [ExportFormat.CSV]: { render: renderCsv, extension: 'csv', contentType: 'text/csv; charset=utf-8; header=present' },
  [ExportFormat.XLSX]: {
    render: renderXlsx,
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
};

/** The media type of one brief's file (an ICS names its method: REQUEST, or CANCEL once cancelled). */
export function contentTypeFor(format: BriefFormat, brief: MeetingBrief): string {
  const base = EXPORT_KINDS[format].contentType;
  if (format !== ExportFormat.ICS) return base;
  return `${base}; method=${brief.meeting.status === 'CANCELLED' ? 'CANCEL' : 'REQUEST'}`;
}

export { renderCsv, renderDocx, renderIcs, renderMarkdown, renderPdf, renderXlsx };
