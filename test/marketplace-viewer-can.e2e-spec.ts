import { Actor, makeGroup, makePerson, seat } from './support/factories';
import { addCapability, addNeed, insertIntroduction } from './support/marketplace';
import { GqlResponse, ok, startTestApp, TestApp } from './support/test-app';
import { expectMutationsAgree, REFUSED, statementsOf } from './support/viewer-can';

/**
 * `Capability.viewerCan`, `ResourceNeed.viewerCan` and `Introduction.viewerCan` (decision 245): for every role
 * and state the flags follow the spec written out below, each mutation succeeds exactly where its flag is true,
 * and lists with the flags send as many statements for 8 rows as for 2.
 */

/**
 * An update to the status a listing already has changes nothing and is not refused (it is idempotent); the
 * flag for a move to it is false (there is nothing to do). Such an attempt counts as `UNCHANGED`, a refusal.
 */
const REFUSED_OR_UNCHANGED = /^(FORBIDDEN|CONFLICT|UNCHANGED)$/;
/** Asking with one's own capability is refused as input (OWN_CAPABILITY), not for who one is. */
const REFUSED_AS_INPUT = /^(FORBIDDEN|CONFLICT|BAD_USER_INPUT)$/;

const UNCHANGED: GqlResponse = { errors: [{ message: 'unchanged', extensions: { code: 'UNCHANGED' } }] };

/** The people of the tables: the listing's own organisation (`own`, `colleague`), another one (`other`), an admin of a third. */
const LISTING_ROLES = ['admin', 'own', 'colleague', 'other'] as const;
type ListingRole = (typeof LISTING_ROLES)[number];

const CAPABILITY_FLAGS = ['edit', 'pause', 'resume', 'retire', 'requestIntroduction'] as const;
type CapabilityFlag = (typeof CAPABILITY_FLAGS)[number];
const CAPABILITY_STATUSES = ['ACTIVE', 'PAUSED', 'RETIRED'] as const;
type CapabilityStatus = (typeof CAPABILITY_STATUSES)[number];

const NEED_FLAGS = ['edit', 'fulfill', 'close', 'requestIntroduction'] as const;
type NeedFlag = (typeof NEED_FLAGS)[number];
const NEED_STATUSES = ['OPEN', 'FULFILLED', 'CLOSED'] as const;
type NeedStatus = (typeof NEED_STATUSES)[number];

/** requester: the need's organisation; provider: the capability's; outsider: neither (reads nothing). */
const INTRODUCTION_ROLES = ['admin', 'requester', 'requesterColleague', 'provider', 'providerColleague', 'outsider'] as const;
type IntroductionRole = (typeof INTRODUCTION_ROLES)[number];
const INTRODUCTION_FLAGS = ['accept', 'decline', 'withdraw', 'startProposal'] as const;
type IntroductionFlag = (typeof INTRODUCTION_FLAGS)[number];
/** `STARTED`: ACCEPTED, with the proposal started from it. */
const INTRODUCTION_SITUATIONS = ['REQUESTED', 'ACCEPTED', 'STARTED', 'DECLINED', 'WITHDRAWN'] as const;
type IntroductionSituation = (typeof INTRODUCTION_SITUATIONS)[number];

/** The spec, written out independently of the product code. */
function expectedForCapability(role: ListingRole, status: CapabilityStatus): Record<CapabilityFlag, boolean> {
  const speaks = role !== 'other';
  return {
    edit: speaks && status !== 'RETIRED',
    pause: speaks && status === 'ACTIVE',
    resume: speaks && status === 'PAUSED',
    retire: speaks && status !== 'RETIRED',
    // Another organisation's people (the admin's own organisation is another one too), while ACTIVE.
    requestIntroduction: (role === 'other' || role === 'admin') && status === 'ACTIVE',
  };
}

function expectedForNeed(role: ListingRole, status: NeedStatus): Record<NeedFlag, boolean> {
  const open = role !== 'other' && status === 'OPEN';
  return { edit: open, fulfill: open, close: open, requestIntroduction: open };
}

function expectedForIntroduction(role: IntroductionRole, situation: IntroductionSituation): Record<IntroductionFlag, boolean> | null {
  if (role === 'outsider') return null;
  const requested = situation === 'REQUESTED';
  const provider = ['admin', 'provider', 'providerColleague'].includes(role);
  const requester = ['admin', 'requester', 'requesterColleague'].includes(role);
  return {
    accept: requested && provider,
    decline: requested && provider,
    withdraw: requested && requester,
    // The need's own people only: an admin of another organisation would author the proposal for theirs.
    startProposal: situation === 'ACCEPTED' && (role === 'requester' || role === 'requesterColleague'),
  };
}

