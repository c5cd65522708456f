import { hash, randomBytes } from 'node:crypto';

/** Prefixes make leaked tokens recognisable (secret scanners) and tell which table to look in. */
export const TOKEN_PREFIX = { session: 'ecs', accessToken: 'ecp', signInLink: 'ecl' } as const;

/** 256 random bits, base64url, behind a prefix: `ecs_…`. */
export function generateToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/**
 * Only this digest is stored; a database leak does not reveal usable tokens. One-shot `hash` (no Hash
 * object): every authenticated request digests its bearer token to find its cached viewer.
 */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}
