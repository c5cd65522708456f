import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { ballotSummary, rankingSummary } from '../brief/brief-ballots';
import { BriefActionItem, MeetingBrief } from '../brief/meeting-brief';
import { acknowledgedLabel, attendedLabel, cancelledText, placeLines, presenterText, priorityLine, proposalLines, rsvpLabel, statementLines } from './brief-text';
import { PDF_FONT_FAMILY, pdfFonts, VirtualFileSystem } from './pdf-fonts';
// pdfmake's CommonJS export is an instance whose methods live on its prototype: a namespace import
// would copy only own properties and lose them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import pdfMake = require('pdfmake');


const ACCENT = '#1f3a68';
export const MUTED = '#555555';
export const WARNING = '#9a3412';
const RULE = '#c8ced8';

/** The table layout of every platform PDF: thin rules between rows, none between columns. */
export const grid = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0,
  hLineColor: () => RULE,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/**
 * User text as the PDF prints it: composed (NFC, so "s" + combining comma prints as the one glyph ș)
 * with line breaks normalised and other control characters dropped. The embedded font prints every
 * letter of the EU's languages as it is; nothing is transliterated.
 */
export const printable = (text: string | null | undefined): string =>
  (text ?? '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
const t = printable;

function header(...labels: string[]): TableCell[] {
  return labels.map((label) => ({ text: label, bold: true, color: ACCENT }));
}

function actionItemsTable(items: BriefActionItem[], withStatus: boolean): Content {
  const body: TableCell[][] = [header('Action item', 'Owner', 'Due', withStatus ? 'Status' : 'From meeting')];
  for (const item of items) {
    body.push([t(item.title), t(item.owner ?? 'Unassigned'), t(item.dueLocal ?? '—'), t(withStatus ? (item.status === 'DONE' ? 'Done' : 'Open') : item.meetingTitle)]);
  }
  return { table: { headerRows: 1, keepWithHeaderRows: 1, widths: ['*', 110, 80, 90], body }, layout: grid, margin: [0, 2, 0, 8] };
}

function agendaTable(brief: MeetingBrief): Content {
  const body: TableCell[][] = [header('Time', 'Item', 'Presenter', 'Min')];
  for (const item of brief.agenda) {
    const detail: Content[] = [{ text: `${item.position}. ${t(item.title)}`, bold: true }];
    if (item.description) detail.push({ text: t(item.description), color: MUTED });
    for (const line of proposalLines(item)) {
      detail.push({ text: t(line), italics: item.proposal?.restricted === true, margin: [6, 1, 0, 0] });
    }
    if (item.priority) detail.push({ text: t(priorityLine(item.priority)), margin: [6, 1, 0, 0] });
    if (item.overruns) detail.push({ text: 'Runs past the end of the meeting', color: WARNING, bold: true });
    body.push([`${item.localStart}–${item.localEnd}`, { stack: detail }, t(presenterText(item)), String(item.durationMinutes)]);
  }
  return { table: { headerRows: 1, keepWithHeaderRows: 1, widths: [62, '*', 120, 26], body }, layout: grid };
}

function attendeesTable(brief: MeetingBrief): Content {
  const body: TableCell[][] = [header('Name', 'Email', 'RSVP', 'Attended', 'Acknowledged')];
  for (const group of brief.attendees) {
    body.push([{ text: `${t(group.organization)} (${group.attendees.length})`, colSpan: 5, bold: true, fillColor: '#eef1f6' }, '', '', '', '']);
    for (const person of group.attendees) {
      body.push([t(person.name), t(person.email ?? ''), rsvpLabel(person.rsvp), attendedLabel(person.attended), acknowledgedLabel(person.acknowledged)]);
    }
  }
  return { table: { headerRows: 1, keepWithHeaderRows: 1, widths: ['*', 132, 60, 50, 82], body }, layout: grid };
}

/** The antitrust statement (read at the start, so before the agenda), counsel's approval and the acknowledgements. */
function antitrustSection(brief: MeetingBrief): Content[] {
  const { antitrust } = brief;
  return [
    { text: antitrust.heading, style: 'h2' },
    { text: t(antitrust.approval), bold: true, color: antitrust.approved ? undefined : WARNING, margin: [0, 0, 0, 4] },
    ...statementLines(antitrust.statement).map(
      (line): Content => (line.startsWith('- ') ? { text: `• ${t(line.slice(2))}`, margin: [8, 0, 0, 1] } : { text: t(line), margin: [0, 2, 0, 2] }),
    ),
    { text: t(antitrust.acknowledgements), color: MUTED, margin: [0, 4, 0, 0] },
  ];
}

/** The group's open ballots and recent results: titles, turnout and tallies, never who voted how. */
function ballotsSection(brief: MeetingBrief): Content[] {
  const { open, recent } = brief.ballots;
  const out: Content[] = [{ text: 'Ballots', style: 'h2' }];
  if (open.length + recent.length === 0) return [...out, { text: 'No open ballots and no recent results.', color: MUTED }];
  for (const [heading, ballots] of [['Open', open], ['Recent results', recent]] as const) {
    if (ballots.length === 0) continue;
    out.push({ text: heading, style: 'h3' });
    for (const ballot of ballots) {
      out.push({ text: [{ text: t(ballot.title), bold: true }, ` · ${t(ballotSummary(ballot))}`] });
      const ranking = rankingSummary(ballot);
      if (ranking) out.push({ text: t(ranking), color: MUTED, margin: [12, 0, 0, 2] });
    }
  }
  return out;
}

export function pdfDefinition(brief: MeetingBrief): TDocumentDefinitions {
  const { meeting } = brief;
  const content: Content[] = [
    { text: t(meeting.groupLabel), color: MUTED, fontSize: 11 },
    { text: t(meeting.title), style: 'title' },
    { text: meeting.when, bold: true, margin: [0, 2, 0, 0] },
    ...placeLines(meeting).map((line): Content => ({ text: t(line) })),
    { text: `Organised by ${t(meeting.organizer.name)} · ${brief.attendeeCount} invited · generated ${brief.generatedLocal}`, color: MUTED, margin: [0, 2, 0, 0] },
  ];
  if (meeting.status === 'CANCELLED') content.push({ text: t(cancelledText(meeting)), style: 'warning', fontSize: 14, margin: [0, 8, 0, 0] });
  if (meeting.description) content.push({ text: t(meeting.description), margin: [0, 8, 0, 0] });
  if (brief.overrun) content.push({ text: `Warning: ${brief.overrun.message}`, style: 'warning', margin: [0, 8, 0, 0] });

  content.push(...antitrustSection(brief));

  content.push({ text: 'Agenda', style: 'h2' });
  content.push(brief.agenda.length > 0 ? agendaTable(brief) : { text: 'No agenda yet.', color: MUTED });

  content.push({ text: 'Attendees', style: 'h2' });
  content.push(brief.attendeeCount > 0 ? attendeesTable(brief) : { text: 'Nobody is invited yet.', color: MUTED });

  content.push({ text: 'Open action items', style: 'h2' });
  content.push(brief.openActionItems.length > 0 ? actionItemsTable(brief.openActionItems, false) : { text: 'None.', color: MUTED });

  content.push(...ballotsSection(brief));

  content.push({ text: 'Previous meeting', style: 'h2' });
  const previous = brief.previousMeeting;
  if (!previous) {
    content.push({ text: 'This is the first meeting.', color: MUTED });
  } else {
    content.push({ text: `${t(previous.title)} — ${previous.when}`, bold: true });
    content.push({ text: 'Minutes', style: 'h3' });
    content.push({ text: previous.minutes ? t(previous.minutes) : 'No minutes were recorded.', color: previous.minutes ? undefined : MUTED });
    content.push({ text: 'Action items and decisions', style: 'h3' });
    content.push(previous.actionItems.length > 0 ? actionItemsTable(previous.actionItems, true) : { text: 'None recorded.', color: MUTED });
  }

  return platformDocument({ title: t(meeting.title), subject: `Meeting brief: ${t(meeting.groupLabel)}`, footer: `${t(meeting.title)} · ${meeting.localDate}`, content });
}

/**
 * The page, fonts, heading styles and footer every platform PDF shares (the brief, the data-pool
 * agreement): A4, DejaVu Sans, the platform's accent colour, `<footer> · page n of m` at the bottom.
 */
export function platformDocument(parts: { title: string; subject: string; footer: string; content: Content[] }): TDocumentDefinitions {
  return {
    info: { title: parts.title, subject: parts.subject, creator: 'ECAVA Working-Group Platform' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 44],
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 9.5, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 20, bold: true, color: ACCENT, margin: [0, 2, 0, 2] },
      h2: { fontSize: 13, bold: true, color: ACCENT, margin: [0, 14, 0, 4] },
      h3: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 2] },
      warning: { bold: true, color: WARNING },
    },
    footer: (page: number, pages: number) => ({ text: `${parts.footer} · page ${page} of ${pages}`, fontSize: 8, color: MUTED, margin: [40, 14, 40, 0] }),
    content: parts.content,
  };
}

/**
 * The brief as a PDF (pdfmake, DejaVu Sans embedded as a subset). Resource access is locked down
 * before every document: no URL is ever fetched and no file is opened (the fonts are read once, into
 * pdfmake's in-memory file system), so nothing in the brief's text can make the server read a file or
 * call out.
 */
export async function renderPdf(brief: MeetingBrief): Promise<Buffer> {
  lockDownPdfMake();
  return pdfMake.createPdf(pdfDefinition(brief)).getBuffer();
}

/** pdfmake's settings are process-wide: set them again before each document, nothing else can loosen them in between. */
export function lockDownPdfMake(): void {
  pdfMake.setFonts(pdfFonts((pdfMake as unknown as { virtualfs: VirtualFileSystem }).virtualfs));
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy(() => false);
}
