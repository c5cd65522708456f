import { DeliveryMode } from '../notification.enums';
import { currentDigestSlot, nextDigestSlot } from './digest-slot';

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

describe(currentDigestSlot.name, () => {
  it('is the latest 08:00 local at or before now, the slot itself included', () => {
    // 2026-02-05 10:00Z = 11:00 CET → 08:00 CET that day = 07:00Z
    expect(currentDigestSlot(DeliveryMode.DAILY_DIGEST, 'Europe/Brussels', new Date('2026-02-05T10:00:00Z')).toISOString()).toBe('2026-02-05T07:00:00.000Z');
    // 06:59Z = 07:59 CET: still the previous day's slot
    expect(currentDigestSlot(DeliveryMode.DAILY_DIGEST, 'Europe/Brussels', new Date('2026-02-05T06:59:00Z')).toISOString()).toBe('2026-02-04T07:00:00.000Z');
    expect(currentDigestSlot(DeliveryMode.DAILY_DIGEST, 'Europe/Brussels', new Date('2026-02-05T07:00:00Z')).toISOString()).toBe('2026-02-05T07:00:00.000Z');
  });

  it('is the latest Monday 08:00 for the weekly digest, across a DST change', () => {
    expect(currentDigestSlot(DeliveryMode.WEEKLY_DIGEST, 'Europe/Brussels', new Date('2026-02-05T10:00:00Z')).toISOString()).toBe('2026-02-02T07:00:00.000Z');
    // Wed 1 April 2026 (CEST) → Mon 30 March 08:00 CEST = 06:00Z
    expect(currentDigestSlot(DeliveryMode.WEEKLY_DIGEST, 'Europe/Berlin', new Date('2026-04-01T12:00:00Z')).toISOString()).toBe('2026-03-30T06:00:00.000Z');
  });

  it('agrees with nextDigestSlot: a notification due at the next slot is sent by the pass at that slot', () => {
    for (const zone of ['Europe/Brussels', 'America/New_York', 'Asia/Tokyo', 'Pacific/Auckland']) {
      for (const mode of [DeliveryMode.DAILY_DIGEST, DeliveryMode.WEEKLY_DIGEST]) {
        const created = new Date('2026-10-24T15:30:00Z');
        const due = nextDigestSlot(mode, zone, created);
        expect(currentDigestSlot(mode, zone, due)).toEqual(due);
        expect(currentDigestSlot(mode, zone, new Date(due.getTime() - 1)).getTime()).toBeLessThan(due.getTime());
      }
    }
  });
});
