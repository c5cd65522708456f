import { Actor, makeGroup, makePerson, seat } from './support/factories';
import { GqlResponse, ok, startTestApp, TestApp } from './support/test-app';
import { expectMutationsAgree, statementsOf } from './support/viewer-can';
import { CREATE_POOL, poolInput } from './support/data-pools';

const FLAGS = ['edit', 'manageSeats', 'reviewApplications', 'apply', 'createProposal', 'scheduleMeeting', 'managePriorities', 'createDataPool'] as const;
type Flag = (typeof FLAGS)[number];
type Can = Record<Flag, boolean>;
const VIEWER_CAN = `viewerCan { ${FLAGS.join(' ')} }`;
const READ = `query ($id: ID!) { workingGroup(id: $id) { id ${VIEWER_CAN} } }`;

const STATUSES = ['ACTIVE', 'CLOSED'] as const;
type Status = (typeof STATUSES)[number];

/** colleague: of the member's organisation, without a seat; outsider: of an organisation that is no member. */
const ROLES = ['admin', 'chair', 'secretary', 'member', 'observer', 'colleague', 'outsider'] as const;
type Role = (typeof ROLES)[number];

/** The spec, written out independently of the product code. */
function expected(role: Role, status: Status): Can {
  const manager = ['admin', 'chair', 'secretary'].includes(role);
  const open = status !== 'CLOSED';
  return {
    edit: manager,
    manageSeats: manager,
    reviewApplications: manager,
    // The admin's own organisation is no member either.
    apply: open && (role === 'admin' || role === 'outsider'),
    createProposal: open && ['admin', 'chair', 'secretary', 'member'].includes(role),
    scheduleMeeting: open && manager,
    // A closed group's priorities stay the managers' to keep (createPriority does not look at the status).
    managePriorities: manager,
    // createDataPool does not look at the group's status (decision 235): a CLOSED group's participants still may.
    createDataPool: ['admin', 'chair', 'secretary', 'member'].includes(role),
  };
}

describe('WorkingGroup.viewerCan (e2e)', () => {
  let t: TestApp;
  let people: Record<Role, Actor>;

  beforeAll(async () => {
    t = await startTestApp();
    const member = await makePerson(t);
    people = {
      admin: await makePerson(t, { admin: true }),
      chair: await makePerson(t),
      secretary: await makePerson(t),
      member,
      observer: await makePerson(t),
      colleague: await makePerson(t, { organizationId: member.organizationId }),
      outsider: await makePerson(t),
    };
  });
  afterAll(() => t.close());

  async function groupIn(status: Status): Promise<string> {
    const { id } = await makeGroup(t, status);
    await seat(t, id, people.chair, 'CHAIR');
    await seat(t, id, people.secretary, 'SECRETARY');
    await seat(t, id, people.member, 'MEMBER');
    await seat(t, id, people.observer, 'OBSERVER');
    return id;
  }

  function attempt(flag: Flag, id: string, who: Actor): Promise<GqlResponse> {
    const hour = 3600 * 1000;
    switch (flag) {
      case 'edit':
        return t.gql(`mutation ($id: ID!) { updateWorkingGroup(id: $id, input: { mission: "Sharper" }) { id } }`, { id }, who.token);
      case 'manageSeats':
        return t.gql(`mutation ($id: ID!, $p: ID!) { setParticipantRole(workingGroupId: $id, personId: $p, role: OBSERVER) { id } }`, { id, p: people.colleague.id }, who.token);
      case 'reviewApplications':
        return t.gql(`query ($id: ID!) { workingGroup(id: $id) { applications(first: 1) { totalCount } } }`, { id }, who.token);
      case 'apply':
        return t.gql(`mutation ($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`,
          { input: { workingGroupId: id, organizationId: who.organizationId, motivation: 'We build perception stacks' } }, who.token);
      case 'createProposal':
        // The lead must be a member organisation (the admin's own is not): input, not who the viewer is.
        return t.gql(`mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id } }`,
          { input: { workingGroupId: id, title: 'Pool', summary: 'S', body: 'B', kind: 'DATA_POOLING', leadOrganizationId: people.member.organizationId } }, who.token);
      case 'createDataPool':
        return t.gql(CREATE_POOL, { input: poolInput(id) }, who.token);
      case 'scheduleMeeting':
        return t.gql(`mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
          { input: { workingGroupId: id, title: 'Kick-off', format: 'ONLINE', onlineUrl: 'https://meet.example.org/k', timezone: 'Europe/Brussels',
            startsAt: new Date(Date.now() + 24 * hour).toISOString(), endsAt: new Date(Date.now() + 25 * hour).toISOString() } }, who.token);
      case 'managePriorities':
        return t.gql(`mutation ($input: CreatePriorityInput!) { createPriority(input: $input) { id } }`,
          { input: { workingGroupId: id, title: 'Shared HPC time', description: 'D' } }, who.token);
    }
  }

  it.each(STATUSES)('answers per role for an %s group, and each mutation agrees with it', async (status) => {
    const id = await groupIn(status);
    const answers = {} as Record<Role, Can | null>;
    for (const role of ROLES) answers[role] = ok(await t.gql(READ, { id }, people[role].token)).workingGroup.viewerCan;
    expect(answers).toEqual(Object.fromEntries(ROLES.map((role) => [role, expected(role, status)])));
    await expectMutationsAgree({ id, answers, flags: FLAGS, attempt: (flag, target, role) => attempt(flag, target, people[role]), fresh: () => groupIn(status) });
  });

  it('does not offer to apply while the organisation has an application open', async () => {
    const id = await groupIn('ACTIVE');
    const apply = async () => ok(await t.gql(READ, { id }, people.outsider.token)).workingGroup.viewerCan.apply;
    expect(await apply()).toBe(true);
    ok(await attempt('apply', id, people.outsider));
    expect(await apply()).toBe(false);
    expect((await attempt('apply', id, people.outsider)).errors?.[0].extensions.code).toBe('CONFLICT');
  });

  it('sends as many statements for many groups as for a few', async () => {
    const query = `{ workingGroups { id ${VIEWER_CAN} } }`;
    const few = await statementsOf(t, query, {}, people.member.token);
    for (let i = 0; i < 20; i += 1) await groupIn(i % 2 ? 'ACTIVE' : 'CLOSED');
    const many = await statementsOf(t, query, {}, people.member.token);
    expect(many.data.workingGroups.length).toBeGreaterThan(few.data.workingGroups.length + 15);
    expect(many.statements).toBe(few.statements);
  });
});
