import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { AuthService, DomainEvent, DomainEvents } from '@app/core';
import { ERASURE_FOREIGN_KEYS, FORMER_MEMBER, PERSONAL_DATA_SECTIONS } from '@app/privacy';
import { activePool, CHANGE_STATE, must } from './support/data-pools';
import { EXPORT_FILE_FIELDS, ExportFile, fetchExport, getSigned } from './support/exports';
import { Actor, insertActionItem, insertInvitation, insertMeeting, makeGroup, makePerson, makeProposal, seat } from './support/factories';
import { addCapability } from './support/marketplace';
import { errorCode, ok, queuesSettled, refusal, startTestApp, TestApp } from './support/test-app';

const EXPORT_MINE = `mutation { exportMyData(format: JSON) { ${EXPORT_FILE_FIELDS} } }`;
const EXPORT_PERSON = `mutation ($id: ID!) { exportPersonData(personId: $id) { ${EXPORT_FILE_FIELDS} } }`;
const ERASE = `mutation ($id: ID!, $reason: String!) { erasePerson(personId: $id, reason: $reason) }`;
const BRIEF = `mutation ($id: ID!, $format: ExportFormat!) { exportMeetingBrief(meetingId: $id, format: $format) { ${EXPORT_FILE_FIELDS} } }`;
const COMMENT = `mutation ($proposal: ID!, $body: String!) { addComment(proposalId: $proposal, body: $body) { id } }`;
const APPLY = `mutation ($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`;
const RSVP = `mutation ($meeting: ID!) { respondToInvitation(meetingId: $meeting, status: ACCEPTED) { status } }`;
const PREFERENCES = `mutation { updateNotificationPreferences(preferences: [{ category: COMMENTS, mode: DAILY_DIGEST }]) { mode } }`;
const REQUEST_LINK = `mutation ($email: String!) { requestSignInLink(email: $email) }`;
const ME = `{ me { id name } }`;

/** Distinctive enough that any hit in the database or the data folder is theirs. */
const NAME = 'Zéphyrine Quillfeather-Öberg';
const EMAIL = 'zephyrine.quillfeather@quill-example.org';
const TITLE = 'Head of Quill Research';

// The worker expands notifications and writes emails.
jest.setTimeout(120_000);

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Personal-data rights (contract 07): a person's export (everything about them, no secrets, nobody
 * else's data, through the signed download URL) and their erasure (placeholder identity, credentials
 * and inbox gone, authored content kept as "Former member", no trace of the name or email left in any
 * column of any table or in the emails the platform keeps on disk).
 */
