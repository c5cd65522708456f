import { sampleBrief } from '../testing/sample-brief';
import { foldIcsLines, renderIcs } from './ics.renderer';

/** Unfolded content lines (RFC 5545 §3.1). */
function lines(ics: Buffer): string[] {
  return ics.toString('utf8').replace(/\r\n[ \t]/g, '').split('\r\n');
}

describe(renderIcs.name, () => {
  it('invites with METHOD:REQUEST, the stable UID, SEQUENCE and UTC times', () => {
    const brief = sampleBrief({ attendees: 5 });
    const all = lines(renderIcs(brief));
    expect(all).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'METHOD:REQUEST',
        `UID:${brief.meeting.id}@ecava`,
        'SEQUENCE:2',
        'STATUS:CONFIRMED',
        'DTSTART:20260205T080000Z',
        'DTEND:20260205T160000Z',
        'SUMMARY:Launch workshop',
        'ORGANIZER;CN="Ada Admin":MAILTO:ada@ecava.example',
      ]),
    );
    const attendees = all.filter((l) => l.startsWith('ATTENDEE'));
    // Attendee 004 has no visible email: an ATTENDEE needs an address, so it is left out.
    expect(attendees).toHaveLength(4);
    expect(attendees.find((l) => l.includes('Katrin Müller'))).toContain('PARTSTAT="ACCEPTED"');
    expect(attendees.find((l) => l.includes('mailto:attendee3@'))).toContain('PARTSTAT="NEEDS-ACTION"');
  });

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED under the same UID', () => {
    const brief = sampleBrief({ meeting: { status: 'CANCELLED', cancelReason: 'Venue unavailable', sequence: 3 } });
    const all = lines(renderIcs(brief));
    expect(all).toEqual(expect.arrayContaining(['METHOD:CANCEL', 'STATUS:CANCELLED', 'SEQUENCE:3', `UID:${brief.meeting.id}@ecava`]));
    expect(all.find((l) => l.startsWith('DESCRIPTION:'))).toContain('Cancelled: Venue unavailable');
  });

  it('uses the platform mailbox as the organiser address when the organiser email is hidden', () => {
    const brief = sampleBrief({ meeting: { organizerEmail: null } });
    expect(lines(renderIcs(brief))).toContain('ORGANIZER;CN="Ada Admin":MAILTO:no-reply@ecava.example');
  });

  it('ends lines with CRLF, folds at 75 octets and keeps quotes out of parameter values', () => {
    const brief = sampleBrief();
    brief.attendees[0].attendees[0].name = 'Jürgen "JJ" Groß-Überländer-Schönfeld von Hohenzollern-Sigmaringen';
    const ics = renderIcs(brief).toString('utf8');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(lines(Buffer.from(ics)).find((l) => l.includes('Jürgen'))).toContain('CN="Jürgen ”JJ” Groß-Überländer');
  });

  it('lists the first agenda items in the description and points to the brief for the rest', () => {
    const description = lines(renderIcs(sampleBrief({ agendaItems: 45 }))).find((l) => l.startsWith('DESCRIPTION:'))!;
    expect(description).toContain('\\n09:00 1. Welcome and tour de table');
    expect(description).toContain(' 40. Agenda item 40');
    expect(description).not.toContain(' 41. Agenda item 41');
    expect(description).toContain('… and 5 more items: see the meeting brief.');
  });
});

describe(foldIcsLines.name, () => {
  it('never splits a multi-byte character', () => {
    const folded = foldIcsLines(`DESCRIPTION:${'ü'.repeat(100)}`);
    for (const line of folded.split('\r\n')) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\ufffd');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'ü'.repeat(100)}`);
  });
});
