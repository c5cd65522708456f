import { InvalidInputError } from '../errors';
import { decodeCursor, encodeCursor } from './cursor';

describe(encodeCursor.name, () => {
  it('round-trips sort keys, dates as ISO strings', () => {
    const at = new Date('2026-02-05T08:00:00.123Z');
    const cursor = encodeCursor([at, 'b8a4…', 3]);
    expect(cursor).toMatch(/^[\w-]+$/);
    expect(decodeCursor(cursor, 3)).toEqual(['2026-02-05T08:00:00.123Z', 'b8a4…', 3]);
  });

  it.each(['', 'not base64 at all!', encodeCursor(['only-one']), Buffer.from('{"a":1}').toString('base64url')])(
    'rejects the malformed cursor %p as BAD_USER_INPUT on "after"',
    (cursor) => {
      expect(() => decodeCursor(cursor, 2)).toThrow(InvalidInputError);
      try {
        decodeCursor(cursor, 2);
      } catch (error) {
        expect((error as InvalidInputError).field).toBe('after');
      }
    },
  );
});
