import { isId, newId } from './ids';

describe('newId', () => {
  it('mints time-ordered UUIDs (version 7) that sort in the order they were made', () => {
    const before = Date.now();
    const ids = Array.from({ length: 2000 }, () => newId());
    const after = Date.now();
    for (const id of ids) {
      expect(isId(id)).toBe(true);
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
    }
    // The first 48 bits are the millisecond of minting; within one millisecond a counter keeps them increasing.
    const millisecond = parseInt(ids[0].replace(/-/g, '').slice(0, 12), 16);
    expect(millisecond).toBeGreaterThanOrEqual(before);
    expect(millisecond).toBeLessThanOrEqual(after);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
