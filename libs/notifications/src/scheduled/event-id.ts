import { createHash } from 'node:crypto';

/** The namespace of the platform's scheduled reminders (a random v4 UUID, fixed forever). */
const REMINDER_NAMESPACE = 'c6a7e0a4-3f0b-4d43-9a3e-6f1f7f2d5b18';

/**
 * A name-based UUID (RFC 9562 §5.5, version 5: SHA-1 of namespace and name). A scheduled reminder's
 * event id is derived from what it is about — `brief:<meetingId>:<startsAt>`, `due:<itemId>:<day>` —
 * so every pass, on every worker, names the same event, and the unique (event, recipient) key of
 * `notifications` lets only the first one through.
 */
export function reminderEventId(name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(REMINDER_NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The event id of one of several plans of an event that tell the same person different things
 * (`PlannedNotification.key`): named by the event and the key, so a retried expansion names it again.
 */
export function planEventId(eventId: string, key: string): string {
  return reminderEventId(`plan:${eventId}:${key}`);
}
