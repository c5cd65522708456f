import { exportFilename, slugify } from './file-names';

describe(exportFilename.name, () => {
  it('names the file by the local start date and the title', () => {
    expect(exportFilename('2026-02-05', 'Launch workshop', 'pdf')).toBe('2026-02-05-launch-workshop.pdf');
  });

  it('spells out umlauts, drops accents and anything unsafe', () => {
    expect(slugify('Größenordnung: Müller & Résidence "Palace" / ../etc')).toBe('groessenordnung-mueller-residence-palace-etc');
  });

  it('falls back to "meeting" when nothing is left', () => {
    expect(slugify('会议')).toBe('meeting');
  });

  it('keeps names short', () => {
    expect(slugify('word '.repeat(40)).length).toBeLessThanOrEqual(60);
  });
});
