import { createHash } from 'node:crypto';
import { Client, Query, QueryResult } from 'pg';

/**
 * Distinct statement texts one connection keeps prepared. Beyond it, new texts run unnamed (parsed and
 * planned at every execution), so SQL built at run time cannot grow the server's memory without bound.
 */
export const PREPARED_PER_CONNECTION = 256;

/** Statement names by text, shared by all connections (hashing a long text at every execution would cost). */
const names = new Map<string, string>();

/** `prep_` and the SHA-1 of the text: 45 characters, within PostgreSQL's 63 for identifiers. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `prep_${createHash('sha1').update(text).digest('hex')}`;
    if (names.size >= 10 * PREPARED_PER_CONNECTION) names.clear();
    names.set(text, name);
  }
  return name;
}

/**
 * A `pg` client that runs each parameterised statement as a named prepared statement: PostgreSQL parses
 * and plans a text once per connection instead of at every execution. For the one-statement
 * createProposal, planning was half of the database's CPU per request. Statements without parameters
 * (BEGIN, COMMIT, migrations: the simple protocol, which allows several commands) are left as they are.
 *
 * Prepared plans follow PostgreSQL's plan_cache_mode (auto): custom plans for the first five executions,
 * then a generic plan only if it is estimated no costlier.
 */
export class PreparingClient extends Client {
  /** Texts this connection has asked the server to prepare. */
  preparedCount = 0;
}

// Assigned rather than overridden, so that callers keep pg's typed overloads of query().
const query = Client.prototype.query as (this: Client, ...args: unknown[]) => unknown;
PreparingClient.prototype.query = function (this: PreparingClient, ...args: unknown[]) {
  const [text, values] = args;
  if (args.length === 2 && typeof text === 'string' && Array.isArray(values) && values.length > 0) {
    const name = statementName(text);
    const parsed = (this as unknown as { connection: { parsedStatements: Record<string, string> } }).connection.parsedStatements;
    if (parsed[name] !== undefined || this.preparedCount < PREPARED_PER_CONNECTION) {
      if (parsed[name] === undefined) this.preparedCount++;
      // A query object rather than a `{ name, text, values }` config, which pg would copy property by
      // property (through their descriptors) at every execution.
      const named = new Query(text, values) as Query & { name: string; callback: (error: Error | null, result: QueryResult) => void };
      named.name = name;
      return new Promise<QueryResult>((resolve, reject) => {
        named.callback = (error, result) => (error ? reject(error) : resolve(result));
        query.call(this, named);
      });
    }
  }
  return query.apply(this, args);
} as Client['query'];
