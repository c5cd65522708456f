import { types } from 'pg';

/** pg's own parser (postgres-date), taken before `useFastTimestamptz` replaces it. */
const fallback: (text: string) => Date | number | null = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text');

/** The digit at `i`, or NaN when it is not one (NaN then spoils every sum it enters). */
function digit(text: string, i: number): number {
  const code = text.charCodeAt(i) - 48;
  return code >= 0 && code <= 9 ? code : NaN;
}

const two = (text: string, i: number) => digit(text, i) * 10 + digit(text, i + 1);

/**
 * `timestamptz` as PostgreSQL writes it (ISO DateStyle): `2026-11-27 16:58:01.756+00`, fraction and
 * offset minutes optional. Reads the common shape by position, without regular expressions; anything
 * else (infinity, BC, years before 1000, odd offsets) goes to pg's own parser (`postgres-date`), whose
 * results this matches exactly (milliseconds truncated, as `Date` does).
 */
export function parseTimestamptz(text: string): Date | number | null {
  const n = text.length;
  if (n >= 22 && text[4] === '-' && text[7] === '-' && text[10] === ' ' && text[13] === ':' && text[16] === ':' && text[0] !== '0') {
    const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + two(text, 2);
    let i = 19;
    let ms = 0;
    if (text[i] === '.') {
      i++;
      let scale = 100;
      while (i < n && digit(text, i) >= 0) {
        ms += digit(text, i) * scale;
        scale = scale === 1 ? 0 : scale / 10;
        i++;
      }
    }
    const sign = text[i] === '+' ? 1 : text[i] === '-' ? -1 : 0;
    let offset = sign === 0 ? NaN : two(text, i + 1) * 3600;
    i += 3;
    if (text[i] === ':') {
      offset += two(text, i + 1) * 60;
      i += 3;
      if (text[i] === ':') {
        offset += two(text, i + 1);
        i += 3;
      }
    }
    const time = Date.UTC(year, two(text, 5) - 1, two(text, 8), two(text, 11), two(text, 14), two(text, 17), ms) - sign * offset * 1000;
    if (i === n && !Number.isNaN(time)) return new Date(time);
  }
  return fallback(text);
}

/**
 * Makes pg use `parseTimestamptz` for every `timestamptz` value in this process (pg's type parsers are
 * global): a list of 50 rows used to spend about 5 % of its CPU in postgres-date's regular expressions.
 */
export function useFastTimestamptz(): void {
  types.setTypeParser(types.builtins.TIMESTAMPTZ, parseTimestamptz);
}
