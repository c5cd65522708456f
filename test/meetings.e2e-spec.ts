import { randomUUID } from 'node:crypto';
import { MeetingEvent, MeetingEvents } from '@app/meetings';
import { Actor, makeGroup, makePerson, makePriority, makeProposal, moveProposal, seat } from './support/factories';
import { GqlResponse, ok, refusal, startTestApp, TestApp } from './support/test-app';

const MEETING_FIELDS = `id title description format location onlineUrl startsAt endsAt timezone status cancelReason minutes
  sequence createdAt workingGroup { id } attendeeCount agendaOverrunMinutes`;
const SCHEDULE = `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${MEETING_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { ${MEETING_FIELDS} } }`;
const CANCEL = `mutation ($id: ID!, $reason: String) { cancelMeeting(id: $id, reason: $reason) { ${MEETING_FIELDS} } }`;
const AGENDA_FIELDS = `agendaOverrunMinutes agenda { id position title description durationMinutes startsAt
  presenter { id name } proposal { id title } priority { id title } }`;
const SET_AGENDA = `mutation ($id: ID!, $items: [AgendaItemInput!]!) { setAgenda(meetingId: $id, items: $items) { id ${AGENDA_FIELDS} } }`;
const INVITATION_FIELDS = `person { id } status attended respondedAt invitedAt`;
const INVITE = `mutation ($id: ID!, $people: [ID!]!) { invite(meetingId: $id, personIds: $people) {
  id attendeeCount invitations { ${INVITATION_FIELDS} } } }`;
const RESPOND = `mutation ($id: ID!, $status: RsvpStatus!) { respondToInvitation(meetingId: $id, status: $status) { ${INVITATION_FIELDS} } }`;
const ATTENDANCE = `mutation ($id: ID!, $people: [ID!]!) { recordAttendance(meetingId: $id, personIds: $people) {
  id status attendeeCount invitations { ${INVITATION_FIELDS} } } }`;
const MINUTES = `mutation ($id: ID!, $minutes: String!) { recordMinutes(meetingId: $id, minutes: $minutes) { id status minutes } }`;
const ACTION_ITEM_FIELDS = `id title dueDate status createdAt doneAt owner { id } meeting { id }`;
const ADD_ACTION = `mutation ($id: ID!, $input: ActionItemInput!) { addActionItem(meetingId: $id, input: $input) { ${ACTION_ITEM_FIELDS} } }`;
const SET_ACTION_STATUS = `mutation ($id: ID!, $status: ActionItemStatus!) { setActionItemStatus(id: $id, status: $status) { ${ACTION_ITEM_FIELDS} } }`;
const MY_ACTIONS = `query ($status: ActionItemStatus) { myActionItems(status: $status) { ${ACTION_ITEM_FIELDS} } }`;
const MEETING = `query ($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} ${AGENDA_FIELDS}
  invitations { ${INVITATION_FIELDS} } actionItems { ${ACTION_ITEM_FIELDS} } } }`;
const MEETINGS = `query ($first: Int, $after: String, $filter: MeetingFilter) { meetings(first: $first, after: $after, filter: $filter) {
  totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id startsAt status workingGroup { id } } } } }`;
const GROUP_MEETINGS = `query ($group: ID!, $first: Int, $filter: MeetingFilter) { workingGroup(id: $group) {
  meetings(first: $first, filter: $filter) { totalCount edges { node { id } } } } }`;

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
/** 09:00 in Brussels on the launch workshop's first day (CET, UTC+1), to 17:00. */
const WINTER = { startsAt: '2026-02-05T08:00:00.000Z', endsAt: '2026-02-05T16:00:00.000Z' };
/** 09:00 in Brussels in July (CEST, UTC+2), to 11:00. */
const SUMMER = { startsAt: '2026-07-09T07:00:00.000Z', endsAt: '2026-07-09T09:00:00.000Z' };
/** A meeting that has not started yet: 09:00–11:00 Brussels time. */
const FUTURE = { startsAt: '2031-03-04T08:00:00.000Z', endsAt: '2031-03-04T10:00:00.000Z' };

const brusselsTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

