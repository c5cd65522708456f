import type { BriefBallots } from './brief-ballots';

/**
 * The meeting-prep brief: everything the exports print, already filtered to what the requesting
 * person may read and already formatted in the meeting's time zone, so that every renderer is a
 * pure function of this value.
 */
export type MeetingFormatValue = 'IN_PERSON' | 'ONLINE' | 'HYBRID';
export type MeetingStatusValue = 'SCHEDULED' | 'CANCELLED' | 'HELD';
export type RsvpStatusValue = 'INVITED' | 'ACCEPTED' | 'TENTATIVE' | 'DECLINED';
export type ActionItemStatusValue = 'OPEN' | 'DONE';

/** Printed instead of the group's name for an alliance-wide workshop. */
export const WORKSHOP_LABEL = 'Alliance-wide workshop';
/** Printed instead of a proposal the viewer may not read; none of its details are in the brief. */
export const RESTRICTED_PROPOSAL_LABEL = 'Restricted proposal';

export interface BriefMeeting {
  id: string;
  title: string;
  description: string | null;
  /** The working group's name, or null for an alliance-wide workshop. */
  groupName: string | null;
  /** The group's name, or "Alliance-wide workshop". */
  groupLabel: string;
  format: MeetingFormatValue;
  status: MeetingStatusValue;
  cancelReason: string | null;
  location: string | null;
  onlineUrl: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  /** e.g. `Thursday, 5 February 2026, 09:00–17:00 CET (Europe/Brussels)` */
  when: string;
  /** `2026-02-05`, the local start date (file names). */
  localDate: string;
  /** RFC 5545 SEQUENCE. */
  sequence: number;
  /** Who scheduled it; the email only when the viewer may see it. */
  organizer: { name: string; email: string | null };
}

export interface BriefProposal {
  restricted: false;
  id: string;
  title: string;
  state: string;
  confidentiality: string;
  leadOrganization: string;
  partners: { organization: string; consent: string; role: string | null }[];
  supportCount: number;
}

/** A proposal on the agenda that the viewer may not read: nothing about it but this marker. */
export interface BriefRestrictedProposal {
  restricted: true;
}

export interface BriefPriority {
  id: string;
  title: string;
  rank: number;
  status: string;
  /** The priority's group, or "Alliance-wide". */
  scope: string;
}

export interface BriefAgendaItem {
  position: number;
  title: string;
  description: string | null;
  durationMinutes: number;
  /** Meeting start plus the durations of the items before this one. */
  startsAt: Date;
  endsAt: Date;
  /** `09:00` (or `Fri 6 Feb 09:00` on a later day of the meeting). */
  localStart: string;
  localEnd: string;
  presenter: { name: string; organization: string } | null;
  proposal: BriefProposal | BriefRestrictedProposal | null;
  priority: BriefPriority | null;
  /** Ends after the meeting does. */
  overruns: boolean;
}

export interface BriefAttendee {
  personId: string;
  name: string;
  /** Only when the viewer may see it (themselves, admins, people sharing a working group). */
  email: string | null;
  organization: string;
  rsvp: RsvpStatusValue;
  /** Null until attendance is recorded. */
  attended: boolean | null;
  respondedAt: Date | null;
  /** `3 February 2026, 14:05 CET` in the meeting's zone, or null. */
  respondedLocal: string | null;
  /** Acknowledged the meeting's antitrust statement. */
  acknowledged: boolean;
}

export interface BriefOrganizationAttendees {
  organization: string;
  attendees: BriefAttendee[];
}

export interface BriefActionItem {
  title: string;
  owner: string | null;
  dueDate: Date | null;
  /** `12 February 2026` in the meeting's zone, or null. */
  dueLocal: string | null;
  status: ActionItemStatusValue;
  /** The meeting it was recorded at. */
  meetingTitle: string;
}

export interface BriefPreviousMeeting {
  id: string;
  title: string;
  when: string;
  /** Markdown, as recorded. */
  minutes: string | null;
  /** Its action items and decisions, open and done. */
  actionItems: BriefActionItem[];
}

export interface BriefOverrun {
  agendaMinutes: number;
  meetingMinutes: number;
  /** e.g. `The agenda (9 h 30 min) is 90 min longer than the meeting (8 h).` */
  message: string;
}

/** The competition-law section, in the meeting's language (`antitrust-brief.ts`). */
export interface BriefAntitrust {
  language: 'EN' | 'DE';
  /** `Antitrust statement` / `Kartellrechtlicher Hinweis` */
  heading: string;
  /** Plain text; line breaks separate paragraphs and list items. */
  statement: string;
  approved: boolean;
  /** `Agenda approved by Clara Counsel on 3 February 2026` or `Agenda not yet approved by counsel`. */
  approval: string;
  /** `3 of 5 invitees acknowledged the statement.` */
  acknowledgements: string;
}

export interface MeetingBrief {
  meeting: BriefMeeting;
  antitrust: BriefAntitrust;
  agenda: BriefAgendaItem[];
  agendaMinutes: number;
  /** Null when the agenda fits in the meeting. */
  overrun: BriefOverrun | null;
  /** By organisation name, then person name. */
  attendees: BriefOrganizationAttendees[];
  attendeeCount: number;
  /** Open items of the group's meetings (of this meeting for a workshop), earliest due first. */
  openActionItems: BriefActionItem[];
  /** The latest earlier meeting of the same group (or workshop) that was not cancelled. */
  previousMeeting: BriefPreviousMeeting | null;
  /** The group's open ballots and recent results (a workshop's: alliance-wide), tallies only. */
  ballots: BriefBallots;
  generatedAt: Date;
  /** `5 February 2026, 10:12 CET`, in the meeting's zone. */
  generatedLocal: string;
  /**
   * The platform's sender address (MAIL_FROM): the calendar ORGANIZER's address when the requester may
   * not see the organiser's own.
   */
  platformMailbox: string;
}
