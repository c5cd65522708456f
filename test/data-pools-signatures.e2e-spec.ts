import { Actor, makeGroup, makeOrganization, makePerson, seat } from './support/factories';
import { activePool, CHANGE_STATE, createPool, INVITE, must, POOL, SIGN, termsInput, UPDATE_TERMS, WITHDRAW } from './support/data-pools';
import { ok, refusal, startTestApp, TestApp } from './support/test-app';

/**
 * Data pools' terms, signatures and states (contract 06): the re-sign rule — a terms change sets every signature
 * back to PENDING, ACTIVE waits for every steward, contributor and host, an old version cannot be signed —,
 * every allowed and illegal move with who may make it, invitations and withdrawals, and concurrent signatures.
 */
describe('Data pool signatures and states (e2e)', () => {
  let t: TestApp;
  let admin: Actor;
  /** `steward`, `member` sit in `group` as MEMBERs, `chair` as CHAIR; the others' organisations are invited in the roles named. */
  let steward: Actor;
  let chair: Actor;
  let member: Actor;
  let contributor: Actor;
  let host: Actor;
  let user: Actor;
  let group: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
    [steward, chair, member, contributor, host, user] = await Promise.all([makePerson(t), makePerson(t), makePerson(t), makePerson(t), makePerson(t), makePerson(t)]);
    group = (await makeGroup(t)).id;
    await seat(t, group, steward, 'MEMBER');
    await seat(t, group, member, 'MEMBER');
    await seat(t, group, chair, 'CHAIR');
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0].n as number;
  const signatoryOf = (pool: any, actor: Actor) => pool.signatories.find((s: any) => s.organization.id === actor.organizationId);

  /** An OPEN_FOR_SIGNATURE pool with a contributor, a host and a user invited, nobody signed. */
  async function openPool(overrides: Record<string, unknown> = {}): Promise<any> {
    const pool = await createPool(t, steward, group, overrides);
    await must(t, INVITE, { pool: pool.id, org: contributor.organizationId, role: 'CONTRIBUTOR' }, steward);
    await must(t, INVITE, { pool: pool.id, org: host.organizationId, role: 'HOST' }, steward);
    await must(t, INVITE, { pool: pool.id, org: user.organizationId, role: 'USER' }, steward);
    return must(t, CHANGE_STATE, { id: pool.id, state: 'OPEN_FOR_SIGNATURE' }, steward);
  }

  describe('the re-sign rule', () => {
    it('refuses signatures while the pool is a DRAFT', async () => {
      const pool = await createPool(t, steward, group);
      expect(refusal(await t.gql(SIGN, { pool: pool.id, org: steward.organizationId, v: 1 }, steward.token))).toEqual({ code: 'CONFLICT', reason: 'POOL_NOT_OPEN_FOR_SIGNATURE' });
    });

    it('records who signed which version and digest, and activates only once every steward, contributor and host signed — naming who is missing', async () => {
      const pool = await openPool();
      const signed = await must(t, SIGN, { pool: pool.id, org: contributor.organizationId, v: 1 }, contributor);
      expect(signatoryOf(signed, contributor)).toMatchObject({ role: 'CONTRIBUTOR', state: 'SIGNED', termsVersion: 1, termsDigest: pool.termsDigest, signedBy: { id: contributor.id } });
      expect(signatoryOf(signed, contributor).signedAt).toEqual(expect.any(String));
      await must(t, SIGN, { pool: pool.id, org: steward.organizationId, v: 1 }, steward);

      const hostName = (await t.dataSource.query(`SELECT name FROM organizations WHERE id = $1`, [host.organizationId]))[0].name;
      const refused = await t.gql(CHANGE_STATE, { id: pool.id, state: 'ACTIVE' }, steward.token);
      expect(refusal(refused)).toEqual({ code: 'CONFLICT', reason: 'SIGNATURES_MISSING', field: 'state' });
      expect(refused.errors![0].message).toContain(hostName);
      expect(ok(await t.gql(POOL, { id: pool.id }, steward.token)).dataPool.state).toBe('OPEN_FOR_SIGNATURE');

      // The USER need not sign for the pool to go ACTIVE.
      await must(t, SIGN, { pool: pool.id, org: host.organizationId, v: 1 }, host);
      const active = await must(t, CHANGE_STATE, { id: pool.id, state: 'ACTIVE' }, steward);
      expect(active.state).toBe('ACTIVE');
      expect(signatoryOf(active, user).state).toBe('PENDING');
    });

    it('makes a terms change a new version: every signature PENDING (keeping the version signed), ACTIVE back to OPEN_FOR_SIGNATURE, the old version unsignable', async () => {
      const pool = await activePool(t, steward, group, [
        [contributor, 'CONTRIBUTOR'],
        [host, 'HOST'],
      ]);
      const changed = await must(t, UPDATE_TERMS, { id: pool.id, v: pool.version, terms: termsInput({ retentionDays: 30 }) }, steward);
      expect(changed).toMatchObject({ termsVersion: 2, state: 'OPEN_FOR_SIGNATURE', version: pool.version + 1, terms: { retentionDays: 30 } });
      expect(changed.termsDigest).not.toBe(pool.termsDigest);
      expect(changed.signatories.map((s: any) => [s.state, s.termsVersion, s.termsDigest])).toEqual(Array(3).fill(['PENDING', 1, pool.termsDigest]));

      expect(refusal(await t.gql(CHANGE_STATE, { id: pool.id, state: 'ACTIVE' }, steward.token)).reason).toBe('SIGNATURES_MISSING');
      expect(refusal(await t.gql(SIGN, { pool: pool.id, org: host.organizationId, v: 1 }, host.token))).toEqual({ code: 'CONFLICT', reason: 'STALE_TERMS_VERSION', field: 'termsVersion' });
      for (const actor of [steward, contributor, host]) await must(t, SIGN, { pool: pool.id, org: actor.organizationId, v: 2 }, actor);
      const active = await must(t, CHANGE_STATE, { id: pool.id, state: 'ACTIVE' }, chair);
      expect(active.signatories.map((s: any) => [s.state, s.termsVersion, s.termsDigest])).toEqual(Array(3).fill(['SIGNED', 2, changed.termsDigest]));
    });

    it('refuses a stale expectedVersion (CONFLICT) and anyone but the steward and admins (FORBIDDEN); the same terms change nothing', async () => {
      const pool = await openPool();
      expect(refusal(await t.gql(UPDATE_TERMS, { id: pool.id, v: pool.version - 1, terms: termsInput({ retentionDays: 7 }) }, steward.token))).toEqual({
        code: 'CONFLICT',
        reason: 'STALE_VERSION',
        field: 'expectedVersion',
      });
      expect(refusal(await t.gql(UPDATE_TERMS, { id: pool.id, v: pool.version, terms: termsInput({ retentionDays: 7 }) }, chair.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_POOL_STEWARD' });
      expect(refusal(await t.gql(UPDATE_TERMS, { id: pool.id, v: pool.version, terms: termsInput({ purposes: ['COMMERCIAL_PRODUCT'] }) }, steward.token))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'terms.purposes',
      });
      const same = await must(t, UPDATE_TERMS, { id: pool.id, v: pool.version, terms: termsInput({ purposes: ['MODEL_TRAINING', 'RESEARCH'] }) }, steward);
      expect(same).toMatchObject({ termsVersion: 1, version: pool.version, termsDigest: pool.termsDigest });
      const byAdmin = await must(t, UPDATE_TERMS, { id: pool.id, v: pool.version, terms: termsInput(), until: '2099-01-01T00:00:00.000Z' }, admin);
      expect(byAdmin).toMatchObject({ termsVersion: 2, termsDigest: pool.termsDigest, validUntil: '2099-01-01T00:00:00.000Z' });
    });

    it("lets only the organisation's own people sign for it, and only invited organisations", async () => {
      const pool = await openPool({ confidentiality: 'WORKING_GROUP' });
      expect(refusal(await t.gql(SIGN, { pool: pool.id, org: contributor.organizationId, v: 1 }, steward.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_ORGANIZATION' });
      expect(refusal(await t.gql(SIGN, { pool: pool.id, org: contributor.organizationId, v: 1 }, admin.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_ORGANIZATION' });
      expect(refusal(await t.gql(SIGN, { pool: pool.id, org: member.organizationId, v: 1 }, member.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_INVITED' });
      // A PARTIES pool does not even exist for an organisation that was not invited.
      const hidden = await openPool();
      expect(refusal(await t.gql(SIGN, { pool: hidden.id, org: member.organizationId, v: 1 }, member.token))).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('state moves', () => {
    it('moves DRAFT -> OPEN_FOR_SIGNATURE -> ACTIVE -> SUSPENDED -> ACTIVE -> CLOSED, each in the history', async () => {
      const pool = await activePool(t, steward, group, [[contributor, 'CONTRIBUTOR']]);
      expect((await must(t, CHANGE_STATE, { id: pool.id, state: 'SUSPENDED', note: 'Audit' }, chair)).state).toBe('SUSPENDED');
      expect((await must(t, CHANGE_STATE, { id: pool.id, state: 'ACTIVE' }, steward)).state).toBe('ACTIVE');
      expect((await must(t, CHANGE_STATE, { id: pool.id, state: 'CLOSED' }, admin)).state).toBe('CLOSED');
      const history = ok(await t.gql(`query ($id: ID!) { dataPool(id: $id) { history(first: 100) { edges { node { type fromState toState note termsVersion actor { id } } } } } }`, { id: pool.id }, steward.token));
      const moves = history.dataPool.history.edges.map((e: any) => e.node).filter((e: any) => e.type === 'STATE_CHANGED');
      expect(moves.map((e: any) => `${e.fromState}->${e.toState}`)).toEqual(['DRAFT->OPEN_FOR_SIGNATURE', 'OPEN_FOR_SIGNATURE->ACTIVE', 'ACTIVE->SUSPENDED', 'SUSPENDED->ACTIVE', 'ACTIVE->CLOSED']);
      expect(moves[2]).toMatchObject({ note: 'Audit', termsVersion: 1, actor: { id: chair.id } });
    });

    it('refuses the illegal moves (CONFLICT ILLEGAL_TRANSITION) and EXPIRED, which is the platform’s', async () => {
      const draft = await createPool(t, steward, group);
      for (const state of ['ACTIVE', 'SUSPENDED', 'EXPIRED', 'DRAFT']) {
        expect(refusal(await t.gql(CHANGE_STATE, { id: draft.id, state }, steward.token))).toEqual({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', field: 'state' });
      }
      const closed = await must(t, CHANGE_STATE, { id: draft.id, state: 'CLOSED' }, steward);
      for (const state of ['DRAFT', 'OPEN_FOR_SIGNATURE', 'ACTIVE', 'CLOSED']) {
        expect(refusal(await t.gql(CHANGE_STATE, { id: closed.id, state }, admin.token)).reason).toBe('ILLEGAL_TRANSITION');
      }
      expect(refusal(await t.gql(INVITE, { pool: closed.id, org: user.organizationId, role: 'USER' }, steward.token))).toEqual({ code: 'CONFLICT', reason: 'POOL_ENDED' });
    });

    it("lets the steward's people, the group's chairs and admins move a pool; contributors and members are FORBIDDEN", async () => {
      const pool = await openPool({ confidentiality: 'WORKING_GROUP' });
      expect(refusal(await t.gql(CHANGE_STATE, { id: pool.id, state: 'CLOSED' }, contributor.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_POOL_MANAGER' });
      expect(refusal(await t.gql(CHANGE_STATE, { id: pool.id, state: 'CLOSED' }, member.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_POOL_MANAGER' });
      const colleague = await makePerson(t, { organizationId: steward.organizationId });
      expect((await must(t, CHANGE_STATE, { id: pool.id, state: 'CLOSED' }, colleague)).state).toBe('CLOSED');
    });
  });

  describe('invitations and withdrawals', () => {
    it('sends an ACTIVE pool back to OPEN_FOR_SIGNATURE for a new contributor or host, not for a user', async () => {
      const pool = await activePool(t, steward, group, [[contributor, 'CONTRIBUTOR']]);
      const withUser = await must(t, INVITE, { pool: pool.id, org: user.organizationId, role: 'USER' }, steward);
      expect(withUser.state).toBe('ACTIVE');
      const withHost = await must(t, INVITE, { pool: pool.id, org: host.organizationId, role: 'HOST' }, steward);
      expect(withHost.state).toBe('OPEN_FOR_SIGNATURE');
      expect(signatoryOf(withHost, host)).toMatchObject({ role: 'HOST', state: 'PENDING' });
    });

    it('refuses a second invitation (CONFLICT), the STEWARD role and unknown organisations (BAD_USER_INPUT), and anyone but the steward (FORBIDDEN)', async () => {
      const pool = await openPool();
      const before = await count(`SELECT count(*)::int AS n FROM data_pool_signatories WHERE pool_id = $1`, [pool.id]);
      expect(refusal(await t.gql(INVITE, { pool: pool.id, org: host.organizationId, role: 'USER' }, steward.token))).toEqual({ code: 'CONFLICT', reason: 'ALREADY_INVITED', field: 'organizationId' });
      expect(refusal(await t.gql(INVITE, { pool: pool.id, org: member.organizationId, role: 'STEWARD' }, steward.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
      expect(refusal(await t.gql(INVITE, { pool: pool.id, org: '00000000-0000-4000-8000-000000000000', role: 'USER' }, steward.token))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'organizationId',
        reason: 'ORGANIZATION_NOT_FOUND',
      });
      expect(refusal(await t.gql(INVITE, { pool: pool.id, org: member.organizationId, role: 'USER' }, contributor.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_POOL_STEWARD' });
      expect(await count(`SELECT count(*)::int AS n FROM data_pool_signatories WHERE pool_id = $1`, [pool.id])).toBe(before);
    });

    it('lets an organisation withdraw (not the steward); it keeps reading the pool, cannot sign, and may be invited again', async () => {
      const pool = await openPool();
      const left = await must(t, WITHDRAW, { pool: pool.id, org: contributor.organizationId, note: 'Legal review' }, contributor);
      expect(signatoryOf(left, contributor).state).toBe('WITHDRAWN');
      expect(ok(await t.gql(POOL, { id: pool.id }, contributor.token)).dataPool.id).toBe(pool.id);
      expect(refusal(await t.gql(SIGN, { pool: pool.id, org: contributor.organizationId, v: 1 }, contributor.token)).reason).toBe('SIGNATORY_WITHDRAWN');
      expect(refusal(await t.gql(WITHDRAW, { pool: pool.id, org: contributor.organizationId }, contributor.token)).reason).toBe('ALREADY_WITHDRAWN');
      expect(refusal(await t.gql(WITHDRAW, { pool: pool.id, org: steward.organizationId }, steward.token)).reason).toBe('STEWARD_CANNOT_WITHDRAW');
      expect(refusal(await t.gql(WITHDRAW, { pool: pool.id, org: host.organizationId }, contributor.token)).reason).toBe('NOT_OWN_ORGANIZATION');
      // A withdrawn contributor no longer holds up activation.
      await must(t, SIGN, { pool: pool.id, org: steward.organizationId, v: 1 }, steward);
      await must(t, SIGN, { pool: pool.id, org: host.organizationId, v: 1 }, host);
      expect((await must(t, CHANGE_STATE, { id: pool.id, state: 'ACTIVE' }, steward)).state).toBe('ACTIVE');
      const back = await must(t, INVITE, { pool: pool.id, org: contributor.organizationId, role: 'CONTRIBUTOR' }, steward);
      expect(signatoryOf(back, contributor).state).toBe('PENDING');
      expect(back.state).toBe('OPEN_FOR_SIGNATURE');
    });
  });

  describe('concurrent writes', () => {
    it('loses no signature to 20 concurrent signers and a concurrent terms change, and never activates on a stale signature', async () => {
      const pool = await createPool(t, steward, group);
      const signers: Actor[] = [];
      for (let i = 0; i < 20; i += 1) {
        const organization = await makeOrganization(t);
        signers.push(await makePerson(t, { organizationId: organization.id }));
        await must(t, INVITE, { pool: pool.id, org: organization.id, role: 'CONTRIBUTOR' }, steward);
      }
      await must(t, CHANGE_STATE, { id: pool.id, state: 'OPEN_FOR_SIGNATURE' }, steward);
      const version = (await must(t, SIGN, { pool: pool.id, org: steward.organizationId, v: 1 }, steward)).version;

      const [change, ...signatures] = await Promise.all([
        t.gql(UPDATE_TERMS, { id: pool.id, v: version, terms: termsInput({ retentionDays: 90 }) }, steward.token),
        ...signers.map((s) => t.gql(SIGN, { pool: pool.id, org: s.organizationId, v: 1 }, s.token)),
      ]);
      expect(change.errors).toBeUndefined();
      const landed = signatures.filter((r) => !r.errors).length;
      expect(signatures.filter((r) => r.errors).map((r) => r.errors![0].extensions.reason)).toEqual(Array(20 - landed).fill('STALE_TERMS_VERSION'));
      // Every signature that landed is in the history; none survived the change as SIGNED.
      expect(await count(`SELECT count(*)::int AS n FROM data_pool_events WHERE pool_id = $1 AND type = 'SIGNED'`, [pool.id])).toBe(landed + 1);
      expect(await count(`SELECT count(*)::int AS n FROM data_pool_signatories WHERE pool_id = $1 AND state = 'SIGNED'`, [pool.id])).toBe(0);

      // Everybody signs version 2 while five activations race them: an activation that wins saw every signature.
      const everyone = [steward, ...signers];
      const race = await Promise.all([
        ...everyone.map((s) => t.gql(SIGN, { pool: pool.id, org: s.organizationId, v: 2 }, s.token)),
        ...Array.from({ length: 5 }, () => t.gql(CHANGE_STATE, { id: pool.id, state: 'ACTIVE' }, chair.token)),
      ]);
      expect(race.slice(0, everyone.length).every((r) => !r.errors)).toBe(true);
      const activations = race.slice(everyone.length);
      expect(activations.filter((r) => !r.errors).length).toBeLessThanOrEqual(1);
      for (const refused of activations.filter((r) => r.errors)) expect(['SIGNATURES_MISSING', 'ILLEGAL_TRANSITION']).toContain(refused.errors![0].extensions.reason);
      const final = ok(await t.gql(POOL, { id: pool.id }, steward.token)).dataPool;
      expect(final.signatories.map((s: any) => [s.state, s.termsVersion])).toEqual(Array(21).fill(['SIGNED', 2]));
      if (final.state !== 'ACTIVE') expect((await must(t, CHANGE_STATE, { id: pool.id, state: 'ACTIVE' }, chair)).state).toBe('ACTIVE');
    });
  });
});
