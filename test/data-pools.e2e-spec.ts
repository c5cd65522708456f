import { createHash } from 'node:crypto';
import { querySql, sql } from '@app/core';
import { dataPoolReadableBy, personReader } from '@app/data-pools';
import { Actor, makeGroup, makePerson, makeProposal, moveProposal, seat } from './support/factories';
import { CREATE_POOL, createPool, POOL, poolInput, termsInput } from './support/data-pools';
import { errorCode, ok, refusal, startTestApp, TestApp } from './support/test-app';

/**
 * Data pools (contract 06): creating a pool, its terms' canonical form and digest, and who sees which pool
 * through every read path (the pool, the lists and their counts, the group's and the organisation's lists).
 */
describe('Data pools (e2e)', () => {
  let t: TestApp;
  let admin: Actor;
  /** `steward` and `member` sit in `group` as MEMBERs, `chair` as CHAIR, `observer` as OBSERVER; `outsider` has no seat. */
  let steward: Actor;
  let member: Actor;
  let chair: Actor;
  let observer: Actor;
  let outsider: Actor;
  let group: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
    [steward, member, chair, observer, outsider] = await Promise.all([makePerson(t), makePerson(t), makePerson(t), makePerson(t), makePerson(t)]);
    group = (await makeGroup(t)).id;
    await seat(t, group, steward, 'MEMBER');
    await seat(t, group, member, 'MEMBER');
    await seat(t, group, chair, 'CHAIR');
    await seat(t, group, observer, 'OBSERVER');
  });
  afterAll(() => t.close());

  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  describe('creating a pool', () => {
    it("makes a DRAFT PARTIES pool stewarded by the creator's organisation, terms version 1 with their digest, the steward PENDING", async () => {
      const pool = await createPool(t, steward, group, { terms: termsInput({ purposes: ['MODEL_TRAINING', 'RESEARCH', 'RESEARCH'], allowedLocations: ['fr', 'DE', 'de'] }) });
      expect(pool).toMatchObject({
        state: 'DRAFT',
        confidentiality: 'PARTIES',
        termsVersion: 1,
        version: 1,
        workingGroup: { id: group },
        proposal: null,
        steward: { id: steward.organizationId },
        terms: { purposes: ['MODEL_TRAINING', 'RESEARCH'], allowedLocations: ['DE', 'FR'], retentionDays: 365 },
        signatories: [{ organization: { id: steward.organizationId }, role: 'STEWARD', state: 'PENDING', termsVersion: null, signedBy: null }],
      });
      // The digest is SHA-256 over the terms' JSON with sorted keys and no white space (docs/data-pools.md).
      const canonical =
        '{"allowedLocations":["DE","FR"],"attributionRequired":true,"commercialUse":false,"derivedModelsShareable":true,' +
        '"onwardTransfer":false,"personalDataAllowed":false,"purposes":["MODEL_TRAINING","RESEARCH"],"retentionDays":365}';
      expect(pool.termsDigest).toBe(createHash('sha256').update(canonical).digest('hex'));
    });

    it('gives equal terms the same digest whatever the order and case they were sent in', async () => {
      const a = await createPool(t, steward, group, { terms: termsInput({ purposes: ['RESEARCH', 'MODEL_TRAINING'], allowedLocations: ['DE', 'FR'] }) });
      const b = await createPool(t, steward, group, { terms: termsInput({ purposes: ['MODEL_TRAINING', 'RESEARCH'], allowedLocations: ['fr', 'de'] }) });
      const c = await createPool(t, steward, group, { terms: termsInput({ purposes: ['RESEARCH'], allowedLocations: ['DE', 'FR'] }) });
      expect(a.termsDigest).toBe(b.termsDigest);
      expect(c.termsDigest).not.toBe(a.termsDigest);
    });

    it("invites a DATA_POOLING proposal's author organisation as CONTRIBUTOR when created from it", async () => {
      const draft = await makeProposal(t, member, group, { kind: 'DATA_POOLING', confidentiality: 'WORKING_GROUP' });
      // A draft is read by its author's organisation only: nobody else may build on it.
      expect(refusal(await t.gql(CREATE_POOL, { input: poolInput(group, { proposalId: draft }) }, steward.token)).field).toBe('proposalId');
      await moveProposal(t, draft, 'SUBMITTED', { author: member, manager: chair });
      const pool = await createPool(t, steward, group, { proposalId: draft, confidentiality: 'WORKING_GROUP' });
      expect(pool.proposal).toEqual({ id: draft });
      expect(pool.signatories.map((s: any) => [s.organization.id, s.role, s.state])).toEqual([
        [steward.organizationId, 'STEWARD', 'PENDING'],
        [member.organizationId, 'CONTRIBUTOR', 'PENDING'],
      ]);
    });

    it('refuses a proposal of another kind or group (BAD_USER_INPUT proposalId), writing nothing', async () => {
      const other = await makeProposal(t, steward, group, { kind: 'FOUNDATION_MODEL' });
      const before = await count('data_pools');
      expect(refusal(await t.gql(CREATE_POOL, { input: poolInput(group, { proposalId: other }) }, steward.token))).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'PROPOSAL_NOT_DATA_POOLING',
        field: 'proposalId',
      });
      const elsewhere = (await makeGroup(t)).id;
      await seat(t, elsewhere, steward, 'MEMBER');
      const foreign = await makeProposal(t, steward, elsewhere, { kind: 'DATA_POOLING' });
      expect(refusal(await t.gql(CREATE_POOL, { input: poolInput(group, { proposalId: foreign }) }, steward.token)).field).toBe('proposalId');
      expect(await count('data_pools')).toBe(before);
    });

    it.each([
      ['confidentiality', { confidentiality: 'PUBLIC' }, 'CONFIDENTIALITY_NOT_ALLOWED'],
      ['confidentiality', { confidentiality: 'MEMBERS' }, 'CONFIDENTIALITY_NOT_ALLOWED'],
      ['terms.purposes', { terms: termsInput({ purposes: ['COMMERCIAL_PRODUCT'], commercialUse: false }) }, 'COMMERCIAL_USE_NOT_ALLOWED'],
      ['terms.purposes', { terms: termsInput({ purposes: [] }) }, undefined],
      ['terms.allowedLocations', { terms: termsInput({ allowedLocations: ['XX'] }) }, undefined],
      ['terms.retentionDays', { terms: termsInput({ retentionDays: 0 }) }, undefined],
      ['validUntil', { validUntil: '2020-01-01T00:00:00Z' }, 'VALID_UNTIL_PAST'],
      ['validUntil', { validFrom: '2099-06-01T00:00:00Z', validUntil: '2099-01-01T00:00:00Z' }, 'VALID_UNTIL_BEFORE_VALID_FROM'],
      ['title', { title: '  ' }, undefined],
      ['workingGroupId', { workingGroupId: '00000000-0000-4000-8000-000000000000' }, 'WORKING_GROUP_NOT_FOUND'],
    ])('refuses a bad %s (BAD_USER_INPUT naming it), writing nothing', async (field, overrides, reason) => {
      const before = await count('data_pools');
      const response = await t.gql(CREATE_POOL, { input: poolInput(group, overrides) }, steward.token);
      expect(refusal(response)).toMatchObject({ code: 'BAD_USER_INPUT', field, ...(reason ? { reason } : {}) });
      expect(await count('data_pools')).toBe(before);
    });

    it('refuses observers, people without a seat and a foreign steward (FORBIDDEN), and anonymous clients', async () => {
      const before = await count('data_pools');
      expect(refusal(await t.gql(CREATE_POOL, { input: poolInput(group) }, observer.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_GROUP_PARTICIPANT' });
      expect(refusal(await t.gql(CREATE_POOL, { input: poolInput(group) }, outsider.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_GROUP_PARTICIPANT' });
      expect(refusal(await t.gql(CREATE_POOL, { input: poolInput(group, { stewardOrganizationId: member.organizationId }) }, steward.token))).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NOT_OWN_ORGANIZATION',
      });
      expect(errorCode(await t.gql(CREATE_POOL, { input: poolInput(group) }))).toBe('UNAUTHENTICATED');
      expect(await count('data_pools')).toBe(before);
    });

    it('lets admins create in any group for any organisation', async () => {
      const pool = await createPool(t, admin, group, { stewardOrganizationId: member.organizationId });
      expect(pool.steward.id).toBe(member.organizationId);
      expect(pool.signatories).toEqual([expect.objectContaining({ organization: { id: member.organizationId }, role: 'STEWARD' })]);
    });
  });

  describe('confidentiality', () => {
    let parties: string;
    let workingGroup: string;
    let otherGroup: string;

    beforeAll(async () => {
      const elsewhere = (await makeGroup(t)).id;
      const stranger = await makePerson(t);
      await seat(t, elsewhere, stranger, 'CHAIR');
      parties = (await createPool(t, steward, group, { title: 'Parties only', confidentiality: 'PARTIES' })).id;
      workingGroup = (await createPool(t, steward, group, { title: 'Whole group', confidentiality: 'WORKING_GROUP' })).id;
      otherGroup = (await createPool(t, stranger, elsewhere, { title: 'Elsewhere', confidentiality: 'WORKING_GROUP' })).id;
    });

    const LISTS = `query ($group: ID!, $org: ID!) {
      dataPools(first: 100) { totalCount edges { node { id } } }
      workingGroup(id: $group) { dataPools(first: 100) { totalCount edges { node { id } } } }
      organization(id: $org) { dataPools(first: 100) { totalCount edges { node { id } } } }
    }`;

    /** Which of the three pools the viewer finds through each path, and whether the counts agree. */
    async function seenBy(viewer: Actor): Promise<Record<string, string[]>> {
      const names = new Map([
        [parties, 'parties'],
        [workingGroup, 'group'],
        [otherGroup, 'other'],
      ]);
      const pick = (ids: string[]) => ids.filter((id) => names.has(id)).map((id) => names.get(id)!).sort();
      const data = ok(await t.gql(LISTS, { group, org: steward.organizationId }, viewer.token));
      const paths: Record<string, string[]> = {};
      for (const [path, connection] of Object.entries({
        dataPools: data.dataPools,
        'WorkingGroup.dataPools': data.workingGroup.dataPools,
        'Organization.dataPools': data.organization.dataPools,
      }) as [string, any][]) {
        expect(connection.totalCount).toBe(connection.edges.length);
        paths[path] = pick(connection.edges.map((e: any) => e.node.id));
      }
      const one: string[] = [];
      for (const id of names.keys()) {
        if (ok(await t.gql(POOL, { id }, viewer.token)).dataPool) one.push(id);
      }
      paths.dataPool = pick(one);
      return paths;
    }

    const everywhere = (pools: string[], orgPools = pools.filter((p) => p !== 'other')) => ({
      dataPools: pools,
      'WorkingGroup.dataPools': pools.filter((p) => p !== 'other'),
      'Organization.dataPools': orgPools,
      dataPool: pools,
    });

    it("shows a PARTIES pool to its invited organisations' people, the group's chairs and admins", async () => {
      expect(await seenBy(steward)).toEqual(everywhere(['group', 'parties']));
      expect(await seenBy(chair)).toEqual(everywhere(['group', 'parties']));
      expect(await seenBy(admin)).toEqual(everywhere(['group', 'other', 'parties']));
    });

    it('hides it from the rest of the group, observers included, who see the WORKING_GROUP pool', async () => {
      expect(await seenBy(member)).toEqual(everywhere(['group']));
      expect(await seenBy(observer)).toEqual(everywhere(['group']));
    });

    it('hides both from people without a seat in the group', async () => {
      expect(await seenBy(outsider)).toEqual(everywhere([]));
    });

    it('decides the same for people named in SQL (personReader), as notifications and search ask it', async () => {
      const everyone = [admin, steward, member, chair, observer, outsider];
      const readers = async (poolId: string) => {
        const condition = dataPoolReadableBy(personReader(sql`p.id`, sql`p.organization_id`, sql`p.role = 'ADMIN'`), 'dp');
        const rows = await querySql<{ id: string }>(
          t.dataSource,
          sql`SELECT p.id FROM people p WHERE p.id = ANY(${everyone.map((a) => a.id)}::uuid[])
              AND EXISTS (SELECT 1 FROM data_pools dp WHERE dp.id = ${poolId}::uuid AND ${condition})`,
        );
        return rows.map((r) => r.id).sort();
      };
      expect(await readers(parties)).toEqual([admin.id, steward.id, chair.id].sort());
      expect(await readers(workingGroup)).toEqual([admin.id, steward.id, member.id, chair.id, observer.id].sort());
    });
  });
});
