import { stringify } from 'csv-stringify/sync';
import { ballotSummary, rankingSummary } from '../brief/brief-ballots';
import { MeetingBrief, RESTRICTED_PROPOSAL_LABEL } from '../brief/meeting-brief';
import { acknowledgedLabel, attendedLabel, humanize, partnersText, rsvpLabel } from './brief-text';

/** Attendee, proposal and ballot rows share one table, so every record has the same fields (RFC 4180). */
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
  // Last, so that the columns before them keep their places for whoever reads them by position.
  'Acknowledged',
  'Ballot',
  'Ballot outcome',
  'Ranking',
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string | number>>;

/**
 * The attendee list, the agenda's proposals and the group's open ballots and recent results (tallies
 * only, as in every format) as one CSV table (RFC 4180: CRLF line ends, a header
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
  for (const [state, ballots] of [['Open', brief.ballots.open], ['Closed', brief.ballots.recent]] as const) {
    for (const ballot of ballots) {
      rows.push({ Section: 'Ballot', State: state, Ballot: ballot.title, 'Ballot outcome': ballotSummary(ballot), Ranking: rankingSummary(ballot) });
    }
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
