import { Document, HeadingLevel, IRunOptions, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { ballotSummary, rankingSummary } from '../brief/brief-ballots';
import { BriefActionItem, MeetingBrief } from '../brief/meeting-brief';
import { acknowledgedLabel, attendedLabel, cancelledText, placeLines, presenterText, priorityLine, proposalLines, rsvpLabel, statementLines } from './brief-text';
import { xmlText } from './xml-text';

const ACCENT = '1F3A68';
const MUTED = '555555';
const WARNING = '9A3412';

type RunStyle = Omit<IRunOptions, 'text' | 'break'>;

/** Text runs for user text: line breaks become `<w:br/>`, characters XML cannot hold are dropped. */
function runs(text: string | null | undefined, style: RunStyle = {}): TextRun[] {
  return xmlText(text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ ...style, text: line, break: i === 0 ? undefined : 1 }));
}

function paragraph(text: string | null | undefined, style: RunStyle = {}, spacingAfter = 80): Paragraph {
  return new Paragraph({ children: runs(text, style), spacing: { after: spacingAfter } });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1): Paragraph {
  return new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } });
}

function cell(content: string | Paragraph[], width: number, options: { bold?: boolean; shade?: boolean; span?: number } = {}): TableCell {
  const children = typeof content === 'string' ? [new Paragraph({ children: runs(content, { bold: options.bold }) })] : content;
  return new TableCell({
    children,
    width: { size: width, type: WidthType.PERCENTAGE },
    columnSpan: options.span,
    shading: options.shade ? { type: ShadingType.CLEAR, fill: 'EEF1F6', color: 'auto' } : undefined,
  });
}

function table(widths: number[], headers: string[], rows: TableRow[]): Table {
  const head = new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, widths[i], { bold: true, shade: true })) });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [head, ...rows] });
}

function actionItemsTable(items: BriefActionItem[], withStatus: boolean): Table {
  const widths = [46, 20, 16, 18];
  return table(
    widths,
    ['Action item', 'Owner', 'Due', withStatus ? 'Status' : 'From meeting'],
    items.map(
      (item) =>
        new TableRow({
          children: [
            cell(item.title, widths[0]),
            cell(item.owner ?? 'Unassigned', widths[1]),
            cell(item.dueLocal ?? '—', widths[2]),
            cell(withStatus ? (item.status === 'DONE' ? 'Done' : 'Open') : item.meetingTitle, widths[3]),
          ],
        }),
    ),
  );
}

function agendaTable(brief: MeetingBrief): Table {
  const widths = [14, 56, 22, 8];
  return table(
    widths,
    ['Time', 'Item', 'Presenter', 'Min'],
    brief.agenda.map((item) => {
      const detail = [new Paragraph({ children: runs(`${item.position}. ${item.title}`, { bold: true }) })];
      if (item.description) detail.push(new Paragraph({ children: runs(item.description, { color: MUTED }) }));
      for (const line of proposalLines(item)) detail.push(new Paragraph({ children: runs(line, { italics: item.proposal?.restricted === true }), indent: { left: 160 } }));
      if (item.priority) detail.push(new Paragraph({ children: runs(priorityLine(item.priority)), indent: { left: 160 } }));
      if (item.overruns) detail.push(new Paragraph({ children: runs('Runs past the end of the meeting', { bold: true, color: WARNING }) }));
      return new TableRow({
        cantSplit: false,
        children: [cell(`${item.localStart}–${item.localEnd}`, widths[0]), cell(detail, widths[1]), cell(presenterText(item), widths[2]), cell(String(item.durationMinutes), widths[3])],
      });
    }),
  );
}

function attendeesTable(brief: MeetingBrief): Table {
  const widths = [30, 30, 15, 11, 14];
  const rows: TableRow[] = [];
  for (const group of brief.attendees) {
    rows.push(new TableRow({ children: [cell(`${group.organization} (${group.attendees.length})`, 100, { bold: true, shade: true, span: 5 })] }));
    for (const person of group.attendees) {
      const cells = [person.name, person.email ?? '', rsvpLabel(person.rsvp), attendedLabel(person.attended), acknowledgedLabel(person.acknowledged)];
      rows.push(new TableRow({ children: cells.map((text, i) => cell(text, widths[i])) }));
    }
  }
  return table(widths, ['Name', 'Email', 'RSVP', 'Attended', 'Acknowledged'], rows);
}

