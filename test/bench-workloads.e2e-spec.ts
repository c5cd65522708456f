import { Client } from 'pg';
import { makePerson } from './support/factories';
import { startTestApp, TestApp, tokenFor } from './support/test-app';

/* eslint-disable @typescript-eslint/no-require-imports -- the benchmark's own CommonJS modules */
const { generate, insertAll } = require('../bench/seed') as {
  generate(options: { scale: number }): Record<string, object[]>;
  insertAll(client: Client, tables: Record<string, object[]>): Promise<Record<string, number>>;
};
const { fixtures, workloads } = require('../bench/workloads') as {
  fixtures(url: string): Promise<{ person_id: string }>;
  workloads(f: { person_id: string }): { name: string; platform: { body(): string; count(data: unknown): number } }[];
};
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Guards the SQL statements per request of the three benchmark workloads (bench/workloads.js, the very
 * operations `npm run bench` measures against PostGraphile), on the benchmark's generated alliance at a
 * tenth of its size and at a fifth, as an admin and as the bench's member: the counts are fixed, and the same when the data doubles. A change
 * that adds a statement (an N+1, a lost batch, an extra permission query) fails here, not in a
 * benchmark nobody ran. Counted by the app's TypeORM logger: every statement, BEGIN and COMMIT included.
 */
describe('Benchmark workloads: SQL statements per request (e2e)', () => {
  /**
   * The most each workload may send. nested: 1 + its depth (organisations → memberships → group → proposals
   * → lead, supporters); mutation: one statement and so no BEGIN or COMMIT (checks, writes and outbox row).
   */
  const CEILING = { flat: 1, nested: 6, mutation: 1 };

  async function measure(scale: number): Promise<Record<string, number>> {
    // As bench/run.js runs the server: without the per-person mutation limit.
    const t: TestApp = await startTestApp({ MUTATIONS_PER_MINUTE: '100000000' });
    try {
      const client = new Client({ connectionString: t.config.databaseUrl });
      await client.connect();
      try {
        await insertAll(client, generate({ scale }));
      } finally {
        await client.end();
      }
      const admin = await makePerson(t, { admin: true });
      const f = await fixtures(t.config.databaseUrl!);
      // The bench's member row: the seated MEMBER the fixtures name (issue 21).
      const member = await tokenFor(t, f.person_id);
      const counts: Record<string, number> = {};
      for (const [viewer, token] of [
        ['admin', admin.token],
        ['member', member],
      ]) {
        for (const workload of workloads(f)) {
          const send = async () => {
            const { query, variables } = JSON.parse(workload.platform.body()) as { query: string; variables?: Record<string, unknown> };
            const response = await t.gql(query, variables ?? {}, token);
            expect(response.errors).toBeUndefined();
            expect(workload.platform.count(response.data)).toBeGreaterThan(0);
          };
          // The first request warms caches that are not per request (the token's last use, query plans).
          await send();
          counts[`${workload.name} as ${viewer}`] = (await t.counter.measure(send)).statements.length;
        }
      }
      return counts;
    } finally {
      await t.close();
    }
  }

  it('send a fixed number of statements, within the ceilings, unchanged when the data doubles', async () => {
    const small = await measure(0.1);
    const large = await measure(0.2);
    console.info(`statements per request: ${JSON.stringify(small)} at scale 0.1, ${JSON.stringify(large)} at 0.2`);
    expect(large).toEqual(small);
    for (const [name, ceiling] of Object.entries(CEILING)) {
      expect(small[`${name} as admin`]).toBeLessThanOrEqual(ceiling);
      // A member's visibility is part of the same statements: no query per row, nor one for the viewer's seats.
      expect(small[`${name} as member`]).toBeLessThanOrEqual(ceiling);
    }
  }, 120_000);
});
