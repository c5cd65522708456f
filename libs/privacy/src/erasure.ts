import { EntityManager } from 'typeorm';

/** What an erased person's name becomes, wherever it was stored or quoted. */
export const FORMER_MEMBER = 'Former member';

export function erasedEmail(personId: string): string {
  return `erased-${personId}@invalid`;
}

/** A PostgreSQL (ARE) regular expression matching `text` literally, as a whole word, any case. */
export function wholeWordPattern(text: string): string {
  return `(?<![[:alnum:]_])${text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}(?![[:alnum:]_])`;
}

/** How a string appears inside a JSON document's text (escaped quotes, backslashes, controls). */
function asJsonText(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** Columns the sweep leaves alone: the person's own row (rewritten field by field) and the migrations' names. */
const SWEEP_SKIPS = new Set(['public.people.name', 'public.people.email', 'public.migrations.name']);

/**
 * Rewrites every quotation of the erased person's name and email in every text, varchar and jsonb
 * column of every table (found in information_schema, so a table added later is covered
 * without touching this): notifications of other people ("Anna Example commented…"), audit details,
 * minutes, notes. The email becomes the placeholder address, the name "Former member". Runs inside the
 * erasure's transaction, after `SET LOCAL ecava.erasure = 'on'` (the append-only logs' escape).
 * Returns how many rows changed.
 */
export async function sweepQuotations(em: EntityManager, personId: string, quoted: { name: string; email: string }): Promise<number> {
  // Every schema the platform writes: public and the job queue's (pgboss), whose jobs carry events'
  // payloads (a note quoting the person) until they are archived.
  const columns: { schema: string; table: string; column: string; type: string }[] = await em.query(
    `SELECT c.table_schema AS schema, c.table_name AS "table", c.column_name AS "column", c.data_type AS type
     FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_schema NOT LIKE 'pg!_%' ESCAPE '!'
       AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER' AND c.data_type IN ('text', 'character varying', 'jsonb')
     ORDER BY 1, 2, 3`,
  );
  const replacements = [
    { find: quoted.email, by: erasedEmail(personId) },
    { find: quoted.name, by: FORMER_MEMBER },
  ].filter((r) => r.find.trim().length > 0);
  const byTable = new Map<string, { column: string; type: string }[]>();
  for (const { schema, table, column, type } of columns) {
    if (SWEEP_SKIPS.has(`${schema}.${table}.${column}`)) continue;
    const key = `"${schema}"."${table}"`;
    byTable.set(key, [...(byTable.get(key) ?? []), { column, type }]);
  }
  let changed = 0;
  // One UPDATE per table, all its columns and both quotations at once: each table is read once.
  for (const [table, tableColumns] of byTable) {
    const params: unknown[] = [];
    const param = (value: string) => {
      const at = params.indexOf(value);
      return `$${at >= 0 ? at + 1 : params.push(value)}`;
    };
    const sets: string[] = [];
    const matches: string[] = [];
    for (const { column, type } of tableColumns) {
      const isJson = type === 'jsonb';
      const value = isJson ? `"${column}"::text` : `"${column}"`;
      let rewritten = value;
      for (const { find, by } of replacements) {
        const pattern = param(wholeWordPattern(isJson ? asJsonText(find) : find));
        rewritten = `regexp_replace(${rewritten}, ${pattern}, ${param(by)}, 'gi')`;
        matches.push(`${value} ~* ${pattern}`);
      }
      sets.push(`"${column}" = ${isJson ? `(${rewritten})::jsonb` : rewritten}`);
    }
    if (matches.length === 0) continue;
    const result: unknown = await em.query(`UPDATE ${table} SET ${sets.join(', ')} WHERE ${matches.join(' OR ')}`, params);
    if (Array.isArray(result) && typeof result[1] === 'number') changed += result[1];
  }
  return changed;
}
