import { Actor, makeGroup, makePerson, seat } from './support/factories';
import { ballotInput, CHANGE_BALLOT_STATE, CREATE_BALLOT, must, vote } from './support/ballots';
import { GqlResponse, ok, startTestApp, TestApp } from './support/test-app';
import { expectMutationsAgree, statementsOf } from './support/viewer-can';

const FLAGS = ['open', 'close', 'cancel', 'vote'] as const;
type Flag = (typeof FLAGS)[number];
type Can = Record<Flag, boolean>;
const READ = `query ($id: ID!) { ballot(id: $id) { id viewerCan { ${FLAGS.join(' ')} } } }`;

const SITUATIONS = ['draft', 'open', 'openAllVoted', 'closed', 'cancelled'] as const;
type Situation = (typeof SITUATIONS)[number];

/** member, observer (OBSERVER seat) and colleague (no seat) are of one member organisation; outsider's is no member. */
const ROLES = ['admin', 'chair', 'secretary', 'member', 'observer', 'colleague', 'outsider'] as const;
type Role = (typeof ROLES)[number];

/** The spec, written out independently of the product code. Null: the viewer does not read the ballot. */
function expected(role: Role, situation: Situation): Can | null {
  const manager = ['admin', 'chair', 'secretary'].includes(role);
  if (role === 'outsider' || (situation === 'draft' && !manager)) return null;
  const open = situation === 'open' || situation === 'openAllVoted';
  return {
    open: manager && situation === 'draft',
    close: manager && situation === 'openAllVoted',
    cancel: manager && (situation === 'draft' || open),
    vote: open && ['chair', 'secretary', 'member'].includes(role),
  };
}

describe('Ballot.viewerCan (e2e)', () => {
  let t: TestApp;
  let group: string;
  let people: Record<Role, Actor>;

  beforeAll(async () => {
    t = await startTestApp();
    group = (await makeGroup(t)).id;
    const member = await makePerson(t);
    people = {
      admin: await makePerson(t, { admin: true }),
      chair: await makePerson(t),
      secretary: await makePerson(t),
      member,
      observer: await makePerson(t, { organizationId: member.organizationId }),
      colleague: await makePerson(t, { organizationId: member.organizationId }),
      outsider: await makePerson(t),
    };
    await seat(t, group, people.chair, 'CHAIR');
    await seat(t, group, people.secretary, 'SECRETARY');
    await seat(t, group, people.member, 'MEMBER');
    await seat(t, group, people.observer, 'OBSERVER');
  });
  afterAll(() => t.close());

  async function ballotIn(situation: Situation): Promise<string> {
    const { id } = await must(t, CREATE_BALLOT, { input: ballotInput(group) }, people.chair);
    if (situation === 'draft') return id;
    if (situation === 'cancelled') {
      await must(t, CHANGE_BALLOT_STATE, { id, state: 'CANCELLED', note: 'Moot' }, people.chair);
      return id;
    }
    await must(t, CHANGE_BALLOT_STATE, { id, state: 'OPEN' }, people.chair);
    if (situation === 'open') return id;
    for (const voter of [people.chair, people.secretary, people.member]) ok(await vote(t, voter, id, 'YES'));
    if (situation === 'closed') await must(t, CHANGE_BALLOT_STATE, { id, state: 'CLOSED' }, people.chair);
    return id;
  }

  function attempt(flag: Flag, id: string, who: Actor): Promise<GqlResponse> {
    switch (flag) {
      case 'open':
        return t.gql(CHANGE_BALLOT_STATE, { id, state: 'OPEN' }, who.token);
      case 'close':
        return t.gql(CHANGE_BALLOT_STATE, { id, state: 'CLOSED' }, who.token);
      case 'cancel':
        return t.gql(CHANGE_BALLOT_STATE, { id, state: 'CANCELLED', note: 'Moot' }, who.token);
      case 'vote':
        return vote(t, who, id, 'NO');
    }
  }

  it.each(SITUATIONS)('answers per role for a ballot %s, and each mutation agrees with it', async (situation) => {
    const id = await ballotIn(situation);
    const answers = {} as Record<Role, Can | null>;
    for (const role of ROLES) answers[role] = ok(await t.gql(READ, { id }, people[role].token)).ballot?.viewerCan ?? null;
    expect(answers).toEqual(Object.fromEntries(ROLES.map((role) => [role, expected(role, situation)])));

    await expectMutationsAgree({ id, answers, flags: FLAGS, attempt: (flag, target, role) => attempt(flag, target, people[role]), fresh: () => ballotIn(situation) });
  });

  it('sends as many statements for many ballots as for a few', async () => {
    const query = `query ($g: ID!) { workingGroup(id: $g) { ballots(first: 50) { edges { node { id viewerCan { ${FLAGS.join(' ')} } } } } } }`;
    const statementsFor = async (who: Actor) => {
      const { data, statements } = await statementsOf(t, query, { g: group }, who.token);
      return { rows: data.workingGroup.ballots.edges.length as number, statements };
    };
    for (const situation of SITUATIONS) await ballotIn(situation);
    const few = await statementsFor(people.chair);
    for (let i = 0; i < 4; i += 1) for (const situation of SITUATIONS) await ballotIn(situation);
    const many = await statementsFor(people.chair);
    expect(many.rows).toBeGreaterThan(few.rows + 15);
    expect(many.statements).toBe(few.statements);
  });
});
