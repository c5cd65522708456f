import { NotificationCategory } from '../notification.enums';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token';

describe(unsubscribeToken.name, () => {
  const secret = 's'.repeat(32);
  const person = '2f4c8f3e-1111-4222-8333-444455556666';

  it('round-trips person and category', () => {
    const token = unsubscribeToken(secret, person, NotificationCategory.PROPOSALS);
    expect(readUnsubscribeToken(secret, token)).toEqual({ personId: person, category: 'PROPOSALS' });
  });

  it('refuses a tampered token or another secret', () => {
    const token = unsubscribeToken(secret, person, NotificationCategory.PROPOSALS);
    const forged = Buffer.from(Buffer.from(token, 'base64url').toString().replace('PROPOSALS', 'MEETINGS')).toString('base64url');
    expect(readUnsubscribeToken(secret, forged)).toBeNull();
    expect(readUnsubscribeToken('x'.repeat(32), token)).toBeNull();
    expect(readUnsubscribeToken(secret, 'garbage')).toBeNull();
  });
});
