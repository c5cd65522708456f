import { Actor, makeGroup, makePerson, seat } from './support/factories';
import { GqlResponse, ok, startTestApp, TestApp } from './support/test-app';
import { expectMutationsAgree, statementsOf } from './support/viewer-can';

/** managePriorities stands for two mutations of the scope (create, reorder); the others are the priority's own. */
const FLAGS = ['create', 'reorder', 'edit', 'endorse', 'withdrawEndorsement'] as const;
type Flag = (typeof FLAGS)[number];
type Can = Record<Flag, boolean>;
const PRIORITY_CAN = 'viewerCan { edit endorse withdrawEndorsement }';
const READ_GROUP = `query ($id: ID!, $g: ID!) { workingGroup(id: $g) { id viewerCan { managePriorities } } priority(id: $id) { id ${PRIORITY_CAN} } }`;
const READ_ALLIANCE = `query ($id: ID!) { alliancePrioritiesViewerCan { managePriorities } priority(id: $id) { id ${PRIORITY_CAN} } }`;

const ROLES = ['admin', 'chair', 'coChair', 'secretary', 'member', 'observer', 'outsider'] as const;
type Role = (typeof ROLES)[number];
const SEATS: Partial<Record<Role, string>> = { chair: 'CHAIR', coChair: 'CO_CHAIR', secretary: 'SECRETARY', member: 'MEMBER', observer: 'OBSERVER' };

type Scope = 'group' | 'alliance';
type Status = 'PROPOSED' | 'ADOPTED' | 'ARCHIVED';

/** The spec (docs/web-client.md, the schema's descriptions), written out independently of the product code. */
function expected(role: Role, scope: Scope, status: Status): Can {
  const manages = scope === 'alliance' ? role === 'admin' : ['admin', 'chair', 'coChair', 'secretary'].includes(role);
  // Everyone but the observer and the outsider holds a seat other than OBSERVER in the group (so in "any group" too).
  const endorses = !['observer', 'outsider'].includes(role);
  return { create: manages, reorder: manages, edit: manages, endorse: endorses && status !== 'ARCHIVED', withdrawEndorsement: endorses };
}

