import { createHmac, timingSafeEqual } from 'node:crypto';
import { NotificationCategory } from '../notification.enums';

/**
 * The one-click unsubscribe token (RFC 8058): person and category, signed with SIGNING_SECRET, so
 * anyone holding the email may switch that category OFF without signing in, and nothing else.
 */
export function unsubscribeToken(secret: string, personId: string, category: NotificationCategory): string {
  const payload = `${personId}.${category}`;
  const signature = createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url');
  return Buffer.from(`${payload}.${signature}`).toString('base64url');
}

export function readUnsubscribeToken(secret: string, token: string): { personId: string; category: NotificationCategory } | null {
  let decoded: string;
  try {
    decoded = Buffer.from(token, 'base64url').toString('utf8');
  } catch {
    return null;
  }
  const [personId, category, signature] = decoded.split('.');
  if (!personId || !category || !signature || !(category in NotificationCategory)) return null;
  const expected = createHmac('sha256', secret).update(`unsubscribe:${personId}.${category}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { personId, category: category as NotificationCategory };
}
