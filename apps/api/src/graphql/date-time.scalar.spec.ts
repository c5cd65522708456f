import { GraphQLISODateTime } from '@nestjs/graphql';
import { DateTimeScalar, isoDateTime } from './date-time.scalar';

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
  it('is Nest’s DateTime scalar for clients: same name, description, parsing and output', () => {
    expect(DateTimeScalar.name).toBe(GraphQLISODateTime.name);
    expect(DateTimeScalar.description).toBe(GraphQLISODateTime.description);
    const date = new Date('2026-11-27T16:58:01.756Z');
    expect(DateTimeScalar.serialize(date)).toBe(GraphQLISODateTime.serialize(date));
    expect(DateTimeScalar.serialize('2026-11-27')).toBeNull();
    expect(DateTimeScalar.parseValue('2026-11-27T16:58:01.756Z')).toEqual(date);
  });
});
