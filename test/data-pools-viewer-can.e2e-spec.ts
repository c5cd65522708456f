import { Actor, makeGroup, makeOrganization, makePerson, seat } from './support/factories';
import { ADD_DATASET, CHANGE_STATE, createPool, datasetInput, INVITE, must, REQUEST_ACCESS, SIGN, termsInput, UPDATE_TERMS, WITHDRAW } from './support/data-pools';
import { GqlResponse, ok, startTestApp, TestApp } from './support/test-app';
import { expectMutationsAgree, REFUSED, statementsOf } from './support/viewer-can';

const FLAGS = [
  'editTerms', 'invite', 'openForSignature', 'activate', 'suspend', 'close', 'sign', 'withdraw', 'addDataset', 'requestAccess', 'decideAccessRequests',
] as const;
type Flag = (typeof FLAGS)[number];
type Can = Record<Flag, boolean>;
const VIEWER_CAN = `viewerCan { ${FLAGS.join(' ')} }`;
const READ = `query ($id: ID!) { dataPool(id: $id) { id version termsVersion ${VIEWER_CAN} } }`;

/** draft: parties invited; open: open for signature, nobody signed; allSigned: everyone signed, not yet active. */
const SITUATIONS = ['draft', 'open', 'allSigned', 'active', 'suspended', 'closed'] as const;
type Situation = (typeof SITUATIONS)[number];

/** steward (its organisation stewards the pool), contributor and user invited in those roles; member seated only. */
const ROLES = ['admin', 'steward', 'chair', 'contributor', 'user', 'member', 'outsider'] as const;
type Role = (typeof ROLES)[number];

/** The spec, written out independently of the product code. Null: the viewer does not read the pool. */
function expected(role: Role, situation: Situation): Can | null {
  if (role === 'outsider') return null;
  const steward = role === 'admin' || role === 'steward';
  const changes = steward || role === 'chair';
  const invited = ['steward', 'contributor', 'user'].includes(role);
  const ended = situation === 'closed';
  const signed = ['allSigned', 'active', 'suspended', 'closed'].includes(situation) && invited;
  return {
    editTerms: steward && !ended,
    invite: steward && !ended,
    openForSignature: changes && situation === 'draft',
    activate: changes && (situation === 'allSigned' || situation === 'suspended'),
    suspend: changes && situation === 'active',
    close: changes && !ended,
    sign: invited && !ended && situation !== 'draft',
    withdraw: invited && role !== 'steward' && !ended,
    addDataset: signed && (role === 'steward' || role === 'contributor') && !ended,
    requestAccess: signed && situation === 'active',
    decideAccessRequests: steward,
  };
}

