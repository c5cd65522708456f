import { DataPoolExpiry } from '@app/data-pools';
import { Actor, makeGroup, makePerson, seat } from './support/factories';
import {
  activePool,
  ADD_DATASET,
  CHANGE_STATE,
  createPool,
  datasetInput,
  DECIDE_ACCESS,
  INVITE,
  must,
  POOL,
  REQUEST_ACCESS,
  SIGN,
  termsInput,
  UPDATE_TERMS,
  WITHDRAW,
} from './support/data-pools';
import { ok, refusal, startTestApp, TestApp } from './support/test-app';

/**
 * A pool's catalogue and its use (contract 06): datasets checked against the terms, access requests and the
 * steward's decisions, expiry by the platform (with a clock the test sets), and the append-only history.
 */
describe('Data pool catalogue, access and expiry (e2e)', () => {
  let t: TestApp;
  let admin: Actor;
  let steward: Actor;
  let chair: Actor;
  let contributor: Actor;
  let host: Actor;
  let user: Actor;
  let group: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
    [steward, chair, contributor, host, user] = await Promise.all([makePerson(t), makePerson(t), makePerson(t), makePerson(t), makePerson(t)]);
    group = (await makeGroup(t)).id;
    await seat(t, group, steward, 'MEMBER');
    await seat(t, group, chair, 'CHAIR');
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0].n as number;
  const parties = (): [Actor, string][] => [
    [contributor, 'CONTRIBUTOR'],
    [host, 'HOST'],
    [user, 'USER'],
  ];

  describe('datasets', () => {
    it('registers a signed contributor’s dataset, its licence and country in canonical form, hosted by a HOST', async () => {
      const pool = await activePool(t, steward, group, parties());
      const dataset = await must(t, ADD_DATASET, { input: datasetInput(pool.id, contributor.organizationId, { license: 'cc-by-4.0', location: 'de', hostedByOrganizationId: host.organizationId }) }, contributor);
      expect(dataset).toMatchObject({ license: 'CC-BY-4.0', location: 'DE', modality: 'CAMERA', sizeBytes: 4.2e12, pool: { id: pool.id }, contributor: { id: contributor.organizationId }, hostedBy: { id: host.organizationId } });
      const proprietary = await must(t, ADD_DATASET, { input: datasetInput(pool.id, steward.organizationId, { license: 'licenseref-proprietary', location: 'NO' }) }, steward);
      expect(proprietary.license).toBe('LicenseRef-proprietary');
      expect(ok(await t.gql(POOL.replace('signatories {', 'datasets { id } signatories {'), { id: pool.id }, user.token)).dataPool.datasets).toEqual([{ id: dataset.id }, { id: proprietary.id }]);
    });

    it.each([
      ['location', { location: 'US' }, 'LOCATION_NOT_ALLOWED', {}],
      ['location', { location: 'AT' }, 'LOCATION_NOT_ALLOWED', { allowedLocations: ['DE', 'FR'] }],
      ['personalData', { personalData: true, legalBasis: 'Art. 6(1)(f) legitimate interests' }, 'PERSONAL_DATA_NOT_ALLOWED', {}],
      ['legalBasis', { personalData: true }, 'LEGAL_BASIS_REQUIRED', { personalDataAllowed: true }],
      ['license', { license: 'MIT-ish' }, undefined, {}],
      ['hostedByOrganizationId', { hostedByOrganizationId: 'USER' }, 'HOST_NOT_IN_POOL', {}],
      ['contributorOrganizationId', { contributorOrganizationId: 'USER' }, 'NOT_A_SIGNED_CONTRIBUTOR', {}],
      ['sizeBytes', { sizeBytes: -1 }, undefined, {}],
    ])('refuses a dataset whose %s breaks the rules or the terms (BAD_USER_INPUT naming it), writing nothing', async (field, overrides, reason, terms) => {
      const pool = await activePool(t, steward, group, parties(), { terms: termsInput(terms) });
      const input = datasetInput(pool.id, contributor.organizationId, overrides);
      for (const key of ['hostedByOrganizationId', 'contributorOrganizationId']) if (input[key] === 'USER') input[key] = user.organizationId;
      const actor = input.contributorOrganizationId === user.organizationId ? user : contributor;
      const before = await count(`SELECT count(*)::int AS n FROM data_pool_datasets`);
      expect(refusal(await t.gql(ADD_DATASET, { input }, actor.token))).toMatchObject({ code: 'BAD_USER_INPUT', field, ...(reason ? { reason } : {}) });
      expect(await count(`SELECT count(*)::int AS n FROM data_pool_datasets`)).toBe(before);
    });

    it('accepts personal data with a legal basis when the terms allow it, and any EU/EEA country when they name none', async () => {
      const pool = await activePool(t, steward, group, parties(), { terms: termsInput({ personalDataAllowed: true }) });
      const dataset = await must(t, ADD_DATASET, { input: datasetInput(pool.id, contributor.organizationId, { personalData: true, legalBasis: 'Art. 6(1)(a) consent', location: 'IS' }) }, contributor);
      expect(dataset).toMatchObject({ personalData: true, legalBasis: 'Art. 6(1)(a) consent', location: 'IS' });
    });

    it('takes datasets only from contributors that signed the current terms, for their own organisation', async () => {
      const pool = await activePool(t, steward, group, parties());
      expect(refusal(await t.gql(ADD_DATASET, { input: datasetInput(pool.id, contributor.organizationId) }, host.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_ORGANIZATION' });
      await must(t, UPDATE_TERMS, { id: pool.id, v: pool.version, terms: termsInput({ retentionDays: 10 }) }, steward);
      expect(refusal(await t.gql(ADD_DATASET, { input: datasetInput(pool.id, contributor.organizationId) }, contributor.token)).reason).toBe('NOT_A_SIGNED_CONTRIBUTOR');
      await must(t, SIGN, { pool: pool.id, org: contributor.organizationId, v: 2 }, contributor);
      expect((await must(t, ADD_DATASET, { input: datasetInput(pool.id, contributor.organizationId) }, contributor)).title).toEqual(expect.any(String));
    });

    it("removes a dataset for the contributor's people and the steward's, not for others; a withdrawal takes the contributor's datasets", async () => {
      const pool = await activePool(t, steward, group, parties());
      const add = () => must(t, ADD_DATASET, { input: datasetInput(pool.id, contributor.organizationId) }, contributor);
      const [first, second, third] = [await add(), await add(), await add()];
      const remove = `mutation ($id: ID!) { removeDataset(id: $id) }`;
      expect(refusal(await t.gql(remove, { id: first.id }, user.token))).toMatchObject({ code: 'FORBIDDEN' });
      expect(ok(await t.gql(remove, { id: first.id }, contributor.token)).removeDataset).toBe(true);
      expect(ok(await t.gql(remove, { id: second.id }, steward.token)).removeDataset).toBe(true);
      expect(refusal(await t.gql(remove, { id: second.id }, steward.token))).toMatchObject({ code: 'NOT_FOUND' });
      await must(t, WITHDRAW, { pool: pool.id, org: contributor.organizationId }, contributor);
      expect(await count(`SELECT count(*)::int AS n FROM data_pool_datasets WHERE id = $1`, [third.id])).toBe(0);
    });

    it("revokes a withdrawing organisation's open and approved requests, and leaves its decided ones", async () => {
      const pool = await activePool(t, steward, group, parties());
      await must(t, SIGN, { pool: pool.id, org: user.organizationId, v: 1 }, user);
      const ask = (purpose: string) => must(t, REQUEST_ACCESS, { pool: pool.id, org: user.organizationId, purpose, why: 'Models' }, user);
      const [open, approved, rejected] = [await ask('RESEARCH'), await ask('MODEL_TRAINING'), await ask('RESEARCH').catch(() => null)];
      expect(rejected).toBeNull(); // one open request per purpose
      await must(t, DECIDE_ACCESS, { id: approved.id, state: 'APPROVED' }, steward);
      const other = await ask('MODEL_TRAINING');
      await must(t, DECIDE_ACCESS, { id: other.id, state: 'REJECTED', note: 'Twice' }, steward);
      await must(t, WITHDRAW, { pool: pool.id, org: user.organizationId, note: 'Project ended' }, user);
      const states = await t.dataSource.query(`SELECT id, state FROM data_access_requests WHERE pool_id = $1`, [pool.id]);
      expect(Object.fromEntries(states.map((r: any) => [r.id, r.state]))).toEqual({ [open.id]: 'REVOKED', [approved.id]: 'REVOKED', [other.id]: 'REJECTED' });
    });
  });

  describe('access requests', () => {
    const ACCESS_LIST = `query ($id: ID!) { dataPool(id: $id) { accessRequests(first: 100) { totalCount edges { node { id state organization { id } } } } } }`;

    it('takes a signatory’s request for an allowed purpose on an ACTIVE pool; the steward approves it until a date, then revokes it with a note', async () => {
      const pool = await activePool(t, steward, group, parties());
      await must(t, SIGN, { pool: pool.id, org: user.organizationId, v: 1 }, user);
      const request = await must(t, REQUEST_ACCESS, { pool: pool.id, org: user.organizationId, purpose: 'MODEL_TRAINING', why: 'Train a lane-keeping model' }, user);
      expect(request).toMatchObject({ state: 'REQUESTED', purpose: 'MODEL_TRAINING', organization: { id: user.organizationId }, requestedBy: { id: user.id }, decidedBy: null });
      expect(refusal(await t.gql(REQUEST_ACCESS, { pool: pool.id, org: user.organizationId, purpose: 'MODEL_TRAINING', why: 'Again' }, user.token))).toEqual({
        code: 'CONFLICT',
        reason: 'DUPLICATE_REQUEST',
        field: 'purpose',
      });
      const until = new Date(Date.now() + 86_400_000).toISOString();
      const approved = await must(t, DECIDE_ACCESS, { id: request.id, state: 'APPROVED', until }, steward);
      expect(approved).toMatchObject({ state: 'APPROVED', expiresAt: until, decidedBy: { id: steward.id } });
      expect(refusal(await t.gql(DECIDE_ACCESS, { id: request.id, state: 'REVOKED' }, steward.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
      expect(await must(t, DECIDE_ACCESS, { id: request.id, state: 'REVOKED', note: 'Breach of retention' }, steward)).toMatchObject({ state: 'REVOKED', note: 'Breach of retention' });
      expect(refusal(await t.gql(DECIDE_ACCESS, { id: request.id, state: 'APPROVED' }, steward.token))).toEqual({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', field: 'state' });
    });

    it('refuses a purpose the terms do not allow (BAD_USER_INPUT PURPOSE_NOT_ALLOWED), a pool that is not ACTIVE, and organisations that did not sign', async () => {
      const pool = await activePool(t, steward, group, parties());
      await must(t, SIGN, { pool: pool.id, org: user.organizationId, v: 1 }, user);
      const before = await count(`SELECT count(*)::int AS n FROM data_access_requests`);
      expect(refusal(await t.gql(REQUEST_ACCESS, { pool: pool.id, org: user.organizationId, purpose: 'COMMERCIAL_PRODUCT', why: 'Sell it' }, user.token))).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'PURPOSE_NOT_ALLOWED',
        field: 'purpose',
      });
      const outsider = await makePerson(t);
      expect(refusal(await t.gql(REQUEST_ACCESS, { pool: pool.id, org: outsider.organizationId, purpose: 'RESEARCH', why: 'x' }, outsider.token))).toMatchObject({ code: 'NOT_FOUND' });
      await must(t, CHANGE_STATE, { id: pool.id, state: 'SUSPENDED' }, steward);
      expect(refusal(await t.gql(REQUEST_ACCESS, { pool: pool.id, org: user.organizationId, purpose: 'RESEARCH', why: 'Benchmarks' }, user.token))).toEqual({
        code: 'CONFLICT',
        reason: 'POOL_NOT_ACTIVE',
      });
      const pending = await activePool(t, steward, group, parties().slice(0, 2));
      await must(t, INVITE, { pool: pending.id, org: user.organizationId, role: 'USER' }, steward);
      expect(refusal(await t.gql(REQUEST_ACCESS, { pool: pending.id, org: user.organizationId, purpose: 'RESEARCH', why: 'x' }, user.token))).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'NOT_A_SIGNATORY',
        field: 'organizationId',
      });
      expect(await count(`SELECT count(*)::int AS n FROM data_access_requests`)).toBe(before);
    });

    it("lets only the steward decide, rejecting with a note; shows requests to the steward, chairs, admins and the requester's people only", async () => {
      const pool = await activePool(t, steward, group, parties());
      await must(t, SIGN, { pool: pool.id, org: user.organizationId, v: 1 }, user);
      const request = await must(t, REQUEST_ACCESS, { pool: pool.id, org: user.organizationId, purpose: 'RESEARCH', why: 'Benchmarks' }, user);
      expect(refusal(await t.gql(DECIDE_ACCESS, { id: request.id, state: 'APPROVED' }, chair.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_POOL_STEWARD' });
      expect(refusal(await t.gql(DECIDE_ACCESS, { id: request.id, state: 'APPROVED' }, contributor.token))).toMatchObject({ code: 'NOT_FOUND' });
      expect(refusal(await t.gql(DECIDE_ACCESS, { id: request.id, state: 'APPROVED', until: '2020-01-01T00:00:00Z' }, steward.token))).toMatchObject({ field: 'expiresAt' });
      expect(refusal(await t.gql(DECIDE_ACCESS, { id: request.id, state: 'REJECTED', note: '  ' }, steward.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
      expect((await must(t, DECIDE_ACCESS, { id: request.id, state: 'REJECTED', note: 'Purpose unclear' }, admin)).state).toBe('REJECTED');
      for (const [viewer, seen] of [
        [steward, 1],
        [chair, 1],
        [admin, 1],
        [user, 1],
        [contributor, 0],
        [host, 0],
      ] as [Actor, number][]) {
        const list = ok(await t.gql(ACCESS_LIST, { id: pool.id }, viewer.token)).dataPool.accessRequests;
        expect(list.totalCount).toBe(seen);
        expect(list.edges).toHaveLength(seen);
      }
    });
  });

  describe('expiry', () => {
    it('marks approvals past expiresAt and pools past validUntil EXPIRED, as of the clock it is given, once', async () => {
      const expiry = t.app.get(DataPoolExpiry);
      const now = Date.now();
      const pool = await activePool(t, steward, group, parties(), { validUntil: new Date(now + 10 * 86_400_000).toISOString() });
      await must(t, SIGN, { pool: pool.id, org: user.organizationId, v: 1 }, user);
      const shortLived = await must(t, REQUEST_ACCESS, { pool: pool.id, org: user.organizationId, purpose: 'RESEARCH', why: 'A week' }, user);
      const longLived = await must(t, REQUEST_ACCESS, { pool: pool.id, org: user.organizationId, purpose: 'MODEL_TRAINING', why: 'Until the end' }, user);
      await must(t, DECIDE_ACCESS, { id: shortLived.id, state: 'APPROVED', until: new Date(now + 7 * 86_400_000).toISOString() }, steward);
      await must(t, DECIDE_ACCESS, { id: longLived.id, state: 'APPROVED' }, steward);
      const states = async () =>
        (await t.dataSource.query(`SELECT id, state FROM data_access_requests WHERE id = ANY($1) ORDER BY created_at`, [[shortLived.id, longLived.id]])).map((r: any) => r.state);

      await expiry.run(new Date(now + 6 * 86_400_000));
      expect(await states()).toEqual(['APPROVED', 'APPROVED']);
      await expiry.run(new Date(now + 8 * 86_400_000));
      expect(await states()).toEqual(['EXPIRED', 'APPROVED']);
      expect(ok(await t.gql(POOL, { id: pool.id }, steward.token)).dataPool.state).toBe('ACTIVE');

      const result = await expiry.run(new Date(now + 11 * 86_400_000));
      expect(result.pools).toBeGreaterThanOrEqual(1);
      expect(await states()).toEqual(['EXPIRED', 'EXPIRED']);
      const expired = ok(await t.gql(`query ($id: ID!) { dataPool(id: $id) { state history(first: 100) { edges { node { type toState actor { id } } } } } }`, { id: pool.id }, steward.token)).dataPool;
      expect(expired.state).toBe('EXPIRED');
      const platform = expired.history.edges.map((e: any) => e.node).filter((e: any) => e.actor === null);
      expect(platform.map((e: any) => `${e.type}:${e.toState}`)).toEqual(['ACCESS_EXPIRED:EXPIRED', 'STATE_CHANGED:EXPIRED', 'ACCESS_EXPIRED:EXPIRED']);
      expect(await expiry.run(new Date(now + 12 * 86_400_000))).toEqual({ pools: 0, approvals: 0 });
      // An expired pool only closes.
      expect(refusal(await t.gql(CHANGE_STATE, { id: pool.id, state: 'ACTIVE' }, steward.token)).reason).toBe('ILLEGAL_TRANSITION');
      expect((await must(t, CHANGE_STATE, { id: pool.id, state: 'CLOSED' }, steward)).state).toBe('CLOSED');
    });
  });

  describe('history', () => {
    it('records every change with who, when, what and the terms version, and refuses to be edited or deleted', async () => {
      const pool = await createPool(t, steward, group);
      await must(t, INVITE, { pool: pool.id, org: contributor.organizationId, role: 'CONTRIBUTOR' }, steward);
      await must(t, CHANGE_STATE, { id: pool.id, state: 'OPEN_FOR_SIGNATURE' }, steward);
      await must(t, SIGN, { pool: pool.id, org: contributor.organizationId, v: 1 }, contributor);
      await must(t, UPDATE_TERMS, { id: pool.id, v: 2, terms: termsInput({ onwardTransfer: true }) }, steward);
      const history = ok(
        await t.gql(`query ($id: ID!) { dataPool(id: $id) { history(first: 100) { totalCount edges { node { type termsVersion at actor { id } organization { id } } } } } }`, { id: pool.id }, contributor.token),
      ).dataPool.history;
      expect(history.edges.map((e: any) => [e.node.type, e.node.termsVersion, e.node.actor.id])).toEqual([
        ['CREATED', 1, steward.id],
        ['INVITED', 1, steward.id],
        ['STATE_CHANGED', 1, steward.id],
        ['SIGNED', 1, contributor.id],
        ['TERMS_CHANGED', 2, steward.id],
      ]);
      expect(history.edges[3].node.organization).toEqual({ id: contributor.organizationId });
      await expect(t.dataSource.query(`UPDATE data_pool_events SET note = 'edited' WHERE pool_id = $1`, [pool.id])).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query(`DELETE FROM data_pool_events WHERE pool_id = $1`, [pool.id])).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query(`TRUNCATE data_pool_events`)).rejects.toThrow(/append-only/);
      expect(await count(`SELECT count(*)::int AS n FROM data_pool_events WHERE pool_id = $1 AND note IS NULL`, [pool.id])).toBe(5);
    });

    it('lets an erasure, in its own transaction, clear a person from it', async () => {
      const pool = await createPool(t, steward, group);
      await t.dataSource.transaction(async (em) => {
        await em.query(`SET LOCAL ecava.erasure = 'on'`);
        await em.query(`UPDATE data_pool_events SET actor_id = NULL WHERE pool_id = $1`, [pool.id]);
      });
      expect(await count(`SELECT count(*)::int AS n FROM data_pool_events WHERE pool_id = $1 AND actor_id IS NULL`, [pool.id])).toBe(1);
      // The setting ended with its transaction.
      await expect(t.dataSource.query(`UPDATE data_pool_events SET actor_id = $2 WHERE pool_id = $1`, [pool.id, steward.id])).rejects.toThrow(/append-only/);
    });
  });
});
