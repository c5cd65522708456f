import { randomUUID } from 'node:crypto';
import {
  Actor,
  insertActionItem,
  insertInvitation,
  insertMeeting,
  makeGroup,
  makePerson,
  makePriority,
  makeProposal,
  makeProposalsOfEveryVisibility,
  moveProposal,
  seat,
} from './support/factories';
import { addCapability, addNeed, insertIntroduction } from './support/marketplace';
import { GqlResponse, ok, refusal, startTestApp, TestApp } from './support/test-app';

const SEARCH = `query ($query: String!, $kinds: [SearchKind!], $first: Int, $after: String) {
  search(query: $query, kinds: $kinds, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { kind rank snippet node {
      __typename
      ... on Organization { id name }
      ... on Person { id name }
      ... on WorkingGroup { id name }
      ... on Priority { id title }
      ... on CooperationProposal { id title }
      ... on Meeting { id title }
      ... on Capability { id title }
      ... on ResourceNeed { id title organization { id } }
    } } } } }`;

const PROPOSALS = `query ($search: String) { proposals(first: 100, filter: { search: $search }) { totalCount edges { node { id } } } }`;
const MEETINGS = `{ meetings(first: 100) { totalCount edges { node { id } } } }`;

interface Hit {
  kind: string;
  rank: number;
  snippet: string | null;
  id: string;
  type: string;
}

