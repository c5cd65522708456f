import { Workbook, Worksheet } from 'exceljs';
import { ballotOutcome, BriefBallot, rankingSummary } from '../brief/brief-ballots';
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
 * The attendee list, the agenda's proposals and the group's ballots as a workbook with three sheets,
 * Attendees, Proposals and Ballots (exceljs; the ballots' tallies only, never who voted how). Times are written as text in the meeting's time zone: exceljs would drop the
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

  const ballots: Cell[][] = [
    ...brief.ballots.open.map((ballot) => ballotRow('Open', ballot)),
    ...brief.ballots.recent.map((ballot) => ballotRow('Closed', ballot)),
  ];
  sheet(
    workbook,
    'Ballots',
    [
      { header: 'Ballot', width: 40 },
      { header: 'Kind', width: 12 },
      { header: 'Secret', width: 8 },
      { header: 'State', width: 10 },
      { header: `Closes or closed (${zone})`, width: 28 },
      { header: 'Organisations voted', width: 12 },
      { header: 'Eligible organisations', width: 12 },
      { header: 'Outcome', width: 14 },
      { header: 'Yes', width: 8 },
      { header: 'No', width: 8 },
      { header: 'Abstain', width: 8 },
      { header: 'Ranking', width: 60 },
    ],
    ballots,
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One ballot's row: tallies as numbers (APPROVAL, once closed), a RANKING's order as `1. … (n points)`. */
function ballotRow(state: 'Open' | 'Closed', ballot: BriefBallot): Cell[] {
  const { result } = ballot;
  const approval = result && ballot.kind === 'APPROVAL';
  return [
    ballot.title,
    humanize(ballot.kind),
    ballot.secret ? 'Yes' : 'No',
    state,
    ballot.whenLocal,
    ballot.votesCast,
    ballot.eligibleCount,
    ballotOutcome(ballot),
    approval ? result.yes : null,
    approval ? result.no : null,
    approval ? result.abstain : null,
    rankingSummary(ballot) || null,
  ];
}
