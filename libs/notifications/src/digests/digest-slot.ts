import { DeliveryMode } from '../notification.enums';

/** The hour digests go out, in the recipient's time zone. */
export const DIGEST_HOUR = 8;

/** Offset of `timeZone` from UTC at `instant`, in minutes (e.g. +60 for CET). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - instant.getTime()) / 60000);
}

/** The UTC instant of `hour`:00 local time on the local calendar day of `instant` + `addDays`. */
function localHour(instant: Date, timeZone: string, addDays: number, hour: number): Date {
  const local = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60000);
  const guess = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + addDays, hour);
  // Correct with the offset valid at the target time (DST changes between now and then).
  return new Date(guess - offsetMinutes(new Date(guess), timeZone) * 60000);
}

/**
 * When a digest notification created at `now` goes out: the next 08:00 in the recipient's time zone
 * (daily), or the next Monday 08:00 (weekly).
 */
export function nextDigestSlot(mode: DeliveryMode, timeZone: string, now: Date = new Date()): Date {
  let slot = localHour(now, timeZone, 0, DIGEST_HOUR);
  if (slot.getTime() <= now.getTime()) slot = localHour(now, timeZone, 1, DIGEST_HOUR);
  if (mode === DeliveryMode.WEEKLY_DIGEST) {
    const weekday = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(slot);
    const toMonday = (['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(weekday) + 7) % 7;
    if (toMonday !== 0) slot = localHour(slot, timeZone, 7 - toMonday, DIGEST_HOUR);
  }
  return slot;
}

/**
 * The slot a digest pass at `now` sends: the latest 08:00 (daily) or Monday 08:00 (weekly) in the
 * recipient's time zone at or before `now`. Every pass within one slot period names the same slot,
 * which is what makes (person, mode, slot) a once-only key.
 */
export function currentDigestSlot(mode: DeliveryMode, timeZone: string, now: Date = new Date()): Date {
  // Start more than a period back and step forward: day lengths vary with daylight saving time.
  let slot = nextDigestSlot(mode, timeZone, new Date(now.getTime() - 9 * 24 * 3600_000));
  for (;;) {
    const next = nextDigestSlot(mode, timeZone, slot);
    if (next.getTime() > now.getTime()) return slot;
    slot = next;
  }
}
