import { exportFilename, slugify } from './file-names';

describe(exportFilename.name, () => {
  it('names the file by the local start date and the title', () => {
    expect(exportFilename('2026-02-05', 'Launch workshop', 'pdf')).toBe('2026-02-05-launch-workshop.pdf');
  });

  it('spells out umlauts, drops accents and anything unsafe', () => {
    expect(slugify('Größenordnung: Müller & Résidence "Palace" / ../etc')).toBe('groessenordnung-mueller-residence-palace-etc');
  });

  it('transliterates the letters of every EU language and Greek and Cyrillic script, dropping none', () => {
    expect(slugify('Łódź')).toBe('lodz');
    expect(slugify('Ελλάδα')).toBe('ellada');
    expect(slugify('София')).toBe('sofiya');
    expect(slugify('Přerov, Iași, Győr, Għawdex, Ķekava, Þórshöfn')).toBe('prerov-iasi-gyor-ghawdex-kekava-thorshoefn');
    expect(exportFilename('2026-05-12', 'Spotkanie w Łodzi – Θεσσαλονίκη', 'pdf')).toBe('2026-05-12-spotkanie-w-lodzi-thessaloniki.pdf');
  });

  it('falls back to "meeting" when nothing is left', () => {
    expect(slugify('🎉 ✓')).toBe('meeting');
  });

  it('keeps names short', () => {
    expect(slugify('word '.repeat(40)).length).toBeLessThanOrEqual(60);
  });
});
