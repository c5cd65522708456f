import { Attendee, createEvent, EventAttributes, ParticipationStatus } from 'ics';
import { MeetingBrief, RsvpStatusValue } from '../brief/meeting-brief';
import { placeLines, presenterText } from './brief-text';

/** RFC 5545 PRODID of every calendar the platform writes. */
export const ICS_PRODUCT_ID = '-//ECAVA//Working-Group Platform//EN';

/** Stable per meeting, so that updates and cancellations replace the event in people's calendars. */
export const icsUid = (meetingId: string) => `${meetingId}@ecava`;

const PARTSTAT: Record<RsvpStatusValue, ParticipationStatus> = {
  INVITED: 'NEEDS-ACTION',
  ACCEPTED: 'ACCEPTED',
  TENTATIVE: 'TENTATIVE',
  DECLINED: 'DECLINED',
};

/**
 * A parameter value (CN=) is written between double quotes, which RFC 5545 does not allow inside it
 * (the `ics` library would emit `\"`): they become typographic quotes, and control characters go.
 */
function paramText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/"/g, '”').replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/**
 * RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets. The `ics` library folds at 75
 * characters, which is too long for lines with umlauts, so the text is unfolded and folded again by
 * UTF-8 octets, never inside a character.
 */
export function foldIcsLines(ics: string): string {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map((line) => {
      if (Buffer.byteLength(line, 'utf8') <= 75) return line;
      const parts: string[] = [];
      let current = '';
      let octets = 0;
      let limit = 75;
      for (const char of line) {
        const size = Buffer.byteLength(char, 'utf8');
        if (octets + size > limit) {
          parts.push(current);
          current = '';
          octets = 0;
          limit = 74; // continuation lines start with one space
        }
        current += char;
        octets += size;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}

/**
 * The agenda lines a calendar description lists. Calendars show descriptions in small panes, and
 * the `ics` library folds long lines in quadratic time (a 200-item agenda took ~0.3 s); the full
 * agenda is in the brief.
 */
export const ICS_AGENDA_LINES = 40;

function description(brief: MeetingBrief): string {
  const lines = [`${brief.meeting.groupLabel}`, brief.meeting.when, ...placeLines(brief.meeting)];
  if (brief.meeting.description) lines.push('', brief.meeting.description);
  if (brief.agenda.length > 0) {
    lines.push('', 'Agenda:');
    for (const item of brief.agenda.slice(0, ICS_AGENDA_LINES)) {
      const presenter = presenterText(item);
      lines.push(`${item.localStart} ${item.position}. ${item.title}${presenter ? ` (${presenter})` : ''}`);
    }
    const more = brief.agenda.length - ICS_AGENDA_LINES;
    if (more > 0) lines.push(`… and ${more} more ${more === 1 ? 'item' : 'items'}: see the meeting brief.`);
  }
  return lines.join('\n');
}

/**
 * The meeting as an iCalendar object (RFC 5545, iTIP methods from RFC 5546): METHOD:REQUEST while it
 * is on, METHOD:CANCEL with STATUS:CANCELLED once cancelled; UID `<meetingId>@ecava` and SEQUENCE
 * from the meeting, so that calendars update the event they already hold; times in UTC (no
 * VTIMEZONE needed). Attendees whose email the requester may not see are left out: an ATTENDEE
 * needs an address, and the brief must not reveal it.
 */
export function renderIcs(brief: MeetingBrief): Buffer {
  const { meeting } = brief;
  const cancelled = meeting.status === 'CANCELLED';
  const attendees: Attendee[] = brief.attendees
    .flatMap((group) => group.attendees)
    .filter((person) => person.email !== null)
    .map((person) => ({
      name: paramText(person.name),
      email: person.email!,
      partstat: PARTSTAT[person.rsvp],
      role: 'REQ-PARTICIPANT',
      rsvp: !cancelled && person.rsvp === 'INVITED',
    }));
  const event: EventAttributes = {
    productId: ICS_PRODUCT_ID,
    method: cancelled ? 'CANCEL' : 'REQUEST',
    uid: icsUid(meeting.id),
    sequence: meeting.sequence,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    title: cancelled ? `Cancelled: ${meeting.title}` : meeting.title,
    description: cancelled && meeting.cancelReason ? `Cancelled: ${meeting.cancelReason}\n\n${description(brief)}` : description(brief),
    location: meeting.location ?? meeting.onlineUrl ?? undefined,
    url: meeting.onlineUrl ?? undefined,
    start: meeting.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: meeting.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    // iTIP requires an ORGANIZER with an address: the organiser's own when the requester may see it,
    // else the platform's mailbox (which sends the invitations) under the organiser's name.
    organizer: { name: paramText(meeting.organizer.name), email: meeting.organizer.email ?? brief.platformMailbox },
    attendees,
  };
  // DTSTAMP is when the brief was generated, so the renderer stays a function of the brief alone.
  const { error, value } = createEvent({ ...event, timestamp: brief.generatedAt.getTime() } as EventAttributes);
  if (error || !value) throw error ?? new Error('ics produced no calendar');
  return Buffer.from(foldIcsLines(value), 'utf8');
}
