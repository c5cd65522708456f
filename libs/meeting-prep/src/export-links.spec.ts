import { exportUrl, signExport, verifyExportSignature } from './export-links';

const SECRET = 's'.repeat(32);
const ID = '6f1c2a4e-0000-4000-8000-000000000001';

describe('signed export links', () => {
  it('builds a URL whose signature verifies', () => {
    const url = new URL(exportUrl('https://wg.ecava.test', SECRET, ID, 1_800_000_000));
    expect(url.pathname).toBe(`/exports/${ID}`);
    expect(verifyExportSignature(SECRET, ID, url.searchParams.get('expires')!, url.searchParams.get('signature')!)).toBe(true);
  });

  it('refuses a changed expiry, id, signature or secret', () => {
    const signature = signExport(SECRET, ID, 1_800_000_000);
    expect(verifyExportSignature(SECRET, ID, '1800000001', signature)).toBe(false);
    expect(verifyExportSignature(SECRET, ID.replace(/1$/, '2'), '1800000000', signature)).toBe(false);
    expect(verifyExportSignature(SECRET, ID, '1800000000', `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(verifyExportSignature('t'.repeat(32), ID, '1800000000', signature)).toBe(false);
  });

  it('refuses malformed input without throwing', () => {
    expect(verifyExportSignature(SECRET, ID, 'soon', 'x')).toBe(false);
    expect(verifyExportSignature(SECRET, ID, '1800000000', '')).toBe(false);
  });
});