describe('Meetings and workshops (e2e)', () => {
  let t: TestApp;
  let admin: Actor;

  beforeAll(async () => {
    // No notification worker: its background statements would count in the SQL statement tests
    // (notifications have their own e2e tests; events are still recorded in each transaction).
    t = await startTestApp({ RUN_WORKER: 'false' });
    admin = await makePerson(t, { admin: true });
  });
  afterAll(() => t.close());



  /** A group with one person per role, each from their own organisation, an outsider and another group's chair. */
  async function fixture() {
    const group = await makeGroup(t);
    const [chair, coChair, secretary, member, observer, outsider, otherChair] = await Promise.all(
      Array.from({ length: 7 }, (_, i) => makePerson(t, { name: `Person ${String.fromCharCode(65 + i)} ${randomUUID().slice(0, 6)}` })),
    );
    await seat(t, group.id, chair, 'CHAIR');
    await seat(t, group.id, coChair, 'CO_CHAIR');
    await seat(t, group.id, secretary, 'SECRETARY');
    await seat(t, group.id, member, 'MEMBER');
    await seat(t, group.id, observer, 'OBSERVER');
    await seat(t, (await makeGroup(t)).id, otherChair, 'CHAIR');
    return { group, chair, coChair, secretary, member, observer, outsider, otherChair };
  }
  type Fixture = Awaited<ReturnType<typeof fixture>>;

  const input = (workingGroupId: string | null, overrides: Record<string, unknown> = {}) => ({
    workingGroupId,
    title: 'Plenary',
    description: 'Quarterly plenary',
    format: 'HYBRID',
    location: 'Brussels, Rue de la Loi 200',
    onlineUrl: 'https://meet.example.org/ecava',
    ...FUTURE,
    timezone: 'Europe/Brussels',
    ...overrides,
  });

  function schedule(actor: Actor | null, workingGroupId: string | null, overrides: Record<string, unknown> = {}) {
    return t.gql(SCHEDULE, { input: input(workingGroupId, overrides) }, actor?.token);
  }

  async function scheduled(actor: Actor, workingGroupId: string | null, overrides: Record<string, unknown> = {}) {
    return ok(await schedule(actor, workingGroupId, overrides)).scheduleMeeting;
  }

  async function meetingRow(id: string): Promise<{ status: string; sequence: number; title: string } | undefined> {
    const [row] = await t.dataSource.query(`SELECT status, sequence, title FROM meetings WHERE id = $1`, [id]);
    return row;
  }

  async function meetingsOfGroup(groupId: string): Promise<number> {
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM meetings WHERE working_group_id = $1`, [groupId]);
    return count;
  }

  async function read(actor: Actor, id: string) {
    return ok(await t.gql(MEETING, { id }, actor.token)).meeting;
  }

  describe('scheduleMeeting', () => {
    it('schedules a group meeting as given: SCHEDULED, sequence 0, trimmed title, times in UTC', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id, { title: '  Data pooling plenary  ' });
      expect(meeting).toMatchObject({
        title: 'Data pooling plenary',
        description: 'Quarterly plenary',
        format: 'HYBRID',
        location: 'Brussels, Rue de la Loi 200',
        onlineUrl: 'https://meet.example.org/ecava',
        startsAt: FUTURE.startsAt,
        endsAt: FUTURE.endsAt,
        timezone: 'Europe/Brussels',
        status: 'SCHEDULED',
        cancelReason: null,
        minutes: null,
        sequence: 0,
        workingGroup: { id: f.group.id },
        attendeeCount: 0,
        agendaOverrunMinutes: 0,
      });
      expect(new Date(meeting.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(await read(f.member, meeting.id)).toMatchObject({ id: meeting.id, agenda: [], invitations: [], actionItems: [] });
    });

    it('stores 09:00 Brussels in winter as 08:00Z and reads it back unchanged', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id, { startsAt: '2026-02-05T08:00:00Z', endsAt: '2026-02-05T16:00:00Z' });
      expect(meeting.startsAt).toBe('2026-02-05T08:00:00.000Z');
      const again = await read(f.observer, meeting.id);
      expect(again).toMatchObject({ startsAt: '2026-02-05T08:00:00.000Z', endsAt: '2026-02-05T16:00:00.000Z', timezone: 'Europe/Brussels' });
      expect(brusselsTime(again.startsAt)).toBe('09:00');
    });

    it('stores 09:00 Brussels in July as 07:00Z and reads it back unchanged', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id, { startsAt: '2026-07-09T07:00:00Z', endsAt: '2026-07-09T09:00:00Z' });
      const again = await read(f.member, meeting.id);
      expect(again).toMatchObject({ startsAt: SUMMER.startsAt, endsAt: SUMMER.endsAt, timezone: 'Europe/Brussels' });
      expect(brusselsTime(again.startsAt)).toBe('09:00');
      const [row] = await t.dataSource.query(`SELECT starts_at FROM meetings WHERE id = $1`, [meeting.id]);
      expect((row.starts_at as Date).toISOString()).toBe(SUMMER.startsAt);
    });

    it("lets the group's CHAIR, CO_CHAIR, SECRETARY and an admin schedule its meetings", async () => {
      const f = await fixture();
      for (const actor of [f.chair, f.coChair, f.secretary, admin]) {
        expect(await scheduled(actor, f.group.id)).toMatchObject({ status: 'SCHEDULED', workingGroup: { id: f.group.id } });
      }
      expect(await meetingsOfGroup(f.group.id)).toBe(4);
    });

    it("refuses MEMBER, OBSERVER, an outsider and another group's chair with FORBIDDEN, and anonymous clients", async () => {
      const f = await fixture();
      for (const actor of [f.member, f.observer, f.outsider, f.otherChair]) {
        expect(refusal(await schedule(actor, f.group.id))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_GROUP_MANAGER' });
      }
      expect(refusal(await schedule(null, f.group.id))).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await meetingsOfGroup(f.group.id)).toBe(0);
    });

    it('lets only admins schedule alliance-wide workshops', async () => {
      const f = await fixture();
      const workshop = await scheduled(admin, null, { title: 'Launch workshop', format: 'IN_PERSON', onlineUrl: null, ...WINTER });
      expect(workshop).toMatchObject({ workingGroup: null, format: 'IN_PERSON', onlineUrl: null, startsAt: WINTER.startsAt });
      for (const actor of [f.chair, f.secretary, f.member, f.outsider]) {
        expect(refusal(await schedule(actor, null, { title: `Not allowed ${actor.id}` }))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_ADMIN' });
      }
      expect(refusal(await schedule(null, null))).toMatchObject({ code: 'UNAUTHENTICATED' });
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM meetings WHERE title LIKE 'Not allowed%'`);
      expect(count).toBe(0);
    });

    it('answers NOT_FOUND for an unknown group, BAD_USER_INPUT for a malformed id and CONFLICT for a closed group', async () => {
      expect(refusal(await schedule(admin, UNKNOWN))).toEqual({ code: 'NOT_FOUND', reason: 'WORKING_GROUP_NOT_FOUND' });
      expect(refusal(await schedule(admin, 'not-a-uuid'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workingGroupId' });
      const closed = await makeGroup(t, 'CLOSED');
      expect(refusal(await schedule(admin, closed.id))).toEqual({ code: 'CONFLICT', reason: 'WORKING_GROUP_CLOSED' });
    });

    it('invites every current participant when inviteParticipants is true, and nobody for a workshop', async () => {
      const f = await fixture();
      const former = await makePerson(t);
      await seat(t, f.group.id, former, 'MEMBER');
      await t.dataSource.query(`UPDATE working_group_participants SET ended_at = now() WHERE person_id = $1`, [former.id]);
      const meeting = await scheduled(f.secretary, f.group.id, { inviteParticipants: true });
      const invited = (await read(f.chair, meeting.id)).invitations;
      expect(invited.map((i: any) => i.person.id).sort()).toEqual([f.chair, f.coChair, f.secretary, f.member, f.observer].map((p) => p.id).sort());
      expect(invited.every((i: any) => i.status === 'INVITED' && i.attended === null && i.respondedAt === null)).toBe(true);
      const workshop = await scheduled(admin, null, { inviteParticipants: true });
      expect((await read(admin, workshop.id)).invitations).toEqual([]);
      const quiet = await scheduled(f.chair, f.group.id, { inviteParticipants: false });
      expect((await read(f.chair, quiet.id)).invitations).toEqual([]);
    });

    it.each([
      ['endsAt before startsAt', { startsAt: FUTURE.endsAt, endsAt: FUTURE.startsAt }, 'endsAt'],
      ['endsAt equal to startsAt', { endsAt: FUTURE.startsAt }, 'endsAt'],
      ['a time zone that is not IANA', { timezone: 'Mars/Olympus_Mons' }, 'timezone'],
      ['an abbreviation instead of a zone', { timezone: 'CET' }, 'timezone'],
      ['an IN_PERSON meeting without a location', { format: 'IN_PERSON', location: null }, 'location'],
      ['an IN_PERSON meeting with a blank location', { format: 'IN_PERSON', location: '   ' }, 'location'],
      ['a HYBRID meeting without a location', { location: null }, 'location'],
      ['an ONLINE meeting without an onlineUrl', { format: 'ONLINE', location: null, onlineUrl: null }, 'onlineUrl'],
      ['a HYBRID meeting without an onlineUrl', { onlineUrl: null }, 'onlineUrl'],
      ['an onlineUrl that is not http(s)', { onlineUrl: 'ftp://files.example.org/meeting' }, 'onlineUrl'],
      ['a javascript: onlineUrl', { onlineUrl: 'javascript:alert(1)' }, 'onlineUrl'],
      ['an empty title', { title: '  ' }, 'title'],
      ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title'],
      ['a startsAt that is not a date-time', { startsAt: 'next Tuesday' }, 'startsAt'],
    ])('refuses %s with BAD_USER_INPUT naming the field, creating nothing', async (_, overrides, field) => {
      const f = await fixture();
      expect(refusal(await schedule(f.chair, f.group.id, overrides))).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await meetingsOfGroup(f.group.id)).toBe(0);
    });

    it('accepts an ONLINE meeting without a location and an IN_PERSON one without a link', async () => {
      const f = await fixture();
      expect(await scheduled(f.chair, f.group.id, { format: 'ONLINE', location: null })).toMatchObject({ format: 'ONLINE', location: null });
      expect(await scheduled(f.chair, f.group.id, { format: 'IN_PERSON', onlineUrl: null })).toMatchObject({ onlineUrl: null });
    });
  });

  describe('updateMeeting', () => {
    it.each([
      ['title', { title: 'Renamed plenary' }],
      ['description', { description: 'New description' }],
      ['format', { format: 'IN_PERSON' }],
      ['location', { location: 'Stuttgart, HLRS' }],
      ['onlineUrl', { onlineUrl: 'https://meet.example.org/other' }],
      ['startsAt', { startsAt: '2031-03-04T07:30:00.000Z' }],
      ['endsAt', { endsAt: '2031-03-04T11:00:00.000Z' }],
      ['timezone', { timezone: 'Europe/Berlin' }],
    ])('bumps sequence by one when %s changes', async (_, change) => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id);
      const updated = ok(await t.gql(UPDATE, { id: meeting.id, input: change }, f.secretary.token)).updateMeeting;
      expect(updated).toMatchObject({ ...change, sequence: 1 });
      expect(await meetingRow(meeting.id)).toMatchObject({ sequence: 1 });
    });

    it('keeps fields not given, bumps once per update whatever the number of fields, and not at all when nothing changes', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id);
      const moved = ok(
        await t.gql(UPDATE, { id: meeting.id, input: { startsAt: '2031-03-05T08:00:00Z', endsAt: '2031-03-05T12:00:00Z', location: 'Munich' } }, f.chair.token),
      ).updateMeeting;
      expect(moved).toMatchObject({ title: 'Plenary', location: 'Munich', startsAt: '2031-03-05T08:00:00.000Z', sequence: 1 });
      const same = ok(await t.gql(UPDATE, { id: meeting.id, input: { title: 'Plenary', location: 'Munich', startsAt: '2031-03-05T08:00:00Z' } }, f.chair.token))
        .updateMeeting;
      expect(same.sequence).toBe(1);
      expect(ok(await t.gql(UPDATE, { id: meeting.id, input: {} }, f.chair.token)).updateMeeting.sequence).toBe(1);
      const cleared = ok(await t.gql(UPDATE, { id: meeting.id, input: { description: null } }, f.chair.token)).updateMeeting;
      expect(cleared).toMatchObject({ description: null, sequence: 2 });
    });

    it.each([
      ['a start after the current end', { startsAt: '2031-03-04T12:00:00Z' }, 'startsAt'],
      ['an end before the current start', { endsAt: '2031-03-04T07:00:00Z' }, 'endsAt'],
      ['a null title', { title: null }, 'title'],
      ['a null startsAt', { startsAt: null }, 'startsAt'],
      ['a null format', { format: null }, 'format'],
      ['clearing the location of a HYBRID meeting', { location: null }, 'location'],
      ['switching to ONLINE without a link', { format: 'ONLINE', onlineUrl: null }, 'onlineUrl'],
      ['a bad time zone', { timezone: 'Europe/Atlantis' }, 'timezone'],
    ])('refuses %s with BAD_USER_INPUT naming the field, changing nothing', async (_, change, field) => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id);
      expect(refusal(await t.gql(UPDATE, { id: meeting.id, input: change }, f.chair.token))).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await meetingRow(meeting.id)).toEqual({ status: 'SCHEDULED', sequence: 0, title: 'Plenary' });
    });

    it('refuses MEMBER and OBSERVER (FORBIDDEN), an outsider (NOT_FOUND: they cannot read it) and anonymous clients', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id);
      const change = { id: meeting.id, input: { title: 'Hijacked' } };
      for (const actor of [f.member, f.observer]) {
        expect(refusal(await t.gql(UPDATE, change, actor.token))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_GROUP_MANAGER' });
      }
      for (const actor of [f.outsider, f.otherChair]) {
        expect(refusal(await t.gql(UPDATE, change, actor.token))).toEqual({ code: 'NOT_FOUND', reason: 'MEETING_NOT_FOUND' });
      }
      expect(refusal(await t.gql(UPDATE, change))).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await meetingRow(meeting.id)).toMatchObject({ title: 'Plenary', sequence: 0 });
      expect(ok(await t.gql(UPDATE, change, f.coChair.token)).updateMeeting).toMatchObject({ title: 'Hijacked', sequence: 1 });
    });

    it('lets only admins edit a workshop; everyone else reads it and gets FORBIDDEN', async () => {
      const f = await fixture();
      const workshop = await scheduled(admin, null);
      for (const actor of [f.chair, f.member, f.outsider]) {
        expect(refusal(await t.gql(UPDATE, { id: workshop.id, input: { title: 'x' } }, actor.token))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_ADMIN' });
      }
      expect(ok(await t.gql(UPDATE, { id: workshop.id, input: { title: 'Workshop II' } }, admin.token)).updateMeeting.sequence).toBe(1);
    });

    it('answers NOT_FOUND for unknown and malformed ids', async () => {
      for (const id of [UNKNOWN, 'nope']) {
        expect(refusal(await t.gql(UPDATE, { id, input: { title: 'x' } }, admin.token))).toMatchObject({ code: 'NOT_FOUND' });
      }
    });
  });

  describe('cancelMeeting', () => {
    it('sets CANCELLED with the reason and bumps sequence; a cancelled meeting cannot change again (CONFLICT)', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id);
      ok(await t.gql(UPDATE, { id: meeting.id, input: { title: 'Moved' } }, f.chair.token));
      const cancelled = ok(await t.gql(CANCEL, { id: meeting.id, reason: '  Venue unavailable  ' }, f.secretary.token)).cancelMeeting;
      expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'Venue unavailable', sequence: 2 });
      const conflict = { code: 'CONFLICT', reason: 'MEETING_CANCELLED' };
      expect(refusal(await t.gql(CANCEL, { id: meeting.id }, f.chair.token))).toEqual(conflict);
      expect(refusal(await t.gql(UPDATE, { id: meeting.id, input: { title: 'Back' } }, f.chair.token))).toEqual(conflict);
      expect(refusal(await t.gql(SET_AGENDA, { id: meeting.id, items: [] }, f.chair.token))).toEqual(conflict);
      expect(refusal(await t.gql(INVITE, { id: meeting.id, people: [f.member.id] }, f.chair.token))).toEqual(conflict);
      expect(refusal(await t.gql(MINUTES, { id: meeting.id, minutes: 'x' }, f.chair.token))).toEqual(conflict);
      expect(refusal(await t.gql(ADD_ACTION, { id: meeting.id, input: { title: 'x' } }, f.chair.token))).toEqual(conflict);
      expect(await meetingRow(meeting.id)).toEqual({ status: 'CANCELLED', sequence: 2, title: 'Moved' });
    });

    it('cancels without a reason', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id);
      expect(ok(await t.gql(CANCEL, { id: meeting.id }, admin.token)).cancelMeeting).toMatchObject({ status: 'CANCELLED', cancelReason: null, sequence: 1 });
    });

    it('refuses a meeting that was held (CONFLICT), non-organisers (FORBIDDEN) and those who cannot read it (NOT_FOUND)', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id);
      expect(refusal(await t.gql(CANCEL, { id: meeting.id }, f.member.token))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_GROUP_MANAGER' });
      expect(refusal(await t.gql(CANCEL, { id: meeting.id }, f.outsider.token))).toEqual({ code: 'NOT_FOUND', reason: 'MEETING_NOT_FOUND' });
      expect(refusal(await t.gql(CANCEL, { id: meeting.id }))).toMatchObject({ code: 'UNAUTHENTICATED' });
      const held = await scheduled(f.chair, f.group.id, WINTER);
      ok(await t.gql(ATTENDANCE, { id: held.id, people: [f.chair.id] }, f.chair.token));
      expect(refusal(await t.gql(CANCEL, { id: held.id }, f.chair.token))).toEqual({ code: 'CONFLICT', reason: 'MEETING_HELD' });
      expect(await meetingRow(meeting.id)).toMatchObject({ status: 'SCHEDULED', sequence: 0 });
    });
  });

  describe('permission matrix', () => {
    const ROLES = ['admin', 'chair', 'coChair', 'secretary', 'member', 'observer', 'outsider', 'anonymous'] as const;
    type Role = (typeof ROLES)[number];
    type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';
    const GROUP: Record<Role, Outcome> = {
      admin: 'ok',
      chair: 'ok',
      coChair: 'ok',
      secretary: 'ok',
      member: 'FORBIDDEN',
      observer: 'FORBIDDEN',
      outsider: 'NOT_FOUND',
      anonymous: 'UNAUTHENTICATED',
    };
    const WORKSHOP: Record<Role, Outcome> = { ...GROUP, chair: 'FORBIDDEN', coChair: 'FORBIDDEN', secretary: 'FORBIDDEN', outsider: 'FORBIDDEN' };

    /** Each operation on a fresh past meeting, so that one role's success does not change another's answer. */
    const OPERATIONS: [string, (meetingId: string, f: Fixture) => Promise<[string, Record<string, unknown>]>][] = [
      ['updateMeeting', async (id) => [UPDATE, { id, input: { title: 'Changed' } }]],
      ['cancelMeeting', async (id) => [CANCEL, { id }]],
      ['setAgenda', async (id) => [SET_AGENDA, { id, items: [{ title: 'Item', durationMinutes: 10 }] }]],
      ['invite', async (id, f) => [INVITE, { id, people: [f.member.id] }]],
      ['recordAttendance', async (id, f) => [ATTENDANCE, { id, people: [f.member.id] }]],
      ['recordMinutes', async (id) => [MINUTES, { id, minutes: 'Minutes' }]],
      ['addActionItem', async (id) => [ADD_ACTION, { id, input: { title: 'Task' } }]],
      [
        'setActionItemStatus (not the owner)',
        async (id) => {
          const item = ok(await t.gql(ADD_ACTION, { id, input: { title: 'Task', ownerId: (await makePerson(t)).id } }, admin.token)).addActionItem;
          return [SET_ACTION_STATUS, { id: item.id, status: 'DONE' }];
        },
      ],
    ];

    function outcome(response: GqlResponse): Outcome {
      return response.errors ? (response.errors[0].extensions.code as Outcome) : 'ok';
    }

    it.each(OPERATIONS)('%s on a group meeting and on a workshop', async (_, operation) => {
      const f = await fixture();
      const actors: Record<Role, Actor | null> = { ...f, admin, anonymous: null };
      for (const [workshop, expected] of [
        [false, GROUP],
        [true, WORKSHOP],
      ] as const) {
        const seen: Partial<Record<Role, Outcome>> = {};
        for (const role of ROLES) {
          const meeting = await scheduled(admin, workshop ? null : f.group.id, WINTER);
          const [document, variables] = await operation(meeting.id, f);
          seen[role] = outcome(await t.gql(document, variables, actors[role]?.token));
        }
        expect(seen).toEqual(expected);
      }
    });

    it('scheduleMeeting for a group and a workshop', async () => {
      const f = await fixture();
      const actors: Record<Role, Actor | null> = { ...f, admin, anonymous: null };
      for (const [workingGroupId, expected] of [
        [f.group.id, { ...GROUP, outsider: 'FORBIDDEN' }],
        [null, WORKSHOP],
      ] as const) {
        const seen: Partial<Record<Role, Outcome>> = {};
        for (const role of ROLES) seen[role] = outcome(await schedule(actors[role], workingGroupId));
        expect(seen).toEqual(expected);
      }
    });
  });

  describe('who reads a meeting', () => {
    /** A fixture whose group has one meeting, plus an outsider invited to it and one owning an action item. */
    async function readers() {
      const f = await fixture();
      const [invitee, owner] = [await makePerson(t), await makePerson(t)];
      const window = { startsAt: `2032-0${(readersMade += 1)}-10T08:00:00.000Z`, endsAt: `2032-0${readersMade}-10T09:00:00.000Z` };
      const meeting = await scheduled(f.chair, f.group.id, window);
      ok(await t.gql(INVITE, { id: meeting.id, people: [invitee.id] }, f.chair.token));
      ok(await t.gql(ADD_ACTION, { id: meeting.id, input: { title: 'Share the dataset catalogue', ownerId: owner.id } }, f.chair.token));
      return { ...f, invitee, owner, meeting, window };
    }
    let readersMade = 0;

    const listed = async (actor: Actor, filter: object) => ok(await t.gql(MEETINGS, { filter }, actor.token)).meetings;

    it("lets admins, the group's participants, invitees and action-item owners read a group meeting, and nobody else", async () => {
      const r = await readers();
      const filter = { workingGroupId: r.group.id };
      for (const actor of [admin, r.chair, r.coChair, r.secretary, r.member, r.observer, r.invitee, r.owner]) {
        expect((await read(actor, r.meeting.id))?.id).toBe(r.meeting.id);
        const list = await listed(actor, filter);
        expect(list.totalCount).toBe(1);
        expect(list.edges.map((e: any) => e.node.id)).toEqual([r.meeting.id]);
        const grouped = ok(await t.gql(GROUP_MEETINGS, { group: r.group.id }, actor.token)).workingGroup.meetings;
        expect(grouped).toEqual({ totalCount: 1, edges: [{ node: { id: r.meeting.id } }] });
      }
      for (const actor of [r.outsider, r.otherChair]) {
        expect(await read(actor, r.meeting.id)).toBeNull();
        expect(await listed(actor, filter)).toMatchObject({ totalCount: 0, edges: [] });
        expect(await listed(actor, { from: r.window.startsAt, to: r.window.endsAt })).toMatchObject({ totalCount: 0, edges: [] });
        expect(ok(await t.gql(GROUP_MEETINGS, { group: r.group.id }, actor.token)).workingGroup.meetings).toEqual({ totalCount: 0, edges: [] });
      }
    });

    it('stops showing a group meeting to a participant whose seat ended', async () => {
      const r = await readers();
      await t.dataSource.query(`UPDATE working_group_participants SET ended_at = now() WHERE person_id = $1`, [r.member.id]);
      expect(await read(r.member, r.meeting.id)).toBeNull();
      expect((await listed(r.member, { workingGroupId: r.group.id })).totalCount).toBe(0);
    });

    it('lets every signed-in person read a workshop; anonymous clients are UNAUTHENTICATED', async () => {
      const stranger = await makePerson(t);
      const workshop = await scheduled(admin, null, { startsAt: '2033-05-05T08:00:00Z', endsAt: '2033-05-06T16:00:00Z' });
      expect((await read(stranger, workshop.id)).id).toBe(workshop.id);
      const list = await listed(stranger, { from: '2033-05-01T00:00:00Z', to: '2033-06-01T00:00:00Z' });
      expect(list).toMatchObject({ totalCount: 1, edges: [{ node: { id: workshop.id, workingGroup: null } }] });
      expect(refusal(await t.gql(MEETING, { id: workshop.id }))).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(refusal(await t.gql(MEETINGS, {}))).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('answers null for unknown and malformed ids', async () => {
      expect(await read(admin, UNKNOWN)).toBeNull();
      expect(await read(admin, 'not-a-uuid')).toBeNull();
    });
  });

  describe('meeting lists', () => {
    it('orders by start time then id, pages with cursors, and counts across pages', async () => {
      const f = await fixture();
      const starts = ['2034-01-03T09:00:00Z', '2034-01-01T09:00:00Z', '2034-01-02T09:00:00Z', '2034-01-02T09:00:00Z', '2034-01-04T09:00:00Z'];
      const ids: { id: string; startsAt: string }[] = [];
      for (const startsAt of starts) {
        const m = await scheduled(f.chair, f.group.id, { startsAt, endsAt: startsAt.replace('T09', 'T10') });
        ids.push({ id: m.id, startsAt: m.startsAt });
      }
      const expected = [...ids].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id)).map((m) => m.id);
      const filter = { workingGroupId: f.group.id };
      const first = ok(await t.gql(MEETINGS, { first: 2, filter }, f.member.token)).meetings;
      expect(first.totalCount).toBe(5);
      expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const second = ok(await t.gql(MEETINGS, { first: 2, after: first.pageInfo.endCursor, filter }, f.member.token)).meetings;
      const third = ok(await t.gql(MEETINGS, { first: 2, after: second.pageInfo.endCursor, filter }, f.member.token)).meetings;
      expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      expect([...first.edges, ...second.edges, ...third.edges].map((e: any) => e.node.id)).toEqual(expected);
      expect(refusal(await t.gql(MEETINGS, { after: 'forged', filter }, f.member.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it('keeps meetings that overlap the window [from, to), and filters by status', async () => {
      const f = await fixture();
      const make = async (startsAt: string, endsAt: string) => (await scheduled(f.chair, f.group.id, { startsAt, endsAt })).id;
      const before = await make('2035-06-01T08:00:00Z', '2035-06-01T10:00:00Z'); // ends exactly at `from`
      const across = await make('2035-06-01T09:00:00Z', '2035-06-01T11:00:00Z'); // starts before, ends inside
      const inside = await make('2035-06-01T12:00:00Z', '2035-06-01T13:00:00Z');
      const spanning = await make('2035-05-31T08:00:00Z', '2035-06-03T08:00:00Z'); // covers the whole window
      const after = await make('2035-06-02T08:00:00Z', '2035-06-02T09:00:00Z'); // starts exactly at `to`
      const window = { workingGroupId: f.group.id, from: '2035-06-01T10:00:00Z', to: '2035-06-02T08:00:00Z' };
      const found = ok(await t.gql(MEETINGS, { filter: window }, f.chair.token)).meetings;
      expect(found.totalCount).toBe(3);
      expect(found.edges.map((e: any) => e.node.id)).toEqual([spanning, across, inside]);
      ok(await t.gql(CANCEL, { id: inside }, f.chair.token));
      const cancelled = ok(await t.gql(MEETINGS, { filter: { ...window, statuses: ['CANCELLED'] } }, f.chair.token)).meetings;
      expect(cancelled).toMatchObject({ totalCount: 1, edges: [{ node: { id: inside, status: 'CANCELLED' } }] });
      const open = ok(await t.gql(MEETINGS, { filter: { workingGroupId: f.group.id, statuses: ['SCHEDULED', 'HELD'] } }, f.chair.token)).meetings;
      expect(open.edges.map((e: any) => e.node.id).sort()).toEqual([before, across, spanning, after].sort());
      expect((await ok(await t.gql(MEETINGS, { filter: { workingGroupId: f.group.id, from: '2035-06-02T08:30:00Z' } }, f.chair.token))).meetings.totalCount).toBe(2);
    });

    it('refuses a window whose end is not after its start, and malformed filter ids, with BAD_USER_INPUT', async () => {
      const window = { from: '2035-06-02T00:00:00Z', to: '2035-06-01T00:00:00Z' };
      expect(refusal(await t.gql(MEETINGS, { filter: window }, admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
      expect(refusal(await t.gql(MEETINGS, { filter: { workingGroupId: 'x' } }, admin.token))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'filter.workingGroupId',
      });
      expect(refusal(await t.gql(MEETINGS, { filter: { from: 'yesterday' } }, admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.from' });
    });

    it('filters WorkingGroup.meetings like meetings', async () => {
      const f = await fixture();
      await scheduled(f.chair, f.group.id, { startsAt: '2036-01-01T08:00:00Z', endsAt: '2036-01-01T09:00:00Z' });
      const late = await scheduled(f.chair, f.group.id, { startsAt: '2036-02-01T08:00:00Z', endsAt: '2036-02-01T09:00:00Z' });
      const other = await scheduled(f.chair, f.group.id, { startsAt: '2036-03-01T08:00:00Z', endsAt: '2036-03-01T09:00:00Z' });
      ok(await t.gql(CANCEL, { id: other.id }, f.chair.token));
      const grouped = ok(await t.gql(GROUP_MEETINGS, { group: f.group.id, filter: { from: '2036-01-15T00:00:00Z', statuses: ['SCHEDULED'] } }, f.member.token))
        .workingGroup.meetings;
      expect(grouped).toEqual({ totalCount: 1, edges: [{ node: { id: late.id } }] });
    });
  });

  describe('setAgenda', () => {
    const items = (presenterId: string | null = null) => [
      { title: 'Welcome', durationMinutes: 30, presenterId },
      { title: 'Data pooling proposals', description: 'Two proposals for decision', durationMinutes: 45 },
      { title: 'Next steps', durationMinutes: 15 },
    ];

    it('stores the items in order and computes their start times (09:00, 09:30, 10:15 Brussels)', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id, WINTER);
      const result = ok(await t.gql(SET_AGENDA, { id: meeting.id, items: items(f.member.id) }, f.secretary.token)).setAgenda;
      expect(result.agendaOverrunMinutes).toBe(0);
      expect(result.agenda).toMatchObject([
        { position: 1, title: 'Welcome', durationMinutes: 30, startsAt: '2026-02-05T08:00:00.000Z', presenter: { id: f.member.id } },
        { position: 2, title: 'Data pooling proposals', description: 'Two proposals for decision', startsAt: '2026-02-05T08:30:00.000Z', presenter: null },
        { position: 3, title: 'Next steps', startsAt: '2026-02-05T09:15:00.000Z', proposal: null, priority: null },
      ]);
      expect(result.agenda.map((item: any) => brusselsTime(item.startsAt))).toEqual(['09:00', '09:30', '10:15']);
      expect((await read(f.observer, meeting.id)).agenda.map((item: any) => item.title)).toEqual(['Welcome', 'Data pooling proposals', 'Next steps']);
    });

    it('reports by how many minutes the agenda overruns the meeting, without refusing it', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id, { startsAt: '2031-04-01T08:00:00Z', endsAt: '2031-04-01T09:00:00Z' });
      const result = ok(await t.gql(SET_AGENDA, { id: meeting.id, items: items() }, f.chair.token)).setAgenda;
      expect(result.agendaOverrunMinutes).toBe(30);
      const longer = ok(await t.gql(UPDATE, { id: meeting.id, input: { endsAt: '2031-04-01T09:30:00Z' } }, f.chair.token)).updateMeeting;
      expect(longer.agendaOverrunMinutes).toBe(0);
    });

    it('replaces the whole agenda, renumbering 1..n; an empty list clears it', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id);
      const firstIds = ok(await t.gql(SET_AGENDA, { id: meeting.id, items: items() }, f.chair.token)).setAgenda.agenda.map((i: any) => i.id);
      const replaced = ok(
        await t.gql(SET_AGENDA, { id: meeting.id, items: [{ title: 'Next steps', durationMinutes: 20 }, { title: 'Welcome', durationMinutes: 10 }] }, f.chair.token),
      ).setAgenda.agenda;
      expect(replaced.map((i: any) => [i.position, i.title, i.startsAt])).toEqual([
        [1, 'Next steps', FUTURE.startsAt],
        [2, 'Welcome', '2031-03-04T08:20:00.000Z'],
      ]);
      expect(replaced.some((i: any) => firstIds.includes(i.id))).toBe(false);
      expect(ok(await t.gql(SET_AGENDA, { id: meeting.id, items: [] }, f.chair.token)).setAgenda.agenda).toEqual([]);
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM agenda_items WHERE meeting_id = $1`, [meeting.id]);
      expect(count).toBe(0);
    });

    it("links presenters, the group's proposals and its or alliance-wide priorities", async () => {
      const f = await fixture();
      const proposal = await makeProposal(t, f.member, f.group.id, { title: 'Pool camera data' });
      await moveProposal(t, proposal, 'SUBMITTED', { author: f.member, manager: f.chair });
      const own = await makePriority(t, f.group.id, admin, 'Shared validation data');
      const alliance = await makePriority(t, null, admin, 'Sovereign compute');
      const meeting = await scheduled(f.chair, f.group.id);
      const agenda = ok(
        await t.gql(
          SET_AGENDA,
          {
            id: meeting.id,
            items: [
              { title: 'Proposal', durationMinutes: 20, proposalId: proposal, presenterId: f.member.id, priorityId: own.id },
              { title: 'Alliance priority', durationMinutes: 10, priorityId: alliance.id },
            ],
          },
          f.chair.token,
        ),
      ).setAgenda.agenda;
      expect(agenda).toMatchObject([
        { proposal: { id: proposal, title: 'Pool camera data' }, presenter: { id: f.member.id }, priority: { id: own.id, title: 'Shared validation data' } },
        { proposal: null, priority: { id: alliance.id, title: 'Sovereign compute' } },
      ]);
    });

    it("shows a restricted proposal on the agenda only to those who may read it (null for others)", async () => {
      const f = await fixture();
      const proposal = await makeProposal(t, f.member, f.group.id, { title: 'Confidential pooling', confidentiality: 'PARTIES' });
      await moveProposal(t, proposal, 'SUBMITTED', { author: f.member, manager: f.chair });
      const meeting = await scheduled(f.chair, f.group.id);
      ok(await t.gql(SET_AGENDA, { id: meeting.id, items: [{ title: 'Confidential item', durationMinutes: 15, proposalId: proposal }] }, f.chair.token));
      expect((await read(f.chair, meeting.id)).agenda[0].proposal).toEqual({ id: proposal, title: 'Confidential pooling' });
      expect((await read(f.member, meeting.id)).agenda[0].proposal).toEqual({ id: proposal, title: 'Confidential pooling' });
      expect((await read(f.observer, meeting.id)).agenda[0]).toMatchObject({ title: 'Confidential item', proposal: null });
      // An invited outsider reads the meeting, not the proposal.
      ok(await t.gql(INVITE, { id: meeting.id, people: [f.outsider.id] }, f.chair.token));
      expect((await read(f.outsider, meeting.id)).agenda[0]).toMatchObject({ title: 'Confidential item', proposal: null });
    });

    it('accepts proposals and priorities of any group on a workshop agenda', async () => {
      const f = await fixture();
      const proposal = await makeProposal(t, f.member, f.group.id);
      await moveProposal(t, proposal, 'SUBMITTED', { author: f.member, manager: f.chair });
      const priority = await makePriority(t, f.group.id, admin);
      const workshop = await scheduled(admin, null);
      const agenda = ok(await t.gql(SET_AGENDA, { id: workshop.id, items: [{ title: 'Showcase', durationMinutes: 30, proposalId: proposal, priorityId: priority.id }] }, admin.token))
        .setAgenda.agenda;
      expect(agenda[0]).toMatchObject({ proposal: { id: proposal }, priority: { id: priority.id } });
    });

    it('refuses bad items with BAD_USER_INPUT naming the item and field, keeping the previous agenda', async () => {
      const f = await fixture();
      const other = await fixture();
      const foreignProposal = await makeProposal(t, other.member, other.group.id);
      await moveProposal(t, foreignProposal, 'SUBMITTED', { author: other.member, manager: other.chair });
      const draft = await makeProposal(t, f.member, f.group.id);
      const foreignPriority = await makePriority(t, other.group.id, admin);
      const meeting = await scheduled(f.chair, f.group.id);
      ok(await t.gql(SET_AGENDA, { id: meeting.id, items: [{ title: 'Kept', durationMinutes: 10 }] }, f.chair.token));
      const cases: [object, string, string?][] = [
        [{ title: 'Zero', durationMinutes: 0 }, 'items.1.durationMinutes'],
        [{ title: 'Negative', durationMinutes: -5 }, 'items.1.durationMinutes'],
        [{ title: 'Too long', durationMinutes: 24 * 60 + 1 }, 'items.1.durationMinutes'],
        [{ title: '  ', durationMinutes: 10 }, 'items.1.title'],
        [{ title: 'Bad id', durationMinutes: 10, presenterId: 'someone' }, 'items.1.presenterId'],
        [{ title: 'Unknown presenter', durationMinutes: 10, presenterId: UNKNOWN }, 'items.1.presenterId', 'PRESENTER_NOT_FOUND'],
        [{ title: 'Foreign proposal', durationMinutes: 10, proposalId: foreignProposal }, 'items.1.proposalId', 'PROPOSAL_NOT_ALLOWED'],
        [{ title: "Another organisation's draft", durationMinutes: 10, proposalId: draft }, 'items.1.proposalId', 'PROPOSAL_NOT_ALLOWED'],
        [{ title: 'Unknown proposal', durationMinutes: 10, proposalId: UNKNOWN }, 'items.1.proposalId', 'PROPOSAL_NOT_ALLOWED'],
        [{ title: 'Foreign priority', durationMinutes: 10, priorityId: foreignPriority.id }, 'items.1.priorityId', 'PRIORITY_NOT_ALLOWED'],
      ];
      for (const [bad, field, reason] of cases) {
        const response = await t.gql(SET_AGENDA, { id: meeting.id, items: [{ title: 'Fine', durationMinutes: 5 }, bad] }, f.chair.token);
        expect(refusal(response)).toMatchObject({ code: 'BAD_USER_INPUT', field, ...(reason ? { reason } : {}) });
      }
      expect((await read(f.chair, meeting.id)).agenda).toMatchObject([{ position: 1, title: 'Kept' }]);
    });

    it('keeps one whole agenda at positions 1..n when editors replace it at the same time', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id);
      const versions = Array.from({ length: 6 }, (_, v) => Array.from({ length: v + 1 }, (__, i) => ({ title: `v${v} item ${i}`, durationMinutes: 5 })));
      const editors = [f.chair, f.coChair, f.secretary];
      const responses = await Promise.all(versions.map((items, v) => t.gql(SET_AGENDA, { id: meeting.id, items }, editors[v % 3].token)));
      responses.forEach((response) => ok(response));
      const agenda = (await read(f.member, meeting.id)).agenda;
      const winner = Number(/^v(\d+)/.exec(agenda[0].title)![1]);
      expect(agenda.map((item: any) => item.title)).toEqual(versions[winner].map((item) => item.title));
      expect(agenda.map((item: any) => item.position)).toEqual(versions[winner].map((_, i) => i + 1));
    });

    it('refuses non-organisers (FORBIDDEN) and those who cannot read the meeting (NOT_FOUND)', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id);
      const variables = { id: meeting.id, items: items() };
      for (const actor of [f.member, f.observer]) {
        expect(refusal(await t.gql(SET_AGENDA, variables, actor.token))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_GROUP_MANAGER' });
      }
      expect(refusal(await t.gql(SET_AGENDA, variables, f.outsider.token))).toEqual({ code: 'NOT_FOUND', reason: 'MEETING_NOT_FOUND' });
      expect(refusal(await t.gql(SET_AGENDA, variables))).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect((await read(f.chair, meeting.id)).agenda).toEqual([]);
      expect(ok(await t.gql(SET_AGENDA, variables, admin.token)).setAgenda.agenda).toHaveLength(3);
    });
  });

  describe('invitations and answers', () => {
    it('invites idempotently: existing invitations keep their answers', async () => {
      const f = await fixture();
      const [guest, expert] = [await makePerson(t), await makePerson(t)];
      const meeting = await scheduled(f.chair, f.group.id);
      const first = ok(await t.gql(INVITE, { id: meeting.id, people: [f.member.id, guest.id, guest.id] }, f.chair.token)).invite;
      expect(first.invitations).toHaveLength(2);
      const answer = ok(await t.gql(RESPOND, { id: meeting.id, status: 'ACCEPTED' }, guest.token)).respondToInvitation;
      expect(answer).toMatchObject({ person: { id: guest.id }, status: 'ACCEPTED', attended: null });
      const again = ok(await t.gql(INVITE, { id: meeting.id, people: [guest.id, f.member.id, expert.id] }, f.secretary.token)).invite;
      expect(again.invitations).toHaveLength(3);
      const byPerson = new Map(again.invitations.map((i: any) => [i.person.id, i]));
      expect(byPerson.get(guest.id)).toMatchObject({ status: 'ACCEPTED', respondedAt: answer.respondedAt });
      expect(byPerson.get(f.member.id)).toMatchObject({ status: 'INVITED', respondedAt: null });
      expect(byPerson.get(expert.id)).toMatchObject({ status: 'INVITED' });
      expect(again.attendeeCount).toBe(1);
    });

    it('invites once per person when organisers invite overlapping lists at the same time', async () => {
      const f = await fixture();
      const guests = await Promise.all(Array.from({ length: 4 }, () => makePerson(t)));
      const meeting = await scheduled(f.chair, f.group.id);
      const lists = [guests.slice(0, 3), guests.slice(1, 4), guests, [guests[0], f.member]].map((list) => list.map((p) => p.id));
      (await Promise.all(lists.map((people) => t.gql(INVITE, { id: meeting.id, people }, f.chair.token)))).forEach((response) => ok(response));
      const invited = (await read(f.chair, meeting.id)).invitations.map((i: any) => i.person.id);
      expect(invited.sort()).toEqual([...guests.map((g) => g.id), f.member.id].sort());
    });

    it('answers NOT_FOUND for unknown people (inviting nobody) and BAD_USER_INPUT for malformed ids', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id);
      expect(refusal(await t.gql(INVITE, { id: meeting.id, people: [f.member.id, UNKNOWN] }, f.chair.token))).toEqual({
        code: 'NOT_FOUND',
        reason: 'PERSON_NOT_FOUND',
      });
      expect(refusal(await t.gql(INVITE, { id: meeting.id, people: ['x'] }, f.chair.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personIds' });
      expect((await read(f.chair, meeting.id)).invitations).toEqual([]);
    });

    it('refuses non-organisers (FORBIDDEN), those who cannot read it (NOT_FOUND) and, for workshops, everyone but admins', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id);
      expect(refusal(await t.gql(INVITE, { id: meeting.id, people: [f.member.id] }, f.member.token))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_GROUP_MANAGER' });
      expect(refusal(await t.gql(INVITE, { id: meeting.id, people: [f.outsider.id] }, f.outsider.token))).toMatchObject({ code: 'NOT_FOUND' });
      expect(refusal(await t.gql(INVITE, { id: meeting.id, people: [f.member.id] }))).toMatchObject({ code: 'UNAUTHENTICATED' });
      const workshop = await scheduled(admin, null);
      expect(refusal(await t.gql(INVITE, { id: workshop.id, people: [f.member.id] }, f.chair.token))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_ADMIN' });
      expect(ok(await t.gql(INVITE, { id: workshop.id, people: [f.member.id] }, admin.token)).invite.invitations).toHaveLength(1);
    });

    it('lets an invitee answer ACCEPTED, TENTATIVE or DECLINED and change their mind; INVITED is BAD_USER_INPUT', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id);
      ok(await t.gql(INVITE, { id: meeting.id, people: [f.member.id, f.observer.id] }, f.chair.token));
      for (const status of ['TENTATIVE', 'DECLINED', 'ACCEPTED']) {
        const before = Date.now();
        const answer = ok(await t.gql(RESPOND, { id: meeting.id, status }, f.member.token)).respondToInvitation;
        expect(answer).toMatchObject({ person: { id: f.member.id }, status });
        expect(new Date(answer.respondedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
      }
      expect(refusal(await t.gql(RESPOND, { id: meeting.id, status: 'INVITED' }, f.member.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
      ok(await t.gql(RESPOND, { id: meeting.id, status: 'DECLINED' }, f.observer.token));
      const seen = await read(f.chair, meeting.id);
      expect(seen.attendeeCount).toBe(1);
      expect(new Map(seen.invitations.map((i: any) => [i.person.id, i.status]))).toEqual(
        new Map([
          [f.member.id, 'ACCEPTED'],
          [f.observer.id, 'DECLINED'],
        ]),
      );
    });

    it('refuses an answer from someone not invited: FORBIDDEN when they read the meeting, NOT_FOUND otherwise', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id);
      expect(refusal(await t.gql(RESPOND, { id: meeting.id, status: 'ACCEPTED' }, f.member.token))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_INVITED' });
      expect(refusal(await t.gql(RESPOND, { id: meeting.id, status: 'ACCEPTED' }, f.outsider.token))).toEqual({ code: 'NOT_FOUND', reason: 'MEETING_NOT_FOUND' });
      expect(refusal(await t.gql(RESPOND, { id: UNKNOWN, status: 'ACCEPTED' }, f.member.token))).toMatchObject({ code: 'NOT_FOUND' });
      expect(refusal(await t.gql(RESPOND, { id: meeting.id, status: 'ACCEPTED' }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('lets an invited outsider read the meeting and answer; a cancelled meeting takes no answers (CONFLICT)', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id);
      expect(await read(f.outsider, meeting.id)).toBeNull();
      ok(await t.gql(INVITE, { id: meeting.id, people: [f.outsider.id] }, f.chair.token));
      expect((await read(f.outsider, meeting.id)).id).toBe(meeting.id);
      ok(await t.gql(RESPOND, { id: meeting.id, status: 'ACCEPTED' }, f.outsider.token));
      ok(await t.gql(CANCEL, { id: meeting.id }, f.chair.token));
      expect(refusal(await t.gql(RESPOND, { id: meeting.id, status: 'DECLINED' }, f.outsider.token))).toEqual({ code: 'CONFLICT', reason: 'MEETING_CANCELLED' });
      const [row] = await t.dataSource.query(`SELECT status FROM meeting_invitations WHERE meeting_id = $1 AND person_id = $2`, [meeting.id, f.outsider.id]);
      expect(row.status).toBe('ACCEPTED');
    });
  });

  describe('recordAttendance', () => {
    it('marks those listed present and the other invitees absent, invites walk-ins, counts attendees and sets HELD', async () => {
      const f = await fixture();
      const walkIn = await makePerson(t);
      const meeting = await scheduled(f.chair, f.group.id, WINTER);
      ok(await t.gql(INVITE, { id: meeting.id, people: [f.member.id, f.observer.id, f.coChair.id] }, f.chair.token));
      ok(await t.gql(RESPOND, { id: meeting.id, status: 'ACCEPTED' }, f.member.token));
      ok(await t.gql(RESPOND, { id: meeting.id, status: 'ACCEPTED' }, f.observer.token));
      ok(await t.gql(RESPOND, { id: meeting.id, status: 'DECLINED' }, f.coChair.token));
      expect((await read(f.chair, meeting.id)).attendeeCount).toBe(2);
      const held = ok(await t.gql(ATTENDANCE, { id: meeting.id, people: [f.member.id, f.coChair.id, walkIn.id] }, f.secretary.token)).recordAttendance;
      expect(held).toMatchObject({ status: 'HELD', attendeeCount: 3 });
      const byPerson = new Map(held.invitations.map((i: any) => [i.person.id, i]));
      expect(byPerson.get(f.member.id)).toMatchObject({ status: 'ACCEPTED', attended: true });
      expect(byPerson.get(f.observer.id)).toMatchObject({ status: 'ACCEPTED', attended: false });
      expect(byPerson.get(f.coChair.id)).toMatchObject({ status: 'DECLINED', attended: true });
      expect(byPerson.get(walkIn.id)).toMatchObject({ status: 'INVITED', attended: true });
      // The walk-in now reads the meeting; recording again replaces the record.
      expect((await read(walkIn, meeting.id)).status).toBe('HELD');
      const corrected = ok(await t.gql(ATTENDANCE, { id: meeting.id, people: [f.observer.id] }, f.chair.token)).recordAttendance;
      expect(corrected.attendeeCount).toBe(1);
      expect(corrected.invitations.filter((i: any) => i.attended).map((i: any) => i.person.id)).toEqual([f.observer.id]);
      const nobody = ok(await t.gql(ATTENDANCE, { id: meeting.id, people: [] }, f.chair.token)).recordAttendance;
      expect(nobody.attendeeCount).toBe(0);
      expect(nobody.invitations.every((i: any) => i.attended === false)).toBe(true);
    });

    it('refuses a meeting that has not started (CONFLICT) and unknown people (NOT_FOUND), changing nothing', async () => {
      const f = await fixture();
      const future = await scheduled(f.chair, f.group.id);
      expect(refusal(await t.gql(ATTENDANCE, { id: future.id, people: [f.member.id] }, f.chair.token))).toEqual({ code: 'CONFLICT', reason: 'MEETING_NOT_STARTED' });
      const past = await scheduled(f.chair, f.group.id, WINTER);
      ok(await t.gql(INVITE, { id: past.id, people: [f.member.id] }, f.chair.token));
      expect(refusal(await t.gql(ATTENDANCE, { id: past.id, people: [f.member.id, UNKNOWN] }, f.chair.token))).toEqual({ code: 'NOT_FOUND', reason: 'PERSON_NOT_FOUND' });
      expect(await read(f.chair, past.id)).toMatchObject({ status: 'SCHEDULED', invitations: [{ attended: null }] });
    });

    it('refuses non-organisers (FORBIDDEN) and those who cannot read it (NOT_FOUND)', async () => {
      const f = await fixture();
      const past = await scheduled(f.chair, f.group.id, WINTER);
      for (const actor of [f.member, f.observer]) {
        expect(refusal(await t.gql(ATTENDANCE, { id: past.id, people: [actor.id] }, actor.token))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_GROUP_MANAGER' });
      }
      expect(refusal(await t.gql(ATTENDANCE, { id: past.id, people: [] }, f.outsider.token))).toMatchObject({ code: 'NOT_FOUND' });
      expect(refusal(await t.gql(ATTENDANCE, { id: past.id, people: [] }))).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await meetingRow(past.id)).toMatchObject({ status: 'SCHEDULED' });
    });
  });

  describe('recordMinutes', () => {
    it('stores Markdown as given; a meeting that has started becomes HELD, a future one stays SCHEDULED', async () => {
      const f = await fixture();
      const markdown = '# Minutes\n\n- Agreed to pool **camera** data\n- Next meeting in March\n';
      const past = await scheduled(f.chair, f.group.id, WINTER);
      expect(ok(await t.gql(MINUTES, { id: past.id, minutes: markdown }, f.secretary.token)).recordMinutes).toEqual({
        id: past.id,
        status: 'HELD',
        minutes: markdown,
      });
      expect((await read(f.observer, past.id)).minutes).toBe(markdown);
      const future = await scheduled(f.chair, f.group.id);
      expect(ok(await t.gql(MINUTES, { id: future.id, minutes: 'Draft' }, f.chair.token)).recordMinutes).toMatchObject({ status: 'SCHEDULED', minutes: 'Draft' });
      expect(ok(await t.gql(MINUTES, { id: future.id, minutes: '   ' }, f.chair.token)).recordMinutes.minutes).toBeNull();
    });

    it('accepts 200,000 characters and refuses more with BAD_USER_INPUT on minutes', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id, WINTER);
      expect(ok(await t.gql(MINUTES, { id: meeting.id, minutes: 'm'.repeat(200_000) }, f.chair.token)).recordMinutes.minutes).toHaveLength(200_000);
      expect(refusal(await t.gql(MINUTES, { id: meeting.id, minutes: 'm'.repeat(200_001) }, f.chair.token))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'minutes',
      });
    });

    it('refuses non-organisers (FORBIDDEN), those who cannot read it (NOT_FOUND), and non-admins for workshops', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id, WINTER);
      expect(refusal(await t.gql(MINUTES, { id: meeting.id, minutes: 'x' }, f.member.token))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_GROUP_MANAGER' });
      expect(refusal(await t.gql(MINUTES, { id: meeting.id, minutes: 'x' }, f.outsider.token))).toMatchObject({ code: 'NOT_FOUND' });
      const workshop = await scheduled(admin, null, WINTER);
      expect(refusal(await t.gql(MINUTES, { id: workshop.id, minutes: 'x' }, f.chair.token))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_ADMIN' });
      expect(ok(await t.gql(MINUTES, { id: workshop.id, minutes: 'Launch' }, admin.token)).recordMinutes.status).toBe('HELD');
    });
  });

  describe('action items', () => {
    it('adds items with and without an owner and due date; the meeting lists them oldest first', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id, WINTER);
      const first = ok(
        await t.gql(ADD_ACTION, { id: meeting.id, input: { title: ' Circulate the data catalogue ', ownerId: f.member.id, dueDate: '2026-03-01T17:00:00Z' } }, f.chair.token),
      ).addActionItem;
      expect(first).toMatchObject({
        title: 'Circulate the data catalogue',
        owner: { id: f.member.id },
        dueDate: '2026-03-01T17:00:00.000Z',
        status: 'OPEN',
        doneAt: null,
        meeting: { id: meeting.id },
      });
      const second = ok(await t.gql(ADD_ACTION, { id: meeting.id, input: { title: 'Book the room' } }, f.secretary.token)).addActionItem;
      expect(second).toMatchObject({ owner: null, dueDate: null });
      expect((await read(f.observer, meeting.id)).actionItems.map((i: any) => i.id)).toEqual([first.id, second.id]);
    });

    it('refuses an unknown owner or an empty title (BAD_USER_INPUT) and non-organisers', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id);
      expect(refusal(await t.gql(ADD_ACTION, { id: meeting.id, input: { title: 'x', ownerId: UNKNOWN } }, f.chair.token))).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'OWNER_NOT_FOUND',
        field: 'ownerId',
      });
      expect(refusal(await t.gql(ADD_ACTION, { id: meeting.id, input: { title: ' ' } }, f.chair.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
      expect(refusal(await t.gql(ADD_ACTION, { id: meeting.id, input: { title: 'x' } }, f.member.token))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_GROUP_MANAGER' });
      expect(refusal(await t.gql(ADD_ACTION, { id: meeting.id, input: { title: 'x' } }, f.outsider.token))).toMatchObject({ code: 'NOT_FOUND' });
      expect(refusal(await t.gql(ADD_ACTION, { id: meeting.id, input: { title: 'x' } }))).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect((await read(f.chair, meeting.id)).actionItems).toEqual([]);
    });

    it("lets the item's owner (even from outside the group) and the organisers set its status; others cannot", async () => {
      const f = await fixture();
      const expert = await makePerson(t);
      const meeting = await scheduled(f.chair, f.group.id);
      const item = ok(await t.gql(ADD_ACTION, { id: meeting.id, input: { title: 'Benchmark the model', ownerId: expert.id } }, f.chair.token)).addActionItem;
      const done = ok(await t.gql(SET_ACTION_STATUS, { id: item.id, status: 'DONE' }, expert.token)).setActionItemStatus;
      expect(done).toMatchObject({ status: 'DONE', meeting: { id: meeting.id } });
      expect(new Date(done.doneAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(ok(await t.gql(SET_ACTION_STATUS, { id: item.id, status: 'DONE' }, f.chair.token)).setActionItemStatus.doneAt).toBe(done.doneAt);
      expect(ok(await t.gql(SET_ACTION_STATUS, { id: item.id, status: 'OPEN' }, f.secretary.token)).setActionItemStatus).toMatchObject({ status: 'OPEN', doneAt: null });
      expect(refusal(await t.gql(SET_ACTION_STATUS, { id: item.id, status: 'DONE' }, f.member.token))).toEqual({
        code: 'FORBIDDEN',
        reason: 'NOT_OWNER_OR_ORGANISER',
      });
      expect(refusal(await t.gql(SET_ACTION_STATUS, { id: item.id, status: 'DONE' }, f.outsider.token))).toEqual({
        code: 'NOT_FOUND',
        reason: 'ACTION_ITEM_NOT_FOUND',
      });
      for (const id of [UNKNOWN, 'nope']) {
        expect(refusal(await t.gql(SET_ACTION_STATUS, { id, status: 'DONE' }, admin.token))).toMatchObject({ code: 'NOT_FOUND' });
      }
      expect(refusal(await t.gql(SET_ACTION_STATUS, { id: item.id, status: 'DONE' }))).toMatchObject({ code: 'UNAUTHENTICATED' });
      // Items of a cancelled meeting can still be closed.
      ok(await t.gql(CANCEL, { id: meeting.id }, f.chair.token));
      expect(ok(await t.gql(SET_ACTION_STATUS, { id: item.id, status: 'DONE' }, expert.token)).setActionItemStatus.status).toBe('DONE');
    });

    it('lists the viewer’s own items across groups by due date (none last) then creation, filtered by status', async () => {
      const f = await fixture();
      const g = await fixture();
      const me = await makePerson(t);
      await seat(t, g.group.id, me, 'MEMBER');
      const here = await scheduled(f.chair, f.group.id);
      const there = await scheduled(g.chair, g.group.id);
      const workshop = await scheduled(admin, null);
      const add = async (meetingId: string, actor: Actor, title: string, dueDate: string | null, ownerId = me.id) =>
        ok(await t.gql(ADD_ACTION, { id: meetingId, input: { title, ownerId, dueDate } }, actor.token)).addActionItem.id as string;
      const noDueA = await add(here.id, f.chair, 'No due date A', null);
      const late = await add(there.id, g.chair, 'Late', '2031-06-01T00:00:00Z');
      const early = await add(workshop.id, admin, 'Early', '2031-05-01T00:00:00Z');
      const noDueB = await add(there.id, g.secretary, 'No due date B', null);
      await add(here.id, f.chair, "Someone else's", '2031-01-01T00:00:00Z', f.member.id);
      const mine = ok(await t.gql(MY_ACTIONS, {}, me.token)).myActionItems;
      expect(mine.map((i: any) => i.id)).toEqual([early, late, noDueA, noDueB]);
      expect(mine.map((i: any) => i.meeting.id)).toEqual([workshop.id, there.id, here.id, there.id]);
      ok(await t.gql(SET_ACTION_STATUS, { id: late, status: 'DONE' }, me.token));
      expect(ok(await t.gql(MY_ACTIONS, { status: 'OPEN' }, me.token)).myActionItems.map((i: any) => i.id)).toEqual([early, noDueA, noDueB]);
      expect(ok(await t.gql(MY_ACTIONS, { status: 'DONE' }, me.token)).myActionItems.map((i: any) => i.id)).toEqual([late]);
      expect(ok(await t.gql(MY_ACTIONS, {}, (await makePerson(t)).token)).myActionItems).toEqual([]);
      expect(refusal(await t.gql(MY_ACTIONS, {}))).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });

  describe('events for later notifications', () => {
    let events: MeetingEvent[];
    let unsubscribe: () => void;
    beforeEach(() => {
      events = [];
      unsubscribe = t.app.get(MeetingEvents).subscribe(async (event) => {
        events.push(event);
      });
    });
    afterEach(() => unsubscribe());

    it('publishes what changed, with the recipients a notifier needs', async () => {
      const f: Fixture = await fixture();
      const meeting = await scheduled(f.chair, f.group.id, { inviteParticipants: true });
      ok(await t.gql(UPDATE, { id: meeting.id, input: { title: 'Renamed' } }, f.chair.token));
      ok(await t.gql(UPDATE, { id: meeting.id, input: { location: 'Stuttgart' } }, f.chair.token));
      ok(await t.gql(CANCEL, { id: meeting.id, reason: 'Strike' }, f.chair.token));
      expect(events).toEqual([
        {
          type: 'MEETING_SCHEDULED',
          meetingId: meeting.id,
          actorId: f.chair.id,
          invitedPersonIds: expect.arrayContaining([f.chair.id, f.coChair.id, f.secretary.id, f.member.id, f.observer.id]),
        },
        { type: 'MEETING_UPDATED', meetingId: meeting.id, actorId: f.chair.id, changed: ['title'], timeOrPlaceChanged: false, sequence: 1 },
        { type: 'MEETING_UPDATED', meetingId: meeting.id, actorId: f.chair.id, changed: ['location'], timeOrPlaceChanged: true, sequence: 2 },
        { type: 'MEETING_CANCELLED', meetingId: meeting.id, actorId: f.chair.id, reason: 'Strike', sequence: 3 },
      ]);
    });

    it('runs subscribers inside the change’s transaction: a failing subscriber undoes the change', async () => {
      const f = await fixture();
      const meeting = await scheduled(f.chair, f.group.id);
      const stop = t.app.get(MeetingEvents).subscribe(async (event, em) => {
        await em.query(`SELECT 1`); // the transaction's own connection is usable
        if (event.type === 'MEETING_UPDATED') throw new Error('outbox unavailable');
      });
      try {
        expect(refusal(await t.gql(UPDATE, { id: meeting.id, input: { title: 'Never saved' } }, f.chair.token))).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
      } finally {
        stop();
      }
      expect(await meetingRow(meeting.id)).toMatchObject({ title: 'Plenary', sequence: 0 });
    });
  });

  describe('SQL statements per request', () => {
    const NESTED = `{ meetings(first: 50) { edges { node { workingGroup { name }
      agenda { presenter { name } proposal { title } priority { title } startsAt }
      invitations { person { name } status } actionItems { owner { name } } attendeeCount } } } }`;

    /** `count` meetings in the group, each with a full agenda, invitations and action items. */
    async function addMeetings(f: Fixture, proposal: string, priority: string, count: number): Promise<void> {
      for (let i = 0; i < count; i += 1) {
        const presenter = await makePerson(t);
        // Earlier than every other test's meetings, so that they fill the first page.
        const meeting = await scheduled(f.chair, f.group.id, { inviteParticipants: true, startsAt: '2020-01-06T08:00:00Z', endsAt: '2020-01-06T10:00:00Z' });
        ok(
          await t.gql(
            SET_AGENDA,
            {
              id: meeting.id,
              items: [
                { title: 'Proposal', durationMinutes: 30, presenterId: presenter.id, proposalId: proposal },
                { title: 'Priority', durationMinutes: 30, presenterId: f.member.id, priorityId: priority },
              ],
            },
            f.chair.token,
          ),
        );
        ok(await t.gql(INVITE, { id: meeting.id, people: [presenter.id] }, f.chair.token));
        ok(await t.gql(ADD_ACTION, { id: meeting.id, input: { title: 'Follow up', ownerId: presenter.id } }, f.chair.token));
      }
    }

    /** The tables one request reads, each with its number of statements (attendee counts apart from the invitations). */
    async function statementsFor(actor: Actor): Promise<Record<string, number>> {
      // Warm-up: the token's first use looks it up and writes last_used_at, which is not part of the query's cost.
      ok(await t.gql(NESTED, {}, actor.token));
      const { result, statements } = await t.counter.measure(() => t.gql(NESTED, {}, actor.token));
      expect(result.errors).toBeUndefined();
      const tables: Record<string, number> = {};
      for (const sql of statements) {
        // The first table read (a plain list's statement starts FROM its keys, `unnest(…)`).
        const table = /count\(\*\) FILTER/.test(sql) ? 'attendee counts' : (/FROM\s+(?!unnest\()([a-z_]+)/i.exec(sql)?.[1] ?? sql);
        tables[table] = (tables[table] ?? 0) + 1;
      }
      return tables;
    }

    /**
     * One statement per relation, whatever the rows. People are loaded by id for three relations
     * (presenters, invitees, owners) whose parents arrive from separate statements, so their batches
     * may or may not coincide: 1 to 3 statements, never one per row.
     */
    function expectBounded(tables: Record<string, number>): void {
      const { people, ...others } = tables;
      // (The token was looked up by the warm-up; the viewer cache serves it since.)
      expect(others).toEqual({
        meetings: 1,
        working_groups: 1,
        agenda_items: 1,
        meeting_invitations: 1,
        'attendee counts': 1,
        action_items: 1,
        cooperation_proposals: 1,
        priorities: 1,
      });
      expect(people).toBeGreaterThanOrEqual(1);
      expect(people).toBeLessThanOrEqual(3);
    }

    it('does not grow with the number of meetings, agenda items, invitations and action items', async () => {
      const f = await fixture();
      const proposal = await makeProposal(t, f.member, f.group.id);
      await moveProposal(t, proposal, 'SUBMITTED', { author: f.member, manager: f.chair });
      const priority = await makePriority(t, f.group.id, admin);
      await addMeetings(f, proposal, priority.id, 2);
      expectBounded(await statementsFor(f.member));
      await addMeetings(f, proposal, priority.id, 8);
      expectBounded(await statementsFor(f.member));
      const nodes = ok(await t.gql(NESTED, {}, f.member.token)).meetings.edges.filter((e: any) => e.node.workingGroup?.name);
      expect(nodes.length).toBe(10);
      expect(nodes.every((e: any) => e.node.agenda.length === 2 && e.node.invitations.length === 6 && e.node.actionItems.length === 1)).toBe(true);
      expect(nodes.every((e: any) => e.node.agenda[0].proposal && e.node.agenda[1].priority && e.node.actionItems[0].owner)).toBe(true);
    });
  });
});
