import { formatAgendaTime, formatLocalDateTime, formatMeetingWhen, isKnownTimeZone, zonedParts } from './local-time';

describe('local time in the meeting zone', () => {
  it('prints a winter meeting at 09:00 Europe/Brussels (08:00Z) as CET', () => {
    expect(formatMeetingWhen(new Date('2026-02-05T08:00:00Z'), new Date('2026-02-05T16:00:00Z'), 'Europe/Brussels')).toBe(
      'Thursday, 5 February 2026, 09:00–17:00 CET (Europe/Brussels)',
    );
  });

  it('prints a summer meeting at 09:00 Europe/Brussels (07:00Z) as CEST', () => {
    expect(formatMeetingWhen(new Date('2026-07-09T07:00:00Z'), new Date('2026-07-09T09:30:00Z'), 'Europe/Brussels')).toBe(
      'Thursday, 9 July 2026, 09:00–11:30 CEST (Europe/Brussels)',
    );
  });

  it('spells out both days of a two-day workshop', () => {
    expect(formatMeetingWhen(new Date('2026-02-05T08:00:00Z'), new Date('2026-02-06T16:00:00Z'), 'Europe/Brussels')).toBe(
      'Thursday, 5 February 2026, 09:00 – Friday, 6 February 2026, 17:00 CET (Europe/Brussels)',
    );
  });

  it('names both abbreviations when daylight saving starts during the meeting', () => {
    // 29 March 2026: clocks in Brussels go from 02:00 CET to 03:00 CEST.
    expect(formatMeetingWhen(new Date('2026-03-29T00:30:00Z'), new Date('2026-03-29T02:00:00Z'), 'Europe/Brussels')).toBe(
      'Sunday, 29 March 2026, 01:30 CET–04:00 CEST (Europe/Brussels)',
    );
  });

  it('uses the offset where a zone has no abbreviation in British English', () => {
    expect(zonedParts(new Date('2026-02-05T14:00:00Z'), 'America/New_York')).toMatchObject({ time: '09:00', zone: 'GMT-5', isoDate: '2026-02-05' });
  });

  it('prefixes agenda times on a later day with that day', () => {
    const start = new Date('2026-02-05T08:00:00Z');
    expect(formatAgendaTime(new Date('2026-02-05T12:30:00Z'), 'Europe/Brussels', start)).toBe('13:30');
    expect(formatAgendaTime(new Date('2026-02-06T08:00:00Z'), 'Europe/Brussels', start)).toBe('Fri 6 Feb 09:00');
  });

  it('formats a date and time without the weekday', () => {
    expect(formatLocalDateTime(new Date('2026-02-03T13:05:00Z'), 'Europe/Brussels')).toBe('3 February 2026, 14:05 CET');
  });

  it('knows IANA zones and refuses anything else', () => {
    expect(isKnownTimeZone('Europe/Brussels')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
