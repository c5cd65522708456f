import { seed } from '../apps/cli/src/commands/seed.command';
import { SEED_CAPABILITIES, SEED_NEEDS } from '../apps/cli/src/commands/seed-marketplace';
import { ok, startTestApp, TestApp, tokenFor } from './support/test-app';

const NEEDS = `query ($org: ID!) { organization(id: $org) { needs(first: 20) { edges { node { title anonymous
  matches(first: 10) { totalCount edges { node { score capability { title organization { shortName } } } } } } } } } }`;

/** `npm run seed`'s marketplace: realistic listings of the seeded organisations, whose needs have matches at once. */
describe('Seeded marketplace (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** The seeded representative of an organisation (by short name), with a token. */
  async function representative(shortName: string) {
    const [row] = await t.dataSource.query(`SELECT p.id, o.id AS "organizationId" FROM people p JOIN organizations o ON o.id = p.organization_id WHERE o.short_name = $1`, [shortName]);
    return { ...row, token: await tokenFor(t, row.id) } as { id: string; organizationId: string; token: string };
  }

  it('adds the capabilities and needs once, however often it runs', async () => {
    expect(await seed(t.app)).toMatchObject({ groups: 4, organizations: 6, capabilities: SEED_CAPABILITIES.length, needs: SEED_NEEDS.length });
    expect(await seed(t.app)).toMatchObject({ groups: 0, organizations: 0, capabilities: 0, needs: 0 });
    const [counts] = await t.dataSource.query(`SELECT (SELECT count(*)::int FROM capabilities) AS capabilities, (SELECT count(*)::int FROM resource_needs) AS needs`);
    expect(counts).toEqual({ capabilities: SEED_CAPABILITIES.length, needs: SEED_NEEDS.length });
  });

  it('gives every seeded need matches among the seeded capabilities, as its owner sees them', async () => {
    const matched: Record<string, string[]> = {};
    for (const shortName of [...new Set(SEED_NEEDS.map((n) => n.organization))]) {
      const person = await representative(shortName);
      const { organization } = ok(await t.gql(NEEDS, { org: person.organizationId }, person.token));
      for (const { node } of organization.needs.edges) {
        matched[node.title] = node.matches.edges.map((e: { node: { capability: { title: string; organization: { shortName: string } } } }) => `${e.node.capability.organization.shortName}: ${e.node.capability.title}`);
      }
    }
    expect(matched).toEqual({
      'Training a driving foundation model': ['HLRS: Hawk AI partition: A100 GPU hours', 'HammerHAI: H100 GPU hours for foundation-model training'],
      'Synthetic night-time and adverse-weather scenes': ['HammerHAI: Synthetic driving scenes: night, rain and snow'],
      'Crash simulation campaign for a battery housing': ['HLRS: Crash and CFD simulation service'],
      'Archive for test-fleet sensor recordings': ['HLRS: Project storage for sensor recordings'],
    });
  });

  it('keeps the anonymous need anonymous to the providers', async () => {
    const hlrs = await representative('HLRS');
    const { resourceNeeds } = ok(await t.gql(`{ resourceNeeds(first: 20) { edges { node { title anonymous organization { shortName } } } } }`, {}, hlrs.token));
    const byTitle = Object.fromEntries(resourceNeeds.edges.map((e: { node: { title: string } }) => [e.node.title, e.node]));
    expect(byTitle['Training a driving foundation model']).toEqual({ title: 'Training a driving foundation model', anonymous: true, organization: null });
    expect(byTitle['Crash simulation campaign for a battery housing'].organization).toEqual({ shortName: 'NDS' });
  });
});
