import { Actor, makeGroup, makePerson, seat } from './support/factories';
import { addCapability, addNeed, ADD_NEED, needInput, UPDATE_CAPABILITY, UPDATE_NEED } from './support/marketplace';
import { errorCode, GqlResponse, ok, refusal, startTestApp, TestApp } from './support/test-app';

const INTRODUCTION = `id state message answerNote createdAt answeredAt
  need { id title organization { id } proposal { id } }
  capability { id title organization { id } }
  requestedBy { id organization { id } } answeredBy { id organization { id } }
  contacts { id email organization { id } }
  proposal { id }`;

const REQUEST = `mutation ($need: ID!, $capability: ID!, $message: String) {
  requestIntroduction(needId: $need, capabilityId: $capability, message: $message) { ${INTRODUCTION} } }`;
const CHANGE = `mutation ($id: ID!, $state: IntroductionState!, $note: String) {
  changeIntroductionState(id: $id, state: $state, note: $note) { ${INTRODUCTION} } }`;
const MINE = `query ($state: IntroductionState) { myIntroductions(state: $state) { ${INTRODUCTION} } }`;
const ONE = `query ($id: ID!) { introduction(id: $id) { ${INTRODUCTION} } }`;
const OF_NEED = `query ($id: ID!) { resourceNeed(id: $id) { id introductions { id capability { id } } } }`;
const START = `mutation ($id: ID!, $group: ID!) { startProposalFromIntroduction(id: $id, workingGroupId: $group) {
  id title summary body kind state confidentiality version leadOrganization { id } author { id }
  partners { organization { id } consent role } resourceNeeds { id } } }`;

const STATES = ['REQUESTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'] as const;

/**
 * Introductions (contract 05): who asks, who answers, the state machine, what each side reads, anonymity
 * until ACCEPTED, and the compute-access proposal started from an accepted introduction.
 */
