import { InvalidInputError } from '../errors';
import { isId } from '../validation/ids';

/** The SQL type of a sort key, which its cursor value is cast to. */
export type CursorValueType = 'text' | 'uuid' | 'timestamptz' | 'int' | 'bigint';

/** Whether a decoded value can be cast to the key's type (else PostgreSQL would fail on the cast). */
const FITS: Record<CursorValueType, (value: unknown) => boolean> = {
  // PostgreSQL text cannot hold NUL.
  text: (value) => typeof value === 'string' && !value.includes('\u0000'),
  uuid: (value) => typeof value === 'string' && isId(value),
  // Exactly what `encodeCursor` writes for a Date.
  timestamptz: (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value,
  // A bigserial id, read as text (JavaScript numbers cannot hold every bigint).
  bigint: (value) => typeof value === 'string' && /^\d{1,18}$/.test(value),
  int: (value) => {
    const n = typeof value === 'string' && /^-?\d{1,10}$/.test(value) ? Number(value) : value;
    return Number.isInteger(n) && Math.abs(n as number) <= 2_147_483_647;
  },
};

/** Cursors are opaque to clients: base64url of the row's sort-key values. */
export function encodeCursor(values: unknown[]): string {
  const plain = values.map((v) => (v instanceof Date ? v.toISOString() : v));
  return Buffer.from(JSON.stringify(plain)).toString('base64url');
}

/**
 * The sort-key values in a cursor. `keys` is their number, or their types: then each value must also
 * fit its type, so a forged cursor is the client's error (BAD_USER_INPUT), not a failed SQL cast.
 */
export function decodeCursor(cursor: string, keys: number | readonly CursorValueType[]): unknown[] {
  const length = typeof keys === 'number' ? keys : keys.length;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((v) => ['string', 'number'].includes(typeof v)) &&
      (typeof keys === 'number' || values.every((v, i) => FITS[keys[i]](v)))
    ) {
      return values;
    }
  } catch {
    // fall through
  }
  throw new InvalidInputError('after', 'Invalid cursor', 'INVALID_CURSOR');
}
