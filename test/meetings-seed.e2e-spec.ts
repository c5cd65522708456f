import { seed } from '../apps/cli/src/commands/seed.command';
import { SEED_MEETINGS } from '../apps/cli/src/commands/seed-meetings';
import { ok, startTestApp, TestApp, tokenFor } from './support/test-app';

const HOME = `query ($from: DateTime!) {
  meetings(first: 10, filter: { from: $from }) { edges { node { title status format workingGroup { slug } agenda { title durationMinutes presenter { organization { shortName } } }
    invitations { status person { organization { shortName } } } } } }
  myActionItems(status: OPEN) { title status dueDate meeting { title status minutes } }
}`;

/** `npm run seed`'s meetings, read back through the API as the people they concern. */
describe('Seeded meetings (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    expect(await seed(t.app)).toMatchObject({ meetings: 2 });
    expect(await seed(t.app)).toMatchObject({ meetings: 0 });
  });
  afterAll(() => t.close());

  const tokenOf = async (shortName: string) => {
    const [row] = await t.dataSource.query(`SELECT p.id FROM people p JOIN organizations o ON o.id = p.organization_id WHERE o.short_name = $1 ORDER BY p.created_at LIMIT 1`, [shortName]);
    return tokenFor(t, row.id);
  };

  it("shows HammerHAI the upcoming plenary with its agenda and HammerHAI's acceptance, and its open action item from the kick-off", async () => {
    const data = ok(await t.gql(HOME, { from: new Date().toISOString() }, await tokenOf('HammerHAI')));
    const [plenary] = data.meetings.edges.map((e: { node: unknown }) => e.node);
    expect(plenary).toMatchObject({ title: SEED_MEETINGS.upcoming.title, status: 'SCHEDULED', format: 'HYBRID', workingGroup: { slug: SEED_MEETINGS.group } });
    expect(plenary.agenda.map((a: { title: string }) => a.title)).toEqual(SEED_MEETINGS.upcoming.agenda.map((a) => a.title));
    expect(plenary.agenda[2].presenter.organization.shortName).toBe('HammerHAI');
    const answers = Object.fromEntries(plenary.invitations.map((i: { status: string; person: { organization: { shortName: string } } }) => [i.person.organization.shortName, i.status]));
    expect(answers).toMatchObject({ HammerHAI: 'ACCEPTED', HLRS: 'INVITED' });
    expect(data.myActionItems).toEqual([
      expect.objectContaining({ title: SEED_MEETINGS.past.actionItem.title, status: 'OPEN', meeting: { title: SEED_MEETINGS.past.title, status: 'HELD', minutes: SEED_MEETINGS.past.minutes } }),
    ]);
  });

  it('keeps the meetings from people without a seat in the group', async () => {
    const data = ok(await t.gql(HOME, { from: new Date(Date.now() - 60 * 86_400_000).toISOString() }, await tokenOf('AWE')));
    expect(data.meetings.edges.map((e: { node: { title: string } }) => e.node.title)).not.toContain(SEED_MEETINGS.upcoming.title);
  });
});
