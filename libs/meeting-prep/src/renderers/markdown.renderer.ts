import { ballotSummary, rankingSummary } from '../brief/brief-ballots';
import { BriefActionItem, MeetingBrief } from '../brief/meeting-brief';
import { acknowledgedLabel, attendedLabel, cancelledText, placeLines, presenterText, priorityLine, proposalLines, rsvpLabel, statementLines } from './brief-text';

/**
 * User text as literal Markdown (CommonMark/GFM) on one line: the characters that start emphasis,
 * code, links, images, raw HTML, entities, tables and strikethrough are backslash-escaped, a leading
 * heading, list, quote or numbered-list marker too, and line breaks become spaces.
 */
export function escapeMarkdown(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^(\s*)([#+\-=>])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Multi-line user text: each line escaped, kept as hard line breaks within one paragraph. */
function escapeBlock(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeMarkdown(line))
    .join('  \n');
}

/**
 * Minutes are Markdown by contract, so they keep their formatting, quoted under their own heading so
 * that they cannot restructure the brief; raw HTML is neutralised.
 */
function quoteMarkdown(markdown: string): string {
  return markdown
    .split(/\r\n|\r|\n/)
    .map((line) => `> ${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}`.trimEnd())
    .join('\n');
}

function tableRow(cells: string[]): string {
  return `| ${cells.map((c) => c || ' ').join(' | ')} |`;
}

function actionItemsTable(items: BriefActionItem[], withStatus: boolean): string[] {
  return [
    tableRow(['Action item', 'Owner', 'Due', withStatus ? 'Status' : 'From meeting']),
    tableRow(['---', '---', '---', '---']),
    ...items.map((item) =>
      tableRow([
        escapeMarkdown(item.title),
        escapeMarkdown(item.owner ?? 'Unassigned'),
        escapeMarkdown(item.dueLocal ?? '—'),
        withStatus ? (item.status === 'DONE' ? 'Done' : 'Open') : escapeMarkdown(item.meetingTitle),
      ]),
    ),
  ];
}

/** The group's open ballots and recent results: titles, turnout and tallies, never who voted how. */
function ballotsSection(brief: MeetingBrief): string[] {
  const out = ['## Ballots', ''];
  const { open, recent } = brief.ballots;
  if (open.length + recent.length === 0) return [...out, 'No open ballots and no recent results.', ''];
  for (const [heading, ballots] of [['Open', open], ['Recent results', recent]] as const) {
    if (ballots.length === 0) continue;
    out.push(`### ${heading}`, '');
    for (const ballot of ballots) {
      out.push(`- **${escapeMarkdown(ballot.title)}** · ${escapeMarkdown(ballotSummary(ballot))}`);
      const ranking = rankingSummary(ballot);
      if (ranking) out.push(`  - ${escapeMarkdown(ranking)}`);
    }
    out.push('');
  }
  return out;
}

/** The antitrust statement (read at the start, so before the agenda), counsel's approval and the acknowledgements. */
function antitrustSection(brief: MeetingBrief): string[] {
  const { antitrust } = brief;
  return [
    `## ${antitrust.heading}`,
    '',
    `**${escapeMarkdown(antitrust.approval)}**`,
    '',
    ...statementLines(antitrust.statement).flatMap((line) => [line.startsWith('- ') ? `- ${escapeMarkdown(line.slice(2))}` : escapeMarkdown(line), '']),
    escapeMarkdown(antitrust.acknowledgements),
    '',
  ];
}

/** The brief as GitHub-flavoured Markdown (UTF-8). */
export function renderMarkdown(brief: MeetingBrief): Buffer {
  const { meeting } = brief;
  const out: string[] = [
    `# ${escapeMarkdown(meeting.title)}`,
    '',
    `**${escapeMarkdown(meeting.groupLabel)}** · ${escapeMarkdown(meeting.when)}`,
    '',
    ...placeLines(meeting).map((line) => `- ${escapeMarkdown(line)}`),
    `- Organised by ${escapeMarkdown(meeting.organizer.name)} · ${brief.attendeeCount} invited · generated ${escapeMarkdown(brief.generatedLocal)}`,
    '',
  ];
  if (meeting.status === 'CANCELLED') out.push(`**${escapeMarkdown(cancelledText(meeting))}**`, '');
  if (meeting.description) out.push(escapeBlock(meeting.description), '');
  if (brief.overrun) out.push(`> **Warning:** ${escapeMarkdown(brief.overrun.message)}`, '');

  out.push(...antitrustSection(brief));

  out.push('## Agenda', '');
  if (brief.agenda.length === 0) out.push('No agenda yet.', '');
  for (const item of brief.agenda) {
    out.push(`### ${item.localStart}–${item.localEnd} · ${item.position}. ${escapeMarkdown(item.title)}`, '');
    const facts = [`${item.durationMinutes} min`];
    if (item.presenter) facts.unshift(`Presenter: ${escapeMarkdown(presenterText(item))}`);
    out.push(facts.join(' · '), '');
    if (item.description) out.push(escapeBlock(item.description), '');
    const links = proposalLines(item).map((line) => (item.proposal?.restricted ? `- *${escapeMarkdown(line)}*` : `- ${escapeMarkdown(line)}`));
    if (item.priority) links.push(`- ${escapeMarkdown(priorityLine(item.priority))}`);
    if (item.overruns) links.push('- **Runs past the end of the meeting**');
    if (links.length > 0) out.push(...links, '');
  }

  out.push('## Attendees', '');
  if (brief.attendeeCount === 0) out.push('Nobody is invited yet.', '');
  for (const group of brief.attendees) {
    out.push(`### ${escapeMarkdown(group.organization)} (${group.attendees.length})`, '');
    out.push(tableRow(['Name', 'Email', 'RSVP', 'Attended', 'Acknowledged']), tableRow(['---', '---', '---', '---', '---']));
    for (const person of group.attendees) {
      const cells = [escapeMarkdown(person.name), escapeMarkdown(person.email), rsvpLabel(person.rsvp), attendedLabel(person.attended)];
      out.push(tableRow([...cells, acknowledgedLabel(person.acknowledged)]));
    }
    out.push('');
  }

  out.push('## Open action items', '');
  out.push(...(brief.openActionItems.length > 0 ? actionItemsTable(brief.openActionItems, false) : ['None.']), '');

  out.push(...ballotsSection(brief));

  out.push('## Previous meeting', '');
  const previous = brief.previousMeeting;
  if (!previous) {
    out.push('This is the first meeting.', '');
  } else {
    out.push(`**${escapeMarkdown(previous.title)}** · ${escapeMarkdown(previous.when)}`, '', '### Minutes', '');
    out.push(previous.minutes ? quoteMarkdown(previous.minutes) : 'No minutes were recorded.', '');
    out.push('### Action items and decisions', '');
    out.push(...(previous.actionItems.length > 0 ? actionItemsTable(previous.actionItems, true) : ['None recorded.']), '');
  }
  return Buffer.from(out.join('\n'), 'utf8');
}