describe('Global search (e2e)', () => {
  let t: TestApp;
  let admin: Actor;
  let member: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
    member = await makePerson(t);
  });
  afterAll(() => t.close());

  async function search(actor: Actor, query: string, extra: { kinds?: string[] | null; first?: number; after?: string } = {}) {
    return ok(await t.gql(SEARCH, { query, ...extra }, actor.token)).search;
  }

  /** The hits of one page, flattened. */
  async function hits(actor: Actor, query: string, extra: { kinds?: string[] | null; first?: number } = {}): Promise<Hit[]> {
    const connection = await search(actor, query, { first: 100, ...extra });
    return connection.edges.map((e: any) => ({ kind: e.node.kind, rank: e.node.rank, snippet: e.node.snippet, id: e.node.node.id, type: e.node.node.__typename }));
  }

  const ids = (found: Hit[]) => found.map((h) => h.id).sort();

  async function createOrganization(name: string, fields: { shortName?: string; description?: string; kind?: string } = {}): Promise<string> {
    const input = { name, kind: fields.kind ?? 'RESEARCH', country: 'DE', shortName: fields.shortName, description: fields.description };
    return ok(await t.gql(`mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, { input }, admin.token)).createOrganization.id;
  }

  async function insertGroup(name: string, mission: string): Promise<string> {
    const id = randomUUID();
    await t.dataSource.query(`INSERT INTO working_groups (id, slug, name, mission) VALUES ($1, $2, $3, $4)`, [id, `g-${id}`, name, mission]);
    return id;
  }

  /** A submitted PUBLIC proposal in a fresh group, through the API. */
  async function publicProposal(input: { title: string; summary?: string; body?: string }): Promise<string> {
    const group = await makeGroup(t);
    const author = await makePerson(t);
    await seat(t, group.id, author, 'CHAIR');
    const id = await makeProposal(t, author, group.id, { summary: 'Summary', body: 'Body', ...input, confidentiality: 'PUBLIC' });
    await moveProposal(t, id, 'SUBMITTED', { author, manager: author });
    return id;
  }

  describe('what it finds', () => {
    const w = {} as Record<'organization' | 'person' | 'group' | 'priority' | 'proposal' | 'meeting' | 'capability' | 'need', string>;

    beforeAll(async () => {
      w.organization = await createOrganization('Zyntharia Compute Cooperative');
      w.person = (await makePerson(t, { name: 'Ada Zyntharia' })).id;
      w.group = await insertGroup('Zyntharia working group', 'Coordinates the alliance');
      w.priority = (await makePriority(t, null, admin, 'Zyntharia benchmarks')).id;
      w.proposal = await publicProposal({ title: 'Zyntharia data pool' });
      w.meeting = await insertMeeting(t, admin, null, { title: 'Zyntharia workshop', startsAt: '2027-03-04T09:00:00Z', endsAt: '2027-03-04T17:00:00Z' });
      const provider = await makePerson(t);
      w.capability = (await addCapability(t, provider, { title: 'Zyntharia GPU partition' })).id;
      w.need = (await addNeed(t, provider, { title: 'Compute for Zyntharia training' })).id;
    });

    it('finds every kind, with its node, type, rank and snippet', async () => {
      const found = await hits(member, 'Zyntharia');
      const byKind = Object.fromEntries(found.map((h) => [h.kind, [h.id, h.type]]));
      expect(byKind).toEqual({
        ORGANIZATION: [w.organization, 'Organization'],
        PERSON: [w.person, 'Person'],
        WORKING_GROUP: [w.group, 'WorkingGroup'],
        PRIORITY: [w.priority, 'Priority'],
        PROPOSAL: [w.proposal, 'CooperationProposal'],
        MEETING: [w.meeting, 'Meeting'],
        CAPABILITY: [w.capability, 'Capability'],
        RESOURCE_NEED: [w.need, 'ResourceNeed'],
      });
      expect(found.every((h) => h.rank > 0 && h.snippet?.includes('«Zyntharia»'))).toBe(true);
      expect((await search(member, 'Zyntharia')).totalCount).toBe(8);
    });

    it('narrows to the kinds asked for; an empty list finds nothing', async () => {
      expect((await hits(member, 'Zyntharia', { kinds: ['ORGANIZATION', 'MEETING'] })).map((h) => h.id).sort()).toEqual([w.organization, w.meeting].sort());
      expect(ids(await hits(member, 'Zyntharia', { kinds: ['CAPABILITY', 'RESOURCE_NEED'] }))).toEqual([w.capability, w.need].sort());
      const connection = await search(member, 'Zyntharia', { kinds: [] });
      expect([connection.edges, connection.totalCount, connection.pageInfo.hasNextPage]).toEqual([[], 0, false]);
    });

    it('does not match a person by their email, which not everyone may read', async () => {
      const person = await makePerson(t, { name: 'Bertha Plain' });
      await t.dataSource.query(`UPDATE people SET email = 'quorvandel@example.org' WHERE id = $1`, [person.id]);
      for (const viewer of [member, admin, person]) expect((await search(viewer, 'quorvandel')).totalCount).toBe(0);
      expect(ids(await hits(member, 'Bertha Plain', { kinds: ['PERSON'] }))).toEqual([person.id]);
    });
  });

  describe('language', () => {
    it('stems English both ways: "vehicles" finds "vehicle" and "vehicle" finds "vehicles"', async () => {
      const singular = await publicProposal({ title: 'Glimbrook', body: 'One shared vehicle for testing.' });
      const plural = await publicProposal({ title: 'Trelloway', body: 'Sensor data from many vehicles.' });
      expect(ids(await hits(member, 'Glimbrook vehicles'))).toEqual([singular]);
      expect(ids(await hits(member, 'Trelloway vehicle'))).toEqual([plural]);
    });

    it('stems German both ways: "Fahrzeuge" finds "Fahrzeug" and back, "Fahrzeugen" too', async () => {
      const singular = await publicProposal({ title: 'Quendelhof', body: 'Ein gemeinsames Fahrzeug für Tests.' });
      const plural = await publicProposal({ title: 'Wastelbruch', body: 'Messdaten vieler Fahrzeuge.' });
      expect(ids(await hits(member, 'Quendelhof Fahrzeuge'))).toEqual([singular]);
      expect(ids(await hits(member, 'Quendelhof Fahrzeugen'))).toEqual([singular]);
      expect(ids(await hits(member, 'Wastelbruch Fahrzeug'))).toEqual([plural]);
    });

    it('ignores accents both ways, and marks the word as written', async () => {
      const munich = await createOrganization('München Mobility Lab Varnholt', { description: 'Testfeld in München' });
      const societe = await createOrganization('Societe Varnholt Generale');
      const munichHits = await hits(member, 'Munchen Varnholt');
      expect(ids(munichHits)).toEqual([munich]);
      expect(munichHits[0].snippet).toContain('«München»');
      expect(ids(await hits(member, 'Münchener Varnholt'))).toEqual([munich]);
      expect(ids(await hits(member, 'Société Varnholt'))).toEqual([societe]);
      expect(ids(await hits(member, 'Varnholt'))).toEqual([munich, societe].sort());
    });

    it('matches prefixes: "Hamm" finds HammerHAI', async () => {
      const hammer = await createOrganization('HammerHAI Plorvik', { kind: 'AI_FACTORY' });
      expect(ids(await hits(member, 'Hamm Plorvik'))).toEqual([hammer]);
      expect(ids(await hits(member, 'Plor'))).toEqual([hammer]);
      // A single letter matches only itself, not every word it starts.
      expect(ids(await hits(member, 'P', { kinds: ['ORGANIZATION'] }))).toEqual([]);
    });
  });

  describe('ranking and snippets', () => {
    it('ranks a title hit above a summary hit above a body hit, then by kind and id', async () => {
      const body = await publicProposal({ title: 'Data pool', body: 'Telemetry from the Oxtrander fleet.' });
      const title = await publicProposal({ title: 'Oxtrander fleet data', body: 'Telemetry.' });
      const summary = await publicProposal({ title: 'Fleet data', summary: 'About Oxtrander.', body: 'Telemetry.' });
      const found = await hits(member, 'Oxtrander');
      expect(found.map((h) => h.id)).toEqual([title, summary, body]);
      expect(found[0].rank).toBeGreaterThan(found[1].rank);
      expect(found[1].rank).toBeGreaterThan(found[2].rank);
    });

    it('cuts a short snippet around the matched words of a long text', async () => {
      const filler = 'Partners agree a common format and compare perception models on shared compute. '.repeat(40);
      await publicProposal({ title: 'Long proposal', body: `${filler} The Brindlewick dataset holds labelled night drives. ${filler}` });
      const [hit] = await hits(member, 'Brindlewick');
      expect(hit.snippet).toMatch(/«Brindlewick» dataset/);
      expect(hit.snippet!.split(/\s+/).length).toBeLessThanOrEqual(40);
    });
  });

  describe('pages', () => {
    const made: string[] = [];

    beforeAll(async () => {
      for (let i = 0; i < 7; i += 1) made.push(await createOrganization(`Pagination Kelvaroo ${i}`, { description: i % 2 ? 'Kelvaroo twice' : undefined }));
    });

    it('walks every hit once with cursors, best first, totalCount on every page', async () => {
      const seen: Hit[] = [];
      let after: string | undefined;
      for (let page = 0; page < 3; page += 1) {
        const connection = await search(member, 'Kelvaroo', { first: 3, after });
        expect(connection.totalCount).toBe(7);
        expect(connection.pageInfo.hasPreviousPage).toBe(page > 0);
        expect(connection.pageInfo.hasNextPage).toBe(page < 2);
        seen.push(...connection.edges.map((e: any) => ({ id: e.node.node.id, rank: e.node.rank })));
        expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1).cursor);
        after = connection.pageInfo.endCursor;
      }
      // Past the last hit there is no row to carry the count: the connection counts on its own.
      expect(await search(member, 'Kelvaroo', { first: 3, after })).toMatchObject({ totalCount: 7, edges: [] });
      expect(seen.map((h) => h.id).sort()).toEqual([...made].sort());
      expect(seen.map((h) => h.rank)).toEqual([...seen.map((h) => h.rank)].sort((a, b) => b - a));
      expect((await search(member, 'Kelvaroo', { first: 0 })).edges).toEqual([]);
    });

    it('refuses a forged cursor as BAD_USER_INPUT on "after"', async () => {
      const forged = [
        Buffer.from('["1; DROP TABLE people","ORGANIZATION","00000000-0000-4000-8000-000000000000"]').toString('base64url'),
        Buffer.from('["0.5","NOTHING","00000000-0000-4000-8000-000000000000"]').toString('base64url'),
        Buffer.from('["0.5","ORGANIZATION","nope"]').toString('base64url'),
        'garbage',
      ];
      for (const after of forged) {
        expect(refusal(await t.gql(SEARCH, { query: 'Kelvaroo', after }, member.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      }
    });
  });

  describe('input', () => {
    it.each([
      ['nothing', ''],
      ['blanks', '   '],
      ['operators only', '& | ! ( ) :* <-> \' "'],
      ['more than 200 characters', 'a'.repeat(201)],
      ['more than 8 words', 'one two three four five six seven eight nine'],
      ['a line break', 'one\ntwo'],
    ])('refuses %s as BAD_USER_INPUT on "query"', async (_what, query) => {
      expect(refusal(await t.gql(SEARCH, { query }, member.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
    });

    it('reads operators, quotes and other syntax as spaces, never as an error', async () => {
      const inputs = ['a & | ! ( :*', '"unterminated', "O'Reilly", 'foo:*bar', 'x <-> y', 'a\\b', '!!!word', 'w:A', '((a)', `${'&'.repeat(150)} word`, 'Ω ½ 中文'];
      for (const query of inputs) {
        const response: GqlResponse = await t.gql(SEARCH, { query }, member.token);
        expect([query, response.errors]).toEqual([query, undefined]);
      }
    });

    it('refuses an oversize kinds list', async () => {
      const kinds = Array.from({ length: 11 }, () => 'PERSON');
      expect(refusal(await t.gql(SEARCH, { query: 'x', kinds }, member.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kinds' });
    });

    it('needs a signed-in viewer', async () => {
      expect((await t.gql(SEARCH, { query: 'anything' })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  /**
   * Leaks: the same proposals and meetings as the visibility tests, found by a word they all hold, for
   * viewers of every role. Each sees exactly what their own queries (`proposals`, `meetings`) show,
   * in hits and in totalCount, and nothing else.
   */
  describe('what each viewer may find', () => {
    const WORD = 'Sturmvogelnest';
    const PROPOSALS_KEYS = ['pub', 'mem', 'wg', 'par', 'draftLead', 'draftPartner', 'withdrawnDraft'] as const;
    const MEETING_KEYS = ['groupMeeting', 'otherMeeting', 'workshop', 'invitedMeeting', 'actionMeeting'] as const;
    type Key = (typeof PROPOSALS_KEYS)[number] | (typeof MEETING_KEYS)[number];
    const SUBMITTED: Key[] = ['pub', 'mem', 'wg', 'par'];
    const GROUP_READ: Key[] = ['pub', 'mem', 'wg'];
    const PARTY: Key[] = [...SUBMITTED, 'draftLead', 'draftPartner', 'withdrawnDraft'];
    /** DESIGN.md "Visibility", the Confidentiality enum, canReadProposal and canReadMeeting. */
    const EXPECTED = {
      admin: [...PROPOSALS_KEYS, ...MEETING_KEYS],
      author: [...PARTY, 'groupMeeting', 'workshop'],
      authorColleague: [...PARTY, 'workshop'],
      lead: [...SUBMITTED, 'draftLead', 'groupMeeting', 'workshop'],
      partner: [...SUBMITTED, 'draftPartner', 'workshop'],
      invited: [...SUBMITTED, 'workshop'],
      declined: ['pub', 'workshop'],
      chair: [...SUBMITTED, 'groupMeeting', 'workshop'],
      member: [...GROUP_READ, 'groupMeeting', 'workshop'],
      observer: [...GROUP_READ, 'groupMeeting', 'workshop'],
      otherGroupMember: ['pub', 'mem', 'otherMeeting', 'invitedMeeting', 'actionMeeting', 'workshop'],
      former: ['pub', 'workshop'],
      outsider: ['pub', 'workshop', 'invitedMeeting', 'actionMeeting'],
    } satisfies Record<string, Key[]>;
    type Role = keyof typeof EXPECTED;
    const ROLES = Object.keys(EXPECTED) as Role[];
    const w = {} as { people: Record<Role, Actor>; ids: Record<Key, string> };

    beforeAll(async () => {
      const group = await makeGroup(t);
      const other = await makeGroup(t);
      const p = { admin } as Record<Role, Actor>;
      for (const role of ['author', 'lead', 'chair', 'member', 'observer', 'former', 'partner', 'invited', 'declined', 'otherGroupMember', 'outsider'] as const) {
        p[role] = await makePerson(t);
      }
      p.authorColleague = await makePerson(t, { organizationId: p.author.organizationId });
      await seat(t, group.id, p.author, 'MEMBER');
      await seat(t, group.id, p.lead, 'MEMBER');
      await seat(t, group.id, p.chair, 'CHAIR');
      await seat(t, group.id, p.member, 'MEMBER');
      await seat(t, group.id, p.observer, 'OBSERVER');
      await seat(t, group.id, p.former, 'MEMBER');
      await t.dataSource.query(`UPDATE working_group_participants SET ended_at = now() WHERE person_id = $1`, [p.former.id]);
      await seat(t, other.id, p.otherGroupMember, 'CHAIR');
      w.people = p;

      const ids = {} as Record<Key, string>;
      Object.assign(
        ids,
        await makeProposalsOfEveryVisibility(
          t,
          group.id,
          { author: p.author, lead: p.lead, manager: p.chair, partner: p.partner, invited: p.invited, declined: p.declined },
          { body: `${WORD} telemetry`, summary: (title) => `Summary of ${title}` },
        ),
      );
      ids.withdrawnDraft = await makeProposal(t, p.author, group.id, { title: 'Withdrawn before it was submitted', body: `${WORD} telemetry`, confidentiality: 'PUBLIC' });
      await moveProposal(t, ids.withdrawnDraft, 'WITHDRAWN', { author: p.author, manager: p.chair });

      const meeting = (workingGroupId: string | null, title: string) =>
        insertMeeting(t, admin, workingGroupId, { title, description: `We discuss ${WORD}.`, startsAt: '2027-05-04T09:00:00Z', endsAt: '2027-05-04T11:00:00Z' });
      ids.groupMeeting = await meeting(group.id, 'Group meeting');
      ids.otherMeeting = await meeting(other.id, 'Other group meeting');
      ids.workshop = await meeting(null, 'Alliance workshop');
      ids.invitedMeeting = await meeting(other.id, 'Other group meeting with a guest');
      await insertInvitation(t, ids.invitedMeeting, p.outsider);
      ids.actionMeeting = await meeting(other.id, 'Other group meeting with an outside action owner');
      await insertActionItem(t, ids.actionMeeting, admin, { title: 'Send the data', owner: p.outsider });
      w.ids = ids;
    });

    const expectedIds = (role: Role, keys: readonly Key[]) => (EXPECTED[role] as readonly Key[]).filter((k) => keys.includes(k)).map((k) => w.ids[k]).sort();

    it.each(ROLES)('%s: finds exactly the proposals and meetings they may read, and counts only those', async (role) => {
      const actor = w.people[role];
      const proposals = expectedIds(role, PROPOSALS_KEYS);
      const meetings = expectedIds(role, MEETING_KEYS);

      const all = await search(actor, WORD, { first: 100 });
      expect([all.edges.map((e: any) => e.node.node.id).sort(), all.totalCount]).toEqual([[...proposals, ...meetings].sort(), proposals.length + meetings.length]);
      for (const [kind, expected] of [['PROPOSAL', proposals], ['MEETING', meetings]] as const) {
        const some = await search(actor, WORD, { kinds: [kind], first: 100 });
        expect([kind, some.edges.map((e: any) => e.node.node.id).sort(), some.totalCount]).toEqual([kind, expected, expected.length]);
      }
      expect(all.edges.every((e: any) => e.node.snippet.includes(`«${WORD}»`))).toBe(true);

      // The viewer's own queries agree.
      const own = ok(await t.gql(PROPOSALS, { search: WORD }, actor.token)).proposals;
      expect([own.edges.map((e: any) => e.node.id).sort(), own.totalCount]).toEqual([proposals, proposals.length]);
      const listed = ok(await t.gql(MEETINGS, {}, actor.token)).meetings.edges.map((e: any) => e.node.id);
      expect(listed.filter((id: string) => Object.values(w.ids).includes(id)).sort()).toEqual(meetings);
    });

    it('applies the same rules to a prefix of the word', async () => {
      const outsider = w.people.outsider;
      const found = await search(outsider, WORD.slice(0, 8), { first: 100 });
      expect(found.edges.map((e: any) => e.node.node.id).sort()).toEqual(expectedIds('outsider', [...PROPOSALS_KEYS, ...MEETING_KEYS]));
      expect(found.totalCount).toBe(EXPECTED.outsider.length);
    });
  });

  describe('what each viewer may find in the marketplace', () => {
    const WORD = 'Kaltwassersenke';
    type Listing = 'capPublic' | 'capMembers' | 'capGroup' | 'needPublic' | 'needMembers' | 'needGroup' | 'needAnonymous';
    const ALL: Listing[] = ['capPublic', 'capMembers', 'capGroup', 'needPublic', 'needMembers', 'needGroup', 'needAnonymous'];
    /** docs/marketplace.md "Who reads what": canReadCapability and canReadNeed. */
    const EXPECTED: Record<'admin' | 'owner' | 'groupMember' | 'otherGroupMember' | 'outsider', Listing[]> = {
      admin: ALL,
      owner: ALL,
      groupMember: ALL,
      otherGroupMember: ['capPublic', 'capMembers', 'needPublic', 'needMembers', 'needAnonymous'],
      outsider: ['capPublic', 'needPublic', 'needAnonymous'],
    };
    const w = {} as { people: Record<keyof typeof EXPECTED, Actor>; ids: Record<Listing, string> };

    beforeAll(async () => {
      const group = await makeGroup(t);
      const other = await makeGroup(t);
      const people = { admin } as Record<keyof typeof EXPECTED, Actor>;
      for (const role of ['owner', 'groupMember', 'otherGroupMember', 'outsider'] as const) people[role] = await makePerson(t);
      await seat(t, group.id, people.groupMember, 'MEMBER');
      await seat(t, other.id, people.otherGroupMember, 'MEMBER');
      const inGroup = { confidentiality: 'WORKING_GROUP', workingGroupId: group.id };
      const owner = people.owner;
      w.people = people;
      w.ids = {
        capPublic: (await addCapability(t, owner, { title: `${WORD} public capability`, confidentiality: 'PUBLIC' })).id,
        capMembers: (await addCapability(t, owner, { title: `${WORD} members capability`, confidentiality: 'MEMBERS' })).id,
        capGroup: (await addCapability(t, owner, { title: `${WORD} group capability`, ...inGroup })).id,
        needPublic: (await addNeed(t, owner, { title: `${WORD} public need`, confidentiality: 'PUBLIC' })).id,
        needMembers: (await addNeed(t, owner, { title: `${WORD} members need`, confidentiality: 'MEMBERS' })).id,
        needGroup: (await addNeed(t, owner, { title: `${WORD} group need`, ...inGroup })).id,
        needAnonymous: (await addNeed(t, owner, { title: `${WORD} anonymous need`, description: 'Sensor fusion training', confidentiality: 'PUBLIC', anonymous: true })).id,
      };
    });

    it.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])('shows %s exactly the listings it may read, in hits and totalCount', async (role) => {
      const viewer = w.people[role];
      const connection = await search(viewer, WORD, { kinds: ['CAPABILITY', 'RESOURCE_NEED'], first: 100 });
      const found = connection.edges.map((e: any) => e.node.node.id).sort();
      expect(found).toEqual(EXPECTED[role].map((key) => w.ids[key]).sort());
      expect(connection.totalCount).toBe(EXPECTED[role].length);
    });

    it('never reveals an anonymous need’s owner through a hit, until an introduction with that provider is accepted', async () => {
      const anonymousOrganization = async (viewer: Actor) => {
        const connection = await search(viewer, `${WORD} anonymous`, { kinds: ['RESOURCE_NEED'] });
        const hit = connection.edges.find((e: any) => e.node.node.id === w.ids.needAnonymous);
        expect(hit.node.snippet).not.toContain(w.people.owner.organizationId);
        return hit.node.node.organization;
      };
      expect(await anonymousOrganization(w.people.outsider)).toBeNull();
      expect(await anonymousOrganization(w.people.groupMember)).toBeNull();
      expect(await anonymousOrganization(w.people.owner)).toEqual({ id: w.people.owner.organizationId });
      expect(await anonymousOrganization(admin)).toEqual({ id: w.people.owner.organizationId });
      // The owner's organisation's name finds its listings that are not anonymous, never the anonymous one.
      const [{ name }] = await t.dataSource.query(`SELECT name FROM organizations WHERE id = $1`, [w.people.owner.organizationId]);
      const byName = await search(w.people.outsider, name, { kinds: ['RESOURCE_NEED'] });
      expect(byName.edges.map((e: any) => e.node.node.id)).not.toContain(w.ids.needAnonymous);
      // An accepted introduction reveals the owner to that provider's people only.
      const provider = await makePerson(t);
      const capability = await addCapability(t, provider, { title: 'Cold-water GPU hours' });
      await insertIntroduction(t, w.ids.needAnonymous, capability.id, w.people.owner, 'ACCEPTED');
      expect(await anonymousOrganization(provider)).toEqual({ id: w.people.owner.organizationId });
      expect(await anonymousOrganization(w.people.outsider)).toBeNull();
    });

    it('finds a listing by a prefix, stemmed and without accents, and only while it may be read', async () => {
      const viewer = w.people.outsider;
      expect(ids(await hits(viewer, 'Kaltwasser', { kinds: ['CAPABILITY'] }))).toEqual([w.ids.capPublic]);
      await t.gql(`mutation ($id: ID!) { updateCapability(id: $id, expectedVersion: 1, input: { confidentiality: MEMBERS }) { id } }`, { id: w.ids.capPublic }, w.people.owner.token);
      expect(ids(await hits(viewer, 'Kaltwasser', { kinds: ['CAPABILITY'] }))).toEqual([]);
      await t.gql(`mutation ($id: ID!) { updateCapability(id: $id, expectedVersion: 2, input: { confidentiality: PUBLIC }) { id } }`, { id: w.ids.capPublic }, w.people.owner.token);
      const sensors = await hits(viewer, 'Sensoren Fusíon', { kinds: ['RESOURCE_NEED'] });
      expect(ids(sensors)).toEqual([w.ids.needAnonymous]);
      expect(sensors[0].snippet).toContain('«Sensor»');
    });
  });

  describe('SQL', () => {
    const QUERY = `query ($query: String!) { search(query: $query, first: 100) { totalCount edges { node { kind snippet node {
      ... on Organization { id name people(first: 2) { totalCount } }
      ... on Person { id name organization { name } }
      ... on WorkingGroup { id name }
      ... on Priority { id title }
      ... on CooperationProposal { id title workingGroup { name } leadOrganization { name } }
      ... on Meeting { id title group: workingGroup { name } }
      ... on Capability { id title organization { name } }
      ... on ResourceNeed { id title owner: organization { name } }
    } } } } }`;

    async function addOfEachKind(word: string, count: number, viewer: Actor) {
      const group = await makeGroup(t);
      await seat(t, group.id, viewer, 'MEMBER');
      for (let i = 0; i < count; i += 1) {
        await createOrganization(`${word} organisation ${i}`);
        await makePerson(t, { name: `${word} person ${i}` });
        await insertGroup(`${word} group ${i}`, 'Mission');
        await makePriority(t, group.id, admin, `${word} priority ${i}`);
        const id = await makeProposal(t, viewer, group.id, { title: `${word} proposal ${i}` });
        await moveProposal(t, id, 'SUBMITTED', { author: viewer, manager: admin });
        await insertMeeting(t, admin, group.id, { title: `${word} meeting ${i}`, startsAt: '2027-06-01T09:00:00Z', endsAt: '2027-06-01T10:00:00Z' });
        const provider = await makePerson(t);
        await addCapability(t, provider, { title: `${word} capability ${i}` });
        await addNeed(t, provider, { title: `${word} need ${i}`, anonymous: i % 2 === 0 });
      }
    }

    async function statementsFor(viewer: Actor, query: string) {
      await t.gql(QUERY, { query }, viewer.token);
      const measured = await t.counter.measure(() => t.gql(QUERY, { query }, viewer.token));
      return { data: ok(measured.result).search, statements: measured.statements, parameters: measured.parameters };
    }

    it('sends as many statements for 80 hits of every kind as for 8', async () => {
      const viewer = await makePerson(t);
      await addOfEachKind('Fewbrook', 1, viewer);
      await addOfEachKind('Manybrook', 10, viewer);
      const few = await statementsFor(viewer, 'Fewbrook');
      const many = await statementsFor(viewer, 'Manybrook');
      expect([few.data.totalCount, few.data.edges.length]).toEqual([8, 8]);
      expect([many.data.totalCount, many.data.edges.length]).toEqual([80, 80]);
      expect(many.statements.length).toBe(few.statements.length);
      // count + hits + a load per kind (8) + the nested fields: groups, organisations, people counts, and
      // whether the viewer may see the anonymous needs' owners
      expect(many.statements.length).toBeLessThanOrEqual(14);
    });

    it('finds each kind’s rows through its GIN index', async () => {
      const viewer = await makePerson(t);
      const { statements, parameters } = await statementsFor(viewer, 'Fewbrook');
      const at = statements.findIndex((s) => s.includes('UNION ALL'));
      const runner = t.dataSource.createQueryRunner();
      try {
        await runner.query('SET enable_seqscan = off');
        const plan = JSON.stringify(await runner.query(`EXPLAIN (FORMAT JSON) ${statements[at]}`, parameters[at]));
        for (const index of ['organizations', 'people', 'working_groups', 'priorities', 'proposals', 'meetings', 'capabilities', 'resource_needs']) expect(plan).toContain(`"IDX_${index}_search"`);
      } finally {
        await runner.release();
      }
    });
  });
});
