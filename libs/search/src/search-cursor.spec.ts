import { encodeCursor, InvalidInputError } from '@app/core';
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor';
import { SearchKind } from './search-kind.enum';

const id = '00000000-0000-4000-8000-000000000001';

describe(decodeSearchCursor.name, () => {
  it('round-trips a hit’s rank (as PostgreSQL printed it), kind and id', () => {
    const hit = { rank: '0.607927', kind: SearchKind.PROPOSAL, id };
    expect(decodeSearchCursor(encodeSearchCursor(hit))).toEqual(hit);
  });

  it.each([
    ['a rank that is not a number', encodeCursor(['1; DROP TABLE people', 'PROPOSAL', id])],
    ['a negative rank', encodeCursor(['-1', 'PROPOSAL', id])],
    ['an unknown kind', encodeCursor(['0.5', 'SECRET', id])],
    ['an id that is no uuid', encodeCursor(['0.5', 'PROPOSAL', 'x'])],
    ['two values', encodeCursor(['0.5', 'PROPOSAL'])],
    ['no cursor at all', '!!'],
  ])('refuses %s as BAD_USER_INPUT on "after"', (_what, cursor) => {
    expect(() => decodeSearchCursor(cursor)).toThrow(InvalidInputError);
    try {
      decodeSearchCursor(cursor);
    } catch (error) {
      expect((error as InvalidInputError).field).toBe('after');
    }
  });
});
