import { InvalidInputError } from '../errors';

/** Cursors are opaque to clients: base64url of the row's sort-key values. */
export function encodeCursor(values: unknown[]): string {
  const plain = values.map((v) => (v instanceof Date ? v.toISOString() : v));
  return Buffer.from(JSON.stringify(plain)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length && values.every((v) => ['string', 'number'].includes(typeof v))) {
      return values;
    }
  } catch {
    // fall through
  }
  throw new InvalidInputError('after', 'Invalid cursor', 'INVALID_CURSOR');
}
