import { MeetingBrief } from '../brief/meeting-brief';
import { BriefFormat, ExportFormat } from '../export-format.enum';

export interface ExportKind {
  extension: string;
  contentType: string;
}

/**
 * Each format's file extension and media type. The renderers themselves are in brief-renderers.ts, which
 * only the render threads load (decision 190).
 */
export const EXPORT_KINDS: Record<BriefFormat, ExportKind> = {
  [ExportFormat.PDF]: { extension: 'pdf', contentType: 'application/pdf' },
  [ExportFormat.DOCX]: {
    extension: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  [ExportFormat.MARKDOWN]: { extension: 'md', contentType: 'text/markdown; charset=utf-8' },
  // RFC 5545 §8.1: the iTIP method travels as a media-type parameter too (added per file by contentTypeFor).
  [ExportFormat.ICS]: { extension: 'ics', contentType: 'text/calendar; charset=utf-8' },
  // RFC 4180 §3 (header=present), RFC 7111.
  [ExportFormat.CSV]: { extension: 'csv', contentType: 'text/csv; charset=utf-8; header=present' },
  [ExportFormat.XLSX]: {
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
