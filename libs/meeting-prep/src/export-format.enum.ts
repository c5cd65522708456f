import { registerEnumType } from '@nestjs/graphql';

export enum ExportFormat {
  PDF = 'PDF',
  DOCX = 'DOCX',
  MARKDOWN = 'MARKDOWN',
  ICS = 'ICS',
  CSV = 'CSV',
  XLSX = 'XLSX',
  JSONLD = 'JSONLD',
  JSON = 'JSON',
}

/** The formats of a meeting brief: every one but JSONLD (data pools) and JSON (a person's data export). */
export type BriefFormat = Exclude<ExportFormat, ExportFormat.JSONLD | ExportFormat.JSON>;

export function isBriefFormat(format: ExportFormat): format is BriefFormat {
  return format !== ExportFormat.JSONLD && format !== ExportFormat.JSON;
}

registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'PDF, DOCX and MARKDOWN: the full brief; ICS: the calendar event; CSV and XLSX: the attendee list and the proposals on the agenda. JSONLD: a data pool\'s DCAT-AP catalogue or ODRL policy (exportDataPool only; exportMeetingBrief refuses it with BAD_USER_INPUT, reason FORMAT_NOT_SUPPORTED). JSON: a person\'s data export (exportMyData, exportPersonData; exportMeetingBrief refuses it the same way).',
});
