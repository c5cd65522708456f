import { planEventId, reminderEventId } from './event-id';

describe(reminderEventId.name, () => {
  it('names the same event for the same reminder, and different ones otherwise', () => {
    const id = reminderEventId('brief:9b2e6c1a-0000-4000-8000-000000000001:2026-02-05T08:00:00.000Z');
    expect(reminderEventId('brief:9b2e6c1a-0000-4000-8000-000000000001:2026-02-05T08:00:00.000Z')).toBe(id);
    expect(reminderEventId('brief:9b2e6c1a-0000-4000-8000-000000000001:2026-02-05T09:00:00.000Z')).not.toBe(id);
    expect(reminderEventId('due:9b2e6c1a-0000-4000-8000-000000000001:2026-02-05')).not.toBe(id);
  });

  it('is a version 5 UUID with the RFC variant', () => {
    expect(reminderEventId('due:x:2026-02-05')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe(planEventId.name, () => {
  it("names each keyed plan of an event apart from the event and from the event's other plans, the same every time", () => {
    const event = '01a24518-4c2a-767b-b873-cc9fa7eafd4d';
    expect(planEventId(event, 'need:a')).toBe(planEventId(event, 'need:a'));
    expect(planEventId(event, 'need:a')).not.toBe(planEventId(event, 'need:b'));
    expect(planEventId(event, 'need:a')).not.toBe(event);
  });
});
