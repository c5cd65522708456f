import { Actor, makeGroup, makePerson, seat } from './support/factories';
import { addCapability, addNeed, UPDATE_CAPABILITY, UPDATE_NEED } from './support/marketplace';
import { errorCode, ok, startTestApp, TestApp } from './support/test-app';

const MATCHES = `query ($id: ID!, $first: Int, $after: String) { resourceNeed(id: $id) { matches(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { score reasons capability { id title } } } } } }`;

/** The need every rule is measured against: 50,000 GPU hours of confidential work, March to June 2026, anywhere in the EU/EEA, TISAX AL2. */
const NEED = {
  quantity: 50_000,
  unit: 'GPU_HOURS',
  neededFrom: '2026-03-01T00:00:00.000Z',
  neededUntil: '2026-07-01T00:00:00.000Z',
  sensitivity: 'CONFIDENTIAL',
  requiredCertifications: ['TISAX_AL2'],
};

/** A capability meeting all of it; each case below changes one thing. */
const FITS = { maxSensitivity: 'CONFIDENTIAL', location: 'DE', certifications: ['TISAX_AL2'], confidentiality: 'PUBLIC' };

/**
 * Matching (DESIGN.md, "Marketplace and search"): the hard requirements, each on its own, the score and
 * its reasons, the order and pages, and who sees matches. Runs in PostgreSQL, one statement per page.
 */
