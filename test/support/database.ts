import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The machine's PostgreSQL (trust auth), unless TEST_DATABASE_SERVER names another. */
const SERVER = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** Undefined when no PostgreSQL server is reachable: the app then starts the embedded one. */
  url?: string;
  drop(): Promise<void>;
}

/** A fresh, uniquely named database for one test file, dropped at the end. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = new Client({ connectionString: SERVER, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return { url: undefined, drop: async () => undefined };
  }
  const name = `ecava_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  // A commit need not wait for the WAL to reach the disk: the database is dropped at the end anyway, and
  // only a crash of PostgreSQL itself (not of the application) could lose a commit. This database only.
  await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: SERVER });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
