import { securityHeaders } from './security-headers';

describe(securityHeaders.name, () => {
  it('computes Helmet’s headers once, strict CSP included', () => {
    const headers = securityHeaders({ crossOriginEmbedderPolicy: false });
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers).not.toHaveProperty('cross-origin-embedder-policy');
  });

  it('leaves CSP out when it is turned off (the GraphQL sandbox needs inline scripts)', () => {
    const headers = securityHeaders({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });
    expect(headers).not.toHaveProperty('content-security-policy');
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses options Helmet refuses', () => {
    expect(() => securityHeaders({ contentSecurityPolicy: { directives: { 'default-src': ['self'] } } })).toThrow();
  });
});