describe('DataPool.viewerCan (e2e)', () => {
  let t: TestApp;
  let group: string;
  let people: Record<Role, Actor>;

  beforeAll(async () => {
    t = await startTestApp();
    group = (await makeGroup(t)).id;
    people = {
      admin: await makePerson(t, { admin: true }),
      steward: await makePerson(t),
      chair: await makePerson(t),
      contributor: await makePerson(t),
      user: await makePerson(t),
      member: await makePerson(t),
      outsider: await makePerson(t),
    };
    await seat(t, group, people.steward, 'MEMBER');
    await seat(t, group, people.chair, 'CHAIR');
    await seat(t, group, people.contributor, 'MEMBER');
    await seat(t, group, people.user, 'MEMBER');
    await seat(t, group, people.member, 'MEMBER');
  });
  afterAll(() => t.close());

  async function poolIn(situation: Situation, groupId = group): Promise<string> {
    const { steward, contributor, user } = people;
    const { id } = await createPool(t, steward, groupId, { confidentiality: 'WORKING_GROUP' });
    await must(t, INVITE, { pool: id, org: contributor.organizationId, role: 'CONTRIBUTOR' }, steward);
    await must(t, INVITE, { pool: id, org: user.organizationId, role: 'USER' }, steward);
    if (situation === 'draft') return id;
    await must(t, CHANGE_STATE, { id, state: 'OPEN_FOR_SIGNATURE' }, steward);
    if (situation === 'open') return id;
    for (const actor of [steward, contributor, user]) await must(t, SIGN, { pool: id, org: actor.organizationId, v: 1 }, actor);
    if (situation === 'allSigned') return id;
    await must(t, CHANGE_STATE, { id, state: 'ACTIVE' }, steward);
    if (situation === 'suspended') await must(t, CHANGE_STATE, { id, state: 'SUSPENDED', note: 'Audit' }, steward);
    if (situation === 'closed') await must(t, CHANGE_STATE, { id, state: 'CLOSED', note: 'Done' }, steward);
    return id;
  }

  const read = async (id: string, who: Actor) => ok(await t.gql(READ, { id }, who.token)).dataPool;

  async function attempt(flag: Exclude<Flag, 'decideAccessRequests'>, id: string, who: Actor): Promise<GqlResponse> {
    const pool = (await read(id, who)) ?? { version: 1, termsVersion: 1 };
    const org = who.organizationId;
    const move = (state: string) => t.gql(CHANGE_STATE, { id, state, note: 'Because' }, who.token);
    switch (flag) {
      case 'editTerms':
        return t.gql(UPDATE_TERMS, { id, v: pool.version, terms: termsInput({ retentionDays: 400 }) }, who.token);
      case 'invite':
        return t.gql(INVITE, { pool: id, org: (await makeOrganization(t)).id, role: 'USER' }, who.token);
      case 'openForSignature':
        return move('OPEN_FOR_SIGNATURE');
      case 'activate':
        return move('ACTIVE');
      case 'suspend':
        return move('SUSPENDED');
      case 'close':
        return move('CLOSED');
      case 'sign':
        return t.gql(SIGN, { pool: id, org, v: pool.termsVersion }, who.token);
      case 'withdraw':
        return t.gql(WITHDRAW, { pool: id, org, note: 'Leaving' }, who.token);
      case 'addDataset':
        return t.gql(ADD_DATASET, { input: datasetInput(id, org) }, who.token);
      case 'requestAccess':
        return t.gql(REQUEST_ACCESS, { pool: id, org, purpose: 'RESEARCH', why: 'Perception research' }, who.token);
    }
  }

  it.each(SITUATIONS)('answers per role for a pool %s, and each mutation agrees with it', async (situation) => {
    const id = await poolIn(situation);
    const answers = {} as Record<Role, Can | null>;
    for (const role of ROLES) answers[role] = (await read(id, people[role]))?.viewerCan ?? null;
    expect(answers).toEqual(Object.fromEntries(ROLES.map((role) => [role, expected(role, situation)])));

    await expectMutationsAgree({
      id,
      answers,
      flags: FLAGS.filter((flag): flag is Exclude<Flag, 'decideAccessRequests'> => flag !== 'decideAccessRequests'),
      attempt: (flag, target, role) => attempt(flag, target, people[role]),
      fresh: () => poolIn(situation),
      // An organisation that has not signed (as contributor) is named in the input: BAD_USER_INPUT, as the mutation words it.
      refused: (flag) => (flag === 'addDataset' || flag === 'requestAccess' ? /^(FORBIDDEN|CONFLICT|BAD_USER_INPUT)$/ : REFUSED),
    });
  });

  it('sends as many statements for many pools as for a few', async () => {
    const own = (await makeGroup(t)).id;
    for (const role of ['steward', 'contributor', 'user'] as const) await seat(t, own, people[role], 'MEMBER');
    const query = `query ($g: ID!) { workingGroup(id: $g) { dataPools(first: 50) { edges { node { id ${VIEWER_CAN} } } } } }`;
    const statementsFor = async (who: Actor) => {
      const { data, statements } = await statementsOf(t, query, { g: own }, who.token);
      return { rows: data.workingGroup.dataPools.edges.length as number, statements };
    };
    for (const situation of SITUATIONS) await poolIn(situation, own);
    const few = { steward: await statementsFor(people.steward), contributor: await statementsFor(people.contributor) };
    for (let i = 0; i < 3; i += 1) for (const situation of SITUATIONS) await poolIn(situation, own);
    const many = { steward: await statementsFor(people.steward), contributor: await statementsFor(people.contributor) };
    expect(many.steward.rows).toBeGreaterThan(few.steward.rows + 15);
    expect(many.steward.statements).toBe(few.steward.statements);
    expect(many.contributor.statements).toBe(few.contributor.statements);
  });
});