describe('Marketplace matching (e2e)', () => {
  let t: TestApp;
  let admin: Actor;
  /** The need's organisation: `owner` has no seat, `colleague` sits in `seatedGroup`. */
  let owner: Actor;
  let colleague: Actor;
  let provider: Actor;
  let otherProvider: Actor;
  let seatedGroup: string;
  let otherGroup: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
    owner = await makePerson(t);
    colleague = await makePerson(t, { organizationId: owner.organizationId });
    provider = await makePerson(t);
    otherProvider = await makePerson(t);
    seatedGroup = (await makeGroup(t)).id;
    otherGroup = (await makeGroup(t)).id;
    await seat(t, seatedGroup, colleague, 'MEMBER');
    await seat(t, otherGroup, provider, 'MEMBER');
  });
  afterAll(() => t.close());

  const matchesOf = async (needId: string, viewer: Actor = owner, page: { first?: number; after?: string } = {}) =>
    ok(await t.gql(MATCHES, { id: needId, ...page }, viewer.token)).resourceNeed.matches;
  const matchedIds = async (needId: string, viewer: Actor = owner) => (await matchesOf(needId, viewer)).edges.map((e: any) => e.node.capability.id);

  describe('hard requirements, each excluding a capability on its own', () => {
    let need: string;
    let fits: string;
    const excluded: Record<string, string> = {};
    const included: Record<string, string> = {};

    const EXCLUDED: [string, Record<string, unknown>, Actor?][] = [
      ['another kind', { kind: 'HPC_COMPUTE' }],
      ['a lower sensitivity (INTERNAL < CONFIDENTIAL)', { maxSensitivity: 'INTERNAL' }],
      ['a location outside the EU/EEA when the need names none (US)', { location: 'US' }],
      ['a European location outside the EU/EEA (CH)', { location: 'CH' }],
      ['a missing certification', { certifications: ['ISO_27001'] }],
      ['a window that ends before the need starts', { availableFrom: '2025-01-01T00:00:00.000Z', availableUntil: '2026-02-28T23:59:59.000Z' }],
      ['a window that starts after the need ends', { availableFrom: '2026-07-01T00:00:01.000Z' }],
      ['a confidentiality the owner may not read (WORKING_GROUP of a group without its people)', { confidentiality: 'WORKING_GROUP', workingGroupId: 'other' }],
    ];
    const INCLUDED: [string, Record<string, unknown>][] = [
      ['a higher sensitivity (PERSONAL_DATA)', { maxSensitivity: 'PERSONAL_DATA' }],
      ['an EEA location outside the EU (NO)', { location: 'NO' }],
      ['TISAX_AL3 for a TISAX_AL2 requirement', { certifications: ['TISAX_AL3'] }],
      ['a window with open ends', { availableFrom: null, availableUntil: null }],
      ['a window touching the need at its last instant', { availableFrom: '2026-07-01T00:00:00.000Z' }],
      ['MEMBERS, since a person of the owner organisation holds a seat', { confidentiality: 'MEMBERS' }],
      ["WORKING_GROUP of the group where the owner's colleague sits", { confidentiality: 'WORKING_GROUP', workingGroupId: 'seated' }],
    ];
    const groupOf = (overrides: Record<string, unknown>) =>
      overrides.workingGroupId === 'other' ? { workingGroupId: otherGroup } : overrides.workingGroupId === 'seated' ? { workingGroupId: seatedGroup } : {};

    beforeAll(async () => {
      need = (await addNeed(t, owner, NEED)).id;
      fits = (await addCapability(t, provider, FITS)).id;
      for (const [name, overrides] of EXCLUDED) excluded[name] = (await addCapability(t, provider, { ...FITS, ...overrides, ...groupOf(overrides) })).id;
      for (const [name, overrides] of INCLUDED) included[name] = (await addCapability(t, provider, { ...FITS, ...overrides, ...groupOf(overrides) })).id;
      const paused = await addCapability(t, provider, FITS);
      excluded['status PAUSED'] = paused.id;
      ok(await t.gql(UPDATE_CAPABILITY, { id: paused.id, v: paused.version, input: { status: 'PAUSED' } }, provider.token));
      const retired = await addCapability(t, provider, FITS);
      excluded['status RETIRED'] = retired.id;
      ok(await t.gql(UPDATE_CAPABILITY, { id: retired.id, v: retired.version, input: { status: 'RETIRED' } }, provider.token));
      excluded['the same organisation'] = (await addCapability(t, colleague, FITS)).id;
    });

    it('matches the capability that meets every requirement', async () => {
      expect(await matchedIds(need)).toContain(fits);
    });

    it.each([...EXCLUDED.map(([name]) => name), 'status PAUSED', 'status RETIRED', 'the same organisation'])('leaves out a capability with %s', async (name) => {
      expect(await matchedIds(need)).not.toContain(excluded[name]);
    });

    it.each(INCLUDED.map(([name]) => name))('keeps a capability with %s', async (name) => {
      expect(await matchedIds(need)).toContain(included[name]);
    });

    it('counts exactly the matching ones', async () => {
      const matches = await matchesOf(need);
      expect(matches.totalCount).toBe(1 + INCLUDED.length);
      expect(matches.edges).toHaveLength(1 + INCLUDED.length);
    });

    it('checks the locations a need names instead of the EU/EEA', async () => {
      const anywhereInUs = (await addNeed(t, owner, { ...NEED, allowedLocations: ['us', 'NO'] })).id;
      const ids = await matchedIds(anywhereInUs);
      expect(ids).toContain(excluded['a location outside the EU/EEA when the need names none (US)']);
      expect(ids).toContain(included['an EEA location outside the EU (NO)']);
      expect(ids).not.toContain(fits);
    });

    it('does not let TISAX_AL2 satisfy a TISAX_AL3 requirement', async () => {
      const al3 = (await addNeed(t, owner, { ...NEED, requiredCertifications: ['TISAX_AL3'] })).id;
      const ids = await matchedIds(al3);
      expect(ids).toContain(included['TISAX_AL3 for a TISAX_AL2 requirement']);
      expect(ids).not.toContain(fits);
    });

    it('evaluates MEMBERS as the owner organisation: without a seated person it reads only PUBLIC ones', async () => {
      const unseated = await makePerson(t);
      const lonely = (await addNeed(t, unseated, NEED)).id;
      const ids = await matchedIds(lonely, unseated);
      expect(ids).toContain(fits);
      expect(ids).not.toContain(included['MEMBERS, since a person of the owner organisation holds a seat']);
      expect(ids).not.toContain(included["WORKING_GROUP of the group where the owner's colleague sits"]);
    });

    it('shows an admin the matches the owner may read, not those the admin may', async () => {
      const asAdmin = await matchedIds(need, admin);
      expect(asAdmin.sort()).toEqual((await matchedIds(need)).sort());
      expect(asAdmin).not.toContain(excluded['a confidentiality the owner may not read (WORKING_GROUP of a group without its people)']);
    });

    it('has no matches once the need is no longer OPEN', async () => {
      const closing = await addNeed(t, owner, NEED);
      expect((await matchesOf(closing.id)).totalCount).toBeGreaterThan(0);
      ok(await t.gql(UPDATE_NEED, { id: closing.id, v: closing.version, input: { status: 'FULFILLED' } }, owner.token));
      expect(await matchesOf(closing.id)).toMatchObject({ totalCount: 0, edges: [] });
    });
  });

  describe('score, reasons and order: a worked example', () => {
    let need: string;
    const ids: Record<string, string> = {};

    /** A kind of its own, so that the capabilities of the other cases stay out of the example. */
    const EXAMPLE = { ...FITS, kind: 'SIMULATION' };

    beforeAll(async () => {
      const other = await makePerson(t);
      need = (await addNeed(t, other, { ...NEED, kind: 'SIMULATION' })).id;
      // 40,000 of 50,000 hours (coverage 0.8), from January to 1 June: 92 of the 122 days needed (overlap 0.754)
      // -> 0.6 × 0.8 + 0.4 × 0.754 = 0.78.
      ids.partial = (
        await addCapability(t, provider, {
          ...EXAMPLE,
          title: 'Partial',
          quantity: 40_000,
          unit: 'GPU_HOURS',
          availableFrom: '2026-01-01T00:00:00.000Z',
          availableUntil: '2026-06-01T00:00:00.000Z',
          maxSensitivity: 'PERSONAL_DATA',
          certifications: ['TISAX_AL3', 'ISO_27001'],
        })
      ).id;
      // More than needed, always available, in Norway -> 1.00.
      ids.full = (await addCapability(t, otherProvider, { ...EXAMPLE, title: 'Full', quantity: 60_000, unit: 'GPU_HOURS', location: 'NO' })).id;
      // No quantity to compare -> coverage 0.5 -> 0.70; then the same score in another unit, created later.
      ids.noQuantity = (await addCapability(t, provider, { ...EXAMPLE, title: 'No quantity' })).id;
      ids.otherUnit = (await addCapability(t, provider, { ...EXAMPLE, title: 'Other unit', quantity: 100, unit: 'NODE_HOURS' })).id;
    });

    it('scores round(0.6 × coverage + 0.4 × overlap, 2), best first, ties by the older capability', async () => {
      const matches = await matchesOf(need, await ownerOf(need));
      expect(matches.edges.map((e: any) => [e.node.capability.title, e.node.score])).toEqual([
        ['Full', 1],
        ['Partial', 0.78],
        ['No quantity', 0.7],
        ['Other unit', 0.7],
      ]);
    });

    it('explains each match in plain lines', async () => {
      const matches = await matchesOf(need, await ownerOf(need));
      const reasons = Object.fromEntries(matches.edges.map((e: any) => [e.node.capability.title, e.node.reasons]));
      expect(reasons.Partial).toEqual([
        'covers 80% of 50,000 GPU_HOURS',
        'available for 75% of the needed window',
        "handles PERSONAL_DATA data; the need's data is CONFIDENTIAL",
        'runs in DE, in the EU/EEA (the need names no locations)',
        'holds the required certifications: TISAX_AL2 (through TISAX_AL3)',
      ]);
      expect(reasons.Full.slice(0, 2)).toEqual(['covers 100% of 50,000 GPU_HOURS', 'available for 100% of the needed window']);
      expect(reasons.Full[3]).toBe('runs in NO, in the EU/EEA (the need names no locations)');
      expect(reasons['No quantity'][0]).toBe('offers no quantity to compare with the 50,000 GPU_HOURS needed (counted as 50%)');
      expect(reasons['Other unit'][0]).toBe('offers 100 NODE_HOURS, not comparable with the 50,000 GPU_HOURS needed (counted as 50%)');
    });

    it('gives the same reasons as codes with the values their sentences name (reasonDetails)', async () => {
      const viewer = await ownerOf(need);
      const query = `query ($id: ID!) { resourceNeed(id: $id) { matches { edges { node { reasons capability { title } reasonDetails {
        code text percent needQuantity needUnit offeredQuantity offeredUnit offeredSensitivity neededSensitivity location certifications { required through } } } } } } }`;
      const edges = ok(await t.gql(query, { id: need }, viewer.token)).resourceNeed.matches.edges;
      const byTitle = Object.fromEntries(edges.map((e: any) => [e.node.capability.title, e.node]));
      const empty = { percent: null, needQuantity: null, needUnit: null, offeredQuantity: null, offeredUnit: null, offeredSensitivity: null, neededSensitivity: null, location: null, certifications: null };
      expect(byTitle.Partial.reasonDetails).toEqual([
        { ...empty, code: 'COVERS', text: 'covers 80% of 50,000 GPU_HOURS', percent: 80, needQuantity: 50_000, needUnit: 'GPU_HOURS' },
        { ...empty, code: 'WINDOW', text: 'available for 75% of the needed window', percent: 75 },
        { ...empty, code: 'SENSITIVITY', text: "handles PERSONAL_DATA data; the need's data is CONFIDENTIAL", offeredSensitivity: 'PERSONAL_DATA', neededSensitivity: 'CONFIDENTIAL' },
        { ...empty, code: 'EU_EEA_LOCATION', text: 'runs in DE, in the EU/EEA (the need names no locations)', location: 'DE' },
        {
          ...empty,
          code: 'CERTIFICATIONS',
          text: 'holds the required certifications: TISAX_AL2 (through TISAX_AL3)',
          certifications: [{ required: 'TISAX_AL2', through: 'TISAX_AL3' }],
        },
      ]);
      // The sentences are the details' texts, in the same order, for every match.
      for (const e of edges) expect(e.node.reasonDetails.map((r: any) => r.text)).toEqual(e.node.reasons);
      expect(byTitle.Full.reasonDetails.map((r: any) => [r.code, r.percent])).toEqual([
        ['COVERS', 100],
        ['WINDOW', 100],
        ['SENSITIVITY', null],
        ['EU_EEA_LOCATION', null],
        ['CERTIFICATIONS', null],
      ]);
      expect(byTitle.Full.reasonDetails[4].certifications).toEqual([{ required: 'TISAX_AL2', through: null }]);
      expect(byTitle['No quantity'].reasonDetails[0]).toEqual({
        ...empty,
        code: 'NO_QUANTITY_OFFERED',
        text: 'offers no quantity to compare with the 50,000 GPU_HOURS needed (counted as 50%)',
        needQuantity: 50_000,
        needUnit: 'GPU_HOURS',
      });
      expect(byTitle['Other unit'].reasonDetails[0]).toMatchObject({ code: 'UNIT_NOT_COMPARABLE', needQuantity: 50_000, needUnit: 'GPU_HOURS', offeredQuantity: 100, offeredUnit: 'NODE_HOURS' });
    });

    it('pages through the matches with opaque cursors, without gaps or repeats', async () => {
      const viewer = await ownerOf(need);
      const first = await matchesOf(need, viewer, { first: 2 });
      expect(first).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
      const second = await matchesOf(need, viewer, { first: 2, after: first.pageInfo.endCursor });
      expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      // Every page counts all matches, also one past the last match (no row to carry the count: its own count).
      expect(second.totalCount).toBe(4);
      expect(await matchesOf(need, viewer, { first: 2, after: second.pageInfo.endCursor })).toMatchObject({ totalCount: 4, edges: [] });
      expect([...first.edges, ...second.edges].map((e: any) => e.node.capability.title)).toEqual(['Full', 'Partial', 'No quantity', 'Other unit']);
      // The cursor of a tie continues after the older capability.
      const third = await matchesOf(need, viewer, { first: 5, after: second.edges[0].cursor });
      expect(third.edges.map((e: any) => e.node.capability.title)).toEqual(['Other unit']);
    });

    it('refuses a forged cursor as bad input', async () => {
      const forged = Buffer.from(JSON.stringify(['2', '2026-01-01T00:00:00.000Z', ids.full])).toString('base64url');
      const response = await t.gql(MATCHES, { id: need, after: forged }, (await ownerOf(need)).token);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
    });

    it("is for the owner's people and admins: anyone else gets an empty connection", async () => {
      expect((await matchesOf(need, admin)).totalCount).toBe(4);
      expect(await matchesOf(need, provider)).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
    });

    /** A person of the need's organisation (the worked example's need has its own). */
    const owners = new Map<string, Actor>();
    async function ownerOf(needId: string): Promise<Actor> {
      let found = owners.get(needId);
      if (!found) {
        const [{ organization_id: organizationId }] = await t.dataSource.query(`SELECT organization_id FROM resource_needs WHERE id = $1`, [needId]);
        found = await makePerson(t, { organizationId });
        owners.set(needId, found);
      }
      return found;
    }
  });

  it('rounds the score as exact decimals: 0.6 × 0.625 + 0.4 × 0.5 = 0.575 is 0.58, not the 0.57 of binary floating point', async () => {
    const needer = await makePerson(t);
    const need = (await addNeed(t, needer, { ...NEED, kind: 'EXPERTISE' })).id;
    // 31,250 of 50,000 hours; 1 March to 1 May 2026 is 61 of the 122 days needed.
    await addCapability(t, provider, { ...FITS, kind: 'EXPERTISE', quantity: 31_250, unit: 'GPU_HOURS', availableUntil: '2026-05-01T00:00:00.000Z' });
    const [match] = (await matchesOf(need, needer)).edges;
    expect(match.node.score).toBe(0.58);
    expect(match.node.reasons.slice(0, 2)).toEqual(['covers 63% of 50,000 GPU_HOURS', 'available for 50% of the needed window']);
  });

  it('runs in the database: one statement for a page of matches with their count, whatever the number of capabilities', async () => {
    const need = (await addNeed(t, owner, NEED)).id;
    const query = `query ($id: ID!) { resourceNeed(id: $id) { matches { totalCount edges { node { score capability { id } } } } } }`;
    const statements = async () => {
      await t.gql(query, { id: need }, owner.token);
      const { result, statements } = await t.counter.measure(() => t.gql(query, { id: need }, owner.token));
      expect(result.errors).toBeUndefined();
      return statements;
    };
    const before = await statements();
    for (let i = 0; i < 5; i += 1) await addCapability(t, provider, FITS);
    const after = await statements();
    expect(after.length).toBe(before.length);
    // The capabilities are read by the matching statement alone, never row by row; it counts too (decision 111).
    expect(after.filter((s) => /\bcapabilities c\b/.test(s))).toHaveLength(1);
    // totalCount alone is one count.
    const count = await t.counter.measure(() => t.gql(`query ($id: ID!) { resourceNeed(id: $id) { matches { totalCount } } }`, { id: need }, owner.token));
    expect(count.statements.filter((s) => /\bcapabilities c\b/.test(s))).toEqual([expect.stringMatching(/count\(\*\)::int FROM capabilities c/)]);
  });
});
