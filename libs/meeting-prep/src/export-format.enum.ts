import { registerEnumType } from '@nestjs/graphql';

export enum ExportFormat {
  PDF = 'PDF',
  DOCX = 'DOCX',
  MARKDOWN = 'MARKDOWN',
  ICS = 'ICS',
  CSV = 'CSV',
  XLSX = 'XLSX',
}

registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'PDF, DOCX and MARKDOWN: the full brief; ICS: the calendar event; CSV and XLSX: the attendee list and the proposals on the agenda.',
});
