import { MeetingBrief } from '../brief/meeting-brief';
import { BriefFormat, ExportFormat } from '../export-format.enum';
import { renderCsv } from './csv.renderer';
import { renderDocx } from './docx.renderer';
import { renderIcs } from './ics.renderer';
import { renderMarkdown } from './markdown.renderer';
import { renderPdf } from './pdf.renderer';
import { renderXlsx } from './xlsx.renderer';

export type Renderer = (brief: MeetingBrief) => Promise<Buffer> | Buffer;

/**
 * One pure renderer per format. Only the render threads (render.worker.ts) import this file: pdfmake and
 * its fonts, docx, exceljs and ics stay out of the API's main thread, whose heap they would otherwise
 * hold from start-up on (decision 190).
 */
export const BRIEF_RENDERERS: Record<BriefFormat, Renderer> = {
  [ExportFormat.PDF]: renderPdf,
  [ExportFormat.DOCX]: renderDocx,
  [ExportFormat.MARKDOWN]: renderMarkdown,
  [ExportFormat.ICS]: renderIcs,
  [ExportFormat.CSV]: renderCsv,
  [ExportFormat.XLSX]: renderXlsx,
};
