import { AntitrustSummary } from '@app/governance';
import { withStartTimes } from '@app/meetings';
import { BriefBallots } from './brief-ballots';
import { briefAntitrust } from './antitrust-brief';
import { formatAgendaTime, formatLocalDate, formatLocalDateTime, formatMeetingWhen, zonedParts } from './local-time';
import {
  ActionItemStatusValue,
  BriefActionItem,
  BriefAgendaItem,
  BriefOrganizationAttendees,
  BriefOverrun,
  BriefPriority,
  BriefProposal,
  MeetingBrief,
  MeetingFormatValue,
  MeetingStatusValue,
  RsvpStatusValue,
  WORKSHOP_LABEL,
} from './meeting-brief';

/** The rows the read model fetches, before times are computed and formatted. */
export interface MeetingRow {
  id: string;
  workingGroupId: string | null;
  groupName: string | null;
  title: string;
  description: string | null;
  format: MeetingFormatValue;
  status: MeetingStatusValue;
  cancelReason: string | null;
  location: string | null;
  onlineUrl: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  sequence: number;
  organizerName: string;
  organizerEmail: string | null;
}

export interface AgendaRow {
  position: number;
  title: string;
  description: string | null;
  durationMinutes: number;
  presenterName: string | null;
  presenterOrganization: string | null;
  /** The linked proposal's id, whether or not the viewer may read it. */
  proposalId: string | null;
  /** The linked proposal, only when the viewer may read it. */
  proposal: Omit<BriefProposal, 'restricted'> | null;
  priority: BriefPriority | null;
}

export interface AttendeeRow {
  personId: string;
  name: string;
  email: string | null;
  organization: string;
  rsvp: RsvpStatusValue;
  attended: boolean | null;
  respondedAt: Date | string | null;
}

export interface ActionItemRow {
  title: string;
  owner: string | null;
  /** A Date from a column, an ISO string from a JSON aggregate. */
  dueDate: Date | string | null;
  status: ActionItemStatusValue;
  meetingTitle: string;
}

export interface PreviousMeetingRow {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  minutes: string | null;
  actionItems: ActionItemRow[];
}

export interface BriefRows {
  meeting: MeetingRow;
  agenda: AgendaRow[];
  attendees: AttendeeRow[];
  openActionItems: ActionItemRow[];
  previousMeeting: PreviousMeetingRow | null;
  /** Already formatted (brief-ballots.ts); none when left out. */
  ballots?: BriefBallots;
  antitrust: AntitrustSummary;
}

const MINUTE = 60_000;

const asDate = (value: Date | string | null): Date | null => (value === null ? null : value instanceof Date ? value : new Date(value));

/** `45 min`, `2 h`, `9 h 30 min`. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export interface BriefOptions {
  /** When the brief is generated (default: now). */
  now?: Date;
  /** The platform's sender address, see `MeetingBrief.platformMailbox`. */
  platformMailbox?: string;
}

export const DEFAULT_PLATFORM_MAILBOX = 'no-reply@ecava.localhost';

/** Turns the fetched rows into the brief: agenda start times, the overrun warning, attendees by organisation. */
export function assembleBrief(rows: BriefRows, options: BriefOptions = {}): MeetingBrief {
  const generatedAt = options.now ?? new Date();
  const { meeting } = rows;
  const zone = meeting.timezone;
  const start = meeting.startsAt.getTime();
  const end = meeting.endsAt.getTime();

  // The same computation as `AgendaItem.startsAt` in the API.
  const agenda: BriefAgendaItem[] = withStartTimes(meeting.startsAt, rows.agenda).map((row) => {
    const startsAt = row.startsAt;
    const endsAt = new Date(startsAt.getTime() + row.durationMinutes * MINUTE);
    return {
      position: row.position,
      title: row.title,
      description: row.description,
      durationMinutes: row.durationMinutes,
      startsAt,
      endsAt,
      localStart: formatAgendaTime(startsAt, zone, meeting.startsAt),
      localEnd: formatAgendaTime(endsAt, zone, meeting.startsAt),
      presenter: row.presenterName === null ? null : { name: row.presenterName, organization: row.presenterOrganization ?? '' },
      proposal: row.proposal ? { restricted: false, ...row.proposal } : row.proposalId ? { restricted: true } : null,
      priority: row.priority,
      overruns: endsAt.getTime() > end,
    };
  });
  const agendaMinutes = rows.agenda.reduce((total, row) => total + row.durationMinutes, 0);
  const meetingMinutes = Math.round((end - start) / MINUTE);
  const overrun: BriefOverrun | null =
    agendaMinutes > meetingMinutes
      ? {
          agendaMinutes,
          meetingMinutes,
          message:
            `The agenda (${formatMinutes(agendaMinutes)}) is ${formatMinutes(agendaMinutes - meetingMinutes)} longer than ` +
            `the meeting (${formatMinutes(meetingMinutes)}).`,
        }
      : null;

  const acknowledgedIds = new Set(rows.antitrust.acknowledgedPersonIds);
  const attendees: BriefOrganizationAttendees[] = [];
  for (const row of rows.attendees) {
    let group = attendees[attendees.length - 1];
    if (!group || group.organization !== row.organization) {
      group = { organization: row.organization, attendees: [] };
      attendees.push(group);
    }
    const respondedAt = asDate(row.respondedAt);
    group.attendees.push({
      ...row,
      respondedAt,
      respondedLocal: respondedAt ? formatLocalDateTime(respondedAt, zone) : null,
      acknowledged: acknowledgedIds.has(row.personId),
    });
  }

  const actionItem = (row: ActionItemRow): BriefActionItem => {
    const dueDate = asDate(row.dueDate);
    return { ...row, dueDate, dueLocal: dueDate ? formatLocalDate(dueDate, zone) : null };
  };
  const previous = rows.previousMeeting;

  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      description: meeting.description,
      groupName: meeting.groupName,
      groupLabel: meeting.groupName ?? WORKSHOP_LABEL,
      format: meeting.format,
      status: meeting.status,
      cancelReason: meeting.cancelReason,
      location: meeting.location,
      onlineUrl: meeting.onlineUrl,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      timezone: zone,
      when: formatMeetingWhen(meeting.startsAt, meeting.endsAt, zone),
      localDate: zonedParts(meeting.startsAt, zone).isoDate,
      sequence: meeting.sequence,
      organizer: { name: meeting.organizerName, email: meeting.organizerEmail },
    },
    antitrust: briefAntitrust(
      rows.antitrust,
      zone,
      rows.attendees.length,
      rows.attendees.filter((row) => acknowledgedIds.has(row.personId)).length,
    ),
    agenda,
    agendaMinutes,
    overrun,
    attendees,
    attendeeCount: rows.attendees.length,
    openActionItems: rows.openActionItems.map(actionItem),
    previousMeeting: previous
      ? {
          id: previous.id,
          title: previous.title,
          when: formatMeetingWhen(previous.startsAt, previous.endsAt, previous.timezone),
          minutes: previous.minutes,
          actionItems: previous.actionItems.map(actionItem),
        }
      : null,
    ballots: rows.ballots ?? { open: [], recent: [] },
    generatedAt,
    generatedLocal: formatLocalDateTime(generatedAt, zone),
    platformMailbox: options.platformMailbox ?? DEFAULT_PLATFORM_MAILBOX,
  };
}
