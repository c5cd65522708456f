import { RateLimitedError } from '@app/core';
import { ExportSlots } from './export-slots';

describe(ExportSlots.name, () => {
  it('lets a person have the limit in flight and refuses the next with EXPORT_LIMIT', () => {
    const slots = new ExportSlots(2);
    slots.claim('ada');
    slots.claim('ada');
    let refusal: unknown;
    try {
      slots.claim('ada');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(RateLimitedError);
    expect(refusal).toMatchObject({
      reason: 'EXPORT_LIMIT',
      kind: 'RATE_LIMITED',
      retryAfterSeconds: 1,
    });
    expect(slots.count('ada')).toBe(2);
  });

  it('counts each person on their own', () => {
    const slots = new ExportSlots(1);
    slots.claim('ada');
    expect(() => slots.claim('bob')).not.toThrow();
    expect(() => slots.claim('ada')).toThrow(RateLimitedError);
  });

  it('gives a slot back once, however often its release is called', () => {
    const slots = new ExportSlots(2);
    const first = slots.claim('ada');
    slots.claim('ada');
    first();
    first();
    expect(slots.count('ada')).toBe(1);
    slots.claim('ada');
    expect(() => slots.claim('ada')).toThrow(RateLimitedError);
  });
});
