import { Workbook, Worksheet } from 'exceljs';
import { MeetingBrief, RESTRICTED_PROPOSAL_LABEL } from '../brief/meeting-brief';
import { acknowledgedLabel, attendedLabel, humanize, partnersText, rsvpLabel } from './brief-text';
import { xmlText } from './xml-text';

type Cell = string | number | null;

function sheet(workbook: Workbook, name: string, columns: { header: string; width: number }[], rows: Cell[][]): Worksheet {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  worksheet.getRow(1).font = { bold: true };
  // Strings stay strings: exceljs writes them as shared strings, never as formulas, so user text
  // starting with `=` is not evaluated.
  worksheet.addRows(rows.map((row) => row.map((value) => (typeof value === 'string' ? xmlText(value) : value))));
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return worksheet;
}

/**
 * The attendee list and the agenda's proposals as a workbook with two sheets, Attendees and
 * Proposals (exceljs). Times are written as text in the meeting's time zone: exceljs would drop the
 * zone of a date value.
 */
export async function renderXlsx(brief: MeetingBrief): Promise<Buffer> {
  const zone = brief.meeting.timezone;
  const workbook = new Workbook();
  workbook.creator = 'ECAVA Working-Group Platform';
  workbook.title = xmlText(brief.meeting.title);
  workbook.created = brief.generatedAt;

  const attendees: Cell[][] = brief.attendees.flatMap((group) =>
    group.attendees.map((person) => [
      group.organization,
      person.name,
      person.email,
      rsvpLabel(person.rsvp),
      attendedLabel(person.attended),
      person.respondedLocal,
      acknowledgedLabel(person.acknowledged),
    ]),
  );
  sheet(
    workbook,
    'Attendees',
    [
      { header: 'Organisation', width: 36 },
      { header: 'Name', width: 28 },
      { header: 'Email', width: 32 },
      { header: 'RSVP', width: 14 },
      { header: 'Attended', width: 10 },
      { header: `Responded (${zone})`, width: 28 },
      { header: 'Acknowledged', width: 14 },
    ],
    attendees,
  );

  const proposals: Cell[][] = [];
  for (const item of brief.agenda) {
    const proposal = item.proposal;
    if (!proposal) continue;
    const base: Cell[] = [item.position, item.localStart, item.title];
    proposals.push(
      proposal.restricted
        ? [...base, RESTRICTED_PROPOSAL_LABEL, null, null, null, null]
        : [...base, proposal.title, humanize(proposal.state), proposal.leadOrganization, partnersText(proposal), proposal.supportCount],
    );
  }
  sheet(
    workbook,
    'Proposals',
    [
      { header: 'Agenda position', width: 10 },
      { header: `Starts (${zone})`, width: 16 },
      { header: 'Agenda item', width: 36 },
      { header: 'Proposal', width: 40 },
      { header: 'State', width: 14 },
      { header: 'Lead organisation', width: 30 },
      { header: 'Partners', width: 48 },
      { header: 'Supporting organisations', width: 12 },
    ],
    proposals,
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
