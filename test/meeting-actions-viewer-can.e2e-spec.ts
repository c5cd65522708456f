import { PeopleService, PlatformRole } from '@app/people';
import { Actor, insertActionItem, insertInvitation, insertMeeting, makeGroup, makePerson, seat } from './support/factories';
import { GqlResponse, ok, startTestApp, TestApp } from './support/test-app';
import { expectMutationsAgree, statementsOf } from './support/viewer-can';

/**
 * `ActionItem.viewerCan.setStatus` and `WorkingGroup.viewerCan.createBallot` (decision 247): for every role and
 * situation the flag follows the spec below, the mutation succeeds exactly where it is true, and the statements
 * stay flat as rows grow.
 */

/** admin; counsel (reads every meeting, organises none); the group's organisers; owner: the item's owner (seated MEMBER); member; observer; outsider: reads nothing. */
const ROLES = ['admin', 'counsel', 'chair', 'secretary', 'owner', 'member', 'observer', 'outsider'] as const;
type Role = (typeof ROLES)[number];

/** A group's meeting, scheduled or cancelled (an item's status still changes then); a workshop (no group). */
const SITUATIONS = ['scheduled', 'cancelled', 'workshop'] as const;
type Situation = (typeof SITUATIONS)[number];

type Can = { setStatus: boolean };
const FLAGS = ['setStatus'] as const;

/** The spec, written out independently of the product code. Null: the viewer does not read the meeting. */
function expected(role: Role, situation: Situation): Can | null {
  if (role === 'outsider' && situation !== 'workshop') return null;
  const organiser = situation === 'workshop' ? role === 'admin' : ['admin', 'chair', 'secretary'].includes(role);
  return { setStatus: organiser || role === 'owner' };
}

const READ = `query ($id: ID!) { meeting(id: $id) { actionItems { id viewerCan { setStatus } } } }`;
const SET = `mutation ($id: ID!) { setActionItemStatus(id: $id, status: DONE) { id status } }`;

