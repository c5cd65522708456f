import { daysLeft } from './days-left';

describe(daysLeft.name, () => {
  it('counts calendar days in the zone, so 08:00 thirty days before is 30 whatever the hour of the end', () => {
    expect(daysLeft(new Date('2027-02-27T07:00:00Z'), new Date('2027-03-29T21:30:00Z'), 'Europe/Berlin')).toBe(30);
    // Across the change to summer time (28 March 2027) a day is 23 hours long: still calendar days.
    expect(daysLeft(new Date('2027-03-22T07:00:00Z'), new Date('2027-03-29T06:00:00Z'), 'Europe/Berlin')).toBe(7);
  });

  it('reads the days in the person’s zone: the same instants are a day apart in Berlin and none in New York', () => {
    const from = new Date('2027-06-01T05:00:00Z');
    const to = new Date('2027-06-01T23:30:00Z');
    expect(daysLeft(from, to, 'Europe/Berlin')).toBe(1);
    expect(daysLeft(from, to, 'America/New_York')).toBe(0);
  });

  it('falls back to UTC for a zone the runtime does not know', () => {
    expect(daysLeft(new Date('2027-06-01T23:00:00Z'), new Date('2027-06-08T01:00:00Z'), 'Mars/Olympus_Mons')).toBe(7);
  });
});
