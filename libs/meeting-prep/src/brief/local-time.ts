/**
 * Local date and time in a meeting's IANA time zone, for people reading a brief. Times are stored in
 * UTC; every renderer prints these strings so that all formats agree. British English gives the
 * common abbreviations (CET/CEST, GMT/BST, EET); zones without one print their offset (GMT-5).
 */
export interface ZonedParts {
  /** `2026-02-05` */
  isoDate: string;
  /** `Thursday, 5 February 2026` */
  longDate: string;
  /** `Thu 5 Feb` */
  shortDate: string;
  /** `09:00` (24-hour) */
  time: string;
  /** `CET` */
  zone: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) parts[part.type] = part.value;
  const month = MONTHS.indexOf(parts.month) + 1;
  return {
    isoDate: `${parts.year}-${String(month).padStart(2, '0')}-${parts.day.padStart(2, '0')}`,
    longDate: `${parts.weekday}, ${parts.day} ${parts.month} ${parts.year}`,
    shortDate: `${parts.weekday.slice(0, 3)} ${parts.day} ${parts.month.slice(0, 3)}`,
    time: `${parts.hour}:${parts.minute}`,
    zone: parts.timeZoneName,
  };
}

/**
 * The meeting's date and time line, e.g. `Thursday, 5 February 2026, 09:00–17:00 CET (Europe/Brussels)`;
 * across days `Thursday, 5 February 2026, 09:00 – Friday, 6 February 2026, 17:00 CET (Europe/Brussels)`;
 * both abbreviations when a daylight-saving change falls inside the meeting.
 */
export function formatMeetingWhen(startsAt: Date, endsAt: Date, timeZone: string): string {
  const start = zonedParts(startsAt, timeZone);
  const end = zonedParts(endsAt, timeZone);
  const sameZone = start.zone === end.zone;
  const startTime = sameZone ? start.time : `${start.time} ${start.zone}`;
  const range =
    start.isoDate === end.isoDate
      ? `${start.longDate}, ${startTime}–${end.time} ${end.zone}`
      : `${start.longDate}, ${startTime} – ${end.longDate}, ${end.time} ${end.zone}`;
  return `${range} (${timeZone})`;
}

/** `5 February 2026, 09:00 CET`, without the weekday (due dates, responses). */
export function formatLocalDateTime(date: Date, timeZone: string): string {
  const parts = zonedParts(date, timeZone);
  return `${parts.longDate.replace(/^\w+, /, '')}, ${parts.time} ${parts.zone}`;
}

/** `5 February 2026` in the zone. */
export function formatLocalDate(date: Date, timeZone: string): string {
  return zonedParts(date, timeZone).longDate.replace(/^\w+, /, '');
}

/**
 * A time on the meeting's agenda: `09:00`, prefixed with the short date when it falls on another
 * local day than `dayOf` (multi-day workshops), e.g. `Fri 6 Feb 09:00`.
 */
export function formatAgendaTime(date: Date, timeZone: string, dayOf: Date): string {
  const parts = zonedParts(date, timeZone);
  return parts.isoDate === zonedParts(dayOf, timeZone).isoDate ? parts.time : `${parts.shortDate} ${parts.time}`;
}