describe('Priority viewerCan, WorkingGroup.viewerCan.managePriorities, alliancePrioritiesViewerCan (e2e)', () => {
  let t: TestApp;
  let people: Record<Role, Actor>;
  let groupId: string;
  const scopeOf = new Map<string, string | null>();

  beforeAll(async () => {
    t = await startTestApp();
    people = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await makePerson(t, { admin: role === 'admin' })]))) as Record<Role, Actor>;
    groupId = (await makeGroup(t)).id;
    for (const role of ROLES) if (SEATS[role]) await seat(t, groupId, people[role], SEATS[role]);
  });
  afterAll(() => t.close());

  /** A priority created through the API by the admin, in the scope and status given. */
  async function priorityIn(scope: Scope, status: Status, title = 'Open automotive data spaces'): Promise<string> {
    const workingGroupId = scope === 'group' ? groupId : null;
    const { id } = ok(
      await t.gql(`mutation ($input: CreatePriorityInput!) { createPriority(input: $input) { id } }`, { input: { workingGroupId, title, description: 'Why', status } }, people.admin.token),
    ).createPriority;
    scopeOf.set(id, workingGroupId);
    return id;
  }

  async function idsOfScope(workingGroupId: string | null): Promise<string[]> {
    const rows: { id: string }[] = ok(await t.gql(`query ($g: ID) { priorities(workingGroupId: $g) { id } }`, { g: workingGroupId }, people.admin.token)).priorities;
    return rows.map((r) => r.id);
  }

  async function attempt(flag: Flag, id: string, who: Actor): Promise<GqlResponse> {
    const workingGroupId = scopeOf.get(id) ?? null;
    switch (flag) {
      case 'create':
        return t.gql(`mutation ($input: CreatePriorityInput!) { createPriority(input: $input) { id } }`, { input: { workingGroupId, title: 'Shared HPC time', description: 'D' } }, who.token);
      case 'reorder':
        return t.gql(`mutation ($g: ID, $ids: [ID!]!) { reorderPriorities(workingGroupId: $g, orderedIds: $ids) { id } }`, { g: workingGroupId, ids: (await idsOfScope(workingGroupId)).reverse() }, who.token);
      case 'edit':
        return t.gql(`mutation ($id: ID!) { updatePriority(id: $id, input: { title: "Sharper" }) { id } }`, { id }, who.token);
      case 'endorse':
        return t.gql(`mutation ($id: ID!) { endorsePriority(id: $id) { id } }`, { id }, who.token);
      case 'withdrawEndorsement':
        return t.gql(`mutation ($id: ID!) { withdrawPriorityEndorsement(id: $id) { id } }`, { id }, who.token);
    }
  }

  async function read(scope: Scope, id: string, who: Actor): Promise<Can> {
    if (scope === 'group') {
      const data = ok(await t.gql(READ_GROUP, { id, g: groupId }, who.token));
      const manages: boolean = data.workingGroup.viewerCan.managePriorities;
      return { create: manages, reorder: manages, ...data.priority.viewerCan };
    }
    const data = ok(await t.gql(READ_ALLIANCE, { id }, who.token));
    const manages: boolean = data.alliancePrioritiesViewerCan.managePriorities;
    return { create: manages, reorder: manages, ...data.priority.viewerCan };
  }

  const CASES: [Scope, Status][] = [
    ['group', 'PROPOSED'],
    ['group', 'ARCHIVED'],
    ['alliance', 'ADOPTED'],
    ['alliance', 'ARCHIVED'],
  ];

  it.each(CASES)('answers per role for a %s priority that is %s, and each mutation agrees with it', async (scope, status) => {
    const id = await priorityIn(scope, status);
    const answers = {} as Record<Role, Can | null>;
    for (const role of ROLES) answers[role] = await read(scope, id, people[role]);
    expect(answers).toEqual(Object.fromEntries(ROLES.map((role) => [role, expected(role, scope, status)])));
    await expectMutationsAgree({
      id,
      answers,
      flags: FLAGS,
      attempt: (flag, target, role) => attempt(flag, target, people[role]),
      fresh: () => priorityIn(scope, status),
    });
  });

  it("follows the viewer's seat: a member made chair may manage, an observer made member may endorse", async () => {
    const id = await priorityIn('group', 'PROPOSED');
    const [climber, watcher] = [await makePerson(t), await makePerson(t)];
    await seat(t, groupId, climber, 'MEMBER');
    await seat(t, groupId, watcher, 'OBSERVER');
    expect(await read('group', id, climber)).toMatchObject({ create: false, edit: false, endorse: true });
    expect(await read('group', id, watcher)).toMatchObject({ endorse: false, withdrawEndorsement: false });
    ok(await t.gql(`mutation ($g: ID!, $p: ID!) { setParticipantRole(workingGroupId: $g, personId: $p, role: CHAIR) { id } }`, { g: groupId, p: climber.id }, people.chair.token));
    ok(await t.gql(`mutation ($g: ID!, $p: ID!) { setParticipantRole(workingGroupId: $g, personId: $p, role: MEMBER) { id } }`, { g: groupId, p: watcher.id }, people.chair.token));
    expect(await read('group', id, climber)).toMatchObject({ create: true, edit: true });
    ok(await attempt('edit', id, climber));
    expect(await read('group', id, watcher)).toMatchObject({ endorse: true, withdrawEndorsement: true });
    ok(await attempt('endorse', id, watcher));
  });

  it('sends as many statements for many priorities as for a few, in a group and alliance-wide', async () => {
    const group = `query ($g: ID!) { workingGroup(id: $g) { id viewerCan { managePriorities } priorities { id ${PRIORITY_CAN} } } }`;
    const alliance = `{ alliancePrioritiesViewerCan { managePriorities } priorities { id ${PRIORITY_CAN} } }`;
    for (const who of [people.member, people.observer, people.admin]) {
      const fewGroup = await statementsOf(t, group, { g: groupId }, who.token);
      const fewAlliance = await statementsOf(t, alliance, {}, who.token);
      for (let i = 0; i < 10; i += 1) {
        await priorityIn('group', i % 3 ? 'PROPOSED' : 'ARCHIVED', `Group priority ${i}`);
        await priorityIn('alliance', i % 3 ? 'ADOPTED' : 'ARCHIVED', `Alliance priority ${i}`);
      }
      const manyGroup = await statementsOf(t, group, { g: groupId }, who.token);
      const manyAlliance = await statementsOf(t, alliance, {}, who.token);
      expect(manyGroup.data.workingGroup.priorities.length).toBeGreaterThanOrEqual(fewGroup.data.workingGroup.priorities.length + 10);
      expect(manyAlliance.data.priorities.length).toBeGreaterThanOrEqual(fewAlliance.data.priorities.length + 10);
      expect({ who: who.id, group: manyGroup.statements, alliance: manyAlliance.statements }).toEqual({
        who: who.id,
        group: fewGroup.statements,
        alliance: fewAlliance.statements,
      });
    }
  });
});
