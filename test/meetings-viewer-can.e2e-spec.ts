import { PeopleService, PlatformRole } from '@app/people';
import { Actor, insertAgenda, insertInvitation, insertMeeting, makeGroup, makePerson, seat } from './support/factories';
import { GqlResponse, ok, startTestApp, TestApp } from './support/test-app';
import { expectMutationsAgree, statementsOf } from './support/viewer-can';

const FLAGS = [
  'edit', 'cancel', 'setAgenda', 'invite', 'recordAttendance', 'writeMinutes', 'addActionItem', 'rsvp',
  'approveAgenda', 'acknowledgeAntitrust', 'setAntitrustStatement', 'downloadBrief',
] as const;
type Flag = (typeof FLAGS)[number];
type Can = Record<Flag, boolean>;
const VIEWER_CAN = `viewerCan { ${FLAGS.join(' ')} }`;
const READ = `query ($id: ID!) { meeting(id: $id) { id ${VIEWER_CAN} } }`;

/** The meetings of the table: upcoming with an agenda or without, started, cancelled, held. */
const SITUATIONS = ['upcoming', 'upcomingWithoutAgenda', 'started', 'cancelled', 'held'] as const;
type Situation = (typeof SITUATIONS)[number];

/** admin; counsel (platform COUNSEL, no seat); organisers; member and guest invited (guest without a seat); bystander and observer seated, not invited. */
const ROLES = ['admin', 'counsel', 'chair', 'secretary', 'member', 'bystander', 'observer', 'guest', 'outsider'] as const;
type Role = (typeof ROLES)[number];

/** The spec, written out independently of the product code. Null: the viewer does not read the meeting. */
function expected(role: Role, situation: Situation): Can | null {
  if (role === 'outsider') return null;
  const organiser = ['admin', 'chair', 'secretary'].includes(role);
  const invited = ['member', 'guest'].includes(role);
  const open = situation !== 'cancelled';
  const change = organiser && open;
  return {
    edit: change,
    cancel: change && situation !== 'held',
    setAgenda: change,
    invite: change,
    recordAttendance: change && (situation === 'started' || situation === 'held'),
    writeMinutes: change,
    addActionItem: change,
    rsvp: invited && open,
    approveAgenda: (role === 'admin' || role === 'counsel') && open && situation !== 'upcomingWithoutAgenda',
    acknowledgeAntitrust: invited && open,
    setAntitrustStatement: change,
    downloadBrief: true,
  };
}

