import { decodeCursor, encodeCursor, InvalidInputError, isId } from '@app/core';
import { MatchCursor } from './matching.query';

/** A score as the statement writes it: 0, 1, or a decimal with up to two places. */
const SCORE = /^(0|1)(\.\d{1,2})?$/;

/** Opaque to clients, like every cursor: the match's score, its capability's creation time and id. */
export function encodeMatchCursor(cursor: MatchCursor): string {
  return encodeCursor([cursor.score, cursor.createdAt, cursor.id]);
}

/** The keys of a match cursor; a forged or foreign one is BAD_USER_INPUT on `after`. */
export function decodeMatchCursor(cursor: string): MatchCursor {
  const [score, createdAt, id] = decodeCursor(cursor, ['text', 'timestamptz', 'uuid']);
  if (typeof score !== 'string' || !SCORE.test(score) || Number(score) > 1 || !isId(String(id))) {
    throw new InvalidInputError('after', 'Invalid cursor', 'INVALID_CURSOR');
  }
  return { score, createdAt: String(createdAt), id: String(id) };
}
