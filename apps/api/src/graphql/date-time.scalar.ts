import { GraphQLISODateTime } from '@nestjs/graphql';
import { GraphQLScalarType } from 'graphql';

const DAY = 86_400_000;
/** Dates from 1000-01-01 to 9999-12-31 print as four-digit years; others are left to `toISOString`. */
const FIRST = Date.UTC(1000, 0, 1);
const AFTER_LAST = Date.UTC(10000, 0, 1);

/** Character codes: a digit n is `ZERO + n`. */
const [ZERO, DASH, T, COLON, DOT, Z] = [...'0-T:.Z'].map((c) => c.charCodeAt(0));
const char = String.fromCharCode;

/**
 * `date.toISOString()` in integer arithmetic (Howard Hinnant's days-to-civil algorithm). V8's
 * `toISOString` goes through its date cache and took about 1 µs a call here: a few percent of a 50-row
 * list's CPU. The 24 characters are made in one `String.fromCharCode` call, one flat string, rather than
 * a template of 13 pieces, which allocates a tree of partial strings that `JSON.stringify` then walks
 * (50 dates with their response: 27–31 → 13–14 µs). Same output, checked against `toISOString` in
 * date-time.scalar.spec.ts.
 */
export function isoDateTime(date: Date): string {
  const time = date.getTime();
  if (!(time >= FIRST && time < AFTER_LAST)) return date.toISOString();
  const days = Math.floor(time / DAY);
  const ofDay = time - days * DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(ofDay / 3_600_000);
  const minutes = Math.floor(ofDay / 60_000) % 60;
  const seconds = Math.floor(ofDay / 1000) % 60;
  const ms = ofDay % 1000;
  // prettier-ignore
  return char(
    ZERO + Math.floor(year / 1000), ZERO + (Math.floor(year / 100) % 10), ZERO + (Math.floor(year / 10) % 10), ZERO + (year % 10), DASH,
    ZERO + Math.floor(month / 10), ZERO + (month % 10), DASH, ZERO + Math.floor(day / 10), ZERO + (day % 10), T,
    ZERO + Math.floor(hours / 10), ZERO + (hours % 10), COLON, ZERO + Math.floor(minutes / 10), ZERO + (minutes % 10), COLON,
    ZERO + Math.floor(seconds / 10), ZERO + (seconds % 10), DOT, ZERO + Math.floor(ms / 100), ZERO + (Math.floor(ms / 10) % 10), ZERO + (ms % 10), Z,
  );
}

/** Nest's `DateTime` scalar (same name, description and parsing) with a faster `serialize`. */
export const DateTimeScalar = new GraphQLScalarType({
  name: GraphQLISODateTime.name,
  description: GraphQLISODateTime.description,
  parseValue: GraphQLISODateTime.parseValue,
  parseLiteral: GraphQLISODateTime.parseLiteral,
  serialize: (value) => (value instanceof Date ? isoDateTime(value) : null),
});
