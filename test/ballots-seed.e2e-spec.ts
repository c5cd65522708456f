import { seed } from '../apps/cli/src/commands/seed.command';
import { SEED_BALLOT } from '../apps/cli/src/commands/seed-ballots';
import { ok, startTestApp, TestApp, tokenFor } from './support/test-app';

const BALLOTS = `{ ballots(state: OPEN, first: 20) { edges { node { id title state eligibleCount votesCast workingGroup { slug } viewerVote { choice } } } } }`;
const CAST = `mutation ($ballot: ID!, $org: ID!) { castVote(ballotId: $ballot, organizationId: $org, choice: YES) { votesCast viewerVote { choice } } }`;

/** `npm run seed`'s ballot: open, its electorate fixed by the ballots' own rule, so the seeded chair can vote. */
describe('Seeded ballot (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    expect(await seed(t.app)).toMatchObject({ ballots: 1 });
    expect(await seed(t.app)).toMatchObject({ ballots: 0 });
  });
  afterAll(() => t.close());

  const personOf = async (shortName: string) => {
    const [row] = await t.dataSource.query(
      `SELECT p.id, p.organization_id AS "organizationId" FROM people p JOIN organizations o ON o.id = p.organization_id WHERE o.short_name = $1 ORDER BY p.created_at LIMIT 1`,
      [shortName],
    );
    return { ...row, token: await tokenFor(t, row.id) } as { id: string; organizationId: string; token: string };
  };

  it("is open in the AI group with HammerHAI's vote, and HLRS's chair casts HLRS's", async () => {
    const hlrs = await personOf('HLRS');
    const [ballot] = ok(await t.gql(BALLOTS, {}, hlrs.token)).ballots.edges.map((e: { node: unknown }) => e.node);
    expect(ballot).toMatchObject({ title: SEED_BALLOT.title, state: 'OPEN', eligibleCount: 2, votesCast: 1, workingGroup: { slug: SEED_BALLOT.group }, viewerVote: null });
    expect(ok(await t.gql(CAST, { ballot: ballot.id, org: hlrs.organizationId }, hlrs.token)).castVote).toEqual({ votesCast: 2, viewerVote: { choice: 'YES' } });
    const hammer = await personOf('HammerHAI');
    expect(ok(await t.gql(BALLOTS, {}, hammer.token)).ballots.edges[0].node.viewerVote).toEqual({ choice: 'YES' });
  });
});
