import { generateToken, hashToken, TOKEN_PREFIX } from './tokens';

describe('tokens', () => {
  it('stores the SHA-256 hex digest, so tokens issued before any change of how it is computed still sign in', () => {
    // FIPS 180-2's test vector for "abc".
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const token = generateToken(TOKEN_PREFIX.session);
    expect(token).toMatch(/^ecs_[A-Za-z0-9_-]{43}$/);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toBe(hashToken(generateToken(TOKEN_PREFIX.session)));
  });
});
