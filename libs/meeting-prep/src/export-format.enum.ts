import { registerEnumType } from '@nestjs/graphql';

export enum ExportFormat {
  PDF = 'PDF',
  DOCX = 'DOCX',
  MARKDOWN = 'MARKDOWN',
  ICS = 'ICS',
  CSV = 'CSV',
  XLSX = 'XLSX',
  JSONLD = 'JSONLD',
}

/** The formats of a meeting brief: every one but JSONLD, which only data pools export. */
export type BriefFormat = Exclude<ExportFormat, ExportFormat.JSONLD>;

export function isBriefFormat(format: ExportFormat): format is BriefFormat {
  return format !== ExportFormat.JSONLD;
}

registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'PDF, DOCX and MARKDOWN: the full brief; ICS: the calendar event; CSV and XLSX: the attendee list and the proposals on the agenda. JSONLD: a data pool\'s DCAT-AP catalogue or ODRL policy (exportDataPool only; exportMeetingBrief refuses it with BAD_USER_INPUT, reason FORMAT_NOT_SUPPORTED).',
});
