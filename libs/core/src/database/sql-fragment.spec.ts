import { andSql, compileSql, inlineSql, joinSql, rawSql, sql, Sql } from './sql-fragment';

describe('sql', () => {
  it('turns each interpolated value into a parameter numbered in order', () => {
    const { text, values } = compileSql(sql`SELECT 1 FROM t WHERE a = ${1} AND b = ${'x'}::text`);
    expect(text).toBe('SELECT 1 FROM t WHERE a = $1 AND b = $2::text');
    expect(values).toEqual([1, 'x']);
  });

  it('inlines fragments and numbers their values where they land', () => {
    const policy = sql`(t.org = ${'org-1'}::uuid OR t.public)`;
    const filter = sql`t.kind = ${'GPU'}`;
    const { text, values } = compileSql(sql`SELECT * FROM t WHERE ${filter} AND ${policy} LIMIT ${10}`);
    expect(text).toBe('SELECT * FROM t WHERE t.kind = $1 AND (t.org = $2::uuid OR t.public) LIMIT $3');
    expect(values).toEqual(['GPU', 'org-1', 10]);
  });

  it('inlines a fragment at the very start and end of a template, and nested fragments', () => {
    const inner = sql`${1} + ${2}`;
    const middle = sql`${inner}`;
    const { text, values } = compileSql(sql`${middle}`);
    expect(text).toBe('$1 + $2');
    expect(values).toEqual([1, 2]);
  });

  it('keeps a value that is the same twice as two parameters', () => {
    const id = 'p';
    expect(compileSql(sql`a = ${id} OR b = ${id}`)).toEqual({ text: 'a = $1 OR b = $2', values: ['p', 'p'] });
  });

  it('never puts a value into the text, whatever it contains', () => {
    const evil = "'; DROP TABLE people; --";
    const { text, values } = compileSql(sql`WHERE name = ${evil}`);
    expect(text).toBe('WHERE name = $1');
    expect(values).toEqual([evil]);
  });

  it('joins fragments with a separator, and gives the fallback for none', () => {
    const parts = [sql`a = ${1}`, sql`b = ${2}`, rawSql('c IS NULL')];
    expect(compileSql(joinSql(parts, ' OR '))).toEqual({ text: 'a = $1 OR b = $2 OR c IS NULL', values: [1, 2] });
    expect(compileSql(joinSql([], ', ', rawSql('NULL'))).text).toBe('NULL');
    expect(compileSql(andSql([sql`x = ${1}`, sql`y = ${2}`]))).toEqual({ text: '(x = $1) AND (y = $2)', values: [1, 2] });
    expect(compileSql(andSql([])).text).toBe('TRUE');
  });

  it('numbers after the parameters of code that counts its own', () => {
    const params: unknown[] = ['first'];
    const text = inlineSql(sql`x = ${'second'} AND y = ${'third'}`, params);
    expect(text).toBe('x = $2 AND y = $3');
    expect(params).toEqual(['first', 'second', 'third']);
  });

  it('is an Sql whose strings always outnumber its values by one', () => {
    const fragment = sql`${sql``}${1}${sql`${2}`}`;
    expect(fragment).toBeInstanceOf(Sql);
    expect(fragment.strings.length).toBe(fragment.values.length + 1);
    expect(fragment.text()).toBe('$1$2');
  });
});
