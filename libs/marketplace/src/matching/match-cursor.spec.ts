import { encodeCursor, InvalidInputError } from '@app/core';
import { decodeMatchCursor, encodeMatchCursor } from './match-cursor';

const id = '0190a5e2-7c4b-7d3e-9f00-000000000001';

describe(decodeMatchCursor.name, () => {
  it('round-trips score, creation time and id', () => {
    const cursor = { score: '0.78', createdAt: '2026-02-05T08:00:00.123Z', id };
    expect(decodeMatchCursor(encodeMatchCursor(cursor))).toEqual(cursor);
    expect(decodeMatchCursor(encodeMatchCursor({ ...cursor, score: '1.00' })).score).toBe('1.00');
  });

  it.each([
    ['a score above 1', ['1.50', '2026-02-05T08:00:00.123Z', id]],
    ['a score that is not a number', ['1; DROP TABLE', '2026-02-05T08:00:00.123Z', id]],
    ['a malformed time', ['0.5', 'yesterday', id]],
    ['a malformed id', ['0.5', '2026-02-05T08:00:00.123Z', 'x']],
  ])('refuses a cursor with %s as bad input on after', (_name, values) => {
    expect(() => decodeMatchCursor(encodeCursor(values))).toThrow(InvalidInputError);
  });
});
