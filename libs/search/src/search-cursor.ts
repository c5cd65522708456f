import { decodeCursor, encodeCursor, InvalidInputError } from '@app/core';
import { SearchKind } from './search-kind.enum';
import { SearchCursor } from './search-statements';

/** A rank as PostgreSQL prints `round(…, 6)`: what a cursor may carry, so that a forged one cannot fail the cast. */
const RANK = /^\d{1,6}(\.\d{1,6})?$/;
const KINDS = new Set<string>(Object.values(SearchKind));

/** Opaque to clients, like every cursor: the hit's rank, kind and id (keyset, decision 81). */
export function encodeSearchCursor(hit: SearchCursor): string {
  return encodeCursor([hit.rank, hit.kind, hit.id]);
}

/** The hit a cursor names; a malformed or forged one is BAD_USER_INPUT on `after`. */
export function decodeSearchCursor(cursor: string): SearchCursor {
  const [rank, kind, id] = decodeCursor(cursor, ['text', 'text', 'uuid']) as string[];
  if (!RANK.test(rank) || !KINDS.has(kind)) throw new InvalidInputError('after', 'Invalid cursor', 'INVALID_CURSOR');
  return { rank, kind: kind as SearchKind, id };
}
