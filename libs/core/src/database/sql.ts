/** Escapes `%`, `_` and `\` so user text is matched literally by LIKE/ILIKE. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type Queryable = { query(sql: string, params?: unknown[]): Promise<unknown> };

/**
 * Runs an `UPDATE … RETURNING` / `DELETE … RETURNING` and gives its rows. TypeORM's PostgreSQL driver
 * answers those commands with `[rows, rowCount]` instead of the rows alone.
 */
export async function writeReturning<T>(db: Queryable, sql: string, params: unknown[]): Promise<T[]> {
  const result = await db.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

/**
 * A data-modifying statement and its parameters, numbered after an offset so that several can share one
 * statement as CTEs (`WITH a AS (<write>), b AS (<write>) SELECT …`).
 */
export interface SqlWrite {
  sql: string;
  params: unknown[];
}

/**
 * `rows` rows of typed placeholders for a `VALUES` list, numbered on from `offset`:
 * `($1::uuid, $2::text), ($3::uuid, $4::text)` for `(['uuid', 'text'], 2)`.
 */
export function valuesRows(types: readonly string[], rows: number, offset = 0): string {
  return Array.from({ length: rows }, (_, row) => {
    const first = offset + row * types.length;
    return `(${types.map((type, i) => `$${first + i + 1}::${type}`).join(', ')})`;
  }).join(', ');
}
