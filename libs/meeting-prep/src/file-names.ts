import type * as Transliteration from 'transliteration';

const MAX_SLUG = 60;

let transliteration: typeof Transliteration | undefined;

/**
 * The library on first use: its tables are about 3 MiB of heap (11 MiB resident in a bare process) that
 * the API would otherwise hold from start-up for the few requests that name an export file (decision 191).
 */
function transliterate(text: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  transliteration ??= require('transliteration') as typeof Transliteration;
  return transliteration.transliterate(text);
}

/**
 * A file-name-safe slug of a title: ASCII letters and digits joined by hyphens. German umlauts and ß
 * are spelled out (Müller → mueller); every other letter is transliterated by the `transliteration`
 * library, never dropped (Łódź → lodz, Ελλάδα → ellada, София → sofiya).
 */
export function slugify(title: string): string {
  const slug = transliterate(
    title
      .replace(
        /[ÄäÖöÜü]/g,
        (c) => ({ Ä: 'Ae', ä: 'ae', Ö: 'Oe', ö: 'oe', Ü: 'Ue', ü: 'ue' })[c] ?? c,
      )
      .replace(/ß/g, 'ss'),
  )
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, MAX_SLUG).replace(/-+$/, '') || 'meeting';
}

/** `2026-02-05-launch-workshop.pdf`: the meeting's local start date and its title. */
export function exportFilename(localDate: string, title: string, extension: string): string {
  return `${localDate}-${slugify(title)}.${extension}`;
}
