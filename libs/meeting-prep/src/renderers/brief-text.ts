import { BriefAgendaItem, BriefMeeting, BriefPriority, BriefProposal, RESTRICTED_PROPOSAL_LABEL, RsvpStatusValue } from '../brief/meeting-brief';

/**
 * Wording shared by the renderers, so that the PDF, DOCX, Markdown, CSV and XLSX files say the same
 * thing in the same words.
 */

/** `UNDER_REVIEW` → `Under review` */
export function humanize(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const RSVP_LABELS: Record<RsvpStatusValue, string> = {
  INVITED: 'No answer yet',
  ACCEPTED: 'Accepted',
  TENTATIVE: 'Tentative',
  DECLINED: 'Declined',
};

export function rsvpLabel(status: RsvpStatusValue): string {
  return RSVP_LABELS[status] ?? humanize(status);
}

/** Empty until attendance is recorded. */
export function attendedLabel(attended: boolean | null): string {
  return attended === null ? '' : attended ? 'Present' : 'Absent';
}

/** The attendee list's mark for someone who acknowledged the meeting's antitrust statement. */
export function acknowledgedLabel(acknowledged: boolean): string {
  return acknowledged ? 'Yes' : 'No';
}

/** The antitrust statement's paragraphs and list items, one per line, blank lines dropped. */
export function statementLines(statement: string): string[] {
  return statement.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}

/** The place lines of the cover: `In person: Brussels, …`, `Online: https://…`. */
export function placeLines(meeting: BriefMeeting): string[] {
  const lines: string[] = [];
  if (meeting.location) lines.push(`${meeting.format === 'HYBRID' ? 'Hybrid' : 'In person'}: ${meeting.location}`);
  if (meeting.onlineUrl) lines.push(`Online: ${meeting.onlineUrl}`);
  if (lines.length === 0) lines.push(`Format: ${humanize(meeting.format)}`);
  return lines;
}

export function partnersText(proposal: BriefProposal): string {
  if (proposal.partners.length === 0) return 'none';
  return proposal.partners.map((p) => `${p.organization} (${p.role ? `${p.role}, ` : ''}${humanize(p.consent)})`).join('; ');
}

export function supportText(count: number): string {
  return `${count} ${count === 1 ? 'supporting organisation' : 'supporting organisations'}`;
}

/** One line per fact about the linked proposal, or only "Restricted proposal". */
export function proposalLines(item: BriefAgendaItem): string[] {
  const proposal = item.proposal;
  if (!proposal) return [];
  if (proposal.restricted) return [RESTRICTED_PROPOSAL_LABEL];
  return [
    `Proposal: ${proposal.title}`,
    `State: ${humanize(proposal.state)} · Lead: ${proposal.leadOrganization} · ${supportText(proposal.supportCount)}`,
    `Partners: ${partnersText(proposal)}`,
  ];
}

export function priorityLine(priority: BriefPriority): string {
  return `Priority #${priority.rank} (${priority.scope}, ${humanize(priority.status)}): ${priority.title}`;
}

/** `Katrin Müller (HLRS)` */
export function presenterText(item: BriefAgendaItem): string {
  if (!item.presenter) return '';
  return item.presenter.organization ? `${item.presenter.name} (${item.presenter.organization})` : item.presenter.name;
}

export function cancelledText(meeting: BriefMeeting): string {
  return meeting.cancelReason ? `CANCELLED: ${meeting.cancelReason}` : 'CANCELLED';
}
