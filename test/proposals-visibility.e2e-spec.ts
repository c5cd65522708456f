import { randomUUID } from 'node:crypto';
import { Actor, makeGroup, makePerson, makePriority, makeProposal, makeProposalsOfEveryVisibility, moveProposal, seat } from './support/factories';
import { ok, startTestApp, TestApp } from './support/test-app';

const NODE = `id title state supportCount viewerHasSupported supporters { id }`;
const PROPOSAL = `query ($id: ID!) { proposal(id: $id) { ${NODE} } }`;
const PROPOSALS = `query ($first: Int, $after: String, $filter: ProposalFilter, $orderBy: ProposalOrder) {
  proposals(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { ${NODE} createdAt updatedAt } } } }`;
const GROUP_PROPOSALS = `query ($id: ID!, $first: Int, $after: String, $filter: ProposalFilter, $orderBy: ProposalOrder) {
  workingGroup(id: $id) { proposals(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id title } } } } }`;
const ALL_GROUPS_PROPOSALS = `{ workingGroups { id proposals(first: 50) { totalCount edges { node { id } } } } }`;
const PRIORITY_PROPOSALS = `query ($id: ID!, $first: Int, $after: String) {
  priority(id: $id) { proposals(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }`;
const GROUP_PRIORITIES_PROPOSALS = `query ($id: ID!) { priorities(workingGroupId: $id) { id proposals(first: 50) { totalCount edges { node { id } } } } }`;

const UPDATE = `mutation ($id: ID!, $v: Int!) { updateProposal(id: $id, expectedVersion: $v, input: { title: "Leaked" }) { id } }`;
const CHANGE = `mutation ($id: ID!, $state: ProposalState!) { changeProposalState(id: $id, state: $state, note: "n") { id } }`;
const INVITE = `mutation ($id: ID!, $org: ID!) { invitePartner(proposalId: $id, organizationId: $org) { id } }`;
const RESPOND = `mutation ($id: ID!, $consent: PartnerConsent!) { respondToPartnerInvitation(proposalId: $id, consent: $consent) { id } }`;
const SUPPORT = `mutation ($id: ID!) { supportProposal(id: $id) { id supportCount } }`;
const WITHDRAW_SUPPORT = `mutation ($id: ID!) { withdrawSupport(id: $id) { id supportCount } }`;
const COMMENT = `mutation ($id: ID!) { addComment(proposalId: $id, body: "Leaked") { id } }`;

