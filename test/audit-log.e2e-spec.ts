import { randomUUID } from 'node:crypto';
import { generateToken, hashToken, TOKEN_PREFIX } from '@app/core';
import { PeopleService, PlatformRole } from '@app/people';
import { activePool } from './support/data-pools';
import { Actor, makeGroup, makePerson, makeProposal, moveProposal, seat } from './support/factories';
import { errorCode, ok, startTestApp, TestApp } from './support/test-app';

const ENTRY_FIELDS = 'id at action entityType entityId details actor { id name } actorOrganization { id name }';
const AUDIT_LOG = `query ($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${ENTRY_FIELDS} } }
  } }`;

interface Entry {
  id: string;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  details: string | null;
  actor: { id: string } | null;
  actorOrganization: { id: string } | null;
}

/**
 * The audit log (contract 07) end to end: entries appended by the changes themselves, read by admins newest
 * first with filters and cursors, and a table the database keeps append-only.
 */
describe('Audit log (e2e)', () => {
  let t: TestApp;
  let admin: Actor;
  let chair: Actor;
  let author: Actor;
  let group: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
    chair = await makePerson(t);
    author = await makePerson(t);
    group = (await makeGroup(t)).id;
    await seat(t, group, chair, 'CHAIR');
    await seat(t, group, author, 'MEMBER');
  });
  afterAll(() => t.close());

  async function entries(filter: Record<string, unknown>, first = 100): Promise<Entry[]> {
    const data = ok(await t.gql(AUDIT_LOG, { filter, first }, admin.token));
    return data.auditLog.edges.map((e: { node: Entry }) => e.node);
  }

  const details = (entry: Entry) => JSON.parse(entry.details ?? 'null');

  it('records a proposal state change, its actor and their organisation', async () => {
    const proposal = await makeProposal(t, author, group);
    await moveProposal(t, proposal, 'SUBMITTED', { author, manager: chair });
    const found = await entries({ entityType: 'Proposal', entityId: proposal });
    expect(found.map((e) => e.action)).toEqual(['PROPOSAL_STATE_CHANGED', 'PROPOSAL_CREATED']);
    const [changed] = found;
    expect(changed).toMatchObject({ entityId: proposal, actor: { id: author.id }, actorOrganization: { id: author.organizationId } });
    expect(details(changed)).toMatchObject({ fromState: 'DRAFT', toState: 'SUBMITTED', workingGroupId: group });
    expect(details(changed)).not.toHaveProperty('proposalId');
  });

  it('records an application accepted, the seat it gave and seat and role changes', async () => {
    const applicant = await makePerson(t);
    const submitted = ok(
      await t.gql(
        `mutation ($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`,
        { input: { workingGroupId: group, organizationId: applicant.organizationId, motivation: 'We build perception stacks' } },
        applicant.token,
      ),
    ).submitApplication;
    for (const state of ['UNDER_REVIEW', 'ACCEPTED']) {
      ok(await t.gql(`mutation ($id: ID!, $state: ApplicationState!) { changeApplicationState(id: $id, state: $state) { state } }`, { id: submitted.id, state }, chair.token));
    }
    const application = await entries({ entityType: 'Application', entityId: submitted.id });
    expect(application.map((e) => [e.action, details(e).toState ?? null])).toEqual([
      ['APPLICATION_STATE_CHANGED', 'ACCEPTED'],
      ['APPLICATION_STATE_CHANGED', 'UNDER_REVIEW'],
      ['APPLICATION_SUBMITTED', null],
    ]);

    const seated = await entries({ action: 'SEAT_CHANGED', actorId: chair.id });
    expect(seated).toHaveLength(1);
    expect(seated[0]).toMatchObject({ entityType: 'Seat', actorOrganization: { id: chair.organizationId } });
    expect(details(seated[0])).toMatchObject({ personId: applicant.id, workingGroupId: group, fromRole: null, toRole: 'MEMBER' });

    const SET_ROLE = `mutation ($g: ID!, $p: ID!, $role: ParticipantRole!) { setParticipantRole(workingGroupId: $g, personId: $p, role: $role) { role } }`;
    ok(await t.gql(SET_ROLE, { g: group, p: applicant.id, role: 'SECRETARY' }, chair.token));
    const [role] = await entries({ action: 'ROLE_CHANGED', entityId: applicant.id });
    expect(role).toMatchObject({ entityType: 'Person', actor: { id: chair.id } });
    expect(details(role)).toMatchObject({ workingGroupId: group, seatId: seated[0].entityId, fromRole: 'MEMBER', toRole: 'SECRETARY' });

    ok(await t.gql(`mutation ($g: ID!, $p: ID!) { removeParticipant(workingGroupId: $g, personId: $p) }`, { g: group, p: applicant.id }, chair.token));
    const ended = await entries({ action: 'SEAT_CHANGED', entityId: seated[0].entityId });
    expect(ended.map((e) => [details(e).fromRole, details(e).toRole])).toEqual([
      ['SECRETARY', null],
      [null, 'MEMBER'],
    ]);
  });

  it("records a platform role set by the CLI, attributed to the person's organisation", async () => {
    const person = await makePerson(t);
    await t.app.get(PeopleService).setRole(person.id, PlatformRole.ADMIN);
    const [entry] = await entries({ action: 'ROLE_CHANGED', entityId: person.id });
    expect(entry).toMatchObject({ entityType: 'Person', actor: null, actorOrganization: { id: person.organizationId } });
    expect(details(entry)).toMatchObject({ workingGroupId: null, fromRole: 'MEMBER', toRole: 'ADMIN' });
  });

  it('records each data pool signature with the organisation that signed', async () => {
    const steward = await makePerson(t);
    const host = await makePerson(t);
    await seat(t, group, steward, 'MEMBER');
    const pool = await activePool(t, steward, group, [[host, 'HOST']]);
    const signed = await entries({ entityType: 'DataPool', entityId: pool.id, action: 'DATA_POOL_SIGNED' });
    expect(signed.map((e) => e.actor!.id)).toEqual([host.id, steward.id]);
    expect(signed.map((e) => details(e).organizationId)).toEqual([host.organizationId, steward.organizationId]);
    expect(details(signed[0])).toMatchObject({ role: 'HOST', termsVersion: 1 });
    expect(signed[0].actorOrganization).toEqual(expect.objectContaining({ id: host.organizationId }));
  });

  it('records a sign-in, without the token', async () => {
    const person = await makePerson(t);
    const token = generateToken(TOKEN_PREFIX.signInLink);
    await t.dataSource.query(`INSERT INTO sign_in_links (id, person_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '10 minutes')`, [
      randomUUID(),
      person.id,
      hashToken(token),
    ]);
    const session = ok(await t.gql(`mutation ($token: String!) { signIn(token: $token) { token } }`, { token })).signIn;
    const [entry] = await entries({ actorId: person.id, action: 'SIGNED_IN' });
    expect(entry).toMatchObject({ entityType: 'Person', entityId: person.id, actorOrganization: { id: person.organizationId } });
    expect(details(entry)).toMatchObject({ method: 'SIGN_IN_LINK' });
    const [row] = await t.dataSource.query(`SELECT details::text AS details FROM audit_log WHERE id = $1`, [entry.id]);
    expect(row.details).not.toContain(token);
    expect(row.details).not.toContain(session.token);
    expect(row.details).not.toContain(hashToken(token));
  });

  it('records an export', async () => {
    const steward = await makePerson(t);
    await seat(t, group, steward, 'MEMBER');
    const pool = await activePool(t, steward, group, []);
    const file = ok(
      await t.gql(`mutation ($id: ID!) { exportDataPool(poolId: $id, format: DCAT_AP_JSONLD) { id format filename url sha256 } }`, { id: pool.id }, steward.token),
    ).exportDataPool;
    const [entry] = await entries({ action: 'EXPORT_CREATED', entityId: file.id });
    expect(entry).toMatchObject({ entityType: 'Export', actor: { id: steward.id } });
    expect(details(entry)).toMatchObject({ dataPoolId: pool.id, meetingId: null, format: file.format, filename: file.filename, sha256: file.sha256 });
    expect(entry.details).not.toContain(new URL(file.url).search.slice(1));
  });

  it('is for admins only', async () => {
    const response = await t.gql(AUDIT_LOG, {}, chair.token);
    expect(errorCode(response)).toBe('FORBIDDEN');
    expect(response.data).toBeNull();
  });

  it('refuses malformed filters and cursors as BAD_USER_INPUT', async () => {
    expect(errorCode(await t.gql(AUDIT_LOG, { filter: { actorId: 'nobody' } }, admin.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(AUDIT_LOG, { after: Buffer.from('["x"]').toString('base64url') }, admin.token))).toBe('BAD_USER_INPUT');
  });

  it('pages newest first with cursors, and filters by organisation, action and time', async () => {
    const person = await makePerson(t);
    const firstId = randomUUID();
    const before = new Date(Date.now() - 1000).toISOString();
    const drafts: string[] = [];
    for (let i = 0; i < 5; i++) drafts.push(await makeProposal(t, chair, group, { title: `Paging ${i} ${firstId}` }));
    const filter = { organizationId: chair.organizationId, action: 'PROPOSAL_CREATED', from: before };
    const all = await entries(filter);
    expect(all.map((e) => e.entityId)).toEqual([...drafts].reverse());
    expect(all.every((e) => e.actorOrganization?.id === chair.organizationId)).toBe(true);

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: any = ok(await t.gql(AUDIT_LOG, { filter, first: 2, after }, admin.token));
      expect(data.auditLog.totalCount).toBe(5);
      seen.push(...data.auditLog.edges.map((e: { node: Entry }) => e.node.entityId));
      if (!data.auditLog.pageInfo.hasNextPage) break;
      after = data.auditLog.pageInfo.endCursor;
    }
    expect(seen).toEqual([...drafts].reverse());

    expect(await entries({ ...filter, to: before })).toEqual([]);
    expect(await entries({ actorId: person.id })).toEqual([]);
    // At most 100 per page, however many are asked for.
    const big = ok(await t.gql(AUDIT_LOG, { first: 500 }, admin.token));
    expect(big.auditLog.edges.length).toBeLessThanOrEqual(100);
  });

  describe('the table', () => {
    it('refuses UPDATE, DELETE and TRUNCATE', async () => {
      await expect(t.dataSource.query(`UPDATE audit_log SET details = NULL`)).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n).toBeGreaterThan(0);
    });

    it("allows an UPDATE in a transaction that ran SET LOCAL ecava.erasure = 'on', and only there", async () => {
      const [{ id }] = await t.dataSource.query(`SELECT id::text FROM audit_log WHERE actor_id = $1 ORDER BY id LIMIT 1`, [author.id]);
      await t.dataSource.transaction(async (em) => {
        await em.query(`SET LOCAL ecava.erasure = 'on'`);
        await em.query(`UPDATE audit_log SET details = '{"erased":true}' WHERE id = $1`, [id]);
      });
      const [row] = await t.dataSource.query(`SELECT details FROM audit_log WHERE id = $1`, [id]);
      expect(row.details).toEqual({ erased: true });
      // The setting ended with its transaction.
      await expect(t.dataSource.query(`UPDATE audit_log SET details = NULL WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    });
  });

  it('reads a page, its actors and their organisations in as many statements for 2 entries as for 50', async () => {
    const statementsFor = async (first: number) => {
      const query = `{ auditLog(first: ${first}) { edges { node { ${ENTRY_FIELDS} } } } }`;
      ok(await t.gql(query, {}, admin.token));
      const { result, statements } = await t.counter.measure(() => t.gql(query, {}, admin.token));
      expect(ok(result).auditLog.edges).toHaveLength(first);
      return statements.length;
    };
    // Entries by 25 more people of as many organisations: a page of 50 names many actors.
    const people = await Promise.all(Array.from({ length: 25 }, () => makePerson(t)));
    for (const person of people) await seat(t, group, person, 'MEMBER');
    for (const person of people) await makeProposal(t, person, group);
    expect(await statementsFor(50)).toBe(await statementsFor(2));
  });
});