describe('Marketplace introductions (e2e)', () => {
  let t: TestApp;
  let admin: Actor;
  /** The industry side: `owner` sits in `group` as MEMBER, `ownerColleague` has no seat, `ownerObserver` observes. */
  let owner: Actor;
  let ownerColleague: Actor;
  let ownerObserver: Actor;
  /** Two providers; `provider` has a colleague. */
  let provider: Actor;
  let providerColleague: Actor;
  let otherProvider: Actor;
  /** Seated in `group`, on neither side. */
  let outsider: Actor;
  let group: string;
  let otherGroup: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
    owner = await makePerson(t);
    ownerColleague = await makePerson(t, { organizationId: owner.organizationId });
    ownerObserver = await makePerson(t, { organizationId: owner.organizationId });
    provider = await makePerson(t);
    providerColleague = await makePerson(t, { organizationId: provider.organizationId });
    otherProvider = await makePerson(t);
    outsider = await makePerson(t);
    group = (await makeGroup(t)).id;
    otherGroup = (await makeGroup(t)).id;
    await seat(t, group, owner, 'MEMBER');
    await seat(t, group, ownerObserver, 'OBSERVER');
    await seat(t, group, outsider, 'MEMBER');
    await seat(t, otherGroup, provider, 'MEMBER');
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0].n as number;

  async function request(actor: Actor, needId: string, capabilityId: string, message: string | null = null) {
    return t.gql(REQUEST, { need: needId, capability: capabilityId, message }, actor.token);
  }

  async function requested(actor: Actor, needId: string, capabilityId: string, message: string | null = null) {
    return ok(await request(actor, needId, capabilityId, message)).requestIntroduction;
  }

  async function change(actor: Actor, id: string, state: string, note: string | null = null) {
    return t.gql(CHANGE, { id, state, note }, actor.token);
  }

  /** A fresh OPEN need of the owner and an ACTIVE capability of `by` (default: the provider), both PUBLIC. */
  async function pair(needOverrides: Record<string, unknown> = {}, by: Actor = provider) {
    const need = await addNeed(t, owner, needOverrides);
    const capability = await addCapability(t, by);
    return { need, capability };
  }

  /** An introduction moved from REQUESTED to `state` by the side that may. */
  async function introductionIn(state: (typeof STATES)[number], needOverrides: Record<string, unknown> = {}) {
    const { need, capability } = await pair(needOverrides);
    const introduction = await requested(owner, need.id, capability.id, 'Could we talk?');
    if (state !== 'REQUESTED') ok(await change(state === 'WITHDRAWN' ? owner : provider, introduction.id, state));
    return { need, capability, id: introduction.id as string };
  }

  describe('requestIntroduction', () => {
    it("lets the need's organisation's people ask, and starts REQUESTED with nothing answered", async () => {
      const { need, capability } = await pair();
      const introduction = await requested(ownerColleague, need.id, capability.id, 'We need 50,000 GPU hours from March.');
      expect(introduction).toMatchObject({
        state: 'REQUESTED',
        message: 'We need 50,000 GPU hours from March.',
        answerNote: null,
        answeredAt: null,
        need: { id: need.id, organization: { id: owner.organizationId } },
        capability: { id: capability.id, organization: { id: provider.organizationId } },
        requestedBy: { id: ownerColleague.id },
        answeredBy: null,
        contacts: null,
        proposal: null,
      });
      expect(await count(`SELECT count(*)::int AS n FROM introductions WHERE id = $1 AND state = 'REQUESTED'`, [introduction.id])).toBe(1);
    });

    it('lets admins ask for any organisation', async () => {
      const { need, capability } = await pair();
      expect(await requested(admin, need.id, capability.id)).toMatchObject({ state: 'REQUESTED', requestedBy: { id: admin.id } });
    });

    it('refuses the provider and other readers (FORBIDDEN), those who may not read the need (NOT_FOUND) and anonymous clients, writing nothing', async () => {
      const { need, capability } = await pair();
      const hidden = await addNeed(t, owner, { confidentiality: 'WORKING_GROUP', workingGroupId: group });
      const before = await count(`SELECT count(*)::int AS n FROM introductions`);
      expect(refusal(await request(provider, need.id, capability.id))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_OWN_ORGANIZATION' });
      expect(refusal(await request(outsider, need.id, capability.id))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_OWN_ORGANIZATION' });
      expect(refusal(await request(provider, hidden.id, capability.id))).toMatchObject({ code: 'NOT_FOUND' });
      expect(errorCode(await request({ ...owner, token: '' }, need.id, capability.id))).toBe('UNAUTHENTICATED');
      expect(refusal(await request(owner, '00000000-0000-4000-8000-000000000000', capability.id))).toMatchObject({ code: 'NOT_FOUND' });
      expect(refusal(await request(owner, 'not-an-id', capability.id))).toMatchObject({ code: 'NOT_FOUND' });
      expect(refusal(await request(owner, need.id, '00000000-0000-4000-8000-000000000000'))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await count(`SELECT count(*)::int AS n FROM introductions`)).toBe(before);
    });

    it('needs an OPEN need and an ACTIVE capability (CONFLICT)', async () => {
      const closed = await pair();
      ok(await t.gql(UPDATE_NEED, { id: closed.need.id, v: 1, input: { status: 'FULFILLED' } }, owner.token));
      expect(refusal(await request(owner, closed.need.id, closed.capability.id))).toEqual({ code: 'CONFLICT', reason: 'NEED_NOT_OPEN', field: 'needId' });
      const paused = await pair();
      ok(await t.gql(UPDATE_CAPABILITY, { id: paused.capability.id, v: 1, input: { status: 'PAUSED' } }, provider.token));
      expect(refusal(await request(owner, paused.need.id, paused.capability.id))).toEqual({ code: 'CONFLICT', reason: 'CAPABILITY_NOT_ACTIVE', field: 'capabilityId' });
    });

    it("refuses the organisation's own capability, and one the need's organisation may not read", async () => {
      const need = await addNeed(t, owner);
      const own = await addCapability(t, owner);
      expect(refusal(await request(owner, need.id, own.id))).toEqual({ code: 'BAD_USER_INPUT', reason: 'OWN_CAPABILITY', field: 'capabilityId' });
      // Readable only by participants of a group nobody of the owner's organisation sits in.
      const elsewhere = await addCapability(t, provider, { confidentiality: 'WORKING_GROUP', workingGroupId: otherGroup });
      expect(refusal(await request(owner, need.id, elsewhere.id))).toMatchObject({ code: 'NOT_FOUND' });
      // An admin reads it, but the need's organisation does not.
      expect(refusal(await request(admin, need.id, elsewhere.id))).toEqual({ code: 'BAD_USER_INPUT', reason: 'CAPABILITY_NOT_READABLE', field: 'capabilityId' });
    });

    it('does not require the capability to match the need (decision 85)', async () => {
      const need = await addNeed(t, owner, { kind: 'GPU_COMPUTE', requiredCertifications: ['BSI_C5'] });
      const expertise = await addCapability(t, provider, { kind: 'EXPERTISE' });
      const matches = ok(await t.gql(`query ($id: ID!) { resourceNeed(id: $id) { matches { totalCount } } }`, { id: need.id }, owner.token));
      expect(matches.resourceNeed.matches.totalCount).toBe(0);
      expect(await requested(owner, need.id, expertise.id)).toMatchObject({ state: 'REQUESTED' });
    });

    it('allows one REQUESTED or ACCEPTED introduction per need and capability; a declined or withdrawn one may be asked again', async () => {
      const { need, capability } = await pair();
      const first = await requested(owner, need.id, capability.id);
      expect(refusal(await request(ownerColleague, need.id, capability.id))).toEqual({ code: 'CONFLICT', reason: 'INTRODUCTION_EXISTS', field: 'capabilityId' });
      ok(await change(provider, first.id, 'DECLINED'));
      const second = await requested(owner, need.id, capability.id);
      ok(await change(owner, second.id, 'WITHDRAWN'));
      const third = await requested(owner, need.id, capability.id);
      ok(await change(provider, third.id, 'ACCEPTED'));
      expect(refusal(await request(owner, need.id, capability.id))).toEqual({ code: 'CONFLICT', reason: 'INTRODUCTION_EXISTS', field: 'capabilityId' });
      // Another capability of the same provider is another pair.
      const another = await addCapability(t, provider);
      expect(await requested(owner, need.id, another.id)).toMatchObject({ state: 'REQUESTED' });
    });

    it('lets exactly one of several parallel requests for the same pair through', async () => {
      const { need, capability } = await pair();
      const answers = await Promise.all([owner, ownerColleague, admin, owner, ownerColleague, admin].map((actor) => request(actor, need.id, capability.id)));
      expect(answers.filter((a) => !a.errors)).toHaveLength(1);
      expect(answers.filter((a) => a.errors).map((a) => a.errors![0].extensions.reason)).toEqual(Array(5).fill('INTRODUCTION_EXISTS'));
      expect(await count(`SELECT count(*)::int AS n FROM introductions WHERE need_id = $1`, [need.id])).toBe(1);
    });
  });

  describe('changeIntroductionState', () => {
    it("lets the provider's people accept: the answer is recorded and each side's contact is shown to the other, with emails", async () => {
      const { id } = await introductionIn('REQUESTED');
      const accepted = ok(await change(providerColleague, id, 'ACCEPTED', 'Happy to talk; we have capacity from March.')).changeIntroductionState;
      expect(accepted).toMatchObject({
        state: 'ACCEPTED',
        answerNote: 'Happy to talk; we have capacity from March.',
        answeredBy: { id: providerColleague.id },
        requestedBy: { id: owner.id },
        contacts: [
          { id: providerColleague.id, email: providerColleague.email, organization: { id: provider.organizationId } },
          { id: owner.id, email: owner.email, organization: { id: owner.organizationId } },
        ],
      });
      expect(Date.parse(accepted.answeredAt)).toBeGreaterThan(Date.parse(accepted.createdAt) - 1);
      // The owner's side reads the same contacts, emails included, though it shares no group with them.
      const seen = ok(await t.gql(ONE, { id }, ownerColleague.token)).introduction;
      expect(seen.contacts).toEqual(accepted.contacts);
      // Elsewhere their emails follow the usual rule (no shared group: hidden).
      const person = ok(await t.gql(`query ($id: ID!) { person(id: $id) { email } }`, { id: providerColleague.id }, ownerColleague.token));
      expect(person.person.email).toBeNull();
    });

    it("lets the provider's people decline and the owner's people withdraw; admins may do either", async () => {
      const declined = await introductionIn('REQUESTED');
      expect(ok(await change(provider, declined.id, 'DECLINED', 'No capacity this year.')).changeIntroductionState).toMatchObject({
        state: 'DECLINED',
        answerNote: 'No capacity this year.',
        answeredBy: { id: provider.id },
        contacts: null,
      });
      const withdrawn = await introductionIn('REQUESTED');
      expect(ok(await change(ownerColleague, withdrawn.id, 'WITHDRAWN')).changeIntroductionState).toMatchObject({
        state: 'WITHDRAWN',
        answeredBy: { id: ownerColleague.id },
        answerNote: null,
      });
      for (const state of ['ACCEPTED', 'DECLINED', 'WITHDRAWN']) {
        const { id } = await introductionIn('REQUESTED');
        expect(ok(await change(admin, id, state)).changeIntroductionState).toMatchObject({ state, answeredBy: { id: admin.id } });
      }
    });

    it('refuses the wrong side (FORBIDDEN) and those on neither side (NOT_FOUND), changing nothing', async () => {
      const { id } = await introductionIn('REQUESTED');
      expect(refusal(await change(owner, id, 'ACCEPTED'))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_PROVIDER' });
      expect(refusal(await change(ownerColleague, id, 'DECLINED'))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_PROVIDER' });
      expect(refusal(await change(provider, id, 'WITHDRAWN'))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_NEED_OWNER' });
      for (const stranger of [otherProvider, outsider]) {
        expect(refusal(await change(stranger, id, 'ACCEPTED'))).toMatchObject({ code: 'NOT_FOUND' });
        expect(refusal(await change(stranger, id, 'WITHDRAWN'))).toMatchObject({ code: 'NOT_FOUND' });
      }
      expect(errorCode(await change({ ...owner, token: '' }, id, 'WITHDRAWN'))).toBe('UNAUTHENTICATED');
      expect(ok(await t.gql(ONE, { id }, owner.token)).introduction).toMatchObject({ state: 'REQUESTED', answeredBy: null, answeredAt: null });
    });

    it.each(STATES.flatMap((from) => STATES.map((to) => [from, to] as const)).filter(([from, to]) => from !== 'REQUESTED' || to === 'REQUESTED'))(
      'refuses %s -> %s as CONFLICT ILLEGAL_TRANSITION, for either side, before their role is looked at',
      async (from, to) => {
        const { id } = await introductionIn(from);
        const before = ok(await t.gql(ONE, { id }, owner.token)).introduction;
        // The side that may not make the move would be FORBIDDEN for a legal one; the illegal move comes first.
        for (const actor of [owner, provider, admin]) {
          expect(refusal(await change(actor, id, to))).toEqual({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', field: 'state' });
        }
        expect(ok(await t.gql(ONE, { id }, owner.token)).introduction).toEqual(before);
      },
    );

    it('lets exactly one of parallel answers win (accept, decline, withdraw at once)', async () => {
      for (let round = 0; round < 3; round += 1) {
        const { id } = await introductionIn('REQUESTED');
        const moves: [Actor, string][] = [
          [provider, 'ACCEPTED'],
          [providerColleague, 'DECLINED'],
          [owner, 'WITHDRAWN'],
          [provider, 'DECLINED'],
          [providerColleague, 'ACCEPTED'],
        ];
        const answers: GqlResponse[] = await Promise.all(moves.map(([actor, state]) => change(actor, id, state)));
        const winners = answers.filter((a) => !a.errors);
        expect(winners).toHaveLength(1);
        expect(answers.filter((a) => a.errors).map((a) => a.errors![0].extensions.reason)).toEqual(Array(4).fill('ILLEGAL_TRANSITION'));
        const stored = ok(await t.gql(ONE, { id }, owner.token)).introduction;
        expect(stored.state).toBe(winners[0].data.changeIntroductionState.state);
      }
    });
  });

  describe('who reads introductions', () => {
    let need: { id: string };
    let mine: string;
    let theirs: string;

    beforeAll(async () => {
      need = await addNeed(t, owner);
      const capability = await addCapability(t, provider);
      const otherCapability = await addCapability(t, otherProvider);
      mine = (await requested(owner, need.id, capability.id)).id;
      theirs = (await requested(owner, need.id, otherCapability.id)).id;
      ok(await change(otherProvider, theirs, 'DECLINED'));
    });

    it("shows ResourceNeed.introductions whole to the owner's people and admins, a provider's own to its people, none to others", async () => {
      const on = async (actor: Actor) => ok(await t.gql(OF_NEED, { id: need.id }, actor.token)).resourceNeed.introductions.map((i: { id: string }) => i.id);
      // Newest first.
      expect(await on(ownerColleague)).toEqual([theirs, mine]);
      expect(await on(admin)).toEqual([theirs, mine]);
      expect(await on(provider)).toEqual([mine]);
      expect(await on(otherProvider)).toEqual([theirs]);
      expect(await on(outsider)).toEqual([]);
    });

    it("lists myIntroductions for the viewer's organisation on either side, newest first, filtered by state", async () => {
      const ids = async (actor: Actor, state?: string) => ok(await t.gql(MINE, { state }, actor.token)).myIntroductions.map((i: { id: string }) => i.id);
      const owners = await ids(ownerColleague);
      expect(owners.slice(0, 2)).toEqual([theirs, mine]);
      const stored: { id: string }[] = await t.dataSource.query(
        `SELECT i.id FROM introductions i JOIN resource_needs n ON n.id = i.need_id WHERE n.organization_id = $1 ORDER BY i.created_at DESC, i.id DESC`,
        [owner.organizationId],
      );
      expect(owners).toEqual(stored.map((r) => r.id));
      expect(await ids(provider)).toContain(mine);
      expect(await ids(provider)).not.toContain(theirs);
      expect(await ids(otherProvider, 'DECLINED')).toEqual([theirs]);
      expect(await ids(otherProvider, 'REQUESTED')).toEqual([]);
      expect(await ids(outsider)).toEqual([]);
      // An admin's own organisation has none.
      expect(await ids(admin)).toEqual([]);
    });

    it('answers introduction(id) to its sides and admins, null to anyone else', async () => {
      for (const actor of [owner, provider, admin]) expect(ok(await t.gql(ONE, { id: mine }, actor.token)).introduction.id).toBe(mine);
      for (const actor of [otherProvider, outsider]) expect(ok(await t.gql(ONE, { id: mine }, actor.token)).introduction).toBeNull();
      expect(ok(await t.gql(ONE, { id: 'nonsense' }, owner.token)).introduction).toBeNull();
    });

    it('lets the provider read a need it was asked about, whatever its confidentiality, and the owner the capability it asked about', async () => {
      const hidden = await addNeed(t, owner, { confidentiality: 'WORKING_GROUP', workingGroupId: group });
      const capability = await addCapability(t, provider, { confidentiality: 'MEMBERS' });
      const NEED = `query ($id: ID!) { resourceNeed(id: $id) { id } }`;
      expect(ok(await t.gql(NEED, { id: hidden.id }, providerColleague.token)).resourceNeed).toBeNull();
      const { id } = await requested(owner, hidden.id, capability.id);
      expect(ok(await t.gql(NEED, { id: hidden.id }, providerColleague.token)).resourceNeed).toEqual({ id: hidden.id });
      // The owner's colleague without a seat reads the MEMBERS capability only because the organisation asked about it.
      expect(ok(await t.gql(ONE, { id }, ownerColleague.token)).introduction.capability.id).toBe(capability.id);
      const other = await addCapability(t, provider, { confidentiality: 'MEMBERS' });
      expect(ok(await t.gql(`query ($id: ID!) { capability(id: $id) { id } }`, { id: other.id }, ownerColleague.token)).capability).toBeNull();
    });
  });

  describe('anonymous needs', () => {
    const NEEDS_OF = `query ($org: ID!) { organization(id: $org) { needs(first: 100) { totalCount edges { node { id } } } } }`;

    async function providerView(actor: Actor, id: string, needId: string) {
      const one = ok(await t.gql(ONE, { id }, actor.token)).introduction;
      const listed = ok(await t.gql(MINE, {}, actor.token)).myIntroductions.find((i: { id: string }) => i.id === id);
      const ofNeed = ok(await t.gql(`query ($id: ID!) { resourceNeed(id: $id) { organization { id } proposal { id } introductions { ${INTRODUCTION} } } }`, { id: needId }, actor.token)).resourceNeed;
      const needs = ok(await t.gql(NEEDS_OF, { org: owner.organizationId }, actor.token)).organization.needs;
      return { one, listed, ofNeed, listedByOwner: needs.edges.some((e: { node: { id: string } }) => e.node.id === needId) };
    }

    function expectHidden(view: Awaited<ReturnType<typeof providerView>>) {
      for (const introduction of [view.one, view.listed, view.ofNeed.introductions[0]]) {
        expect(introduction.requestedBy).toBeNull();
        expect(introduction.contacts).toBeNull();
        expect(introduction.need.organization).toBeNull();
        expect(introduction.need.proposal).toBeNull();
        expect(JSON.stringify(introduction)).not.toContain(owner.organizationId);
        expect(JSON.stringify(introduction)).not.toContain(owner.id);
      }
      expect(view.ofNeed.organization).toBeNull();
      expect(view.ofNeed.proposal).toBeNull();
      expect(view.listedByOwner).toBe(false);
    }

    it('hides the owner from the provider through every field and list until ACCEPTED, then shows it to that provider only', async () => {
      const proposal = ok(
        await t.gql(`mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id } }`, {
          input: { workingGroupId: group, title: 'Driving foundation model', summary: 'S', body: 'B', kind: 'FOUNDATION_MODEL' },
        }, owner.token),
      ).createProposal.id;
      const need = ok(await t.gql(ADD_NEED, { input: needInput(owner.organizationId, { anonymous: true, proposalId: proposal }) }, owner.token)).addResourceNeed;
      const capability = await addCapability(t, provider);
      const otherCapability = await addCapability(t, otherProvider);
      const { id } = await requested(owner, need.id, capability.id, 'Anonymous request');
      const other = await requested(owner, need.id, otherCapability.id);

      expectHidden(await providerView(providerColleague, id, need.id));
      // The owner's people see everything.
      const own = ok(await t.gql(ONE, { id }, ownerColleague.token)).introduction;
      expect(own).toMatchObject({ requestedBy: { id: owner.id }, need: { organization: { id: owner.organizationId }, proposal: { id: proposal } } });

      ok(await change(provider, id, 'ACCEPTED'));
      const revealed = await providerView(providerColleague, id, need.id);
      expect(revealed.one).toMatchObject({
        requestedBy: { id: owner.id, organization: { id: owner.organizationId } },
        // The need's proposal is named no more: it is a draft the provider may not read.
        need: { organization: { id: owner.organizationId }, proposal: null },
        contacts: [{ id: provider.id }, { id: owner.id, email: owner.email }],
      });
      expect(revealed.listed.requestedBy).toEqual({ id: owner.id, organization: { id: owner.organizationId } });
      expect(revealed.ofNeed.organization).toEqual({ id: owner.organizationId });
      expect(revealed.listedByOwner).toBe(true);
      // The other provider, still waiting, learns nothing.
      expectHidden(await providerView(otherProvider, other.id, need.id));
    });

    it("keeps a declined introduction's owner hidden, and the person who withdrew one", async () => {
      const { id, need } = await introductionIn('REQUESTED', { anonymous: true });
      ok(await change(provider, id, 'DECLINED', 'Not now'));
      expectHidden(await providerView(provider, id, need.id));
      const withdrawn = await introductionIn('REQUESTED', { anonymous: true });
      ok(await change(ownerColleague, withdrawn.id, 'WITHDRAWN', 'Found capacity elsewhere'));
      const view = await providerView(provider, withdrawn.id, withdrawn.need.id);
      expectHidden(view);
      expect(view.one).toMatchObject({ state: 'WITHDRAWN', answeredBy: null, answerNote: 'Found capacity elsewhere' });
    });

    it('shows a provider that accepted one introduction on the need the requester of its others too', async () => {
      const need = await addNeed(t, owner, { anonymous: true });
      const first = await addCapability(t, provider);
      const second = await addCapability(t, provider);
      const accepted = await requested(owner, need.id, first.id);
      const waiting = await requested(ownerColleague, need.id, second.id);
      expect(ok(await t.gql(ONE, { id: waiting.id }, provider.token)).introduction.requestedBy).toBeNull();
      ok(await change(provider, accepted.id, 'ACCEPTED'));
      expect(ok(await t.gql(ONE, { id: waiting.id }, provider.token)).introduction).toMatchObject({
        state: 'REQUESTED',
        requestedBy: { id: ownerColleague.id },
        need: { organization: { id: owner.organizationId } },
        contacts: null,
      });
    });

    it('shows the provider the owner of a need that is not anonymous from the start', async () => {
      const { id } = await introductionIn('REQUESTED');
      expect(ok(await t.gql(ONE, { id }, provider.token)).introduction).toMatchObject({
        requestedBy: { id: owner.id },
        need: { organization: { id: owner.organizationId } },
        contacts: null,
      });
    });
  });

  describe('startProposalFromIntroduction', () => {
    const start = (actor: Actor, id: string, workingGroupId = group) => t.gql(START, { id, group: workingGroupId }, actor.token);
    const proposalsOf = async (organizationId: string) => count(`SELECT count(*)::int AS n FROM cooperation_proposals WHERE author_organization_id = $1`, [organizationId]);

    it('drafts a COMPUTE_ACCESS proposal with the provider invited, the need linked and the introduction pointing at it', async () => {
      const { id, need, capability } = await introductionIn('ACCEPTED', { title: 'Training a perception model', quantity: 50000, unit: 'GPU_HOURS' });
      const proposal = ok(await start(owner, id)).startProposalFromIntroduction;
      expect(proposal).toMatchObject({
        kind: 'COMPUTE_ACCESS',
        state: 'DRAFT',
        confidentiality: 'WORKING_GROUP',
        leadOrganization: { id: owner.organizationId },
        author: { id: owner.id },
        partners: [{ organization: { id: provider.organizationId }, consent: 'INVITED', role: capability.title }],
        resourceNeeds: [{ id: need.id }],
      });
      expect(proposal.title).toBe(`Training a perception model: ${capability.title}`);
      expect(proposal.body).toContain('- Quantity: 50,000 GPU_HOURS');
      expect(proposal.body).toContain('Asked: Could we talk?');
      // The trail, as for a proposal drafted and a partner invited by hand.
      const trail: { type: string }[] = await t.dataSource.query(`SELECT type FROM proposal_events WHERE proposal_id = $1 ORDER BY at, type`, [proposal.id]);
      expect(trail.map((e) => e.type).sort()).toEqual(['CREATED', 'PARTNER_INVITED']);
      const introduction = ok(await t.gql(ONE, { id }, provider.token)).introduction;
      expect(introduction.proposal).toEqual({ id: proposal.id });
      const linked = ok(await t.gql(`query ($id: ID!) { resourceNeed(id: $id) { version proposal { id } } }`, { id: need.id }, owner.token)).resourceNeed;
      expect(linked).toEqual({ version: 2, proposal: { id: proposal.id } });
      // The invited provider reads the draft it is asked to join.
      const asProvider = ok(await t.gql(`query ($id: ID!) { proposal(id: $id) { id state } }`, { id: proposal.id }, providerColleague.token)).proposal;
      expect(asProvider).toEqual({ id: proposal.id, state: 'DRAFT' });
      // A second call is refused and writes nothing.
      const before = await proposalsOf(owner.organizationId);
      expect(refusal(await start(owner, id))).toEqual({ code: 'CONFLICT', reason: 'PROPOSAL_ALREADY_STARTED' });
      expect(await proposalsOf(owner.organizationId)).toBe(before);
      // An edit of the need with the version read before the link is stale.
      expect(refusal(await t.gql(UPDATE_NEED, { id: need.id, v: 1, input: { title: 'Changed' } }, owner.token))).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    });

    it('starts one proposal from parallel calls', async () => {
      const { id } = await introductionIn('ACCEPTED');
      const before = await proposalsOf(owner.organizationId);
      const answers = await Promise.all([start(owner, id), start(owner, id), start(owner, id)]);
      expect(answers.filter((a) => !a.errors)).toHaveLength(1);
      expect(answers.filter((a) => a.errors).map((a) => a.errors![0].extensions.reason)).toEqual(['PROPOSAL_ALREADY_STARTED', 'PROPOSAL_ALREADY_STARTED']);
      expect(await proposalsOf(owner.organizationId)).toBe(before + 1);
    });

    it.each(['REQUESTED', 'DECLINED', 'WITHDRAWN'] as const)('refuses a %s introduction (CONFLICT)', async (state) => {
      const { id } = await introductionIn(state);
      expect(refusal(await start(owner, id))).toEqual({ code: 'CONFLICT', reason: 'INTRODUCTION_NOT_ACCEPTED' });
    });

    it("is for the need's organisation's people: the provider and admins of other organisations are FORBIDDEN, strangers NOT_FOUND", async () => {
      const { id } = await introductionIn('ACCEPTED');
      expect(refusal(await start(provider, id))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_NEED_OWNER' });
      expect(refusal(await start(admin, id))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_NEED_OWNER' });
      expect(refusal(await start(outsider, id))).toMatchObject({ code: 'NOT_FOUND' });
      expect(refusal(await start(otherProvider, id))).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('follows the rules of createProposal: observers and people without a seat are FORBIDDEN, an unknown group NOT_FOUND; nothing is written', async () => {
      const { id, need } = await introductionIn('ACCEPTED');
      const before = await proposalsOf(owner.organizationId);
      expect(refusal(await start(ownerObserver, id))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_GROUP_PARTICIPANT' });
      expect(refusal(await start(ownerColleague, id))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_GROUP_PARTICIPANT' });
      expect(refusal(await start(owner, id, otherGroup))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_GROUP_PARTICIPANT' });
      expect(refusal(await start(owner, id, '00000000-0000-4000-8000-000000000000'))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await proposalsOf(owner.organizationId)).toBe(before);
      expect(await count(`SELECT count(*)::int AS n FROM introductions WHERE id = $1 AND proposal_id IS NULL`, [id])).toBe(1);
      expect(await count(`SELECT count(*)::int AS n FROM resource_needs WHERE id = $1 AND proposal_id IS NULL AND version = 1`, [need.id])).toBe(1);
      expect(ok(await start(owner, id)).startProposalFromIntroduction.state).toBe('DRAFT');
    });

    it('keeps the proposal a need already serves, and drafts an anonymous need’s proposal for the parties only', async () => {
      const served = ok(
        await t.gql(`mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id } }`, {
          input: { workingGroupId: group, title: 'Served', summary: 'S', body: 'B', kind: 'FOUNDATION_MODEL' },
        }, owner.token),
      ).createProposal.id;
      const { id, need } = await introductionIn('ACCEPTED', { proposalId: served, anonymous: true });
      const started = ok(await start(owner, id)).startProposalFromIntroduction;
      expect(started.confidentiality).toBe('PARTIES');
      expect(started.resourceNeeds).toEqual([]);
      const stored = ok(await t.gql(`query ($id: ID!) { resourceNeed(id: $id) { version proposal { id } } }`, { id: need.id }, owner.token)).resourceNeed;
      expect(stored).toEqual({ version: 1, proposal: { id: served } });
      expect(ok(await t.gql(ONE, { id }, owner.token)).introduction.proposal).toEqual({ id: started.id });
    });
  });

  describe('SQL statements', () => {
    const QUERY = `{ myIntroductions { ${INTRODUCTION} } }`;
    const NEEDS = `query ($org: ID!) { organization(id: $org) { needs(first: 50) { edges { node { introductions { ${INTRODUCTION} } } } } } }`;

    it('stay flat for myIntroductions and ResourceNeed.introductions as introductions grow, on either side', async () => {
      const buyer = await makePerson(t);
      const seller = await makePerson(t);
      const grow = async (n: number) => {
        for (let i = 0; i < n; i += 1) {
          const need = await addNeed(t, buyer, { anonymous: i % 2 === 0 });
          const capability = await addCapability(t, seller);
          const { id } = await requested(buyer, need.id, capability.id);
          if (i % 3 === 1) ok(await change(seller, id, 'ACCEPTED'));
          if (i % 3 === 2) ok(await change(seller, id, 'DECLINED'));
        }
      };
      /** The statements of one request, by kind (their text up to the first parameter). */
      const statements = async (actor: Actor, query: string, variables: Record<string, unknown> = {}) => {
        await t.gql(query, variables, actor.token);
        const { result, statements } = await t.counter.measure(() => t.gql(query, variables, actor.token));
        expect(result.errors).toBeUndefined();
        const kinds = new Map<string, number>();
        for (const text of statements) kinds.set(text.split('$')[0], (kinds.get(text.split('$')[0]) ?? 0) + 1);
        return { total: statements.length, mostOfOneKind: Math.max(...kinds.values()) };
      };
      const measure = async () => [
        await statements(buyer, QUERY),
        await statements(seller, QUERY),
        await statements(seller, NEEDS, { org: buyer.organizationId }),
        await statements(buyer, NEEDS, { org: buyer.organizationId }),
      ];
      // Six cover every kind of row: anonymous or not, each REQUESTED, ACCEPTED or DECLINED.
      await grow(6);
      const small = await measure();
      await grow(24);
      const large = await measure();
      expect(ok(await t.gql(QUERY, {}, buyer.token)).myIntroductions).toHaveLength(30);
      // One statement per list and per batch of a relation. A loader whose keys arrive in two event-loop
      // turns (organisations reached through a need, a capability and a person, in whatever order the
      // database answers the batches before them) may run twice or three times, with 6 rows as with 30;
      // an N+1 would run a kind of statement once per row.
      for (const measured of [...small, ...large]) {
        expect(measured.total).toBeLessThanOrEqual(11);
        expect(measured.mostOfOneKind).toBeLessThanOrEqual(3);
      }
      expect(large.map((m) => m.total).reduce((a, b) => a + b)).toBeLessThanOrEqual(small.map((m) => m.total).reduce((a, b) => a + b) + 4);
    });
  });
});
