import { formatDay, formatWhen } from './meeting.rules';

describe(formatWhen.name, () => {
  const start = new Date('2026-03-30T07:00:00Z');
  const end = new Date('2026-03-30T15:00:00Z');

  it("writes the meeting's time in the recipient's zone and language", () => {
    expect(formatWhen(start, end, 'Europe/Brussels', 'EN')).toBe('Monday, 30 March 2026, 09:00–17:00 CEST');
    expect(formatWhen(start, end, 'Europe/Berlin', 'DE')).toBe('Montag, 30. März 2026, 09:00–17:00 Uhr MESZ');
    expect(formatWhen(start, end, 'America/New_York', 'FR')).toBe('Monday, 30 March 2026, 03:00–11:00 GMT-4');
  });

  it('falls back to UTC for a zone the runtime does not know', () => {
    expect(formatWhen(start, end, 'Mars/Olympus_Mons', 'EN')).toBe('Monday, 30 March 2026, 07:00–15:00 UTC');
    expect(formatDay(new Date('2026-03-30T23:30:00Z'), 'Europe/Berlin', 'EN')).toBe('31 March 2026');
  });
});
