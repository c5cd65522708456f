import { EntityManager } from 'typeorm';
import { translate } from '../i18n/translate';
import { NotificationCategory } from '../notification.enums';
import { PlannedNotification, RecipientRule } from './recipient-rules';
import { loadActionItemFacts } from './action-item-facts';

/** BCP 47 tags for the email locales; FR reads English emails (translate falls back to EN). */
const LANGUAGE_TAGS: Record<string, string> = { DE: 'de-DE' };
const languageTag = (locale: string) => LANGUAGE_TAGS[locale] ?? 'en-GB';

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(languageTag(locale), { ...options, timeZone });
  } catch {
    // A zone this runtime does not know (profiles are validated, but older rows may not be): UTC.
    return new Intl.DateTimeFormat(languageTag(locale), { ...options, timeZone: 'UTC' });
  }
}

/** `Thursday, 5 February 2026, 09:00–17:00 CET` in the recipient's zone and language. */
export function formatWhen(startsAt: Date, endsAt: Date, timeZone: string, locale: string): string {
  return formatter(locale, timeZone, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatRange(new Date(startsAt), new Date(endsAt));
}

/** `5 February 2026` in the recipient's zone and language. */
/** `5 February 2026 at 17:00 CET`: an instant in the recipient's zone and language (a ballot's closing time). */
export function formatMoment(date: Date, timeZone: string, locale: string): string {
  return formatter(locale, timeZone, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).format(new Date(date));
}

export function formatDay(date: Date, timeZone: string, locale: string): string {
  return formatter(locale, timeZone, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(date));
}

export interface MeetingFacts {
  id: string;
  title: string;
  status: string;
  workingGroupId: string | null;
  groupName: string | null;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
  cancelReason: string | null;
}

export async function meetingFacts(em: EntityManager, meetingId: unknown): Promise<MeetingFacts | undefined> {
  const [row]: MeetingFacts[] = await em.query(
    `SELECT m.id, m.title, m.status, m.working_group_id AS "workingGroupId", g.name AS "groupName", m.starts_at AS "startsAt",
            m.ends_at AS "endsAt", m.sequence, m.cancel_reason AS "cancelReason"
     FROM meetings m LEFT JOIN working_groups g ON g.id = m.working_group_id WHERE m.id = $1`,
    [meetingId],
  );
  return row;
}

/** Invitees, or only those named; `withoutDeclined` leaves out who said they will not come. */
export function invitees(
  em: EntityManager,
  meetingId: string,
  options: { only?: string[]; withoutDeclined?: boolean } = {},
): Promise<{ id: string; locale: string; timezone: string }[]> {
  return em.query(
    `SELECT p.id, p.locale, p.timezone FROM meeting_invitations i JOIN people p ON p.id = i.person_id
     WHERE i.meeting_id = $1 AND ($2::uuid[] IS NULL OR i.person_id = ANY($2::uuid[])) AND (NOT $3 OR i.status <> 'DECLINED')`,
    [meetingId, options.only ?? null, options.withoutDeclined ?? false],
  );
}

/**
 * One meeting notification for these people, with the time in each one's zone and language. The
 * meeting's id and sequence travel in the data: the email's ICS (or brief) is rendered from them.
 */
export function meetingNotice(
  type: string,
  meeting: MeetingFacts,
  people: { id: string; locale: string; timezone: string }[],
  extra: Record<string, unknown> = {},
): PlannedNotification[] {
  if (people.length === 0) return [];
  return [
    {
      category: NotificationCategory.MEETINGS,
      type,
      recipientIds: people.map((p) => p.id),
      link: `/meetings/${meeting.id}`,
      data: {
        meetingId: meeting.id,
        meetingTitle: meeting.title,
        workingGroupId: meeting.workingGroupId,
        groupName: meeting.groupName,
        sequence: meeting.sequence,
        ...extra,
      },
      perRecipient: Object.fromEntries(people.map((p) => [p.id, { when: formatWhen(meeting.startsAt, meeting.endsAt, p.timezone, p.locale) }])),
    },
  ];
}

const stringIds = (value: unknown): string[] => (Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);

/** Scheduled: the people invited with it. */
export const meetingScheduled: RecipientRule = async (event, em) => {
  const meeting = await meetingFacts(em, event.meetingId);
  const only = stringIds(event.invitedPersonIds);
  // Cancelled before this was expanded: the cancellation is all there is to say.
  if (!meeting || only.length === 0 || meeting.status === 'CANCELLED') return [];
  return meetingNotice('meeting.scheduled', meeting, await invitees(em, meeting.id, { only }));
};

/** People invited later: the invitation, as to those invited with the meeting. */
export const peopleInvited: RecipientRule = async (event, em) => {
  const meeting = await meetingFacts(em, event.meetingId);
  const only = stringIds(event.personIds);
  if (!meeting || only.length === 0 || meeting.status !== 'SCHEDULED') return [];
  return meetingNotice('meeting.scheduled', meeting, await invitees(em, meeting.id, { only }));
};

/** Time or place changed: every invitee, with the updated ICS. Other edits tell nobody. */
export const meetingUpdated: RecipientRule = async (event, em) => {
  if (event.timeOrPlaceChanged !== true) return [];
  const meeting = await meetingFacts(em, event.meetingId);
  if (!meeting || meeting.status === 'CANCELLED') return [];
  return meetingNotice('meeting.changed', meeting, await invitees(em, meeting.id));
};

/** Cancelled: every invitee, with METHOD:CANCEL. */
export const meetingCancelled: RecipientRule = async (event, em) => {
  const meeting = await meetingFacts(em, event.meetingId);
  if (!meeting) return [];
  return meetingNotice('meeting.cancelled', meeting, await invitees(em, meeting.id), { reason: meeting.cancelReason ?? '' });
};

/** An action item with an owner: the owner (unless they added it themselves: the actor is removed). */
export const actionItemAdded: RecipientRule = async (event, em) => {
  if (typeof event.ownerId !== 'string') return [];
  const item = await loadActionItemFacts(em, event.actionItemId, event.ownerId);
  if (!item) return [];
  return [
    {
      category: NotificationCategory.ACTION_ITEMS,
      type: 'action_item.assigned',
      recipientIds: [event.ownerId],
      link: `/meetings/${item.meetingId}`,
      data: {
        actionItemId: item.id,
        actionTitle: item.title,
        meetingId: item.meetingId,
        meetingTitle: item.meetingTitle,
        workingGroupId: item.workingGroupId,
        groupName: item.groupName,
        dueDate: item.dueDate,
      },
      perRecipient: {
        [event.ownerId]: { due: item.dueDate ? formatDay(item.dueDate, item.timezone, item.locale) : translate(item.locale, 'common.noDueDate') },
      },
    },
  ];
};

export const MEETING_RULES: Record<string, RecipientRule> = {
  MEETING_SCHEDULED: meetingScheduled,
  PEOPLE_INVITED: peopleInvited,
  MEETING_UPDATED: meetingUpdated,
  MEETING_CANCELLED: meetingCancelled,
  ACTION_ITEM_ADDED: actionItemAdded,
};
