import { types } from 'pg';
import { parseTimestamptz } from './timestamp-parser';

const pgParser = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text');
const same = (text: string) => {
  const expected = pgParser(text);
  const actual = parseTimestamptz(text);
  return expected instanceof Date ? actual instanceof Date && actual.getTime() === expected.getTime() : Object.is(actual, expected);
};

describe('parseTimestamptz', () => {
  it('reads what PostgreSQL writes, as pg does', () => {
    expect(parseTimestamptz('2026-11-27 16:58:01.756+00')).toEqual(new Date('2026-11-27T16:58:01.756Z'));
    expect(parseTimestamptz('2026-03-29 09:00:00+02')).toEqual(new Date('2026-03-29T07:00:00.000Z'));
    expect(parseTimestamptz('2026-07-01 05:30:00.5-03:30')).toEqual(new Date('2026-07-01T09:00:00.500Z'));
    expect(parseTimestamptz('2024-02-29 23:59:59.999999+05:45:30')).toEqual(pgParser('2024-02-29 23:59:59.999999+05:45:30'));
  });

  it('agrees with pg on thousands of random values of every shape, and on the rare ones', () => {
    let seed = 42;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    const pad = (value: number, width: number) => String(value).padStart(width, '0');
    const samples: string[] = ['infinity', '-infinity', '0099-01-01 00:00:00+00', '0001-01-01 00:00:00+00 BC', '2026-01-01', '12026-01-01 00:00:00+00'];
    for (let k = 0; k < 5_000; k++) {
      const fraction = ['', `.${pad(random(10), 1)}`, `.${pad(random(1000), 3)}`, `.${pad(random(1_000_000), 6)}`][random(4)];
      const zone = ['+00', `-${pad(random(15), 2)}`, `+${pad(random(15), 2)}:${pad(random(60), 2)}`, `-${pad(random(12), 2)}:${pad(random(60), 2)}:${pad(random(60), 2)}`][random(4)];
      samples.push(`${1000 + random(9000)}-${pad(1 + random(12), 2)}-${pad(1 + random(28), 2)} ${pad(random(24), 2)}:${pad(random(60), 2)}:${pad(random(60), 2)}${fraction}${zone}`);
    }
    expect(samples.filter((text) => !same(text))).toEqual([]);
  });
});