describe('Proposal visibility, lists and search (e2e)', () => {
  let t: TestApp;
  let admin: Actor;

  beforeAll(async () => {
    // No notification worker: its background statements would count in the SQL statement tests
    // (notifications have their own e2e tests; events are still recorded in each transaction).
    t = await startTestApp({ RUN_WORKER: 'false' });
    admin = await makePerson(t, { admin: true });
  });
  afterAll(() => t.close());


  function gqlAs(actor: Actor | undefined, query: string, variables: Record<string, unknown> = {}) {
    return t.gql(query, variables, actor?.token);
  }

  async function change(actor: Actor, id: string, state: string) {
    ok(await t.gql(CHANGE, { id, state }, actor.token));
  }

  async function invite(lead: Actor, id: string, organizationId: string, consent?: 'CONSENTED' | 'DECLINED', partner?: Actor) {
    ok(await t.gql(INVITE, { id, org: organizationId }, lead.token));
    if (consent) ok(await t.gql(RESPOND, { id, consent }, partner!.token));
  }

  async function support(actor: Actor, id: string) {
    ok(await t.gql(SUPPORT, { id }, actor.token));
  }

  /** Every page of a connection, walking `after` cursors with a small page size. */
  async function walk(fetchPage: (after: string | null) => Promise<any>) {
    const nodes: any[] = [];
    const totals: number[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const page = await fetchPage(after);
      totals.push(page.totalCount);
      nodes.push(...page.edges.map((e: any) => e.node));
      if (!page.pageInfo.hasNextPage) return { nodes, totals, pages: pages + 1 };
      expect(page.edges.length).toBeGreaterThan(0);
      after = page.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  }

  const sorted = (ids: string[]) => [...ids].sort();

  // Runs first, while this database holds no other proposals, so the page really holds 5, then 40 rows.
  describe('SQL statements per request', () => {
    const QUERY = `{ proposals(first: 50) { edges { node { leadOrganization { name } partners { organization { name } }
      priorities { title } supportCount supporters { name } } } } }`;
    const WIDER = `{ proposals(first: 50) { totalCount edges { node { id workingGroup { name } author { name organization { name } }
      viewerHasSupported history { type actor { name } } comments(first: 2) { totalCount edges { node { body author { name } } } } } } } }`;

    let group: { id: string };
    let reader: Actor;
    let author: Actor;
    const partners: Actor[] = [];
    const supporters: Actor[] = [];
    const priorities: string[] = [];

    beforeAll(async () => {
      group = await makeGroup(t);
      reader = await makePerson(t);
      author = await makePerson(t);
      await seat(t, group.id, reader, 'MEMBER');
      await seat(t, group.id, author, 'CHAIR');
      for (let i = 0; i < 3; i += 1) {
        partners.push(await makePerson(t));
        const supporter = await makePerson(t);
        await seat(t, group.id, supporter, 'MEMBER');
        supporters.push(supporter);
        priorities.push((await makePriority(t, group.id, author)).id);
      }
    });

    async function addProposals(count: number, extras: number) {
      for (let i = 0; i < count; i += 1) {
        const id = await makeProposal(t, author, group.id, { priorityIds: priorities.slice(0, 2) });
        await change(author, id, 'SUBMITTED');
        for (let j = 0; j < extras; j += 1) {
          await invite(author, id, partners[j].organizationId);
          await support(supporters[j], id);
        }
        ok(await t.gql(`mutation ($id: ID!) { addComment(proposalId: $id, body: "Noted") { id } }`, { id }, supporters[0].token));
      }
    }

    async function statementsFor(query: string) {
      await t.gql(query, {}, reader.token);
      const { result, statements } = await t.counter.measure(() => t.gql(query, {}, reader.token));
      return { data: ok(result), statements: statements.length };
    }

    it('does not grow with the number of proposals, partners and supporters', async () => {
      await addProposals(5, 2);
      const small = await statementsFor(QUERY);
      const smallWide = await statementsFor(WIDER);
      expect(small.data.proposals.edges).toHaveLength(5);
      expect(small.data.proposals.edges.every((e: any) => e.node.partners.length === 2 && e.node.supporters.length === 2 && e.node.supportCount === 2)).toBe(true);

      await addProposals(35, 3);
      const large = await statementsFor(QUERY);
      const largeWide = await statementsFor(WIDER);
      const nodes = large.data.proposals.edges.map((e: any) => e.node);
      expect(nodes).toHaveLength(40);
      expect(nodes.filter((n: any) => n.partners.length === 3 && n.supporters.length === 3 && n.supportCount === 3)).toHaveLength(35);
      expect(nodes.every((n: any) => n.priorities.length === 2 && n.leadOrganization.name)).toBe(true);
      expect(largeWide.data.proposals.totalCount).toBe(40);
      expect(largeWide.data.proposals.edges.every((e: any) => e.node.comments.totalCount === 1 && e.node.history.length >= 3)).toBe(true);

      expect(large.statements).toBe(small.statements);
      // auth + page + organisations (lead) + partners + organisations (partners) + priorities + supporters
      expect(large.statements).toBeLessThanOrEqual(7);
      // The wider query loads people from two independent waves (history actors, comment authors), which
      // DataLoader merges only when both queries answer in the same tick: a bound by shape, not by rows.
      // auth + count + page + groups + people + viewerHasSupported + history + comment counts + comment pages
      // + organisations + people (actors) + people (comment authors)
      expect(smallWide.statements).toBeLessThanOrEqual(12);
      expect(largeWide.statements).toBeLessThanOrEqual(12);
    });
  });

  describe('who reads what', () => {
    const KEYS = ['pub', 'mem', 'wg', 'par', 'draftLead', 'draftPartner'] as const;
    type Key = (typeof KEYS)[number];
    const NON_DRAFT: Key[] = ['pub', 'mem', 'wg', 'par'];
    const GROUP_READ: Key[] = ['pub', 'mem', 'wg'];
    /** What each viewer may read (DESIGN.md "Visibility", the Confidentiality enum and canReadProposalSql). */
    const EXPECTED = {
      admin: [...KEYS],
      author: [...KEYS],
      authorColleague: [...KEYS],
      // The organisation named as lead reads the draft it is asked to lead; an invited partner the draft it is invited to.
      leadSeat: [...NON_DRAFT, 'draftLead'],
      leadColleague: [...NON_DRAFT, 'draftLead'],
      partner: [...NON_DRAFT, 'draftPartner'],
      invited: NON_DRAFT,
      declined: ['pub'],
      chair: NON_DRAFT,
      coChair: NON_DRAFT,
      secretary: NON_DRAFT,
      member: GROUP_READ,
      observer: GROUP_READ,
      otherGroupMember: ['pub', 'mem'],
      otherGroupChair: ['pub', 'mem'],
      former: ['pub'],
      outsider: ['pub'],
    } satisfies Record<string, Key[]>;
    type Viewer = keyof typeof EXPECTED;
    const VIEWERS = Object.keys(EXPECTED) as Viewer[];
    const WORD = 'Kristallkugel';

    const w = {} as { group: { id: string }; other: { id: string }; priority: string; ids: Record<Key, string>; people: Record<Viewer, Actor> };

    beforeAll(async () => {
      w.group = await makeGroup(t);
      w.other = await makeGroup(t);
      const p = {} as Record<Viewer, Actor>;
      p.admin = admin;
      for (const role of ['author', 'leadSeat', 'chair', 'coChair', 'secretary', 'member', 'observer', 'former'] as const) p[role] = await makePerson(t);
      await seat(t, w.group.id, p.author, 'MEMBER');
      await seat(t, w.group.id, p.leadSeat, 'MEMBER');
      await seat(t, w.group.id, p.chair, 'CHAIR');
      await seat(t, w.group.id, p.coChair, 'CO_CHAIR');
      await seat(t, w.group.id, p.secretary, 'SECRETARY');
      await seat(t, w.group.id, p.member, 'MEMBER');
      await seat(t, w.group.id, p.observer, 'OBSERVER');
      await seat(t, w.group.id, p.former, 'MEMBER');
      await t.dataSource.query(`UPDATE working_group_participants SET ended_at = now() WHERE person_id = $1`, [p.former.id]);
      p.authorColleague = await makePerson(t, { organizationId: p.author.organizationId });
      p.leadColleague = await makePerson(t, { organizationId: p.leadSeat.organizationId });
      for (const role of ['partner', 'invited', 'declined', 'otherGroupMember', 'otherGroupChair', 'outsider'] as const) p[role] = await makePerson(t);
      await seat(t, w.other.id, p.otherGroupMember, 'MEMBER');
      await seat(t, w.other.id, p.otherGroupChair, 'CHAIR');
      w.people = p;
      w.priority = (await makePriority(t, w.group.id, p.chair)).id;

      w.ids = await makeProposalsOfEveryVisibility(
        t,
        w.group.id,
        { author: p.author, lead: p.leadSeat, manager: p.chair, partner: p.partner, invited: p.invited, declined: p.declined },
        { body: `${WORD} telemetry`, priorityIds: [w.priority] },
      );
      for (const key of NON_DRAFT) await support(p.chair, w.ids[key]);
      for (const key of GROUP_READ) await support(p.member, w.ids[key]);
    });

    const readable = (viewer: Viewer) => (EXPECTED[viewer] as readonly Key[]).map((k) => w.ids[k]);

    it.each(VIEWERS)('%s: proposal(id) answers exactly the readable ones', async (viewer) => {
      for (const key of KEYS) {
        const found = ok(await gqlAs(w.people[viewer], PROPOSAL, { id: w.ids[key] })).proposal;
        expect([key, found?.id ?? null]).toEqual([key, (EXPECTED[viewer] as readonly Key[]).includes(key) ? w.ids[key] : null]);
      }
    });

    it.each(VIEWERS)('%s: lists, counts, search, WorkingGroup.proposals and Priority.proposals agree', async (viewer) => {
      const actor = w.people[viewer];
      const expected = sorted(readable(viewer));
      const idsOf = (connection: any) => sorted(connection.edges.map((e: any) => e.node.id));

      const list = ok(await gqlAs(actor, PROPOSALS, { first: 50, filter: { workingGroupId: w.group.id } })).proposals;
      expect([idsOf(list), list.totalCount]).toEqual([expected, expected.length]);

      const search = ok(await gqlAs(actor, PROPOSALS, { first: 50, filter: { search: WORD } })).proposals;
      expect([idsOf(search), search.totalCount]).toEqual([expected, expected.length]);

      const byPriority = ok(await gqlAs(actor, PROPOSALS, { first: 50, filter: { priorityId: w.priority } })).proposals;
      expect([idsOf(byPriority), byPriority.totalCount]).toEqual([expected, expected.length]);

      const inGroup = ok(await gqlAs(actor, GROUP_PROPOSALS, { id: w.group.id, first: 50 })).workingGroup.proposals;
      expect([idsOf(inGroup), inGroup.totalCount]).toEqual([expected, expected.length]);

      const searchInGroup = ok(await gqlAs(actor, GROUP_PROPOSALS, { id: w.group.id, first: 50, filter: { search: `${WORD} telemetry` } })).workingGroup.proposals;
      expect([idsOf(searchInGroup), searchInGroup.totalCount]).toEqual([expected, expected.length]);

      // The batched path: every group at once.
      const groups = ok(await gqlAs(actor, ALL_GROUPS_PROPOSALS)).workingGroups;
      const mine = groups.find((g: any) => g.id === w.group.id).proposals;
      expect([idsOf(mine), mine.totalCount]).toEqual([expected, expected.length]);
      expect(groups.find((g: any) => g.id === w.other.id).proposals.totalCount).toBe(0);

      const ofPriority = ok(await gqlAs(actor, PRIORITY_PROPOSALS, { id: w.priority, first: 50 })).priority.proposals;
      expect([idsOf(ofPriority), ofPriority.totalCount]).toEqual([expected, expected.length]);

      const priorities = ok(await gqlAs(actor, GROUP_PRIORITIES_PROPOSALS, { id: w.group.id })).priorities;
      const batched = priorities.find((pr: any) => pr.id === w.priority).proposals;
      expect([idsOf(batched), batched.totalCount]).toEqual([expected, expected.length]);
    });

    it.each(VIEWERS)('%s: supportCount and supporters match the stored supports', async (viewer) => {
      const actor = w.people[viewer];
      for (const id of readable(viewer)) {
        const proposal = ok(await gqlAs(actor, PROPOSAL, { id })).proposal;
        const rows = await t.dataSource.query(`SELECT organization_id AS id FROM proposal_supports WHERE proposal_id = $1 ORDER BY created_at`, [id]);
        const [{ n }] = await t.dataSource.query(`SELECT support_count AS n FROM cooperation_proposals WHERE id = $1`, [id]);
        expect(proposal.supportCount).toBe(rows.length);
        expect(n).toBe(rows.length);
        expect(proposal.supporters).toEqual(rows);
        expect(proposal.viewerHasSupported).toBe(rows.some((r: { id: string }) => r.id === actor.organizationId));
      }
      if (viewer === 'member') {
        expect(ok(await gqlAs(actor, PROPOSAL, { id: w.ids.pub })).proposal).toMatchObject({ supportCount: 2, viewerHasSupported: true });
      }
    });

    it.each(VIEWERS.filter((v) => EXPECTED[v].length < KEYS.length))('%s: every mutation on an unreadable proposal is NOT_FOUND and changes nothing', async (viewer) => {
      const actor = w.people[viewer];
      const state = async () =>
        t.dataSource.query(
          `SELECT p.id, p.version, p.title, p.state, p.support_count,
                  (SELECT count(*) FROM proposal_events e WHERE e.proposal_id = p.id) AS events,
                  (SELECT count(*) FROM proposal_partners x WHERE x.proposal_id = p.id) AS partners,
                  (SELECT string_agg(consent, ',' ORDER BY organization_id) FROM proposal_partners x WHERE x.proposal_id = p.id) AS consents,
                  (SELECT count(*) FROM proposal_supports s WHERE s.proposal_id = p.id) AS supports,
                  (SELECT count(*) FROM proposal_comments c WHERE c.proposal_id = p.id) AS comments
           FROM cooperation_proposals p WHERE p.working_group_id = $1 ORDER BY p.id`,
          [w.group.id],
        );
      const before = await state();
      for (const key of KEYS.filter((k) => !(EXPECTED[viewer] as readonly Key[]).includes(k))) {
        const id = w.ids[key];
        const [{ version }] = await t.dataSource.query(`SELECT version FROM cooperation_proposals WHERE id = $1`, [id]);
        const responses = {
          update: await gqlAs(actor, UPDATE, { id, v: version }),
          change: await gqlAs(actor, CHANGE, { id, state: key.startsWith('draft') ? 'SUBMITTED' : 'WITHDRAWN' }),
          invite: await gqlAs(actor, INVITE, { id, org: w.people.outsider.organizationId }),
          // A partner that declined may still change its answer (tested below), so it is not asked here.
          ...(viewer === 'declined' ? {} : { respond: await gqlAs(actor, RESPOND, { id, consent: 'CONSENTED' }) }),
          support: await gqlAs(actor, SUPPORT, { id }),
          withdrawSupport: await gqlAs(actor, WITHDRAW_SUPPORT, { id }),
          comment: await gqlAs(actor, COMMENT, { id }),
        };
        for (const [name, response] of Object.entries(responses)) {
          expect([key, name, response.errors?.[0]?.extensions.code]).toEqual([key, name, 'NOT_FOUND']);
        }
      }
      expect(await state()).toEqual(before);
    });

    it('lets a partner that declined change its answer once the proposal is submitted, and read it again', async () => {
      const actor = w.people.declined;
      const submitted = (KEYS.filter((k) => !k.startsWith('draft')) as Key[]).find((k) => !(EXPECTED.declined as readonly Key[]).includes(k))!;
      const id = w.ids[submitted];
      expect((await gqlAs(actor, PROPOSAL, { id })).data.proposal).toBeNull();
      const answered = await gqlAs(actor, RESPOND, { id, consent: 'CONSENTED' });
      expect(answered.errors).toBeUndefined();
      const [row] = await t.dataSource.query(`SELECT consent FROM proposal_partners WHERE proposal_id = $1 AND organization_id = $2`, [
        id,
        actor.organizationId,
      ]);
      expect(row.consent).toBe('CONSENTED');
      expect((await gqlAs(actor, PROPOSAL, { id })).data.proposal).not.toBeNull();
      // Put the fixture back for the other tests.
      expect((await gqlAs(actor, RESPOND, { id, consent: 'DECLINED' })).errors).toBeUndefined();
    });

    it('refuses anonymous clients everywhere (UNAUTHENTICATED, no data)', async () => {
      const responses = [
        await gqlAs(undefined, PROPOSAL, { id: w.ids.pub }),
        await gqlAs(undefined, PROPOSALS, { first: 50 }),
        await gqlAs(undefined, PROPOSALS, { filter: { search: WORD } }),
        await gqlAs(undefined, GROUP_PROPOSALS, { id: w.group.id }),
        await gqlAs(undefined, PRIORITY_PROPOSALS, { id: w.priority }),
        await gqlAs(undefined, SUPPORT, { id: w.ids.pub }),
        await gqlAs(undefined, COMMENT, { id: w.ids.pub }),
      ];
      for (const response of responses) {
        expect(response.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
        expect(JSON.stringify(response.data ?? null)).not.toContain(w.ids.pub);
      }
    });

    it('answers null for an unknown or malformed id', async () => {
      for (const id of [randomUUID(), 'not-an-id']) {
        expect(ok(await gqlAs(admin, PROPOSAL, { id })).proposal).toBeNull();
      }
    });

    it('follows a confidentiality change at once', async () => {
      const { people } = w;
      const id = await makeProposal(t, people.author, w.group.id, { confidentiality: 'PUBLIC' });
      await change(people.author, id, 'SUBMITTED');
      expect(ok(await gqlAs(people.outsider, PROPOSAL, { id })).proposal?.id).toBe(id);
      ok(await t.gql(`mutation ($id: ID!) { updateProposal(id: $id, expectedVersion: 2, input: { confidentiality: PARTIES }) { id } }`, { id }, people.authorColleague.token));
      expect(ok(await gqlAs(people.outsider, PROPOSAL, { id })).proposal).toBeNull();
      expect(ok(await gqlAs(people.member, PROPOSAL, { id })).proposal).toBeNull();
      expect(ok(await gqlAs(people.chair, PROPOSAL, { id })).proposal?.id).toBe(id);
    });
  });

  describe('a draft with an invited partner', () => {
    const WORD = 'Vorabentwurf';
    const DRAFT = `query ($id: ID!) { proposal(id: $id) { id state partners { organization { id } consent }
      history { type } comments(first: 5) { totalCount edges { node { body } } } } }`;
    const COMMENT_ON = `mutation ($id: ID!, $body: String!) { addComment(proposalId: $id, body: $body) { id } }`;
    const w = {} as { group: { id: string }; id: string; author: Actor; partner: Actor; partnerColleague: Actor; partnerObserver: Actor; others: Actor[] };

    beforeAll(async () => {
      w.group = await makeGroup(t);
      w.author = await makePerson(t);
      w.partner = await makePerson(t);
      w.partnerColleague = await makePerson(t, { organizationId: w.partner.organizationId });
      w.partnerObserver = await makePerson(t, { organizationId: w.partner.organizationId });
      const member = await makePerson(t);
      const chair = await makePerson(t);
      const outsider = await makePerson(t);
      await seat(t, w.group.id, w.author, 'MEMBER');
      await seat(t, w.group.id, w.partner, 'MEMBER');
      await seat(t, w.group.id, w.partnerObserver, 'OBSERVER');
      await seat(t, w.group.id, member, 'MEMBER');
      await seat(t, w.group.id, chair, 'CHAIR');
      w.others = [member, chair, outsider];
      w.id = await makeProposal(t, w.author, w.group.id, { title: `${WORD} pool`, confidentiality: 'PUBLIC' });
      ok(await t.gql(COMMENT_ON, { id: w.id, body: 'Internal note' }, w.author.token));
      await invite(w.author, w.id, w.partner.organizationId);
    });

    async function sees(actor: Actor): Promise<boolean[]> {
      const one = ok(await gqlAs(actor, DRAFT, { id: w.id })).proposal;
      const found = (connection: any) => connection.edges.some((e: any) => e.node.id === w.id);
      const list = ok(await gqlAs(actor, PROPOSALS, { first: 50, filter: { workingGroupId: w.group.id } })).proposals;
      const search = ok(await gqlAs(actor, PROPOSALS, { first: 50, filter: { search: WORD } })).proposals;
      const inGroup = ok(await gqlAs(actor, GROUP_PROPOSALS, { id: w.group.id, first: 50 })).workingGroup.proposals;
      return [one !== null, found(list) && list.totalCount === 1, found(search) && search.totalCount === 1, found(inGroup) && inGroup.totalCount === 1];
    }

    it("lets any person of the invited organisation read it, its history and comments, before it is submitted", async () => {
      for (const actor of [w.partner, w.partnerColleague, w.partnerObserver]) {
        expect(await sees(actor)).toEqual([true, true, true, true]);
        const draft = ok(await gqlAs(actor, DRAFT, { id: w.id })).proposal;
        expect(draft).toMatchObject({ state: 'DRAFT', partners: [{ organization: { id: w.partner.organizationId }, consent: 'INVITED' }] });
        expect(draft.history.map((e: any) => e.type)).toEqual(['CREATED', 'COMMENTED', 'PARTNER_INVITED']);
        expect(draft.comments.edges.map((e: any) => e.node.body)).toEqual(['Internal note']);
      }
    });

    it('shows it to nobody else: not other members, chairs or outsiders, in no list, count or search', async () => {
      for (const actor of w.others) {
        expect(await sees(actor)).toEqual([false, false, false, false]);
        const list = ok(await gqlAs(actor, PROPOSALS, { first: 50, filter: { workingGroupId: w.group.id } })).proposals;
        expect(list.totalCount).toBe(0);
      }
    });

    it('takes its answer while it is a draft, a comment from it, and a change of mind; declining hides the draft again', async () => {
      ok(await t.gql(RESPOND, { id: w.id, consent: 'CONSENTED' }, w.partnerColleague.token));
      ok(await t.gql(COMMENT_ON, { id: w.id, body: 'We are in' }, w.partner.token));
      const [row] = await t.dataSource.query(`SELECT consent, responded_by_id FROM proposal_partners WHERE proposal_id = $1`, [w.id]);
      expect(row).toEqual({ consent: 'CONSENTED', responded_by_id: w.partnerColleague.id });
      expect((await t.dataSource.query(`SELECT state FROM cooperation_proposals WHERE id = $1`, [w.id]))[0].state).toBe('DRAFT');

      ok(await t.gql(RESPOND, { id: w.id, consent: 'DECLINED' }, w.partner.token));
      expect(await sees(w.partner)).toEqual([false, false, false, false]);
      // A partner that declined may still change its answer while the proposal is open, a draft included.
      ok(await t.gql(RESPOND, { id: w.id, consent: 'CONSENTED' }, w.partner.token));
      expect(await sees(w.partner)).toEqual([true, true, true, true]);
      for (const actor of w.others) expect(await sees(actor)).toEqual([false, false, false, false]);
    });
  });

  describe('filters', () => {
    const w = {} as { f: { id: string }; f2: { id: string }; viewer: Actor; a1: Actor; a2: Actor; x: Actor; y: Actor; pr1: string; pr2: string; ids: Record<string, string> };

    beforeAll(async () => {
      w.f = await makeGroup(t);
      w.f2 = await makeGroup(t);
      w.viewer = await makePerson(t);
      w.a1 = await makePerson(t);
      w.a2 = await makePerson(t);
      w.x = await makePerson(t);
      w.y = await makePerson(t);
      for (const person of [w.viewer, w.a1]) {
        await seat(t, w.f.id, person, 'MEMBER');
        await seat(t, w.f2.id, person, 'MEMBER');
      }
      await seat(t, w.f.id, w.a2, 'CHAIR');
      w.pr1 = (await makePriority(t, w.f.id, w.a2)).id;
      w.pr2 = (await makePriority(t, null, admin)).id;
      const ids: Record<string, string> = {};
      const make = async (key: string, author: Actor, group: string, kind: string, state: string, priorityIds: string[], confidentiality = 'WORKING_GROUP') => {
        ids[key] = await makeProposal(t, author, group, { kind, priorityIds, confidentiality, title: `Filter ${key}` });
        await moveProposal(t, ids[key], state, { author, manager: w.a2 });
      };
      await make('p1', w.a1, w.f.id, 'DATA_POOLING', 'SUBMITTED', [w.pr1]);
      await make('p2', w.a2, w.f.id, 'FOUNDATION_MODEL', 'UNDER_REVIEW', [w.pr2]);
      await make('p3', w.a2, w.f.id, 'DATA_POOLING', 'APPROVED', [w.pr1, w.pr2]);
      await make('p4', w.a1, w.f2.id, 'COMPUTE_ACCESS', 'SUBMITTED', []);
      // Match almost every filter, but the viewer may not read them.
      await make('draft', w.a1, w.f.id, 'DATA_POOLING', 'DRAFT', [w.pr1, w.pr2]);
      await make('parties', w.a1, w.f.id, 'DATA_POOLING', 'SUBMITTED', [w.pr1, w.pr2], 'PARTIES');
      await invite(w.a1, ids.p1, w.x.organizationId, 'CONSENTED', w.x);
      await invite(w.a2, ids.p2, w.y.organizationId);
      await invite(w.a2, ids.p3, w.x.organizationId, 'CONSENTED', w.x);
      await invite(w.a2, ids.p3, w.y.organizationId);
      await invite(w.a1, ids.parties, w.x.organizationId);
      await invite(w.a1, ids.parties, w.y.organizationId);
      await invite(w.a1, ids.draft, w.x.organizationId);
      w.ids = ids;
    });

    /** Filter, what the member reads, and what the admin reads on top (the draft and the PARTIES proposal). */
    const CASES: [string, () => Record<string, unknown>, string[], string[]][] = [
      ['workingGroupId', () => ({ workingGroupId: w.f.id }), ['p1', 'p2', 'p3'], ['draft', 'parties']],
      ['another workingGroupId', () => ({ workingGroupId: w.f2.id }), ['p4'], []],
      ['one state', () => ({ states: ['SUBMITTED'] }), ['p1', 'p4'], ['parties']],
      ['two states', () => ({ states: ['SUBMITTED', 'APPROVED'] }), ['p1', 'p3', 'p4'], ['parties']],
      ['one kind', () => ({ kinds: ['DATA_POOLING'] }), ['p1', 'p3'], ['draft', 'parties']],
      ['two kinds', () => ({ kinds: ['DATA_POOLING', 'COMPUTE_ACCESS'] }), ['p1', 'p3', 'p4'], ['draft', 'parties']],
      ['leadOrganizationId a1', () => ({ leadOrganizationId: w.a1.organizationId }), ['p1', 'p4'], ['draft', 'parties']],
      ['leadOrganizationId a2', () => ({ leadOrganizationId: w.a2.organizationId }), ['p2', 'p3'], []],
      ['partnerOrganizationId x', () => ({ partnerOrganizationId: w.x.organizationId }), ['p1', 'p3'], ['draft', 'parties']],
      ['partnerOrganizationId y', () => ({ partnerOrganizationId: w.y.organizationId }), ['p2', 'p3'], ['parties']],
      ['group priority', () => ({ priorityId: w.pr1 }), ['p1', 'p3'], ['draft', 'parties']],
      ['alliance-wide priority', () => ({ priorityId: w.pr2 }), ['p2', 'p3'], ['draft', 'parties']],
      ['combined', () => ({ workingGroupId: w.f.id, kinds: ['DATA_POOLING'], leadOrganizationId: w.a2.organizationId, states: ['APPROVED'] }), ['p3'], []],
      ['combined, nothing', () => ({ workingGroupId: w.f2.id, kinds: ['DATA_POOLING'] }), [], []],
      ['search and state', () => ({ search: 'Filter', states: ['UNDER_REVIEW'] }), ['p2'], []],
    ];

    /** This block's proposals among a connection's nodes (other blocks' PUBLIC proposals may match too). */
    function ours(connection: any): string[] {
      const keyOf = new Map(Object.entries(w.ids).map(([key, id]) => [id, key]));
      return connection.edges.flatMap((e: any) => (keyOf.has(e.node.id) ? [keyOf.get(e.node.id)!] : [])).sort();
    }

    it.each(CASES)('%s', async (_, filter, forMember, hiddenToo) => {
      const member = ok(await gqlAs(w.viewer, PROPOSALS, { first: 100, filter: filter() })).proposals;
      expect(ours(member)).toEqual([...forMember].sort());
      expect(member.totalCount).toBe(member.edges.length);
      // The admin reads the hidden ones too: the filters do match them, and visibility alone hides them.
      const all = ok(await gqlAs(admin, PROPOSALS, { first: 100, filter: filter() })).proposals;
      expect(ours(all)).toEqual([...forMember, ...hiddenToo].sort());
      expect(all.totalCount).toBe(all.edges.length);
    });

    it('applies the same filters to WorkingGroup.proposals', async () => {
      const connection = ok(await gqlAs(w.viewer, GROUP_PROPOSALS, { id: w.f.id, first: 50, filter: { states: ['SUBMITTED', 'UNDER_REVIEW'] } })).workingGroup.proposals;
      expect(sorted(connection.edges.map((e: any) => e.node.id))).toEqual(sorted([w.ids.p1, w.ids.p2]));
      expect(connection.totalCount).toBe(2);
      const asAdmin = ok(await gqlAs(admin, GROUP_PROPOSALS, { id: w.f.id, first: 50, filter: { states: ['SUBMITTED'] } })).workingGroup.proposals;
      expect(sorted(asAdmin.edges.map((e: any) => e.node.id))).toEqual(sorted([w.ids.p1, w.ids.parties]));
    });
  });

  describe('order and pages', () => {
    const TITLES = ['delta', 'Alpha', 'charlie', 'bravo', 'Echo', 'alpha', 'foxtrot', 'Bravo', 'golf', 'hotel', 'india', 'juliet'];
    const w = {} as { group: { id: string }; viewer: Actor; readable: string[]; hidden: string[] };

    beforeAll(async () => {
      w.group = await makeGroup(t);
      w.viewer = await makePerson(t);
      const author = await makePerson(t);
      const stranger = await makePerson(t);
      const supporters = [await makePerson(t), await makePerson(t), await makePerson(t)];
      await seat(t, w.group.id, w.viewer, 'MEMBER');
      await seat(t, w.group.id, author, 'CHAIR');
      await seat(t, w.group.id, stranger, 'MEMBER');
      for (const s of supporters) await seat(t, w.group.id, s, 'MEMBER');
      w.readable = [];
      for (const [i, title] of TITLES.entries()) {
        const id = await makeProposal(t, author, w.group.id, { title });
        await change(author, id, 'SUBMITTED');
        for (let j = 0; j < i % 4; j += 1) await support(supporters[j], id);
        w.readable.push(id);
      }
      // Edits change updated_at in another order than created_at.
      for (const i of [3, 0, 7]) {
        ok(await t.gql(`mutation ($id: ID!) { updateProposal(id: $id, expectedVersion: 2, input: { summary: "Edited" }) { id } }`, { id: w.readable[i] }, author.token));
      }
      // Ties on the sort key, so that only the id keeps the order total.
      await t.dataSource.query(`UPDATE cooperation_proposals SET created_at = '2026-02-05T09:00:00Z' WHERE id = ANY($1)`, [w.readable.slice(4, 9)]);
      await t.dataSource.query(`UPDATE cooperation_proposals SET updated_at = '2026-02-06T09:00:00Z' WHERE id = ANY($1)`, [w.readable.slice(1, 6)]);
      const parties = await makeProposal(t, author, w.group.id, { title: 'aaa hidden', confidentiality: 'PARTIES' });
      await change(author, parties, 'SUBMITTED');
      const draft = await makeProposal(t, stranger, w.group.id, { title: 'aab hidden draft' });
      w.hidden = [parties, draft];
    });

    async function expectedOrder(field: string, direction: string): Promise<string[]> {
      const rows: { id: string; created_at: Date; updated_at: Date; support_count: number; title: string }[] = await t.dataSource.query(
        `SELECT id, created_at, updated_at, support_count, title FROM cooperation_proposals WHERE id = ANY($1)`,
        [w.readable],
      );
      const key = (r: (typeof rows)[number]): number | string =>
        field === 'CREATED_AT' ? r.created_at.getTime() : field === 'UPDATED_AT' ? r.updated_at.getTime() : field === 'SUPPORT_COUNT' ? r.support_count : r.title.toLowerCase();
      const sign = direction === 'ASC' ? 1 : -1;
      rows.sort((a, b) => {
        const [ka, kb] = [key(a), key(b)];
        if (ka !== kb) return ka < kb ? -sign : sign;
        return a.id < b.id ? -sign : sign;
      });
      return rows.map((r) => r.id);
    }

    const ORDERS = ['CREATED_AT', 'UPDATED_AT', 'SUPPORT_COUNT', 'TITLE'].flatMap((field) => ['ASC', 'DESC'].map((direction) => [field, direction] as const));

    it.each(ORDERS)('proposals by %s %s: every readable row once, in order, across pages of 5', async (field, direction) => {
      const { nodes, totals, pages } = await walk(
        async (after) => ok(await gqlAs(w.viewer, PROPOSALS, { first: 5, after, filter: { workingGroupId: w.group.id }, orderBy: { field, direction } })).proposals,
      );
      const ids = nodes.map((n) => n.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(await expectedOrder(field, direction));
      expect(totals.every((n) => n === TITLES.length)).toBe(true);
      expect(pages).toBe(Math.ceil(TITLES.length / 5));
      const values = nodes.map((n) => (field === 'SUPPORT_COUNT' ? n.supportCount : field === 'TITLE' ? n.title.toLowerCase() : field === 'CREATED_AT' ? n.createdAt : n.updatedAt));
      const resorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(values).toEqual(direction === 'ASC' ? resorted : resorted.reverse());
    });

    it.each(ORDERS)('WorkingGroup.proposals by %s %s pages the same way', async (field, direction) => {
      const { nodes } = await walk(
        async (after) => ok(await gqlAs(w.viewer, GROUP_PROPOSALS, { id: w.group.id, first: 4, after, orderBy: { field, direction } })).workingGroup.proposals,
      );
      expect(nodes.map((n) => n.id)).toEqual(await expectedOrder(field, direction));
    });

    it('defaults to newest first, and the first page has no previous page', async () => {
      const page = ok(await gqlAs(w.viewer, PROPOSALS, { first: 3, filter: { workingGroupId: w.group.id } })).proposals;
      expect(page.edges.map((e: any) => e.node.id)).toEqual((await expectedOrder('CREATED_AT', 'DESC')).slice(0, 3));
      expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const next = ok(await gqlAs(w.viewer, PROPOSALS, { first: 3, after: page.pageInfo.endCursor, filter: { workingGroupId: w.group.id } })).proposals;
      expect(next.pageInfo.hasPreviousPage).toBe(true);
      const hidden = ok(await gqlAs(admin, PROPOSALS, { first: 50, filter: { workingGroupId: w.group.id } })).proposals;
      expect(hidden.totalCount).toBe(TITLES.length + w.hidden.length);
    });

    it('pages Priority.proposals newest first without gaps', async () => {
      const author = await makePerson(t);
      await seat(t, w.group.id, author, 'MEMBER');
      const priority = await makePriority(t, w.group.id, author);
      const ids: string[] = [];
      for (let i = 0; i < 7; i += 1) {
        const id = await makeProposal(t, author, w.group.id, { priorityIds: [priority.id], confidentiality: 'WORKING_GROUP' });
        await change(author, id, 'SUBMITTED');
        ids.push(id);
      }
      const hiddenDraft = await makeProposal(t, author, w.group.id, { priorityIds: [priority.id] });
      const { nodes, totals } = await walk(async (after) => ok(await gqlAs(w.viewer, PRIORITY_PROPOSALS, { id: priority.id, first: 2, after })).priority.proposals);
      const rows = await t.dataSource.query(`SELECT id FROM cooperation_proposals WHERE id = ANY($1) ORDER BY created_at DESC, id DESC`, [ids]);
      expect(nodes.map((n) => n.id)).toEqual(rows.map((r: { id: string }) => r.id));
      expect(totals.every((n) => n === 7)).toBe(true);
      expect(nodes.map((n) => n.id)).not.toContain(hiddenDraft);
    });

    it('refuses a forged cursor as bad input', async () => {
      const response = await gqlAs(w.viewer, PROPOSALS, { first: 3, after: Buffer.from('["x","y"]').toString('base64url') });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });
  });

  describe('search', () => {
    const w = {} as { group: { id: string }; viewer: Actor; author: Actor; stranger: Actor; ids: Record<string, string> };

    beforeAll(async () => {
      w.group = await makeGroup(t);
      w.viewer = await makePerson(t);
      w.author = await makePerson(t);
      w.stranger = await makePerson(t);
      await seat(t, w.group.id, w.viewer, 'MEMBER');
      await seat(t, w.group.id, w.author, 'CHAIR');
      await seat(t, w.group.id, w.stranger, 'MEMBER');
      const ids: Record<string, string> = {};
      const make = async (key: string, input: Parameters<typeof makeProposal>[3], author = w.author, state = 'SUBMITTED') => {
        ids[key] = await makeProposal(t, author, w.group.id, input);
        await moveProposal(t, ids[key], state, { author, manager: w.author });
      };
      await make('german', { title: 'Gemeinsamer Datenpool für Fahrdaten', summary: 'Wir bündeln Fahrzeugdaten der Mitglieder', body: 'Zugriff über eine Treuhandstelle.' });
      await make('english', { title: 'Foundation model benchmarking', summary: 'A shared suite', body: 'Compare perception models on common scenes.' });
      await make('pooled', { title: 'Fleet recordings', summary: 'Recordings', body: 'Pooled sensor recordings from test fleets.' });
      await make('compute', { title: 'Compute access', summary: 'GPU hours at HLRS', body: 'Allocation rules for members.' });
      await make('hiddenDraft', { title: 'Entwurf', summary: 'Noch geheim', body: 'Ein zweiter Datenpool für Radardaten.' }, w.stranger, 'DRAFT');
      await make('hiddenParties', { title: 'Closed benchmark', summary: 'Parties only', body: 'Benchmarking of chips.', confidentiality: 'PARTIES' });
      w.ids = ids;
    });

    async function search(actor: Actor, text: string, extra: Record<string, unknown> = {}) {
      const connection = ok(await gqlAs(actor, PROPOSALS, { first: 50, filter: { workingGroupId: w.group.id, search: text, ...extra } })).proposals;
      const keys = Object.entries(w.ids)
        .filter(([, id]) => connection.edges.some((e: any) => e.node.id === id))
        .map(([key]) => key)
        .sort();
      expect(connection.totalCount).toBe(connection.edges.length);
      expect(connection.edges.length).toBe(keys.length);
      return keys;
    }

    const CASES: [string, string[], string[]][] = [
      ['Datenpools', ['german'], ['german', 'hiddenDraft']],
      ['Datenpool', ['german'], ['german', 'hiddenDraft']],
      ['Fahrzeugdaten', ['german'], ['german']],
      ['bündeln', ['german'], ['german']],
      ['bundeln', ['german'], ['german']],
      ['benchmarks', ['english'], ['english', 'hiddenParties']],
      ['benchmark', ['english'], ['english', 'hiddenParties']],
      ['pooling', ['pooled'], ['pooled']],
      ['perception models', ['english'], ['english']],
      ['HLRS', ['compute'], ['compute']],
      ['quantum', [], []],
    ];

    it.each(CASES)('"%s" finds %j for a member, %j for an admin', async (text, forMember, forAdmin) => {
      expect(await search(w.viewer, text)).toEqual([...forMember].sort());
      expect(await search(admin, text)).toEqual([...forAdmin].sort());
    });

    it('lets the author’s organisation find its own draft', async () => {
      expect(await search(w.stranger, 'Datenpools')).toEqual(['german', 'hiddenDraft']);
    });

    it('treats operators and quotes in the search text as text, not as errors', async () => {
      for (const text of ['"unterminated', 'a & | ! :*', '-', '(((', "O'Reilly", '   ']) {
        const response = await gqlAs(w.viewer, PROPOSALS, { first: 5, filter: { workingGroupId: w.group.id, search: text } });
        expect([text, response.errors]).toEqual([text, undefined]);
      }
      // Only blanks: no search at all.
      expect(await search(w.viewer, '   ')).toEqual(['compute', 'english', 'german', 'pooled']);
    });

    it('combines search with other filters and with WorkingGroup.proposals', async () => {
      expect(await search(w.viewer, 'Datenpools', { states: ['UNDER_REVIEW'] })).toEqual([]);
      expect(await search(w.viewer, 'Datenpools', { states: ['SUBMITTED'] })).toEqual(['german']);
      const connection = ok(await gqlAs(w.viewer, GROUP_PROPOSALS, { id: w.group.id, first: 50, filter: { search: 'benchmarks' } })).workingGroup.proposals;
      expect(connection.edges.map((e: any) => e.node.id)).toEqual([w.ids.english]);
      expect(connection.totalCount).toBe(1);
    });
  });
});
