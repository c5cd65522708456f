import { stringify } from 'csv-stringify/sync';
import { MeetingBrief, RESTRICTED_PROPOSAL_LABEL } from '../brief/meeting-brief';
import { acknowledgedLabel, attendedLabel, humanize, partnersText, rsvpLabel } from './brief-text';

/** Attendee rows and proposal rows share one table, so every record has the same fields (RFC 4180). */
export const CSV_COLUMNS = [
  'Section',
  'Organisation',
  'Name',
  'Email',
  'RSVP',
  'Attended',
  'Agenda position',
  'Starts',
  'Agenda item',
  'Proposal',
  'State',
  'Lead organisation',
  'Partners',
  'Supporting organisations',
  // Last, so that the columns before it keep their places for whoever reads them by position.
  'Acknowledged',
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string | number>>;

/**
 * The attendee list and the agenda's proposals as one CSV table (RFC 4180: CRLF line ends, a header
 * row, fields quoted when they hold a comma, quote or line break), UTF-8 with a byte-order mark so
 * that spreadsheet programs read umlauts right. Cells starting with `=`, `+`, `-`, `@`, tab or CR are
 * prefixed with `'` (csv-stringify's `escape_formulas`), so a spreadsheet never runs user text as a
 * formula (OWASP "CSV injection").
 */
export function renderCsv(brief: MeetingBrief): Buffer {
  const zone = brief.meeting.timezone;
  const rows: Row[] = [];
  for (const group of brief.attendees) {
    for (const person of group.attendees) {
      rows.push({
        Section: 'Attendee',
        Organisation: group.organization,
        Name: person.name,
        Email: person.email ?? '',
        RSVP: rsvpLabel(person.rsvp),
        Attended: attendedLabel(person.attended),
        Acknowledged: acknowledgedLabel(person.acknowledged),
      });
    }
  }
  for (const item of brief.agenda) {
    if (!item.proposal) continue;
    const base: Row = { Section: 'Proposal', 'Agenda position': item.position, Starts: `${item.localStart} (${zone})`, 'Agenda item': item.title };
    if (item.proposal.restricted) {
      rows.push({ ...base, Proposal: RESTRICTED_PROPOSAL_LABEL });
      continue;
    }
    rows.push({
      ...base,
      Proposal: item.proposal.title,
      State: humanize(item.proposal.state),
      'Lead organisation': item.proposal.leadOrganization,
      Partners: partnersText(item.proposal),
      'Supporting organisations': item.proposal.supportCount,
    });
  }
  const csv = stringify(rows, {
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: 'windows',
    escape_formulas: true,
    bom: true,
  });
  return Buffer.from(csv, 'utf8');
}
