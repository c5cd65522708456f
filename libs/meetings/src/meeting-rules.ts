import { MeetingFormat } from './meeting.enums';

export interface MeetingPlace {
  format: MeetingFormat;
  location: string | null;
  onlineUrl: string | null;
}

export interface MeetingTimes {
  startsAt: Date;
  endsAt: Date;
}

/** The input field that breaks the format rule (IN_PERSON/HYBRID need a location, ONLINE/HYBRID a link), or null. */
export function placeProblem(place: MeetingPlace): { field: 'location' | 'onlineUrl'; message: string } | null {
  const inPerson = place.format === MeetingFormat.IN_PERSON || place.format === MeetingFormat.HYBRID;
  const online = place.format === MeetingFormat.ONLINE || place.format === MeetingFormat.HYBRID;
  if (inPerson && !place.location) return { field: 'location', message: `A ${place.format} meeting needs a location` };
  if (online && !place.onlineUrl) return { field: 'onlineUrl', message: `An ${place.format} meeting needs an onlineUrl` };
  return null;
}

export function timesProblem(times: MeetingTimes): string | null {
  return times.endsAt.getTime() > times.startsAt.getTime() ? null : 'endsAt must be after startsAt';
}

/** Every field `updateMeeting` can change shows in attendees' calendars (SUMMARY, DESCRIPTION, LOCATION, URL, DTSTART, DTEND). */
export const CALENDAR_FIELDS = ['title', 'description', 'format', 'location', 'onlineUrl', 'startsAt', 'endsAt', 'timezone'] as const;
export type CalendarField = (typeof CALENDAR_FIELDS)[number];

/** Changes of time or place: invitees must be told again (DESIGN.md, "Meetings"). */
export const TIME_AND_PLACE_FIELDS: readonly CalendarField[] = ['format', 'location', 'onlineUrl', 'startsAt', 'endsAt', 'timezone'];

type CalendarValues = Record<CalendarField, string | Date | null>;

const same = (a: string | Date | null, b: string | Date | null) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/** The fields whose values differ between two versions of a meeting, in CALENDAR_FIELDS order. */
export function changedFields(current: CalendarValues, next: CalendarValues): CalendarField[] {
  return CALENDAR_FIELDS.filter((field) => !same(current[field], next[field]));
}