describe('ActionItem.viewerCan and WorkingGroup.viewerCan.createBallot (e2e)', () => {
  let t: TestApp;
  let group: string;
  let people: Record<Role, Actor>;

  beforeAll(async () => {
    t = await startTestApp();
    group = (await makeGroup(t)).id;
    people = {
      admin: await makePerson(t, { admin: true }),
      counsel: await makePerson(t),
      chair: await makePerson(t),
      secretary: await makePerson(t),
      owner: await makePerson(t),
      member: await makePerson(t),
      observer: await makePerson(t),
      outsider: await makePerson(t),
    };
    await t.app.get(PeopleService).setRole(people.counsel.id, PlatformRole.COUNSEL);
    await seat(t, group, people.chair, 'CHAIR');
    await seat(t, group, people.secretary, 'SECRETARY');
    await seat(t, group, people.owner, 'MEMBER');
    await seat(t, group, people.member, 'MEMBER');
    await seat(t, group, people.observer, 'OBSERVER');
  });
  afterAll(() => t.close());

  /** A meeting in the situation with one OPEN item owned by `owner`; returns the meeting and the item. */
  async function itemIn(situation: Situation): Promise<{ meeting: string; item: string }> {
    const start = Date.now() + 24 * 3600 * 1000;
    const meeting = await insertMeeting(t, people.chair, situation === 'workshop' ? null : group, {
      title: `Meeting ${situation}`,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 3600 * 1000).toISOString(),
      status: situation === 'cancelled' ? 'CANCELLED' : 'SCHEDULED',
      location: 'Brussels',
    });
    await insertInvitation(t, meeting, people.member);
    const item = await insertActionItem(t, meeting, people.chair, { title: 'Send the figures', owner: people.owner });
    return { meeting, item };
  }

  it.each(SITUATIONS)('answers per role for an item of a meeting (%s), and setActionItemStatus agrees with it', async (situation) => {
    const { meeting, item } = await itemIn(situation);
    const answers = {} as Record<Role, Can | null>;
    for (const role of ROLES) {
      const read = ok(await t.gql(READ, { id: meeting }, people[role].token)).meeting;
      answers[role] = read ? read.actionItems.find((i: { id: string }) => i.id === item).viewerCan : null;
    }
    expect(answers).toEqual(Object.fromEntries(ROLES.map((role) => [role, expected(role, situation)])));
    await expectMutationsAgree({
      id: item,
      answers,
      flags: FLAGS,
      attempt: (_flag, target, role): Promise<GqlResponse> => t.gql(SET, { id: target }, people[role].token),
      fresh: async () => (await itemIn(situation)).item,
    });
  });

  it("answers on the owner's own list too (myActionItems)", async () => {
    const { item } = await itemIn('scheduled');
    const mine = ok(await t.gql(`{ myActionItems { id viewerCan { setStatus } } }`, {}, people.owner.token)).myActionItems;
    expect(mine.find((i: { id: string }) => i.id === item).viewerCan).toEqual({ setStatus: true });
  });

  it('sends as many statements for 8 action items as for 2', async () => {
    const { meeting } = await itemIn('scheduled');
    const query = `query ($id: ID!) { meeting(id: $id) { id actionItems { id viewerCan { setStatus } } } }`;
    const measure = async (who: Actor, rows: number) => {
      const { data, statements } = await statementsOf(t, query, { id: meeting }, who.token);
      expect(data.meeting.actionItems).toHaveLength(rows);
      return statements;
    };
    const add = (count: number) =>
      Promise.all(Array.from({ length: count }, (_, i) => insertActionItem(t, meeting, people.chair, { title: `Item ${i}`, owner: i % 2 ? people.member : people.owner })));
    await add(1);
    const few = { member: await measure(people.member, 2), owner: await measure(people.owner, 2), chair: await measure(people.chair, 2) };
    await add(6);
    expect({ member: await measure(people.member, 8), owner: await measure(people.owner, 8), chair: await measure(people.chair, 8) }).toEqual(few);
  });

  describe('WorkingGroup.viewerCan.createBallot', () => {
    const GROUP_ROLES = ['admin', 'chair', 'secretary', 'member', 'observer', 'outsider'] as const;
    type GroupRole = (typeof GROUP_ROLES)[number];

    async function groupIn(status: string): Promise<string> {
      const { id } = await makeGroup(t, status);
      await seat(t, id, people.chair, 'CHAIR');
      await seat(t, id, people.secretary, 'SECRETARY');
      await seat(t, id, people.member, 'MEMBER');
      await seat(t, id, people.observer, 'OBSERVER');
      return id;
    }

    const CREATE = `mutation ($input: CreateBallotInput!) { createBallot(input: $input) { id state } }`;
    const createIn = (id: string, who: Actor) =>
      t.gql(CREATE, { input: { workingGroupId: id, title: 'Adopt the charter', motion: 'The group adopts the charter.', kind: 'APPROVAL', closesAt: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString() } }, who.token);

    it.each(['ACTIVE', 'CLOSED'])('answers per role for an %s group, and createBallot agrees with it', async (status) => {
      const id = await groupIn(status);
      const answers = {} as Record<GroupRole, { createBallot: boolean } | null>;
      for (const role of GROUP_ROLES) answers[role] = ok(await t.gql(`query ($id: ID!) { workingGroup(id: $id) { viewerCan { createBallot } } }`, { id }, people[role].token)).workingGroup.viewerCan;
      // The spec: the group's chairs, co-chairs, secretaries and admins, whatever the group's status.
      expect(answers).toEqual(Object.fromEntries(GROUP_ROLES.map((role) => [role, { createBallot: ['admin', 'chair', 'secretary'].includes(role) }])));
      await expectMutationsAgree({
        id,
        answers,
        flags: ['createBallot'] as const,
        attempt: (_flag, target, role) => createIn(target, people[role]),
        fresh: () => groupIn(status),
      });
    });

    it('sends as many statements for many groups as for a few', async () => {
      const query = `{ workingGroups { id viewerCan { createBallot } } }`;
      const few = await statementsOf(t, query, {}, people.member.token);
      for (let i = 0; i < 6; i += 1) await groupIn('ACTIVE');
      const many = await statementsOf(t, query, {}, people.member.token);
      expect(many.data.workingGroups.length).toBe(few.data.workingGroups.length + 6);
      expect(many.statements).toBe(few.statements);
    });
  });
});
