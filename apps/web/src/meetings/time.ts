import i18n from '../i18n';

/** The wall-clock fields of an instant in a time zone. */
function partsIn(ms: number, timeZone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  return Object.fromEntries(parts.filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const p = partsIn(ms, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * A `datetime-local` value (2026-02-05T09:00), read as wall-clock time in `timeZone`, as a UTC ISO instant.
 * Two passes settle the offset across a daylight-saving change.
 */
export function zonedToUtc(local: string, timeZone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const naive = Date.parse(`${local}:00Z`);
  if (Number.isNaN(naive)) return null;
  let guess = naive - offsetAt(naive, timeZone);
  guess = naive - offsetAt(guess, timeZone);
  return new Date(guess).toISOString();
}

/** A UTC ISO instant as a `datetime-local` value in `timeZone`. */
export function utcToZoned(iso: string, timeZone: string): string {
  const p = partsIn(Date.parse(iso), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** A time of day (no date) in the UI's language and the zone given. */
export function formatTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** Start and end, the end without its date when both fall on the same day in that zone, with the zone's name. */
export function formatRange(startsAt: string, endsAt: string, timeZone: string): string {
  const sameDay = utcToZoned(startsAt, timeZone).slice(0, 10) === utcToZoned(endsAt, timeZone).slice(0, 10);
  const start = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(startsAt));
  const end = sameDay
    ? formatTime(endsAt, timeZone)
    : new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(endsAt));
  return `${start} – ${end} (${timeZone})`;
}

/** Each item's start: the meeting's start plus the durations before it (what the API computes, live while editing). */
export function startTimes(startsAt: string, durations: number[]): string[] {
  let at = Date.parse(startsAt);
  return durations.map((minutes) => {
    const start = new Date(at).toISOString();
    at += (Number.isFinite(minutes) && minutes > 0 ? minutes : 0) * 60_000;
    return start;
  });
}

/** By how many minutes the items run past the end; 0 when they fit. */
export function overrunMinutes(startsAt: string, endsAt: string, durations: number[]): number {
  const total = durations.reduce((sum, m) => sum + (Number.isFinite(m) && m > 0 ? m : 0), 0);
  const available = (Date.parse(endsAt) - Date.parse(startsAt)) / 60_000;
  return Math.max(0, Math.round(total - available));
}
