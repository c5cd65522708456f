/**
 * The PDF uses the standard Helvetica font (no font file to embed or to read from disk), which
 * encodes text as WinAnsi (Windows-1252): Latin-1 — German umlauts and ß, French and Nordic letters —
 * plus typographic quotes, dashes, the euro sign and a few more. pdfkit would print any other
 * character as a wrong glyph, so such characters are transliterated here (Ł → L, ą → a) or, failing
 * that, replaced with `?`. The DOCX, Markdown, CSV, XLSX and ICS files keep the full text.
 */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const TRANSLITERATIONS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŀ: 'L',
  ŀ: 'l',
  ſ: 's',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
};

function encodable(char: string): boolean {
  const code = char.codePointAt(0)!;
  if (code === 0x0a || code === 0x09) return true;
  if (code >= 0x20 && code <= 0x7e) return true;
  if (code >= 0xa0 && code <= 0xff) return true;
  return WIN_ANSI_EXTRAS.has(char);
}

/** Text the standard PDF fonts can print: unchanged when it already can (the common case). */
export function toWinAnsi(text: string): string {
  let plain = true;
  for (const char of text) {
    if (!encodable(char)) {
      plain = false;
      break;
    }
  }
  if (plain) return text;
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n')) {
    if (encodable(char)) {
      out += char;
      continue;
    }
    if (TRANSLITERATIONS[char] !== undefined) {
      out += TRANSLITERATIONS[char];
      continue;
    }
    // Decompose (ą → a + ogonek) and keep what is encodable; control characters are dropped.
    const base = [...char.normalize('NFKD')].filter(encodable).join('');
    const code = char.codePointAt(0)!;
    out += base || (code < 0x20 || (code >= 0x7f && code < 0xa0) ? '' : '?');
  }
  return out;
}
