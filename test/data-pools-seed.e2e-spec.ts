import { seed } from '../apps/cli/src/commands/seed.command';
import { SEED_DATA_POOLS } from '../apps/cli/src/commands/seed-data-pools';
import { ok, startTestApp, TestApp, tokenFor } from './support/test-app';

const POOLS = `{ dataPools(first: 20) { edges { node { id title state termsVersion termsDigest steward { shortName }
  signatories { organization { id shortName } role state termsVersion termsDigest signedBy { name } }
  datasets { title license location hostedBy { shortName } } } } } }`;

interface SeededPool {
  id: string;
  title: string;
  state: string;
  termsVersion: number;
  termsDigest: string;
  signatories: { organization: { id: string; shortName: string }; role: string; state: string; termsDigest: string | null; signedBy: { name: string } | null }[];
  datasets: { title: string; license: string; location: string; hostedBy: { shortName: string } | null }[];
}

/** `npm run seed`'s data pools: consistent with the pools' own rules, so the seeded signatory can act on them. */
describe('Seeded data pools (e2e)', () => {
  let t: TestApp;
  let token: string;
  let stewardToken: string;
  beforeAll(async () => {
    t = await startTestApp();
    expect(await seed(t.app)).toMatchObject({ dataPools: SEED_DATA_POOLS.length });
    expect(await seed(t.app)).toMatchObject({ dataPools: 0 });
    const [hlrs] = await t.dataSource.query(`SELECT p.id FROM people p JOIN organizations o ON o.id = p.organization_id WHERE o.short_name = 'HLRS'`);
    token = await tokenFor(t, hlrs.id);
    const [hammer] = await t.dataSource.query(`SELECT p.id FROM people p JOIN organizations o ON o.id = p.organization_id WHERE o.short_name = 'HammerHAI' ORDER BY p.email LIMIT 1`);
    stewardToken = await tokenFor(t, hammer.id);
  });
  afterAll(() => t.close());

  async function pools(): Promise<Record<string, SeededPool>> {
    const { dataPools } = ok(await t.gql(POOLS, {}, token));
    return Object.fromEntries(dataPools.edges.map((e: { node: SeededPool }) => [e.node.title, e.node]));
  }

  it('shows the active pool with signatures bound to its current terms and its dataset', async () => {
    const pool = (await pools())['European motorway scenes for perception training'];
    expect(pool.state).toBe('ACTIVE');
    expect(pool.signatories.map((s) => [s.organization.shortName, s.role, s.state])).toEqual(
      expect.arrayContaining([
        ['HammerHAI', 'STEWARD', 'SIGNED'],
        ['HLRS', 'HOST', 'SIGNED'],
      ]),
    );
    for (const s of pool.signatories) expect(s.termsDigest).toBe(pool.termsDigest);
    expect(pool.datasets).toEqual([{ title: 'A8 and A9 motorway drives, front camera and roof lidar', license: 'LicenseRef-proprietary', location: 'DE', hostedBy: { shortName: 'HLRS' } }]);
  });

  it("leaves the second pool waiting for HLRS's signature, after which the steward activates it", async () => {
    const pool = (await pools())['Synthetic corner cases for safety validation'];
    expect(pool.state).toBe('OPEN_FOR_SIGNATURE');
    const hlrs = pool.signatories.find((s) => s.organization.shortName === 'HLRS')!;
    expect(hlrs).toMatchObject({ role: 'HOST', state: 'PENDING', signedBy: null });
    const activate = `mutation ($pool: ID!) { changeDataPoolState(id: $pool, state: ACTIVE) { state } }`;
    expect((await t.gql(activate, { pool: pool.id }, stewardToken)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const { signDataPool } = ok(
      await t.gql(`mutation ($pool: ID!, $org: ID!, $v: Int!) { signDataPool(poolId: $pool, organizationId: $org, termsVersion: $v) { state signatories { state } } }`, { pool: pool.id, org: hlrs.organization.id, v: pool.termsVersion }, token),
    );
    expect(signDataPool.signatories.map((s: { state: string }) => s.state)).not.toContain('PENDING');
    expect(ok(await t.gql(activate, { pool: pool.id }, stewardToken)).changeDataPoolState.state).toBe('ACTIVE');
  });
});
