import { DeliveryMode } from '../notification.enums';
import { nextDigestSlot } from './digest-slot';

describe(nextDigestSlot.name, () => {
  it('is the next 08:00 in the recipient time zone, winter and summer', () => {
    // 2026-02-05 10:00Z = 11:00 CET: next day 08:00 CET = 07:00Z
    expect(nextDigestSlot(DeliveryMode.DAILY_DIGEST, 'Europe/Brussels', new Date('2026-02-05T10:00:00Z')).toISOString()).toBe('2026-02-06T07:00:00.000Z');
    // 2026-07-09 04:00Z = 06:00 CEST: same day 08:00 CEST = 06:00Z
    expect(nextDigestSlot(DeliveryMode.DAILY_DIGEST, 'Europe/Brussels', new Date('2026-07-09T04:00:00Z')).toISOString()).toBe('2026-07-09T06:00:00.000Z');
    expect(nextDigestSlot(DeliveryMode.DAILY_DIGEST, 'America/New_York', new Date('2026-02-05T10:00:00Z')).toISOString()).toBe('2026-02-05T13:00:00.000Z');
  });

  it('crosses the DST change correctly', () => {
    // Sat 2026-03-28 12:00Z (CET); next 08:00 local is Sun 29 March, after the switch to CEST → 06:00Z
    expect(nextDigestSlot(DeliveryMode.DAILY_DIGEST, 'Europe/Berlin', new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T06:00:00.000Z');
  });

  it('goes out on Mondays for the weekly digest', () => {
    // Thu 2026-02-05 → Mon 2026-02-09 08:00 CET = 07:00Z
    expect(nextDigestSlot(DeliveryMode.WEEKLY_DIGEST, 'Europe/Brussels', new Date('2026-02-05T10:00:00Z')).toISOString()).toBe('2026-02-09T07:00:00.000Z');
    // Mon 2026-02-09 06:00Z (07:00 CET, before 08:00) → same day
    expect(nextDigestSlot(DeliveryMode.WEEKLY_DIGEST, 'Europe/Brussels', new Date('2026-02-09T06:00:00Z')).toISOString()).toBe('2026-02-09T07:00:00.000Z');
  });
});