describe('Personal data rights (e2e)', () => {
  let t: TestApp;
  let admin: Actor;
  let subject: Actor;
  let colleague: Actor;
  let other: Actor;
  let group: string;
  let ownProposal: string;
  let colleagueProposal: string;
  let futureMeeting: string;
  let pastMeeting: string;
  let subjectExport: ExportFile;
  let brief: ExportFile;
  const committed: DomainEvent[] = [];

  beforeAll(async () => {
    // No SMTP_URL: emails are written as .eml files under the data folder, which the scan reads.
    t = await startTestApp({ RUN_WORKER: 'true' });
    t.app.get(DomainEvents).onCommitted((events) => committed.push(...events));
    admin = await makePerson(t, { admin: true, name: 'Ada Admin' });
    subject = await makePerson(t, { name: NAME });
    await t.dataSource.query(`UPDATE people SET email = $2, title = $3 WHERE id = $1`, [subject.id, EMAIL, TITLE]);
    subject.email = EMAIL;
    colleague = await makePerson(t, { organizationId: subject.organizationId, name: 'Colin Colleague' });
    other = await makePerson(t, { name: 'Otto Other' });
    group = (await makeGroup(t)).id;
    for (const person of [subject, colleague, other]) await seat(t, group, person, 'MEMBER');
    const otherGroup = (await makeGroup(t)).id;

    ownProposal = await makeProposal(t, subject, group, { title: 'Quill datasets', body: 'Written by the subject' });
    colleagueProposal = await makeProposal(t, colleague, group, { title: 'Shared sensors' });
    ok(await t.gql(COMMENT, { proposal: colleagueProposal, body: 'Count me in' }, subject.token));
    ok(await t.gql(APPLY, { input: { workingGroupId: otherGroup, organizationId: subject.organizationId, motivation: 'Quills' } }, subject.token));

    pastMeeting = await insertMeeting(t, admin, group, {
      title: 'Kick-off',
      startsAt: '2026-01-10T09:00:00Z',
      endsAt: '2026-01-10T10:00:00Z',
      status: 'COMPLETED',
      // Free text that quotes them: the sweep must find it.
      minutes: `${NAME} presented the plan; questions to ${EMAIL}.`,
    });
    await insertInvitation(t, pastMeeting, subject, 'ACCEPTED', true);
    futureMeeting = await insertMeeting(t, admin, group, { title: 'Review', startsAt: '2027-03-01T09:00:00Z', endsAt: '2027-03-01T10:00:00Z' });
    await insertInvitation(t, futureMeeting, subject);
    await insertInvitation(t, futureMeeting, other);
    ok(await t.gql(RSVP, { meeting: futureMeeting }, subject.token));
    await insertActionItem(t, pastMeeting, admin, { title: 'Draft the quill charter', owner: subject });

    const pool = await activePool(t, other, group, [[subject, 'CONTRIBUTOR']]);
    // The pool's append-only history quotes them: the sweep rewrites it through the erasure escape.
    await must(t, CHANGE_STATE, { id: pool.id, state: 'SUSPENDED', note: `Paused at the request of ${NAME}` }, other);
    await t.dataSource.query(`INSERT INTO audit_log (actor_id, action, entity_type, entity_id, details) VALUES ($1::uuid, 'SIGNED_IN', 'Person', $1::text, $2)`, [
      subject.id,
      JSON.stringify({ email: EMAIL, name: NAME }),
    ]);
    await addCapability(t, subject, { title: 'Quill GPU cluster' });
    ok(await t.gql(PREFERENCES, {}, subject.token));
    await t.app.get(AuthService).createSession(subject.id);
    ok(await t.gql(REQUEST_LINK, { email: EMAIL }));

    brief = ok(await t.gql(BRIEF, { id: futureMeeting, format: 'MARKDOWN' }, admin.token)).exportMeetingBrief;
    subjectExport = ok(await t.gql(EXPORT_MINE, {}, subject.token)).exportMyData;
    await queuesSettled(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('export', () => {
    let data: Record<string, any>;

    beforeAll(async () => {
      data = JSON.parse((await fetchExport(t, subjectExport)).toString('utf8'));
    });

    it('serves the JSON through the signed download URL', () => {
      expect(subjectExport).toMatchObject({ format: 'JSON', contentType: 'application/json; charset=utf-8' });
      expect(subjectExport.filename).toMatch(/^personal-data-\d{4}-\d{2}-\d{2}\.json$/);
    });

    it('holds every section, each with the rows about the person', () => {
      for (const section of PERSONAL_DATA_SECTIONS) expect(data).toHaveProperty(section);
      expect(data.profile).toMatchObject({ id: subject.id, name: NAME, email: EMAIL, title: TITLE });
      expect(data.seats).toEqual([expect.objectContaining({ working_group_id: group, workingGroupName: expect.any(String) })]);
      expect(data.membershipApplications).toHaveLength(1);
      expect(data.proposalsAuthored.map((p: { id: string }) => p.id)).toEqual([ownProposal]);
      expect(data.proposalComments).toEqual([expect.objectContaining({ body: 'Count me in', proposal_id: colleagueProposal })]);
      expect(data.meetingInvitations.map((i: { meeting_id: string; status: string }) => [i.meeting_id, i.status])).toContainEqual([futureMeeting, 'ACCEPTED']);
      expect(data.actionItems).toEqual([expect.objectContaining({ title: 'Draft the quill charter' })]);
      expect(data.notificationPreferences).toEqual([expect.objectContaining({ category: 'COMMENTS', mode: 'DAILY_DIGEST' })]);
      expect(data.sessions.length).toBeGreaterThanOrEqual(1);
      expect(data.accessTokens.length).toBeGreaterThanOrEqual(1);
      expect(data.signInLinks).toHaveLength(1);
      expect(data.signInRequests).toHaveLength(1);
      expect(data.dataPoolSignatures.some((s: { signed_by_id: string }) => s.signed_by_id === subject.id)).toBe(true);
      expect(data.capabilitiesCreated).toEqual([expect.objectContaining({ title: 'Quill GPU cluster' })]);
      // Their own entries only: the one made up here, and those of what they did above (proposals, comments…).
      expect(data.auditLog).toContainEqual(expect.objectContaining({ action: 'SIGNED_IN', entity_id: subject.id }));
      expect(data.auditLog).toContainEqual(expect.objectContaining({ action: 'PROPOSAL_COMMENTED' }));
      expect(data.auditLog.every((entry: { actor_id: string }) => entry.actor_id === subject.id)).toBe(true);
    });

    it('contains no secrets: no hash of any credential of theirs, no token_hash field', async () => {
      const text = JSON.stringify(data);
      expect(text).not.toContain('token_hash');
      const hashes: { h: string }[] = await t.dataSource.query(
        `SELECT token_hash AS h FROM sessions WHERE person_id = $1 UNION ALL SELECT token_hash FROM access_tokens WHERE person_id = $1
         UNION ALL SELECT token_hash FROM sign_in_links WHERE person_id = $1`,
        [subject.id],
      );
      expect(hashes.length).toBeGreaterThanOrEqual(3);
      for (const { h } of hashes) expect(text).not.toContain(h);
    });

    it('holds nobody else\'s private data', async () => {
      const text = JSON.stringify(data);
      for (const person of [admin, colleague, other]) expect(text).not.toContain(person.email);
      const othersNotifications: { id: string }[] = await t.dataSource.query(`SELECT id FROM notifications WHERE person_id <> $1`, [subject.id]);
      expect(othersNotifications.length).toBeGreaterThan(0);
      for (const { id } of othersNotifications) expect(text).not.toContain(id);
    });

    it('lets a member export only themselves; admins export anyone', async () => {
      expect(refusal(await t.gql(EXPORT_PERSON, { id: other.id }, subject.token))).toEqual({ code: 'FORBIDDEN', reason: 'ADMIN_ONLY' });
      expect(errorCode(await t.gql(EXPORT_PERSON, { id: '00000000-0000-4000-8000-000000000000' }, admin.token))).toBe('NOT_FOUND');
      const file: ExportFile = ok(await t.gql(EXPORT_PERSON, { id: other.id }, admin.token)).exportPersonData;
      const exported = JSON.parse((await fetchExport(t, file)).toString('utf8'));
      expect(exported.profile).toMatchObject({ id: other.id, email: other.email });
      expect(JSON.stringify(exported)).not.toContain(EMAIL);
    });

    it('publishes person.data_exported without name or email', () => {
      const event = committed.find((e) => e.type === 'person.data_exported' && e.personId === subject.id);
      expect(event).toMatchObject({ actorId: subject.id, organizationId: subject.organizationId });
      expect(JSON.stringify(event)).not.toContain(EMAIL);
      expect(JSON.stringify(event)).not.toContain(NAME);
    });

    it('refuses JSON for a meeting brief (BAD_USER_INPUT on format)', async () => {
      expect(refusal(await t.gql(BRIEF, { id: futureMeeting, format: 'JSON' }, admin.token))).toEqual({ code: 'BAD_USER_INPUT', reason: 'FORMAT_NOT_SUPPORTED', field: 'format' });
    });
  });

  describe('erasure', () => {
    let before: { table: string; column: string; hits: number }[];
    let mailFilesBefore: number;

    /** Every text, varchar and jsonb column of every table in every schema, from the catalogue. */
    async function scan(): Promise<{ table: string; column: string; hits: number }[]> {
      const columns: { schema: string; table: string; column: string }[] = await t.dataSource.query(
        `SELECT c.table_schema AS schema, c.table_name AS "table", c.column_name AS "column"
         FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
         WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND t.table_type = 'BASE TABLE'
           AND c.data_type IN ('text', 'character varying', 'jsonb')`,
      );
      expect(columns.length).toBeGreaterThan(50);
      const hits = [];
      for (const { schema, table, column } of columns) {
        const [{ n }] = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM "${schema}"."${table}" WHERE "${column}"::text ILIKE $1 OR "${column}"::text ILIKE $2`,
          [`%${NAME}%`, `%${EMAIL}%`],
        );
        if (n > 0) hits.push({ table: `${schema}.${table}`, column, hits: n });
      }
      return hits;
    }

    /** Files under the data folder that mention the name or the email, decoded (emails parsed). */
    async function filesMentioning(): Promise<string[]> {
      const found = [];
      for (const path of filesUnder(t.dataDir)) {
        const raw = readFileSync(path);
        let text = raw.toString('utf8');
        if (path.endsWith('.eml')) {
          const mail = await simpleParser(raw);
          text += JSON.stringify([...mail.headers]) + (mail.text ?? '') + (mail.html || '');
        }
        if (text.toLowerCase().includes(NAME.toLowerCase()) || text.toLowerCase().includes(EMAIL)) found.push(path);
      }
      return found;
    }

    beforeAll(async () => {
      before = await scan();
      mailFilesBefore = (await filesMentioning()).length;
    });

    it('is for admins only, never of oneself, and needs a reason', async () => {
      expect(refusal(await t.gql(ERASE, { id: other.id, reason: 'Request' }, subject.token))).toEqual({ code: 'FORBIDDEN', reason: 'ADMIN_ONLY' });
      expect(refusal(await t.gql(ERASE, { id: admin.id, reason: 'Request' }, admin.token))).toEqual({ code: 'FORBIDDEN', reason: 'CANNOT_ERASE_SELF' });
      expect(refusal(await t.gql(ERASE, { id: subject.id, reason: '  ' }, admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      const [row] = await t.dataSource.query(`SELECT name, erased_at FROM people WHERE id = $1`, [subject.id]);
      expect(row).toEqual({ name: NAME, erased_at: null });
    });

    it('finds the person in many places before (the scan sees what it should)', () => {
      const tables = new Set(before.map((h) => h.table));
      for (const table of ['public.people', 'public.meetings', 'public.notifications', 'public.sign_in_requests', 'public.data_pool_events', 'public.audit_log']) {
        expect(tables).toContain(table);
      }
      expect(mailFilesBefore).toBeGreaterThan(0);
    });

    it('waits for an export of the person in flight, then deletes its file', async () => {
      const person = await makePerson(t);
      // An export in flight: its transaction holds the person's row FOR SHARE until its file is stored.
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      await runner.query(`SELECT id FROM people WHERE id = $1 FOR SHARE`, [person.id]);
      const erasing = t.gql(ERASE, { id: person.id, reason: 'Request' }, admin.token);
      for (;;) {
        const [{ waiting }] = await t.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%' AND datname = current_database()`,
        );
        if (waiting > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await runner.query(
        `INSERT INTO export_files (id, person_id, requested_by_id, format, filename, content_type, byte_size, sha256, content, expires_at)
         VALUES (gen_random_uuid(), $1, $1, 'JSON', 'personal-data.json', 'application/json', 2, '-', '{}', now() + interval '1 hour')`,
        [person.id],
      );
      await runner.commitTransaction();
      await runner.release();
      expect(ok(await erasing)).toEqual({ erasePerson: true });
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM export_files WHERE person_id = $1`, [person.id]);
      expect(n).toBe(0);
    });

    describe('once erased', () => {
      beforeAll(async () => {
        expect(ok(await t.gql(ERASE, { id: subject.id, reason: `Art. 17 request from ${NAME}` }, admin.token))).toEqual({ erasePerson: true });
        await queuesSettled(t);
      });

      it('leaves no trace of the name or email in any column of any table', async () => {
        expect(await scan()).toEqual([]);
      });

      it('leaves no file under the data folder that mentions them', async () => {
        expect(await filesMentioning()).toEqual([]);
      });

      it('replaces name, email and title with the placeholder', async () => {
        const [row] = await t.dataSource.query(`SELECT name, email, title, role, erased_at FROM people WHERE id = $1`, [subject.id]);
        expect(row).toMatchObject({ name: FORMER_MEMBER, email: `erased-${subject.id}@invalid`, title: null, role: 'MEMBER' });
        expect(row.erased_at).toBeInstanceOf(Date);
      });

      it('revokes their credentials and lets nobody sign in as them', async () => {
        expect(errorCode(await t.gql(ME, {}, subject.token))).toBe('UNAUTHENTICATED');
        ok(await t.gql(REQUEST_LINK, { email: EMAIL }));
        const [{ n }] = await t.dataSource.query(
          `SELECT (SELECT count(*) FROM sessions WHERE person_id = $1) + (SELECT count(*) FROM access_tokens WHERE person_id = $1)
             + (SELECT count(*) FROM sign_in_links WHERE person_id = $1) AS n`,
          [subject.id],
        );
        expect(Number(n)).toBe(0);
      });

      it('ends seats, keeps authored content attributed to "Former member"', async () => {
        const seats = await t.dataSource.query(`SELECT ended_at FROM working_group_participants WHERE person_id = $1`, [subject.id]);
        expect(seats).toEqual([{ ended_at: expect.any(Date) }]);
        // Past attendance stays; the invitation to the meeting still to come is gone.
        const invitations = await t.dataSource.query(`SELECT meeting_id FROM meeting_invitations WHERE person_id = $1`, [subject.id]);
        expect(invitations).toEqual([{ meeting_id: pastMeeting }]);
        const { proposal } = ok(await t.gql(`query ($id: ID!) { proposal(id: $id) { title author { id name } } }`, { id: ownProposal }, colleague.token));
        expect(proposal).toEqual({ title: 'Quill datasets', author: { id: subject.id, name: FORMER_MEMBER } });
        const comments = await t.dataSource.query(`SELECT c.body, p.name FROM proposal_comments c JOIN people p ON p.id = c.author_id WHERE c.author_id = $1`, [subject.id]);
        expect(comments).toEqual([{ body: 'Count me in', name: FORMER_MEMBER }]);
      });

      it('deletes their inbox, preferences and every export that contains them', async () => {
        for (const table of ['notifications', 'notification_preferences', 'notification_digests']) {
          const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE person_id = $1`, [subject.id]);
          expect({ table, n }).toEqual({ table, n: 0 });
        }
        expect((await getSigned(t, subjectExport.url)).status).toBe(404);
        expect((await getSigned(t, brief.url)).status).toBe(404);
      });

      it('clears them as the audit log\'s actor and from its details', async () => {
        const entries = await t.dataSource.query(`SELECT actor_id, details FROM audit_log WHERE action = 'SIGNED_IN' AND entity_id = $1`, [subject.id]);
        expect(entries).toEqual([{ actor_id: null, details: { email: `erased-${subject.id}@invalid`, name: FORMER_MEMBER } }]);
      });

      it('rewrites other people\'s notifications that quoted them', async () => {
        const quoted = await t.dataSource.query(`SELECT title, data FROM notifications WHERE person_id = $1 AND type = 'proposal.commented'`, [colleague.id]);
        expect(quoted).toHaveLength(1);
        expect(JSON.stringify(quoted)).toContain(FORMER_MEMBER);
      });

      it('sends them nothing afterwards', async () => {
        ok(await t.gql(COMMENT, { proposal: ownProposal, body: 'A question for the author' }, colleague.token));
        await queuesSettled(t);
        const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE person_id = $1`, [subject.id]);
        expect(n).toBe(0);
      });

      it('publishes person.erased without name or email', () => {
        const event = committed.find((e) => e.type === 'person.erased' && e.personId === subject.id);
        expect(event).toMatchObject({ personId: subject.id, actorId: admin.id, organizationId: subject.organizationId, reason: `Art. 17 request from ${FORMER_MEMBER}` });
        expect(JSON.stringify(event)).not.toMatch(/zéphyrine/i);
      });

      it('lets an admin erase another admin, who keeps no role', async () => {
        const second = await makePerson(t, { admin: true });
        ok(await t.gql(ERASE, { id: second.id, reason: 'Left the alliance' }, admin.token));
        const [row] = await t.dataSource.query(`SELECT role FROM people WHERE id = $1`, [second.id]);
        expect(row).toEqual({ role: 'MEMBER' });
      });

      it('cannot erase twice (CONFLICT)', async () => {
        expect(refusal(await t.gql(ERASE, { id: subject.id, reason: 'Again' }, admin.token))).toEqual({ code: 'CONFLICT', reason: 'PERSON_ALREADY_ERASED', field: 'personId' });
      });

      it('handles every foreign key that references people, as the coverage list says', async () => {
        const keys: { table: string; column: string }[] = await t.dataSource.query(
          `SELECT c.conrelid::regclass::text AS "table", a.attname AS "column"
           FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
           WHERE c.contype = 'f' AND c.confrelid = 'people'::regclass`,
        );
        expect(keys.length).toBeGreaterThan(30);
        for (const { table, column } of keys) {
          const entry = ERASURE_FOREIGN_KEYS[`${table}.${column}`];
          expect({ key: `${table}.${column}`, listed: entry !== undefined }).toEqual({ key: `${table}.${column}`, listed: true });
          if (entry.treatment === 'deleted' || entry.treatment === 'nulled') {
            const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM "${table}" WHERE "${column}" = $1`, [subject.id]);
            expect({ key: `${table}.${column}`, n }).toEqual({ key: `${table}.${column}`, n: 0 });
          }
          if (entry.treatment === 'ended') {
            const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM "${table}" WHERE "${column}" = $1 AND ended_at IS NULL`, [subject.id]);
            expect(n).toBe(0);
          }
        }
      });
    });
  });
});