const CAPABILITY = `query ($id: ID!) { capability(id: $id) { id version viewerCan { ${CAPABILITY_FLAGS.join(' ')} } } }`;
const NEED = `query ($id: ID!) { resourceNeed(id: $id) { id version viewerCan { ${NEED_FLAGS.join(' ')} } } }`;
const INTRODUCTION = `query ($id: ID!) { introduction(id: $id) { id viewerCan { ${INTRODUCTION_FLAGS.join(' ')} } } }`;

describe('Marketplace viewerCan (e2e)', () => {
  let t: TestApp;
  let admin: Actor;
  let own: Actor;
  let colleague: Actor;
  let other: Actor;
  let group: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
    own = await makePerson(t);
    colleague = await makePerson(t, { organizationId: own.organizationId });
    other = await makePerson(t);
    // The need's people start proposals in this group.
    group = (await makeGroup(t)).id;
    await seat(t, group, own, 'MEMBER');
    await seat(t, group, colleague, 'MEMBER');
  });
  afterAll(() => t.close());

  const listingPeople = (): Record<ListingRole, Actor> => ({ admin, own, colleague, other });

  /** Runs an update and reports a success that changed nothing as UNCHANGED. */
  async function update(kind: 'Capability' | 'ResourceNeed', id: string, who: Actor, input: Record<string, unknown>): Promise<GqlResponse> {
    const read = ok(await t.gql(kind === 'Capability' ? CAPABILITY : NEED, { id }, who.token));
    const before = (kind === 'Capability' ? read.capability : read.resourceNeed).version as number;
    const response = await t.gql(
      `mutation ($id: ID!, $v: Int!, $input: Update${kind}Input!) { update${kind}(id: $id, expectedVersion: $v, input: $input) { version } }`,
      { id, v: before, input },
      who.token,
    );
    if (response.errors) return response;
    return response.data[`update${kind}`].version === before ? UNCHANGED : response;
  }

  describe('Capability.viewerCan', () => {
    async function capabilityIn(status: CapabilityStatus): Promise<string> {
      const { id, version } = await addCapability(t, own);
      if (status !== 'ACTIVE') ok(await t.gql(`mutation ($id: ID!, $v: Int!, $s: CapabilityStatus!) { updateCapability(id: $id, expectedVersion: $v, input: { status: $s }) { id } }`, { id, v: version, s: status }, own.token));
      return id;
    }

    async function attempt(flag: CapabilityFlag, id: string, who: Actor): Promise<GqlResponse> {
      switch (flag) {
        case 'edit':
          return update('Capability', id, who, { title: 'Renamed cluster' });
        case 'pause':
          return update('Capability', id, who, { status: 'PAUSED' });
        case 'resume':
          return update('Capability', id, who, { status: 'ACTIVE' });
        case 'retire':
          return update('Capability', id, who, { status: 'RETIRED' });
        case 'requestIntroduction': {
          // With a fresh open need of the viewer's organisation: the need allows it, the capability decides.
          const need = await addNeed(t, who);
          return t.gql(`mutation ($n: ID!, $c: ID!) { requestIntroduction(needId: $n, capabilityId: $c) { id } }`, { n: need.id, c: id }, who.token);
        }
      }
    }

    it.each(CAPABILITY_STATUSES)('answers per role for an %s capability, and each mutation agrees with it', async (status) => {
      const people = listingPeople();
      const id = await capabilityIn(status);
      const answers = {} as Record<ListingRole, Record<CapabilityFlag, boolean> | null>;
      for (const role of LISTING_ROLES) answers[role] = ok(await t.gql(CAPABILITY, { id }, people[role].token)).capability.viewerCan;
      expect(answers).toEqual(Object.fromEntries(LISTING_ROLES.map((role) => [role, expectedForCapability(role, status)])));
      await expectMutationsAgree({
        id,
        answers,
        flags: CAPABILITY_FLAGS,
        attempt: (flag, target, role) => attempt(flag, target, people[role]),
        fresh: () => capabilityIn(status),
        refused: (flag) => (flag === 'requestIntroduction' ? REFUSED_AS_INPUT : REFUSED_OR_UNCHANGED),
      });
    });

    it("does not offer an introduction when the viewer's organisation may not read the capability", async () => {
      // A WORKING_GROUP capability: `own` reads it as its organisation's; a seated member of the group reads it; `other`, unseated, does not.
      const closedGroup = (await makeGroup(t)).id;
      await seat(t, closedGroup, own, 'MEMBER');
      const { id } = await addCapability(t, own, { confidentiality: 'WORKING_GROUP', workingGroupId: closedGroup });
      const seated = await makePerson(t);
      await seat(t, closedGroup, seated, 'MEMBER');
      expect(ok(await t.gql(CAPABILITY, { id }, seated.token)).capability.viewerCan.requestIntroduction).toBe(true);
      expect(ok(await t.gql(CAPABILITY, { id }, other.token)).capability).toBeNull();
      // An admin reads everything, but the admin's organisation has no seat in the group: no introduction.
      expect(ok(await t.gql(CAPABILITY, { id }, admin.token)).capability.viewerCan.requestIntroduction).toBe(false);
      const refused = await attempt('requestIntroduction', id, admin);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CAPABILITY_NOT_READABLE' });
      ok(await attempt('requestIntroduction', id, seated));
    });

    it('sends as many statements for 8 capabilities as for 2', async () => {
      const provider = await makePerson(t);
      const query = `query ($o: ID!) { capabilities(first: 50, filter: { organizationId: $o }) { edges { node { id status viewerCan { ${CAPABILITY_FLAGS.join(' ')} } } } } }`;
      const measure = async (who: Actor, rows: number) => {
        const { data, statements } = await statementsOf(t, query, { o: provider.organizationId }, who.token);
        expect(data.capabilities.edges).toHaveLength(rows);
        return statements;
      };
      const add = async (count: number) => {
        for (let i = 0; i < count; i += 1) {
          const { id, version } = await addCapability(t, provider);
          if (i % 3 === 1) ok(await t.gql(`mutation ($id: ID!, $v: Int!) { updateCapability(id: $id, expectedVersion: $v, input: { status: PAUSED }) { id } }`, { id, v: version }, provider.token));
        }
      };
      await add(2);
      const few = { provider: await measure(provider, 2), other: await measure(other, 2) };
      await add(6);
      const many = { provider: await measure(provider, 8), other: await measure(other, 8) };
      expect(many).toEqual(few);
      // Auth and the page; for another organisation, whether it reads the ACTIVE ones (one statement).
      expect(few.other).toBe(few.provider + 1);
    });
  });

  describe('ResourceNeed.viewerCan', () => {
    async function needIn(status: NeedStatus): Promise<string> {
      const { id, version } = await addNeed(t, own);
      if (status !== 'OPEN') ok(await t.gql(`mutation ($id: ID!, $v: Int!, $s: NeedStatus!) { updateResourceNeed(id: $id, expectedVersion: $v, input: { status: $s }) { id } }`, { id, v: version, s: status }, own.token));
      return id;
    }

    async function attempt(flag: NeedFlag, id: string, who: Actor): Promise<GqlResponse> {
      switch (flag) {
        case 'edit':
          return update('ResourceNeed', id, who, { title: 'Renamed run' });
        case 'fulfill':
          return update('ResourceNeed', id, who, { status: 'FULFILLED' });
        case 'close':
          return update('ResourceNeed', id, who, { status: 'CLOSED' });
        case 'requestIntroduction': {
          // A fresh ACTIVE public capability of a fourth organisation: the capability allows it, the need decides.
          const capability = await addCapability(t, await makePerson(t));
          return t.gql(`mutation ($n: ID!, $c: ID!) { requestIntroduction(needId: $n, capabilityId: $c) { id } }`, { n: id, c: capability.id }, who.token);
        }
      }
    }

    it.each(NEED_STATUSES)('answers per role for an %s need, and each mutation agrees with it', async (status) => {
      const people = listingPeople();
      const id = await needIn(status);
      const answers = {} as Record<ListingRole, Record<NeedFlag, boolean> | null>;
      for (const role of LISTING_ROLES) answers[role] = ok(await t.gql(NEED, { id }, people[role].token)).resourceNeed.viewerCan;
      expect(answers).toEqual(Object.fromEntries(LISTING_ROLES.map((role) => [role, expectedForNeed(role, status)])));
      await expectMutationsAgree({
        id,
        answers,
        flags: NEED_FLAGS,
        attempt: (flag, target, role) => attempt(flag, target, people[role]),
        fresh: () => needIn(status),
        refused: (flag) => (flag === 'requestIntroduction' ? REFUSED : REFUSED_OR_UNCHANGED),
      });
    });

    it('sends as many statements for 8 needs as for 2', async () => {
      const owner = await makePerson(t);
      const query = `query ($o: ID!) { resourceNeeds(first: 50, filter: { organizationId: $o }) { edges { node { id viewerCan { ${NEED_FLAGS.join(' ')} } } } } }`;
      const measure = async (who: Actor, rows: number) => {
        const { data, statements } = await statementsOf(t, query, { o: owner.organizationId }, who.token);
        expect(data.resourceNeeds.edges).toHaveLength(rows);
        return statements;
      };
      const add = async (count: number) => {
        for (let i = 0; i < count; i += 1) await addNeed(t, owner);
      };
      await add(2);
      const few = { owner: await measure(owner, 2), other: await measure(other, 2) };
      await add(6);
      expect({ owner: await measure(owner, 8), other: await measure(other, 8) }).toEqual(few);
    });
  });

  describe('Introduction.viewerCan', () => {
    let people: Record<IntroductionRole, Actor>;

    beforeAll(async () => {
      const provider = await makePerson(t);
      people = {
        admin,
        requester: own,
        requesterColleague: colleague,
        provider,
        providerColleague: await makePerson(t, { organizationId: provider.organizationId }),
        outsider: other,
      };
    });

    async function introductionIn(situation: IntroductionSituation): Promise<string> {
      const need = await addNeed(t, people.requester);
      const capability = await addCapability(t, people.provider);
      const id = await insertIntroduction(t, need.id, capability.id, people.requester, situation === 'STARTED' ? 'ACCEPTED' : situation);
      if (situation !== 'REQUESTED') await t.dataSource.query(`UPDATE introductions SET answered_by_id = $2 WHERE id = $1`, [id, people.provider.id]);
      if (situation === 'STARTED') ok(await attempt('startProposal', id, people.requester));
      return id;
    }

    function attempt(flag: IntroductionFlag, id: string, who: Actor): Promise<GqlResponse> {
      const change = (state: string) => t.gql(`mutation ($id: ID!, $s: IntroductionState!) { changeIntroductionState(id: $id, state: $s, note: "Noted") { id } }`, { id, s: state }, who.token);
      switch (flag) {
        case 'accept':
          return change('ACCEPTED');
        case 'decline':
          return change('DECLINED');
        case 'withdraw':
          return change('WITHDRAWN');
        case 'startProposal':
          return t.gql(`mutation ($id: ID!, $g: ID!) { startProposalFromIntroduction(id: $id, workingGroupId: $g) { id } }`, { id, g: group }, who.token);
      }
    }

    it.each(INTRODUCTION_SITUATIONS)('answers per role for an introduction %s, and each mutation agrees with it', async (situation) => {
      const id = await introductionIn(situation);
      const answers = {} as Record<IntroductionRole, Record<IntroductionFlag, boolean> | null>;
      for (const role of INTRODUCTION_ROLES) answers[role] = ok(await t.gql(INTRODUCTION, { id }, people[role].token)).introduction?.viewerCan ?? null;
      expect(answers).toEqual(Object.fromEntries(INTRODUCTION_ROLES.map((role) => [role, expectedForIntroduction(role, situation)])));
      await expectMutationsAgree({
        id,
        answers,
        flags: INTRODUCTION_FLAGS,
        attempt: (flag, target, role) => attempt(flag, target, people[role]),
        fresh: () => introductionIn(situation),
      });
    });

    it('sends as many statements for 8 introductions as for 2', async () => {
      const requester = await makePerson(t);
      const provider = await makePerson(t);
      const query = `{ myIntroductions { id state viewerCan { ${INTRODUCTION_FLAGS.join(' ')} } } }`;
      const measure = async (who: Actor, rows: number) => {
        const { data, statements } = await statementsOf(t, query, {}, who.token);
        expect(data.myIntroductions).toHaveLength(rows);
        return statements;
      };
      const add = async (count: number) => {
        for (let i = 0; i < count; i += 1) {
          const need = await addNeed(t, requester);
          const capability = await addCapability(t, provider);
          await insertIntroduction(t, need.id, capability.id, requester, i % 2 ? 'ACCEPTED' : 'REQUESTED');
        }
      };
      await add(2);
      const few = { requester: await measure(requester, 2), provider: await measure(provider, 2) };
      await add(6);
      expect({ requester: await measure(requester, 8), provider: await measure(provider, 8) }).toEqual(few);
    });
  });
});
