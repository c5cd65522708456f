import { ParsedMail } from 'mailparser';
import { DataPoolExpiry } from '@app/data-pools';
import { DataPoolExpiryReminders } from '@app/notifications';
import { termsInput } from './support/data-pools';
import { Actor, makeGroup, makePerson, seat } from './support/factories';
import { SmtpSink, startSmtpSink } from './support/smtp-sink';
import { ok, queuesSettled, startTestApp, TestApp } from './support/test-app';

const POOL_FIELDS = 'id state termsVersion version';
const CREATE = `mutation ($input: CreateDataPoolInput!) { createDataPool(input: $input) { ${POOL_FIELDS} } }`;
const INVITE = `mutation ($pool: ID!, $org: ID!, $role: DataPoolRole!) { inviteToDataPool(poolId: $pool, organizationId: $org, role: $role) { ${POOL_FIELDS} } }`;
const SIGN = `mutation ($pool: ID!, $org: ID!, $v: Int!) { signDataPool(poolId: $pool, organizationId: $org, termsVersion: $v) { ${POOL_FIELDS} } }`;
const WITHDRAW = `mutation ($pool: ID!, $org: ID!) { withdrawFromDataPool(poolId: $pool, organizationId: $org) { ${POOL_FIELDS} } }`;
const STATE = `mutation ($id: ID!, $state: DataPoolState!, $note: String) { changeDataPoolState(id: $id, state: $state, note: $note) { ${POOL_FIELDS} } }`;
const TERMS = `mutation ($id: ID!, $v: Int!, $terms: UsageTermsInput!, $validUntil: DateTime) {
  updateDataPoolTerms(id: $id, expectedVersion: $v, terms: $terms, validUntil: $validUntil) { ${POOL_FIELDS} } }`;
const REQUEST = `mutation ($pool: ID!, $org: ID!, $purpose: UsagePurpose!, $why: String!) {
  requestDataAccess(poolId: $pool, organizationId: $org, purpose: $purpose, justification: $why) { id state } }`;
const DECIDE = `mutation ($id: ID!, $state: AccessRequestState!, $note: String, $expiresAt: DateTime) {
  changeDataAccessRequestState(id: $id, state: $state, note: $note, expiresAt: $expiresAt) { id state } }`;
const PREFERENCES = `mutation ($preferences: [NotificationPreferenceInput!]!) { updateNotificationPreferences(preferences: $preferences) { category mode } }`;
const FEED = `{ myNotifications(first: 50) { edges { node { category type title link emailStatus } } } }`;

/** Research and training in Germany and Finland. */
const TERMS_V1 = termsInput({ allowedLocations: ['DE', 'FI'] });

interface Row {
  id: string;
  person_id: string;
  type: string;
  title: string;
  link: string;
  data: Record<string, unknown>;
  email_mode: string;
  email_status: string;
}

// Waits for the worker and the SMTP sink.
jest.setTimeout(90_000);

/**
 * Data-pool notifications (category DATA_POOLS, immediate by default): invitations, terms to sign again,
 * the pool going active, suspended, closed or expired, access requested (the steward's people) and decided
 * (the requester), and the 30- and 7-day expiry reminders at 08:00 local — each only to people who may read
 * the pool by the pools' own read rule, in EN and DE.
 */
