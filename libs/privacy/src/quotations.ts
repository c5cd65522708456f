/**
 * Finding an erased person's name and email in text outside the database: the reason an admin typed
 * and the emails kept as `.eml` files. The database's own sweep (`sweepQuotations`) uses PostgreSQL's
 * regular expressions with the same rule: the text as a whole word, any case.
 */

/** The text as a whole word (no letter, digit or underscore on either side), any case; any whitespace between its words. */
export function quotationPattern(text: string): RegExp {
  const escaped = text
    .trim()
    .replace(/[\\^$.*+?()[\]{}|/-]/g, (c) => (c === '-' ? '\\x2d' : `\\${c}`))
    .replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'giu');
}

/** `text` with every quotation of the name and the email replaced. */
export function scrubQuotations(text: string, quoted: { name: string; email: string }, by: { name: string; email: string }): string {
  return text.replace(quotationPattern(quoted.email), by.email).replace(quotationPattern(quoted.name), by.name);
}

/**
 * An email file as searchable text: encoded-word headers (RFC 2047, Q and B) and quoted-printable bodies
 * decoded, soft line breaks joined, so a name with umlauts is found wherever nodemailer put it.
 */
export function decodeEmailForSearch(raw: Buffer): string {
  const words = raw
    .toString('latin1')
    .replace(/=\?utf-8\?q\?([^?]*)\?=/gi, (_, word: string) => word.replace(/_/g, ' '))
    .replace(/=\?utf-8\?b\?([^?]*)\?=/gi, (_, word: string) => Buffer.from(word, 'base64').toString('latin1'));
  const joined = words.replace(/=\r?\n/g, '');
  const bytes = Buffer.from(
    joined.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
  return bytes.toString('utf8');
}
