import { v7 } from 'uuid';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** IDs are UUIDs; anything else cannot name a row (and must not reach PostgreSQL as a uuid). */
export function isId(value: string): boolean {
  return UUID.test(value);
}

/**
 * The id of a new row: a time-ordered UUID (version 7, RFC 9562: the millisecond, then a counter and random
 * bits; increasing within this process). A new row's key then lands at the right end of its primary-key
 * index, and of the indexes that lead with it (a proposal's history by `proposal_id`), instead of on a
 * random leaf page: fewer pages read, dirtied and logged in full after each checkpoint. With 875,000
 * proposals, creating one with its history row took about a quarter less PostgreSQL CPU than with random
 * (version 4) ids (decision 58); on small tables, whose pages are all in memory, it makes no difference.
 * Clients never see anything but an opaque UUID; the creation time it carries is public on every row anyway.
 */
export function newId(): string {
  return v7();
}
