import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring download links: `…/exports/<id>?expires=<unix seconds>&signature=<HMAC>`. The
 * HMAC-SHA256 covers the id and the expiry, under a key derived from SIGNING_SECRET for this one
 * purpose (other signed links use other keys), so neither can be changed without the secret.
 */
const PURPOSE = 'ecava/export-download/v1';

function key(secret: string): Buffer {
  return createHmac('sha256', secret).update(PURPOSE).digest();
}

export function signExport(secret: string, id: string, expires: number): string {
  return createHmac('sha256', key(secret)).update(`${id}\n${expires}`).digest('base64url');
}

/** Constant-time check of a link's signature (false for anything malformed). */
export function verifyExportSignature(secret: string, id: string, expires: string, signature: string): boolean {
  if (!/^\d{1,12}$/.test(expires) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return false;
  const expected = Buffer.from(signExport(secret, id, Number(expires)), 'base64url');
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function exportUrl(publicUrl: string, secret: string, id: string, expires: number): string {
  const query = new URLSearchParams({ expires: String(expires), signature: signExport(secret, id, expires) });
  return `${publicUrl}/exports/${encodeURIComponent(id)}?${query.toString()}`;
}
