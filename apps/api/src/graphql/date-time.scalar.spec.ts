import { GraphQLISODateTime } from '@nestjs/graphql';
import { Kind } from 'graphql';
import { DateTimeScalar, isoDateTime, parseDateTime } from './date-time.scalar';

describe(isoDateTime.name, () => {
  it('prints what toISOString prints, on edge dates and 100,000 random ones', () => {
    const edges = ['1000-01-01T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '1970-01-01T00:00:00.000Z', '2000-02-29T12:34:56.789Z', '2100-03-01T00:00:00.001Z', '9999-12-31T23:59:59.999Z'];
    for (const text of edges) expect(isoDateTime(new Date(text))).toBe(text);
    const first = Date.UTC(1000, 0, 1);
    const span = Date.UTC(10000, 0, 1) - first;
    for (let i = 0; i < 100_000; i++) {
      const date = new Date(first + Math.floor(Math.random() * span));
      if (isoDateTime(date) !== date.toISOString()) expect(isoDateTime(date)).toBe(date.toISOString());
    }
  });

  it('leaves dates outside years 1000–9999 to toISOString, and throws like it on an invalid date', () => {
    for (const date of [new Date(Date.UTC(999, 11, 31, 23, 59, 59, 999)), new Date('+010000-01-01T00:00:00.000Z'), new Date(-8.64e15)]) {
      expect(isoDateTime(date)).toBe(date.toISOString());
    }
    expect(() => isoDateTime(new Date(NaN))).toThrow(RangeError);
  });
});

describe('DateTimeScalar', () => {
  it('is Nest’s DateTime scalar for clients: same name, description and output; RFC 3339 input parsed to the same instant', () => {
    expect(DateTimeScalar.name).toBe(GraphQLISODateTime.name);
    expect(DateTimeScalar.description).toBe(GraphQLISODateTime.description);
    const date = new Date('2026-11-27T16:58:01.756Z');
    expect(DateTimeScalar.serialize(date)).toBe(GraphQLISODateTime.serialize(date));
    expect(DateTimeScalar.serialize('2026-11-27')).toBeNull();
    expect(DateTimeScalar.parseValue('2026-11-27T16:58:01.756Z')).toEqual(date);
  });
});

describe(parseDateTime.name, () => {
  const invalid = (text: unknown) => Number.isNaN(parseDateTime(text).getTime());

  it('reads RFC 3339 date-times as new Date does, with any offset and fraction', () => {
    for (const text of ['2026-02-05T08:00:00Z', '2026-02-05T08:00:00.000Z', '2028-02-29T23:59:59.999Z', '2027-03-01T00:30:00+01:00', '2027-01-01T00:30:00+01:00', '2026-12-31T23:00:00-05:30', '1970-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z']) {
      expect(parseDateTime(text).toISOString()).toBe(new Date(text).toISOString());
    }
    expect(parseDateTime('2026-02-05t08:00:00.1234567z').toISOString()).toBe('2026-02-05T08:00:00.123Z');
    expect(parseDateTime('2026-02-05 08:00:00Z').toISOString()).toBe('2026-02-05T08:00:00.000Z');
    expect(parseDateTime('0050-06-01T00:00:00Z').getUTCFullYear()).toBe(50);
  });

  it('refuses dates and times that do not exist instead of rolling them over', () => {
    for (const text of ['2027-02-30T00:00:00Z', '2027-02-29T00:00:00Z', '2100-02-29T00:00:00Z', '2027-04-31T00:00:00Z', '2027-13-01T00:00:00Z', '2027-00-10T00:00:00Z', '2027-01-00T00:00:00Z']) {
      expect(invalid(text)).toBe(true);
    }
    for (const text of ['2027-01-01T24:00:00Z', '2027-01-01T25:00:00Z', '2027-01-01T10:60:00Z', '2027-06-30T23:59:60Z', '2027-01-01T10:00:00+24:00', '2027-01-01T10:00:00+05:60']) {
      expect(invalid(text)).toBe(true);
    }
  });

  it('refuses other formats and other types', () => {
    for (const value of ['next Tuesday', 'Feb 30 2027', '2027-01-01', '2027-01-01T10:00', '2027-01-01T10:00:00', '2027-1-1T10:00:00Z', '', 1_700_000_000_000, null, {}]) {
      expect(invalid(value)).toBe(true);
    }
  });

  it('is the scalar’s parsing, for variables and literals', () => {
    expect(invalid(DateTimeScalar.parseValue('2027-02-30T00:00:00Z'))).toBe(true);
    expect(invalid(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2027-02-30T00:00:00Z' }))).toBe(true);
    expect(invalid(DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '1' }))).toBe(true);
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2028-02-29T12:00:00Z' })).toEqual(new Date('2028-02-29T12:00:00Z'));
  });
});