describe('Data pool notifications (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let group: string;
  /** The steward: an English and a German person (Berlin). */
  let steward: Actor;
  let stewardColleague: Actor;
  /** A contributor: an English person (New York) and a German one. */
  let contributor: Actor;
  let contributorColleague: Actor;
  /** The AI factory hosting the data, and a user that asks for access. */
  let host: Actor;
  let user: Actor;
  /** Seated in the group, invited to nothing. */
  let bystander: Actor;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, RUN_WORKER: 'true' });
    steward = await makePerson(t, { name: 'Stella Steward' });
    stewardColleague = await makePerson(t, {
      organizationId: steward.organizationId,
      name: 'Stefan Treuhand',
    });
    contributor = await makePerson(t, { name: 'Cora Contributor' });
    contributorColleague = await makePerson(t, {
      organizationId: contributor.organizationId,
      name: 'Conrad Datengeber',
    });
    host = await makePerson(t, { name: 'Hanna Host' });
    user = await makePerson(t, { name: 'Uma User' });
    bystander = await makePerson(t, { name: 'Bob Bystander' });
    group = (await makeGroup(t)).id;
    for (const person of [steward, contributor, host, user, bystander]) await seat(t, group, person, 'MEMBER');
    await t.dataSource.query(`UPDATE people SET locale = 'DE', timezone = 'Europe/Berlin' WHERE id = ANY($1)`, [
      [stewardColleague.id, contributorColleague.id],
    ]);
    await t.dataSource.query(`UPDATE people SET timezone = 'Europe/Berlin' WHERE id = $1`, [steward.id]);
    await t.dataSource.query(`UPDATE people SET timezone = 'America/New_York' WHERE id = $1`, [contributor.id]);
    await t.dataSource.query(`UPDATE people SET timezone = 'UTC' WHERE id = ANY($1)`, [[host.id, user.id]]);
    await t.dataSource.query(`UPDATE organizations SET name = 'Autobauer Nord AG' WHERE id = $1`, [steward.organizationId]);
    await t.dataSource.query(`UPDATE organizations SET name = 'Sensor Supplier GmbH' WHERE id = $1`, [contributor.organizationId]);
    await t.dataSource.query(`UPDATE organizations SET name = 'HammerHAI Factory' WHERE id = $1`, [host.organizationId]);
    await t.dataSource.query(`UPDATE organizations SET name = 'Foundation Model Lab' WHERE id = $1`, [user.organizationId]);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const settled = () => queuesSettled(t);

  async function notifications(type: string, poolId: string): Promise<Row[]> {
    await settled();
    return t.dataSource.query(`SELECT * FROM notifications WHERE type = $1 AND data->>'poolId' = $2 ORDER BY person_id, created_at`, [type, poolId]);
  }
  const recipients = (rows: Row[]) => rows.map((r) => r.person_id).sort();
  const ids = (...people: Actor[]) => people.map((p) => p.id).sort();
  const to = (mail: ParsedMail) => (mail.to as { text: string }).text;
  const mailsTo = (person: Actor, subject: RegExp) => smtp.messages.filter((m) => to(m) === person.email && subject.test(m.subject ?? ''));
  async function mailTo(person: Actor, subject: RegExp): Promise<ParsedMail> {
    await smtp.waitFor(() => mailsTo(person, subject).length > 0);
    return mailsTo(person, subject)[0];
  }

  /** A pool of `steward`'s organisation with the others invited (none signed), OPEN_FOR_SIGNATURE unless `draft`. */
  async function makePool(
    title: string,
    options: {
      confidentiality?: string;
      validUntil?: string;
      invite?: [Actor, string][];
      draft?: boolean;
    } = {},
  ): Promise<{ id: string; termsVersion: number; version: number }> {
    const input = {
      workingGroupId: group,
      title,
      purpose: 'Pool driving data for a foundation model',
      confidentiality: options.confidentiality ?? 'PARTIES',
      terms: TERMS_V1,
      validUntil: options.validUntil,
    };
    let pool = ok(await t.gql(CREATE, { input }, steward.token)).createDataPool;
    for (const [actor, role] of options.invite ?? [])
      pool = ok(await t.gql(INVITE, { pool: pool.id, org: actor.organizationId, role }, steward.token)).inviteToDataPool;
    if (!options.draft) pool = ok(await t.gql(STATE, { id: pool.id, state: 'OPEN_FOR_SIGNATURE' }, steward.token)).changeDataPoolState;
    return pool;
  }

  /** `actor` asks, for the user organisation, to use the pool for `purpose`. */
  async function requestAccess(actor: Actor, poolId: string, purpose: string, why: string): Promise<{ id: string }> {
    return ok(await t.gql(REQUEST, { pool: poolId, org: user.organizationId, purpose, why }, actor.token)).requestDataAccess;
  }

  /** Every party signs the current version; returns the pool as the last signature left it. */
  async function signAll(poolId: string, parties: Actor[], termsVersion: number) {
    let pool;
    for (const party of parties) pool = ok(await t.gql(SIGN, { pool: poolId, org: party.organizationId, v: termsVersion }, party.token)).signDataPool;
    return pool;
  }

  /** An ACTIVE pool: steward, contributor and host signed; `user` invited as USER and signed. */
  async function activePool(title: string, options: { validUntil?: string } = {}) {
    const pool = await makePool(title, {
      ...options,
      invite: [
        [contributor, 'CONTRIBUTOR'],
        [host, 'HOST'],
        [user, 'USER'],
      ],
    });
    await signAll(pool.id, [steward, contributor, host, user], pool.termsVersion);
    return ok(await t.gql(STATE, { id: pool.id, state: 'ACTIVE' }, steward.token)).changeDataPoolState as {
      id: string;
      termsVersion: number;
      version: number;
    };
  }

  describe('invitations and terms', () => {
    it("tells the invited organisation's people at once, in their language, and nobody else", async () => {
      // Invited while a draft, and told so before it opens.
      const pool = await makePool('Highway lidar pool', { invite: [[contributor, 'CONTRIBUTOR']], draft: true });
      const rows = await notifications('data_pool.invited', pool.id);
      expect(recipients(rows)).toEqual(ids(contributor, contributorColleague));
      for (const row of rows) {
        expect(row).toMatchObject({
          link: `/data-pools/${pool.id}`,
          email_mode: 'IMMEDIATE',
        });
        expect(row.data).toMatchObject({
          poolTitle: 'Highway lidar pool',
          organizationName: 'Sensor Supplier GmbH',
          roleCode: 'CONTRIBUTOR',
          role: row.person_id === contributor.id ? 'contributor' : 'Datengeber',
          termsVersion: 1,
        });
      }
      const english = await mailTo(contributor, /invited to the data pool/);
      expect(english.subject).toBe('Sensor Supplier GmbH is invited to the data pool "Highway lidar pool"');
      expect(english.text).toContain('Autobauer Nord AG invites Sensor Supplier GmbH to the data pool "Highway lidar pool"');
      expect(english.text).toContain('as contributor. The pool is still a draft: you will be told when its terms are open for signature.');
      expect(english.text).toContain(`https://wg.ecava.test/data-pools/${pool.id}`);
      expect(english.text).toContain('Stop emails about data pools');
      expect(english.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toContain('List-Unsubscribe=One-Click');
      const german = await mailTo(contributorColleague, /eingeladen/);
      expect(german.subject).toBe('Sensor Supplier GmbH ist zum Datenpool „Highway lidar pool“ eingeladen');
      expect(german.text).toContain('als Datengeber zum Datenpool „Highway lidar pool“');
      expect(german.text).toContain('Keine E-Mails mehr zu Datenpools');
      const feed = ok(await t.gql(FEED, {}, contributorColleague.token)).myNotifications.edges.map((e: { node: unknown }) => e.node);
      expect(feed).toContainEqual({
        category: 'DATA_POOLS',
        type: 'data_pool.invited',
        title: 'Sensor Supplier GmbH ist zum Datenpool „Highway lidar pool“ eingeladen',
        link: `/data-pools/${pool.id}`,
        emailStatus: 'SENT',
      });
      // The steward's people invited them; the group's other members do not see a PARTIES pool at all.
      expect(mailsTo(bystander, /Highway lidar pool/)).toEqual([]);
      expect(mailsTo(stewardColleague, /invited/)).toEqual([]);

      // Opened for signature: every party's people but the steward who opened it, asked to sign.
      ok(await t.gql(STATE, { id: pool.id, state: 'OPEN_FOR_SIGNATURE' }, steward.token));
      const opened = await notifications('data_pool.opened', pool.id);
      expect(recipients(opened)).toEqual(ids(stewardColleague, contributor, contributorColleague));
      const [digest] = await t.dataSource.query(`SELECT terms_digest FROM data_pools WHERE id = $1`, [pool.id]);
      const open = await mailTo(contributor, /^The terms of "Highway lidar pool" are open for signature$/);
      expect(open.text).toContain(`read version 1 of its usage terms (SHA-256 ${digest.terms_digest as string}) and sign them for your organisation.`);
      expect((await mailTo(stewardColleague, /zur Unterzeichnung offen/)).subject).toBe(
        'Die Bedingungen von „Highway lidar pool“ sind zur Unterzeichnung offen',
      );
      expect(mailsTo(bystander, /./).filter((m) => /Highway lidar pool/.test(m.subject ?? ''))).toEqual([]);
    });

    it('asks an organisation invited to an open pool to sign at once', async () => {
      const pool = await makePool('Open invitation pool');
      ok(await t.gql(INVITE, { pool: pool.id, org: host.organizationId, role: 'HOST' }, steward.token));
      const [row] = await notifications('data_pool.invited', pool.id);
      expect(row.person_id).toBe(host.id);
      const mail = await mailTo(host, /^HammerHAI Factory is invited to the data pool "Open invitation pool"$/);
      expect(mail.text).toContain('as host. Read the usage terms (version 1) and sign them for your organisation, or withdraw.');
    });

    it('asks every signatory that has not withdrawn to sign again when the terms change, naming the new version', async () => {
      const pool = await activePool('Urban radar pool');
      ok(await t.gql(WITHDRAW, { pool: pool.id, org: user.organizationId }, user.token));
      const changed = ok(
        await t.gql(
          TERMS,
          {
            id: pool.id,
            v: (await current(pool.id)).version,
            terms: { ...TERMS_V1, retentionDays: 180 },
          },
          steward.token,
        ),
      ).updateDataPoolTerms;
      expect(changed).toMatchObject({
        termsVersion: 2,
        state: 'OPEN_FOR_SIGNATURE',
      });
      const rows = await notifications('data_pool.terms_changed', pool.id);
      // The steward who changed them is not told; the user organisation withdrew.
      expect(recipients(rows)).toEqual(ids(stewardColleague, contributor, contributorColleague, host));
      const [digest] = await t.dataSource.query(`SELECT terms_digest FROM data_pools WHERE id = $1`, [pool.id]);
      const mail = await mailTo(host, /^New terms for "Urban radar pool"/);
      expect(mail.subject).toBe('New terms for "Urban radar pool": please sign version 2');
      expect(mail.text).toContain(`changed to version 2 (SHA-256 ${digest.terms_digest as string})`);
      const german = await mailTo(stewardColleague, /Neue Bedingungen/);
      expect(german.subject).toBe('Neue Bedingungen für „Urban radar pool“: bitte Version 2 unterzeichnen');
      expect(mailsTo(user, /New terms/)).toEqual([]);
    });
  });

  describe('state changes', () => {
    it('tells the signatories when the pool goes active, is suspended (with the note) and closed', async () => {
      const pool = await activePool('Parking scenarios pool');
      const active = await notifications('data_pool.activated', pool.id);
      expect(recipients(active)).toEqual(ids(stewardColleague, contributor, contributorColleague, host, user));
      expect((await mailTo(user, /^The data pool "Parking scenarios pool" is active/)).subject).toBe('The data pool "Parking scenarios pool" is active');

      ok(
        await t.gql(
          STATE,
          {
            id: pool.id,
            state: 'SUSPENDED',
            note: 'Audit of the host until Friday.',
          },
          stewardColleague.token,
        ),
      );
      const suspended = await notifications('data_pool.suspended', pool.id);
      expect(recipients(suspended)).toEqual(ids(steward, contributor, contributorColleague, host, user));
      const mail = await mailTo(contributorColleague, /ausgesetzt/);
      expect(mail.subject).toBe('Der Datenpool „Parking scenarios pool“ ist ausgesetzt');
      expect(mail.text).toContain('Anmerkung: Audit of the host until Friday.');

      ok(await t.gql(STATE, { id: pool.id, state: 'CLOSED' }, steward.token));
      expect(recipients(await notifications('data_pool.closed', pool.id))).toEqual(ids(stewardColleague, contributor, contributorColleague, host, user));
      expect(mailsTo(bystander, /Parking scenarios pool/)).toEqual([]);
    });

    it('tells the other parties when a new host sends an ACTIVE pool back to signing, and asks the host to sign', async () => {
      const pool = await activePool('Growing pool');
      const newHost = await makePerson(t, { name: 'Nina Newhost' });
      await settled();
      ok(await t.gql(INVITE, { pool: pool.id, org: newHost.organizationId, role: 'HOST' }, steward.token));
      const invited = (await notifications('data_pool.invited', pool.id)).filter((r) => r.data.organizationId === newHost.organizationId);
      expect(recipients(invited)).toEqual(ids(newHost));
      expect((await mailTo(newHost, /is invited to the data pool "Growing pool"/)).text).toContain('Read the usage terms (version 1) and sign them');
      const reopened = await notifications('data_pool.reopened', pool.id);
      expect(recipients(reopened)).toEqual(ids(stewardColleague, contributor, contributorColleague, host, user));
      const mail = await mailTo(user, /^The data pool "Growing pool" waits for a new party to sign$/);
      expect(mail.text).toContain('was invited to the data pool "Growing pool" as host: the pool is open for signature again');
      // A user invited to an ACTIVE pool changes nothing for the others.
      const newUser = await makePerson(t);
      ok(await t.gql(INVITE, { pool: pool.id, org: newUser.organizationId, role: 'USER' }, steward.token));
      await settled();
      expect(await notifications('data_pool.reopened', pool.id)).toHaveLength(5);
    });

    it('tells every signatory that has not withdrawn when the platform marks the pool expired, naming its end', async () => {
      const pool = await activePool('Expiring pool', { validUntil: '2031-01-10T10:00:00Z' });
      const expiry = t.app.get(DataPoolExpiry);
      expect((await expiry.run(new Date('2031-01-10T09:55:00Z'))).pools).toBe(0);
      await settled();
      expect(await notifications('data_pool.expired', pool.id)).toEqual([]);
      expect((await expiry.run(new Date('2031-01-10T10:05:00Z'))).pools).toBe(1);
      const rows = await notifications('data_pool.expired', pool.id);
      // The platform did it: the steward's own people hear it too.
      expect(recipients(rows)).toEqual(ids(steward, stewardColleague, contributor, contributorColleague, host, user));
      const mail = await mailTo(host, /^The data pool "Expiring pool" has expired/);
      expect(mail.text).toContain('reached the end of its validity (10 January 2031) and has expired.');
      const german = await mailTo(stewardColleague, /^Der Datenpool „Expiring pool“ ist abgelaufen/);
      expect(german.text).toContain('Ende seiner Gültigkeit (10. Januar 2031)');
    });

    it('tells nobody of a refused change: nothing is queued when activation is refused', async () => {
      const pool = await makePool('Unsigned pool', { invite: [[contributor, 'CONTRIBUTOR']] });
      await signAll(pool.id, [steward], pool.termsVersion);
      const refused = await t.gql(STATE, { id: pool.id, state: 'ACTIVE' }, steward.token);
      expect(refused.errors?.[0].extensions.code).toBe('CONFLICT');
      await settled();
      const rows: { n: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM notifications WHERE data->>'poolId' = $1 AND type NOT IN ('data_pool.invited', 'data_pool.opened')`,
        [pool.id],
      );
      expect(rows[0].n).toBe(0);
    });

    it('sends nothing when the person turned DATA_POOLS off, and keeps the feed entry', async () => {
      ok(await t.gql(PREFERENCES, { preferences: [{ category: 'DATA_POOLS', mode: 'OFF' }] }, host.token));
      const pool = await makePool('Silent pool', { invite: [[host, 'HOST']] });
      const [row] = await notifications('data_pool.invited', pool.id);
      expect(row).toMatchObject({
        person_id: host.id,
        email_mode: 'OFF',
        email_status: 'SUPPRESSED',
      });
      expect(mailsTo(host, /Silent pool/)).toEqual([]);
      ok(await t.gql(PREFERENCES, { preferences: [{ category: 'DATA_POOLS', mode: 'IMMEDIATE' }] }, host.token));
    });
  });

  describe('access requests', () => {
    it("tells the steward's people of a request, and the requester of the decision with its end or note", async () => {
      const pool = await activePool('Night driving pool');
      const request = await requestAccess(user, pool.id, 'MODEL_TRAINING', 'Pre-training a perception backbone.');
      const asked = await notifications('data_pool.access_requested', pool.id);
      expect(recipients(asked)).toEqual(ids(steward, stewardColleague));
      const english = await mailTo(steward, /requests access/);
      expect(english.subject).toBe('Foundation Model Lab requests access to "Night driving pool"');
      expect(english.text).toContain(
        'Uma User of Foundation Model Lab asks to use the data pool "Night driving pool" for model training: Pre-training a perception backbone.',
      );
      const german = await mailTo(stewardColleague, /beantragt Zugang/);
      expect(german.text).toContain('für Modelltraining nutzen');

      ok(
        await t.gql(
          DECIDE,
          {
            id: request.id,
            state: 'APPROVED',
            expiresAt: '2031-03-31T12:00:00Z',
          },
          stewardColleague.token,
        ),
      );
      const approved = await notifications('data_pool.access_approved', pool.id);
      expect(recipients(approved)).toEqual(ids(user));
      const mail = await mailTo(user, /approved/);
      expect(mail.subject).toBe('Access to "Night driving pool" approved');
      expect(mail.text).toContain('for model training was approved until 31 March 2031.');

      ok(
        await t.gql(
          DECIDE,
          {
            id: request.id,
            state: 'REVOKED',
            note: 'The host reported misuse.',
          },
          steward.token,
        ),
      );
      expect(recipients(await notifications('data_pool.access_revoked', pool.id))).toEqual(ids(user));
      expect((await mailTo(user, /revoked/)).text).toContain('Note: The host reported misuse.');
      // Only the requester: neither the other signatories nor the bystander.
      expect(smtp.messages.filter((m) => to(m) !== user.email && /^Access to "Night driving pool"/.test(m.subject ?? ''))).toEqual([]);
    });

    it('tells the requester when an approval reaches its end, but not when it ends with the pool', async () => {
      const pool = await activePool('Approval end pool', { validUntil: '2032-12-31T12:00:00Z' });
      const request = await requestAccess(user, pool.id, 'RESEARCH', 'A one-year study.');
      ok(await t.gql(DECIDE, { id: request.id, state: 'APPROVED', expiresAt: '2032-06-30T12:00:00Z' }, steward.token));
      const expiry = t.app.get(DataPoolExpiry);
      expect((await expiry.run(new Date('2032-06-30T12:05:00Z'))).approvals).toBe(1);
      const rows = await notifications('data_pool.access_expired', pool.id);
      expect(recipients(rows)).toEqual(ids(user));
      const mail = await mailTo(user, /^Access to "Approval end pool" expired/);
      expect(mail.text).toContain('for research ended on 30 June 2032. To go on using the data, request access again.');

      // A second approval that ends with its pool: the pool's expiry says it all.
      const second = await requestAccess(user, pool.id, 'MODEL_TRAINING', 'Training after the study.');
      ok(await t.gql(DECIDE, { id: second.id, state: 'APPROVED' }, steward.token));
      expect(await expiry.run(new Date('2032-12-31T12:05:00Z'))).toEqual({ pools: 1, approvals: 1 });
      await settled();
      expect(await notifications('data_pool.access_expired', pool.id)).toHaveLength(1);
      expect(recipients(await notifications('data_pool.expired', pool.id))).toContain(user.id);
    });

    it('tells a requester of a rejection only while they may still read the pool', async () => {
      const pool = await activePool('Confidential CAN bus pool');
      const request = await requestAccess(user, pool.id, 'RESEARCH', 'Fault detection study.');
      const other = await makePerson(t, {
        organizationId: user.organizationId,
        name: 'Otto Other',
      });
      const second = await requestAccess(other, pool.id, 'MODEL_TRAINING', 'Second purpose.');
      // Otto leaves for an organisation that is not a party: the PARTIES pool is no longer his to read.
      const elsewhere = await makePerson(t);
      await t.dataSource.query(`UPDATE people SET organization_id = $2 WHERE id = $1`, [other.id, elsewhere.organizationId]);
      ok(await t.gql(DECIDE, { id: request.id, state: 'REJECTED', note: 'Out of scope.' }, steward.token));
      ok(await t.gql(DECIDE, { id: second.id, state: 'REJECTED', note: 'Out of scope.' }, steward.token));
      const rows = await notifications('data_pool.access_rejected', pool.id);
      expect(recipients(rows)).toEqual(ids(user));
      expect((await mailTo(user, /rejected/)).text).toContain('Note: Out of scope.');
      expect(smtp.messages.filter((m) => to(m) === other.email)).toEqual([]);
    });
  });

  describe('expiry reminders', () => {
    /**
     * A pool created through the API, its parties and state written directly (set-up; the mutations that get
     * a pool there have their own tests): steward, contributor and host SIGNED, user as given.
     */
    async function runningPool(title: string, validUntil: string, options: { state?: string; userState?: string } = {}): Promise<{ id: string }> {
      const pool = ok(
        await t.gql(
          CREATE,
          {
            input: {
              workingGroupId: group,
              title,
              purpose: 'Expiry',
              confidentiality: 'PARTIES',
              terms: TERMS_V1,
              validUntil,
            },
          },
          steward.token,
        ),
      ).createDataPool;
      await t.dataSource.query(
        `INSERT INTO data_pool_signatories (pool_id, organization_id, role, state, invited_by_id)
         SELECT $1, o.id, o.role, o.state, $2 FROM unnest($3::uuid[], $4::text[], $5::text[]) AS o(id, role, state)`,
        [
          pool.id,
          steward.id,
          [contributor.organizationId, host.organizationId, user.organizationId],
          ['CONTRIBUTOR', 'HOST', 'USER'],
          ['SIGNED', 'SIGNED', options.userState ?? 'SIGNED'],
        ],
      );
      await t.dataSource.query(`UPDATE data_pool_signatories SET state = 'SIGNED' WHERE pool_id = $1 AND organization_id = $2`, [
        pool.id,
        steward.organizationId,
      ]);
      await t.dataSource.query(`UPDATE data_pools SET state = $2 WHERE id = $1`, [pool.id, options.state ?? 'ACTIVE']);
      return pool;
    }

    it('reminds the signatories 30 and 7 days before, at 08:00 in each one’s zone across the change to summer time, once each', async () => {
      // Ends Tuesday 20 April 2027, 12:00 in Berlin (CEST). Thirty days before is Sunday 21 March, still CET in
      // Berlin (08:00 = 07:00 UTC) but already EDT in New York (08:00 = 12:00 UTC); seven days before, both are
      // on summer time (Berlin 06:00 UTC, New York 12:00 UTC). Host and user read UTC.
      const pool = await runningPool('Winter testing pool', '2027-04-20T10:00:00Z');
      const reminders = t.app.get(DataPoolExpiryReminders);
      const dueIn = async (asOf: string) => {
        await reminders.runPass(new Date(asOf));
        const rows = await notifications('data_pool.expiry_reminder', pool.id);
        return rows.map((r) => `${r.person_id}:${String(r.data.lead)}`).sort();
      };
      const keys = (lead: number, ...people: Actor[]) => people.map((p) => `${p.id}:${lead}`);
      const berlin = [steward, stewardColleague, contributorColleague];
      expect(await dueIn('2027-03-21T06:59:00Z')).toEqual([]);
      expect(await dueIn('2027-03-21T07:00:00Z')).toEqual(keys(30, ...berlin).sort());
      expect(await dueIn('2027-03-21T08:00:00Z')).toEqual(keys(30, ...berlin, host, user).sort());
      expect(await dueIn('2027-03-21T11:59:00Z')).toHaveLength(5);
      expect(await dueIn('2027-03-21T12:00:00Z')).toEqual(keys(30, ...berlin, host, user, contributor).sort());
      // Later passes and a second worker's overlapping pass add nothing.
      const overlapping = await Promise.all([reminders.runPass(new Date('2027-03-25T09:00:00Z')), reminders.runPass(new Date('2027-03-25T09:00:00Z'))]);
      expect(overlapping).toEqual([0, 0]);
      expect(await dueIn('2027-04-13T05:59:00Z')).toHaveLength(6);
      // Seven days before: 08:00 CEST is 06:00 UTC in Berlin.
      expect(await dueIn('2027-04-13T06:00:00Z')).toEqual([...keys(30, ...berlin, host, user, contributor), ...keys(7, ...berlin)].sort());
      expect(await dueIn('2027-04-13T12:00:00Z')).toHaveLength(12);
      expect(await dueIn('2027-04-19T12:00:00Z')).toHaveLength(12);

      const english = await mailTo(host, /expires in 30 days/);
      expect(english.subject).toBe('The data pool "Winter testing pool" expires in 30 days');
      expect(english.text).toContain('is valid until 20 April 2027.');
      expect(english.text).toContain(`https://wg.ecava.test/data-pools/${pool.id}`);
      const german = await mailTo(stewardColleague, /läuft in 7 Tagen ab/);
      expect(german.subject).toBe('Der Datenpool „Winter testing pool“ läuft in 7 Tagen ab');
      expect(german.text).toContain('gilt bis 20. April 2027.');
      await settled();
      expect(mailsTo(contributor, /^The data pool "Winter testing pool" expires in/)).toHaveLength(2);
      expect(mailsTo(bystander, /Winter testing pool/)).toEqual([]);
    });

    it('catches up a missed reminder until the next is due, and then sends only the shorter one', async () => {
      const pool = await runningPool('Late pool', '2029-09-20T10:00:00Z');
      const reminders = t.app.get(DataPoolExpiryReminders);
      // No pass ran for three weeks after the 30-day mark (21 August): the first pass, 25 days before, still reminds.
      await reminders.runPass(new Date('2029-08-26T09:00:00Z'));
      const late = await notifications('data_pool.expiry_reminder', pool.id);
      expect(late).toHaveLength(6);
      expect(late.find((r) => r.person_id === host.id)!.title).toBe('The data pool "Late pool" expires in 25 days');
      // A pool first seen 5 days before its end gets the 7-day reminder only.
      const short = await runningPool('Short pool', '2029-09-20T10:00:00Z');
      await reminders.runPass(new Date('2029-09-15T09:00:00Z'));
      const rows = await notifications('data_pool.expiry_reminder', short.id);
      expect(rows.map((r) => r.data.lead)).toEqual(Array(6).fill(7));
      expect(rows.find((r) => r.person_id === user.id)!.title).toBe('The data pool "Short pool" expires in 5 days');
    });

    it('reminds nobody of a draft or closed pool, nor a withdrawn organisation, and reminds again when the validity moves', async () => {
      const draft = await runningPool('Draft pool', '2028-05-20T10:00:00Z', {
        state: 'DRAFT',
      });
      const closed = await runningPool('Closed pool', '2028-05-20T10:00:00Z', {
        state: 'CLOSED',
      });
      const pool = await runningPool('Moving pool', '2028-05-20T10:00:00Z', {
        userState: 'WITHDRAWN',
      });
      const reminders = t.app.get(DataPoolExpiryReminders);
      await reminders.runPass(new Date('2028-04-20T13:00:00Z'));
      expect(await notifications('data_pool.expiry_reminder', draft.id)).toEqual([]);
      expect(await notifications('data_pool.expiry_reminder', closed.id)).toEqual([]);
      const first = await notifications('data_pool.expiry_reminder', pool.id);
      expect(recipients(first)).toEqual(ids(steward, stewardColleague, contributor, contributorColleague, host));
      // A new end: reminded again before it, under its own event.
      await t.dataSource.query(`UPDATE data_pools SET valid_until = '2028-06-20T10:00:00Z' WHERE id = $1`, [pool.id]);
      await reminders.runPass(new Date('2028-04-21T13:00:00Z'));
      expect(await notifications('data_pool.expiry_reminder', pool.id)).toHaveLength(5);
      await reminders.runPass(new Date('2028-05-21T13:00:00Z'));
      const rows = await notifications('data_pool.expiry_reminder', pool.id);
      expect(rows).toHaveLength(10);
      expect(rows.filter((r) => r.data.validUntilAt === '2028-06-20T10:00:00.000Z')).toHaveLength(5);
    });
  });

  /** The pool's row version, for `expectedVersion`. */
  async function current(poolId: string): Promise<{ version: number }> {
    const [row] = await t.dataSource.query(`SELECT version FROM data_pools WHERE id = $1`, [poolId]);
    return row;
  }
});