/** The antitrust statement (read at the start, so before the agenda), counsel's approval and the acknowledgements. */
function antitrustSection(brief: MeetingBrief): Paragraph[] {
  const { antitrust } = brief;
  return [
    heading(antitrust.heading),
    paragraph(antitrust.approval, { bold: true, color: antitrust.approved ? undefined : WARNING }),
    ...statementLines(antitrust.statement).map((line) =>
      line.startsWith('- ') ? new Paragraph({ children: runs(line.slice(2)), bullet: { level: 0 }, spacing: { after: 40 } }) : paragraph(line),
    ),
    paragraph(antitrust.acknowledgements, { color: MUTED }),
  ];
}

/** The brief as a Word document (the `docx` library), readable by Word and LibreOffice. */
/** The group's open ballots and recent results: titles, turnout and tallies, never who voted how. */
function ballotsSection(brief: MeetingBrief): Paragraph[] {
  const { open, recent } = brief.ballots;
  const out = [heading('Ballots')];
  if (open.length + recent.length === 0) return [...out, paragraph('No open ballots and no recent results.', { color: MUTED })];
  for (const [title, ballots] of [['Open', open], ['Recent results', recent]] as const) {
    if (ballots.length === 0) continue;
    out.push(heading(title, HeadingLevel.HEADING_2));
    for (const ballot of ballots) {
      out.push(new Paragraph({ children: [...runs(ballot.title, { bold: true }), ...runs(` · ${ballotSummary(ballot)}`)], spacing: { after: 40 } }));
      const ranking = rankingSummary(ballot);
      if (ranking) out.push(paragraph(ranking, { color: MUTED }, 40));
    }
  }
  return out;
}

export async function renderDocx(brief: MeetingBrief): Promise<Buffer> {
  const { meeting } = brief;
  const children: (Paragraph | Table)[] = [
    paragraph(meeting.groupLabel, { color: MUTED }, 40),
    new Paragraph({ children: runs(meeting.title), heading: HeadingLevel.TITLE }),
    paragraph(meeting.when, { bold: true }),
    ...placeLines(meeting).map((line) => paragraph(line, {}, 40)),
    paragraph(`Organised by ${meeting.organizer.name} · ${brief.attendeeCount} invited · generated ${brief.generatedLocal}`, { color: MUTED }),
  ];
  if (meeting.status === 'CANCELLED') children.push(paragraph(cancelledText(meeting), { bold: true, color: WARNING, size: 28 }));
  if (meeting.description) children.push(paragraph(meeting.description));
  if (brief.overrun) children.push(paragraph(`Warning: ${brief.overrun.message}`, { bold: true, color: WARNING }));

  children.push(...antitrustSection(brief));
  children.push(heading('Agenda'));
  children.push(brief.agenda.length > 0 ? agendaTable(brief) : paragraph('No agenda yet.', { color: MUTED }));
  children.push(heading('Attendees'));
  children.push(brief.attendeeCount > 0 ? attendeesTable(brief) : paragraph('Nobody is invited yet.', { color: MUTED }));
  children.push(heading('Open action items'));
  children.push(brief.openActionItems.length > 0 ? actionItemsTable(brief.openActionItems, false) : paragraph('None.', { color: MUTED }));
  children.push(...ballotsSection(brief));
  children.push(heading('Previous meeting'));
  const previous = brief.previousMeeting;
  if (!previous) {
    children.push(paragraph('This is the first meeting.', { color: MUTED }));
  } else {
    children.push(paragraph(`${previous.title} — ${previous.when}`, { bold: true }));
    children.push(heading('Minutes', HeadingLevel.HEADING_2));
    children.push(previous.minutes ? paragraph(previous.minutes) : paragraph('No minutes were recorded.', { color: MUTED }));
    children.push(heading('Action items and decisions', HeadingLevel.HEADING_2));
    children.push(previous.actionItems.length > 0 ? actionItemsTable(previous.actionItems, true) : paragraph('None recorded.', { color: MUTED }));
  }

  const document = new Document({
    creator: 'ECAVA Working-Group Platform',
    title: xmlText(meeting.title),
    description: `Meeting brief: ${xmlText(meeting.groupLabel)}`,
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 20 } },
        title: { run: { color: ACCENT, bold: true, size: 40 } },
        heading1: { run: { color: ACCENT, bold: true, size: 28 } },
        heading2: { run: { bold: true, size: 22 } },
      },
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
