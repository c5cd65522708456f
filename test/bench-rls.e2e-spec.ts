import { Client } from 'pg';
import { ok, startTestApp, TestApp, tokenFor } from './support/test-app';

/* eslint-disable @typescript-eslint/no-require-imports -- the benchmark's own CommonJS modules */
const { generate, insertAll } = require('../bench/seed') as {
  generate(options: { scale: number }): Record<string, object[]>;
  insertAll(client: Client, tables: Record<string, object[]>): Promise<Record<string, number>>;
};
const { applyRls, viewerSettings } = require('../bench/rls') as {
  applyRls(client: Client): Promise<void>;
  viewerSettings(personId: string, organizationId: string): Record<string, string>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const PAGE = `query ($after: String) { proposals(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;

/**
 * The benchmark's PostGraphile-with-RLS row (issue 21) is like for like only if its row-level security
 * policies (bench/rls.js) let a member read exactly what the platform lets them read. On the bench's own
 * generated alliance, for viewers of every kind, the ids PostgreSQL returns under the policies equal the
 * ids the platform's `proposals` pages through.
 */
describe('Benchmark RLS policies: the same rows as the platform (e2e)', () => {
  let t: TestApp;
  let client: Client;
  beforeAll(async () => {
    t = await startTestApp();
    client = new Client({ connectionString: t.config.databaseUrl });
    await client.connect();
    await insertAll(client, generate({ scale: 0.1 }));
    await applyRls(client);
  });
  afterAll(async () => {
    await client.end();
    await t.close();
  });

  async function platformIds(personId: string): Promise<string[]> {
    const token = await tokenFor(t, personId);
    const ids: string[] = [];
    for (let after: string | null = null; ; ) {
      const { proposals }: { proposals: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = ok(await t.gql(PAGE, { after }, token));
      ids.push(...proposals.edges.map((e) => e.node.id));
      if (!proposals.pageInfo.hasNextPage) return ids.sort();
      after = proposals.pageInfo.endCursor;
    }
  }

  /** What PostGraphile's transaction does per request: the role and the viewer as transaction-local settings. */
  async function rlsIds(personId: string, organizationId: string): Promise<string[]> {
    await client.query('BEGIN');
    try {
      for (const [key, value] of Object.entries(viewerSettings(personId, organizationId))) await client.query(`SELECT set_config($1, $2, true)`, [key, value]);
      const { rows } = await client.query(`SELECT id FROM cooperation_proposals ORDER BY id`);
      return rows.map((r: { id: string }) => r.id).sort();
    } finally {
      await client.query('ROLLBACK');
    }
  }

  it.each([
    ['a MEMBER', `s.role = 'MEMBER'`],
    ['a CHAIR', `s.role = 'CHAIR'`],
    ['a SECRETARY', `s.role = 'SECRETARY'`],
    ['an OBSERVER', `s.role = 'OBSERVER'`],
  ])('lets %s read the same proposals', async (_, condition) => {
    const { rows } = await client.query(
      `SELECT p.id, p.organization_id FROM working_group_participants s JOIN people p ON p.id = s.person_id WHERE ${condition} ORDER BY s.id LIMIT 1`,
    );
    const [viewer] = rows as { id: string; organization_id: string }[];
    const expected = await platformIds(viewer.id);
    const [{ total }] = (await client.query(`SELECT count(*)::int AS total FROM cooperation_proposals`)).rows;
    // Some but not all: the rule has something to do for this viewer.
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(total);
    expect(await rlsIds(viewer.id, viewer.organization_id)).toEqual(expected);
  });

  it('lets a person without a seat read what their organisation is party to and PUBLIC proposals only', async () => {
    const { rows } = await client.query(
      `SELECT p.id, p.organization_id FROM people p WHERE NOT EXISTS (SELECT 1 FROM working_group_participants s WHERE s.person_id = p.id)
         AND EXISTS (SELECT 1 FROM cooperation_proposals c WHERE c.author_organization_id = p.organization_id AND c.submitted_at IS NULL)
       ORDER BY p.id LIMIT 1`,
    );
    const [viewer] = rows as { id: string; organization_id: string }[];
    const expected = await platformIds(viewer.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(await rlsIds(viewer.id, viewer.organization_id)).toEqual(expected);
  });
});
