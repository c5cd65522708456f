/**
 * SQL that composes (STYLE rule 13): a fragment carries its own values, and parameters are numbered only
 * when the whole statement is compiled, so a policy's condition, a filter and a page can be written apart
 * and joined without anyone counting `$n`.
 *
 *   const visible = sql`c.confidentiality = 'PUBLIC' OR c.organization_id = ${viewer.organizationId}::uuid`;
 *   const { text, values } = compile(sql`SELECT * FROM capabilities c WHERE c.kind = ${kind} AND (${visible})`);
 *   // text:   SELECT * FROM capabilities c WHERE c.kind = $1 AND (c.confidentiality = 'PUBLIC' OR c.organization_id = $2::uuid)
 *
 * An interpolated `Sql` is inlined; anything else becomes one parameter. The same value interpolated
 * twice is two parameters: PostgreSQL infers each one's type from its own place.
 */
export class Sql {
  /** `strings.length === values.length + 1`, as in a template literal; no value is an `Sql`. */
  private constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  static of(strings: readonly string[], values: readonly unknown[]): Sql {
    const flatStrings: string[] = [strings[0]];
    const flatValues: unknown[] = [];
    values.forEach((value, i) => {
      if (value instanceof Sql) {
        flatStrings[flatStrings.length - 1] += value.strings[0];
        for (let j = 0; j < value.values.length; j++) {
          flatValues.push(value.values[j]);
          flatStrings.push(value.strings[j + 1]);
        }
        flatStrings[flatStrings.length - 1] += strings[i + 1];
      } else {
        flatValues.push(value);
        flatStrings.push(strings[i + 1]);
      }
    });
    return new Sql(flatStrings, flatValues);
  }

  /** The text with parameters numbered from `offset + 1`. */
  text(offset = 0): string {
    let text = this.strings[0];
    for (let i = 0; i < this.values.length; i++) text += `$${offset + i + 1}${this.strings[i + 1]}`;
    return text;
  }
}

/** A fragment: `${value}` becomes a parameter, `${fragment}` is inlined. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return Sql.of(strings, values);
}

/** Trusted text (an alias, a column, a keyword chosen by code), never user input. */
export function rawSql(text: string): Sql {
  return Sql.of([text], []);
}

export const emptySql = rawSql('');

/** Fragments joined by `separator` (`', '`, `' AND '`…); `empty` when there are none. */
export function joinSql(fragments: readonly Sql[], separator = ', ', empty: Sql = emptySql): Sql {
  if (fragments.length === 0) return empty;
  const glue = rawSql(separator);
  const parts: Sql[] = [];
  fragments.forEach((fragment, i) => parts.push(...(i === 0 ? [fragment] : [glue, fragment])));
  return Sql.of(['', ...parts.map(() => '')], parts);
}

/** `(a) AND (b) …`, `TRUE` when there are no conditions. */
export function andSql(conditions: readonly Sql[]): Sql {
  return joinSql(conditions.map((c) => sql`(${c})`), ' AND ', rawSql('TRUE'));
}

/** The statement text and values for `query(text, values)`. */
export function compileSql(statement: Sql): { text: string; values: unknown[] } {
  return { text: statement.text(), values: [...statement.values] };
}

/**
 * Bridge to code that still numbers its own parameters: appends the fragment's values to `params` and
 * gives its text numbered after the ones already there.
 */
export function inlineSql(fragment: Sql, params: unknown[]): string {
  const text = fragment.text(params.length);
  params.push(...fragment.values);
  return text;
}

type Queryable = { query(text: string, values?: unknown[]): Promise<unknown> };

/** Runs a composed statement and gives its rows. */
export async function querySql<T = Record<string, unknown>>(db: Queryable, statement: Sql): Promise<T[]> {
  return (await db.query(statement.text(), [...statement.values])) as T[];
}
