import { PREPARED_PER_CONNECTION, PreparingClient, statementName } from '@app/core';
import { createTestDatabase, TestDatabase } from './support/database';
import { startTestApp } from './support/test-app';

/** What the app's pool clients prepare, read back from the server's own view of the session. */
describe(PreparingClient.name, () => {
  let database: TestDatabase;
  let client: PreparingClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    if (!database.url) throw new Error('needs a PostgreSQL server (prepared statements are off on the embedded one)');
    client = new PreparingClient({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  async function prepared(): Promise<string[]> {
    const { rows } = await client.query<{ name: string }>('SELECT name FROM pg_prepared_statements ORDER BY prepare_time, name');
    return rows.map((r) => r.name);
  }

  it('prepares a parameterised statement once and reuses it; leaves statements without parameters alone', async () => {
    const text = 'SELECT $1::int + 1 AS n';
    expect((await client.query(text, [1])).rows).toEqual([{ n: 2 }]);
    expect((await client.query(text, [41])).rows).toEqual([{ n: 42 }]);
    await client.query('SELECT 1 AS one; SELECT 2 AS two');
    expect(await prepared()).toEqual([statementName(text)]);
  });

  it('gives the same error as an unprepared statement and stays usable', async () => {
    await expect(client.query('SELECT 1 / $1::int AS n', [0])).rejects.toThrow('division by zero');
    expect((await client.query('SELECT 1 / $1::int AS n', [1])).rows).toEqual([{ n: 1 }]);
    await expect(client.query('SELEC $1::int', [1])).rejects.toMatchObject({ code: '42601' });
    expect(await prepared()).not.toContain(statementName('SELEC $1::int'));
  });

  it(`prepares at most ${PREPARED_PER_CONNECTION} texts per connection, then runs new ones unprepared`, async () => {
    for (let i = 0; i < PREPARED_PER_CONNECTION + 20; i++) {
      expect((await client.query(`SELECT $1::int + ${i} AS n`, [1])).rows).toEqual([{ n: i + 1 }]);
    }
    const names = await prepared();
    expect(names.length).toBeLessThanOrEqual(PREPARED_PER_CONNECTION);
    expect(names).toContain(statementName('SELECT $1::int + 0 AS n'));
    expect(names).not.toContain(statementName(`SELECT $1::int + ${PREPARED_PER_CONNECTION + 19} AS n`));
  });

  it.each([
    ['on by default', {}, 1],
    ['off with DATABASE_PREPARED_STATEMENTS=false', { DATABASE_PREPARED_STATEMENTS: 'false' }, 0],
  ])("are the app pool's %s", async (_, env: Record<string, string>, expected) => {
    const t = await startTestApp(env);
    const runner = t.dataSource.createQueryRunner();
    try {
      await runner.query('SELECT $1::int AS n', [1]);
      const rows: { name: string }[] = await runner.query(`SELECT name FROM pg_prepared_statements WHERE name = $1`, [statementName('SELECT $1::int AS n')]);
      expect(rows).toHaveLength(expected);
    } finally {
      await runner.release();
      await t.close();
    }
  });
});
