import { execFileSync } from 'node:child_process';
import { sampleDataPool, SAMPLE_DIGEST } from '../testing/sample-data-pool';
import { renderAgreementPdf } from './agreement-pdf.renderer';

/** The text of a PDF as Poppler reads it: an independent reader, not the library that wrote it. */
function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
}

describe(renderAgreementPdf.name, () => {
  it('prints the terms, datasets and each signatory with version, digest, person and time', async () => {
    const pdf = await renderAgreementPdf(sampleDataPool());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of [
      'Highway perception pool',
      'Data-pool agreement, in force',
      'Terms version 2',
      `SHA-256 of the terms' canonical JSON: ${SAMPLE_DIGEST}`,
      'Research, Model training',
      '365 days, then users delete their copies',
      'Autobahn A9 lidar sweeps, Großraum München',
            'licence LicenseRef-proprietary · location CZ',
      'Contributed by Bayerische Motoren Werke AG · hosted by HammerHAI AI Factory (HLRS)',
      'Škoda Auto a.s. — Contributor',
      'Bayerische Motoren Werke AG',
      'Signed version 2 by Katrin Müller on 2026-03-02 09:01 UTC',
      'Signed version 2 by Jiří Dvořák on 2026-03-02 09:02 UTC',
      'Signed version 2 by Ștefan Țiriac on 2026-03-02 09:03 UTC',
      'Škoda Auto a.s.',
      'Politechnika Łódzka',
      'Not signed yet',
      'Γιώργος Παπαδόπουλος',
    ]) {
      expect(text).toContain(expected);
    }
    // Each signature's digest is printed whole, once per signed party.
    expect(text.split(`SHA-256 ${SAMPLE_DIGEST}`)).toHaveLength(4);
    expect(pdf.length).toBeLessThan(250_000);
  });

  it('marks a signature of an earlier version, and a pool not in force', async () => {
    const text = pdfText(await renderAgreementPdf(sampleDataPool({ signedVersion: 1, state: 'OPEN_FOR_SIGNATURE' })));
    expect(text).toContain('Data-pool agreement, not in force (Open for signature)');
    expect(text).toContain('This signature binds an earlier version of the terms: the organisation must sign again.');
  });
});