describe('Meeting.viewerCan (e2e)', () => {
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
      member: await makePerson(t),
      bystander: await makePerson(t),
      observer: await makePerson(t),
      guest: await makePerson(t),
      outsider: await makePerson(t),
    };
    await t.app.get(PeopleService).setRole(people.counsel.id, PlatformRole.COUNSEL);
    await seat(t, group, people.chair, 'CHAIR');
    await seat(t, group, people.secretary, 'SECRETARY');
    await seat(t, group, people.member, 'MEMBER');
    await seat(t, group, people.bystander, 'MEMBER');
    await seat(t, group, people.observer, 'OBSERVER');
  });
  afterAll(() => t.close());

  async function meetingIn(situation: Situation): Promise<string> {
    const day = 24 * 3600 * 1000;
    const start = situation === 'upcoming' || situation === 'upcomingWithoutAgenda' ? Date.now() + 7 * day : Date.now() - day;
    const status = situation === 'cancelled' ? 'CANCELLED' : situation === 'held' ? 'HELD' : 'SCHEDULED';
    const id = await insertMeeting(t, people.chair, group, {
      title: `Meeting ${situation}`,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 3600 * 1000).toISOString(),
      status,
      location: 'Brussels',
    });
    if (situation !== 'upcomingWithoutAgenda') await insertAgenda(t, id, [{ title: 'Welcome', durationMinutes: 10 }]);
    await insertInvitation(t, id, people.member);
    await insertInvitation(t, id, people.guest);
    return id;
  }

  /** Tries the mutation a flag stands for. */
  function attempt(flag: Flag, id: string, who: Actor): Promise<GqlResponse> {
    const run = (document: string, variables: Record<string, unknown> = {}) => t.gql(document, { id, ...variables }, who.token);
    switch (flag) {
      case 'edit':
        return run(`mutation ($id: ID!) { updateMeeting(id: $id, input: { title: "Renamed" }) { id } }`);
      case 'cancel':
        return run(`mutation ($id: ID!) { cancelMeeting(id: $id, reason: "Clash") { id } }`);
      case 'setAgenda':
        return run(`mutation ($id: ID!) { setAgenda(meetingId: $id, items: [{ title: "Agenda", durationMinutes: 15 }]) { id } }`);
      case 'invite':
        return run(`mutation ($id: ID!, $p: [ID!]!) { invite(meetingId: $id, personIds: $p) { id } }`, { p: [people.bystander.id] });
      case 'recordAttendance':
        return run(`mutation ($id: ID!, $p: [ID!]!) { recordAttendance(meetingId: $id, personIds: $p) { id } }`, { p: [people.member.id] });
      case 'writeMinutes':
        return run(`mutation ($id: ID!) { recordMinutes(meetingId: $id, minutes: "Notes") { id } }`);
      case 'addActionItem':
        return run(`mutation ($id: ID!) { addActionItem(meetingId: $id, input: { title: "Follow up" }) { id } }`);
      case 'rsvp':
        return run(`mutation ($id: ID!) { respondToInvitation(meetingId: $id, status: ACCEPTED) { status } }`);
      case 'approveAgenda':
        return run(`mutation ($id: ID!) { approveMeetingAgenda(meetingId: $id) { id } }`);
      case 'acknowledgeAntitrust':
        return run(`mutation ($id: ID!) { acknowledgeAntitrustStatement(meetingId: $id) { id } }`);
      case 'setAntitrustStatement':
        return run(`mutation ($id: ID!) { setAntitrustStatement(meetingId: $id, statement: "Compete fairly.") { id } }`);
      case 'downloadBrief':
        return run(`mutation ($id: ID!) { exportMeetingBrief(meetingId: $id, format: MARKDOWN) { filename } }`);
    }
  }

  it.each(SITUATIONS)('answers per role for a meeting %s, and each mutation agrees with it', async (situation) => {
    const id = await meetingIn(situation);
    const answers = {} as Record<Role, Can | null>;
    for (const role of ROLES) answers[role] = ok(await t.gql(READ, { id }, people[role].token)).meeting?.viewerCan ?? null;
    expect(answers).toEqual(Object.fromEntries(ROLES.map((role) => [role, expected(role, situation)])));

    await expectMutationsAgree({ id, answers, flags: FLAGS, attempt: (flag, target, role) => attempt(flag, target, people[role]), fresh: () => meetingIn(situation) });
  });

  it('follows the agenda: counsel may approve once it has items', async () => {
    const id = await meetingIn('upcomingWithoutAgenda');
    const approve = async () => ok(await t.gql(READ, { id }, people.counsel.token)).meeting.viewerCan.approveAgenda;
    expect(await approve()).toBe(false);
    ok(await attempt('setAgenda', id, people.chair));
    expect(await approve()).toBe(true);
  });

  it('sends as many statements for many meetings as for a few', async () => {
    const own = (await makeGroup(t)).id;
    await seat(t, own, people.member, 'MEMBER');
    const query = `query ($g: ID!) { meetings(first: 50, filter: { workingGroupId: $g }) { edges { node { id ${VIEWER_CAN} } } } }`;
    const statementsFor = async (who: Actor, rows: number) => {
      const { data, statements } = await statementsOf(t, query, { g: own }, who.token);
      expect(data.meetings.edges).toHaveLength(rows);
      return statements;
    };
    const add = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        const start = Date.now() + (i + 1) * 3600 * 1000;
        const id = await insertMeeting(t, people.admin, own, { title: `M${i}`, startsAt: new Date(start).toISOString(), endsAt: new Date(start + 1800 * 1000).toISOString(), location: 'Online' });
        await insertAgenda(t, id, [{ title: 'Item', durationMinutes: 5 }]);
        if (i % 2 === 0) await insertInvitation(t, id, people.member);
      }
    };
    await add(3);
    const few = { member: await statementsFor(people.member, 3), counsel: await statementsFor(people.counsel, 3) };
    await add(30);
    const many = { member: await statementsFor(people.member, 33), counsel: await statementsFor(people.counsel, 33) };
    expect(many).toEqual(few);
    // Auth, the page, the viewer's seat roles, their invitations, and (counsel) the agendas' sizes.
    expect(many.counsel).toBeLessThanOrEqual(5);
  });
});
