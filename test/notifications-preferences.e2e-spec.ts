import { randomUUID } from 'node:crypto';
import { ParsedMail } from 'mailparser';
import { QueueService } from '@app/core';
import { DeliveryMode, DigestSender, DigestsService, nextDigestSlot, NotificationCategory, QUEUE_DIGEST_SEND, QUEUE_DIGESTS, unsubscribeToken } from '@app/notifications';
import { Actor, makeGroup, makePerson, seat } from './support/factories';
import { SmtpSink, startSmtpSink } from './support/smtp-sink';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const SUBMIT = `mutation ($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`;
const MY_PREFERENCES = `{ me { notificationPreferences { category mode } } }`;
const UPDATE = `mutation ($p: [NotificationPreferenceInput!]!) { updateNotificationPreferences(preferences: $p) { category mode } }`;
const FEED = `query ($first: Int, $after: String, $unreadOnly: Boolean) {
  myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount unreadCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id category type title link createdAt readAt emailStatus } }
  } }`;
const MARK_READ = `mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`;

const DEFAULTS = [
  { category: 'APPLICATIONS', mode: 'DAILY_DIGEST' },
  { category: 'PROPOSALS', mode: 'DAILY_DIGEST' },
  { category: 'COMMENTS', mode: 'DAILY_DIGEST' },
  { category: 'PRIORITIES', mode: 'DAILY_DIGEST' },
  { category: 'MEETINGS', mode: 'IMMEDIATE' },
  { category: 'ACTION_ITEMS', mode: 'IMMEDIATE' },
  { category: 'MARKETPLACE', mode: 'DAILY_DIGEST' },
  { category: 'DATA_POOLS', mode: 'IMMEDIATE' },
  { category: 'BALLOTS', mode: 'IMMEDIATE' },
];

const MINUTE = 60_000;

// Digests wait for the worker to expand events and for the SMTP sink; Jest's project-level testTimeout does not apply.
jest.setTimeout(30_000);

describe('Notification preferences, digests, unsubscribe and feed (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let digests: DigestsService;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, RUN_WORKER: 'true' });
    digests = t.app.get(DigestsService);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  // --- helpers -------------------------------------------------------------------------------------

  const to = (mail: ParsedMail) => (mail.to as { text: string }).text;
  const mailsTo = (person: Actor) => smtp.messages.filter((m) => to(m) === person.email);
  const header = (mail: ParsedMail, name: string) => (mail.headerLines.find((h) => h.key === name)?.line ?? '').replace(/\r?\n\s+/g, ' ');
  const settle = () => new Promise((r) => setTimeout(r, 1000));

  /** A person holding a CHAIR seat in each group, with a time zone and locale of their own. */
  async function chairOf(groupIds: string[], profile: { timezone?: string; locale?: string } = {}): Promise<Actor> {
    const chair = await makePerson(t, { name: 'Clara Chair' });
    for (const id of groupIds) await seat(t, id, chair, 'CHAIR');
    if (profile.timezone || profile.locale) {
      const response = await t.gql(`mutation ($input: UpdateProfileInput!) { updateMyProfile(input: $input) { id } }`, { input: profile }, chair.token);
      expect(response.errors).toBeUndefined();
    }
    return chair;
  }

  /** A new organisation applies to the group (through the API): its chairs get `application.submitted`. */
  async function apply(groupId: string): Promise<void> {
    const applicant = await makePerson(t);
    const response = await t.gql(SUBMIT, { input: { workingGroupId: groupId, organizationId: applicant.organizationId, motivation: 'We bring data.' } }, applicant.token);
    expect(response.errors).toBeUndefined();
  }

  /** Waits until the worker has expanded `count` notifications for the person. */
  async function notificationsOf(person: Actor, count: number): Promise<{ id: string; category: string; email_status: string; email_mode: string; email_due_at: Date; digest_id: string | null }[]> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const rows = await t.dataSource.query(`SELECT * FROM notifications WHERE person_id = $1 ORDER BY created_at, id`, [person.id]);
      if (rows.length >= count) return rows;
      if (Date.now() > deadline) throw new Error(`expected ${count} notifications, got ${rows.length}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** A feed entry inserted directly (set-up), e.g. an alliance-wide one no rule produces yet. */
  async function insertNotification(
    person: Actor,
    values: { category?: string; type?: string; title?: string; data?: object; createdAt?: Date; mode?: string; status?: string; dueAt?: Date | null } = {},
  ): Promise<string> {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO notifications (id, event_id, person_id, category, type, title, link, data, created_at, email_mode, email_status, email_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        id,
        randomUUID(),
        person.id,
        values.category ?? 'PRIORITIES',
        values.type ?? 'priority.adopted',
        values.title ?? 'Priority adopted in the alliance: Open benchmarks',
        '/priorities/x',
        JSON.stringify(values.data ?? { priorityTitle: 'Open benchmarks', scope: 'the alliance' }),
        values.createdAt ?? new Date(),
        values.mode ?? 'IMMEDIATE',
        values.status ?? 'SENT',
        values.dueAt ?? null,
      ],
    );
    return id;
  }

  async function preferencesOf(person: Actor) {
    const response = await t.gql(MY_PREFERENCES, {}, person.token);
    expect(response.errors).toBeUndefined();
    return response.data.me.notificationPreferences as { category: string; mode: string }[];
  }

  const modeOf = async (person: Actor, category: string) => (await preferencesOf(person)).find((p) => p.category === category)?.mode;

  /** Local wall-clock time of an instant in a time zone, e.g. "Mon 08:00". */
  const localTime = (instant: Date, timeZone: string) =>
    new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant).replace(',', '');

  // --- preferences ---------------------------------------------------------------------------------

  describe('preferences', () => {
    it('default to meetings, action items and data pools immediately, everything else in the daily digest', async () => {
      const person = await makePerson(t);
      expect(await preferencesOf(person)).toEqual(DEFAULTS);
    });

    it('round-trip through the API: only the categories named change, all nine come back', async () => {
      const person = await makePerson(t);
      const response = await t.gql(
        UPDATE,
        { p: [{ category: 'PROPOSALS', mode: 'WEEKLY_DIGEST' }, { category: 'MEETINGS', mode: 'OFF' }] },
        person.token,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data.updateNotificationPreferences).toHaveLength(DEFAULTS.length);
      const expected = DEFAULTS.map((d) => (d.category === 'PROPOSALS' ? { ...d, mode: 'WEEKLY_DIGEST' } : d.category === 'MEETINGS' ? { ...d, mode: 'OFF' } : d));
      expect(response.data.updateNotificationPreferences).toEqual(expected);
      expect(await preferencesOf(person)).toEqual(expected);

      // Upsert: changing it again updates the stored row.
      await t.gql(UPDATE, { p: [{ category: 'MEETINGS', mode: 'IMMEDIATE' }] }, person.token);
      expect(await modeOf(person, 'MEETINGS')).toBe('IMMEDIATE');
      const rows = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification_preferences WHERE person_id = $1`, [person.id]);
      expect(rows[0].n).toBe(2);
    });

    it('refuses a category named twice (BAD_USER_INPUT) and changes nothing', async () => {
      const person = await makePerson(t);
      const response = await t.gql(
        UPDATE,
        { p: [{ category: 'COMMENTS', mode: 'OFF' }, { category: 'PRIORITIES', mode: 'OFF' }, { category: 'COMMENTS', mode: 'IMMEDIATE' }] },
        person.token,
      );
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions.field).toBe('preferences.2.category');
      expect(response.errors?.[0].extensions.reason).toBe('DUPLICATE_CATEGORY');
      expect(await preferencesOf(person)).toEqual(DEFAULTS);

      const unknownMode = await t.gql(UPDATE, { p: [{ category: 'COMMENTS', mode: 'HOURLY' }] }, person.token);
      expect(errorCode(unknownMode)).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(UPDATE, { p: [] }))).toBe('UNAUTHENTICATED');
    });

    it('are visible to the person and to admins only (null for anyone else)', async () => {
      const person = await makePerson(t);
      const colleague = await makePerson(t, { organizationId: person.organizationId });
      const admin = await makePerson(t, { admin: true });
      await t.gql(UPDATE, { p: [{ category: 'COMMENTS', mode: 'OFF' }] }, person.token);
      const query = `query ($id: ID!) { person(id: $id) { id notificationPreferences { category mode } } }`;

      const byColleague = await t.gql(query, { id: person.id }, colleague.token);
      expect(byColleague.errors).toBeUndefined();
      expect(byColleague.data.person.notificationPreferences).toBeNull();

      const byAdmin = await t.gql(query, { id: person.id }, admin.token);
      expect(byAdmin.data.person.notificationPreferences).toContainEqual({ category: 'COMMENTS', mode: 'OFF' });
      expect(byAdmin.data.person.notificationPreferences).toHaveLength(DEFAULTS.length);

      const bySelf = await t.gql(query, { id: person.id }, person.token);
      expect(bySelf.data.person.notificationPreferences).toContainEqual({ category: 'COMMENTS', mode: 'OFF' });
    });

    it('are batched: one statement for the preferences of a whole page of people', async () => {
      const admin = await makePerson(t, { admin: true });
      const query = `{ people(first: 100) { edges { node { id notificationPreferences { mode } } } } }`;
      const measure = async () => {
        await t.gql(query, {}, admin.token);
        const { result, statements } = await t.counter.measure(() => t.gql(query, {}, admin.token));
        expect(result.errors).toBeUndefined();
        expect(result.data.people.edges.every((e: any) => e.node.notificationPreferences.length === DEFAULTS.length)).toBe(true);
        return statements.filter((s) => /notification_preferences/.test(s)).length;
      };
      expect(await measure()).toBe(1);
      for (let i = 0; i < 5; i += 1) await makePerson(t);
      expect(await measure()).toBe(1);
    });
  });

  // --- digests -------------------------------------------------------------------------------------

  describe('digests', () => {
    it('send one daily email at 08:00 in the recipient time zone, grouped by working group, once', async () => {
      const timezone = 'America/New_York';
      const [groupA, groupB] = [await makeGroup(t), await makeGroup(t)];
      const chair = await chairOf([groupA.id, groupB.id], { timezone });
      await apply(groupA.id);
      await apply(groupB.id);
      await apply(groupA.id);
      const slot = nextDigestSlot(DeliveryMode.DAILY_DIGEST, timezone);
      await insertNotification(chair, { mode: 'DAILY_DIGEST', status: 'PENDING', dueAt: slot });
      const rows = await notificationsOf(chair, 4);
      expect(rows.map((r) => [r.email_mode, r.email_status])).toEqual(Array(4).fill(['DAILY_DIGEST', 'PENDING']));
      for (const row of rows) expect(new Date(row.email_due_at)).toEqual(slot);
      expect(localTime(slot, timezone)).toMatch(/ 08:00$/);
      // Nothing was sent immediately.
      await settle();
      expect(mailsTo(chair)).toHaveLength(0);

      // Just before the slot: nothing goes out.
      await digests.runDigests(new Date(slot.getTime() - MINUTE));
      await settle();
      expect(mailsTo(chair)).toHaveLength(0);

      await digests.runDigests(new Date(slot.getTime() + MINUTE));
      await smtp.waitFor(() => mailsTo(chair).length >= 1);
      const [mail] = mailsTo(chair);
      expect(mail.subject).toBe('Your daily ECAVA digest: 4 updates');
      const [digest] = await t.dataSource.query(`SELECT * FROM notification_digests WHERE person_id = $1`, [chair.id]);
      expect(digest).toMatchObject({ mode: 'DAILY_DIGEST', status: 'SENT' });
      expect(new Date(digest.slot)).toEqual(slot);
      expect(mail.messageId).toBe(`<${digest.id}@wg.ecava.test>`);
      expect(header(mail, 'list-unsubscribe')).toMatch(/^List-Unsubscribe: +<https:\/\/wg\.ecava\.test\/unsubscribe\?token=[\w-]+>$/);
      expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

      // Grouped: alliance-wide first, then each group's items together, groups by name.
      const text = mail.text ?? '';
      const [nameA, nameB] = [`Group ${groupA.slug}`, `Group ${groupB.slug}`];
      const labels = [...text.matchAll(/^\[(.+)\]$/gm)].map((m) => m[1]);
      const expectedGroups = [nameA, nameB].sort((a, b) => a.localeCompare(b, 'en'));
      const ordered = expectedGroups[0] === nameA ? [nameA, nameA, nameB] : [nameB, nameA, nameA];
      expect(labels).toEqual(['Alliance-wide', ...ordered]);
      expect(text.match(/applied to join/g)).toHaveLength(6); // title and body of three applications
      expect(text).toContain('Open benchmarks');
      expect(mail.html).toContain(nameA);

      const after = await notificationsOf(chair, 4);
      expect(after.every((r) => r.email_status === 'SENT' && r.digest_id === digest.id)).toBe(true);

      // A second pass in the same slot sends nothing.
      const again = await digests.runDigests(new Date(slot.getTime() + 2 * MINUTE));
      await settle();
      expect(mailsTo(chair)).toHaveLength(1);
      expect(again.sent).toBe(0);
    });

    it('are kept PENDING when the server refuses them after taking the data (451), and sent once on retry', async () => {
      const chair = await chairOf([]);
      const slot = nextDigestSlot(DeliveryMode.DAILY_DIGEST, 'Europe/Brussels');
      await insertNotification(chair, { mode: 'DAILY_DIGEST', status: 'PENDING', dueAt: slot });
      await insertNotification(chair, { mode: 'DAILY_DIGEST', status: 'PENDING', dueAt: slot });
      smtp.failNext(1, 451);
      expect(await digests.runDigests(new Date(slot.getTime() + MINUTE))).toEqual({ planned: 1, sent: 0 });
      const read = async () => ({
        digest: (await t.dataSource.query(`SELECT id, status, attempts, sent_at FROM notification_digests WHERE person_id = $1`, [chair.id]))[0],
        items: await t.dataSource.query(`SELECT email_status AS status, email_attempts AS attempts FROM notifications WHERE person_id = $1`, [chair.id]),
      });
      // It had been settled SENT as it left; the refusal put it back, counting the attempt once.
      const refused = await read();
      expect(refused.digest).toMatchObject({ status: 'PENDING', attempts: 1, sent_at: null });
      expect(refused.items).toEqual([
        { status: 'PENDING', attempts: 0 },
        { status: 'PENDING', attempts: 0 },
      ]);
      expect(await t.app.get(DigestSender).send(refused.digest.id)).toBe('SENT');
      await smtp.waitFor(() => mailsTo(chair).length >= 1);
      await settle();
      expect(mailsTo(chair)).toHaveLength(1);
      const sent = await read();
      expect(sent.digest).toMatchObject({ status: 'SENT', attempts: 2 });
      expect(sent.items).toEqual([
        { status: 'SENT', attempts: 1 },
        { status: 'SENT', attempts: 1 },
      ]);
    });

    it('send a slot once when passes run in parallel (several workers)', async () => {
      const group = await makeGroup(t);
      const chair = await chairOf([group.id]);
      await apply(group.id);
      await apply(group.id);
      const [row] = await notificationsOf(chair, 2);
      const slot = new Date(row.email_due_at);
      const after = new Date(slot.getTime() + MINUTE);
      await Promise.all([digests.runDigests(after), digests.runDigests(after), digests.runDigests(after)]);
      await smtp.waitFor(() => mailsTo(chair).length >= 1);
      await settle();
      expect(mailsTo(chair)).toHaveLength(1);
      expect(mailsTo(chair)[0].subject).toBe('Your daily ECAVA digest: 2 updates');
      const sent = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification_digests WHERE person_id = $1`, [chair.id]);
      expect(sent[0].n).toBe(1);
    });

    it('go out on Mondays for the weekly digest', async () => {
      const timezone = 'Asia/Tokyo';
      const group = await makeGroup(t);
      const chair = await chairOf([group.id], { timezone });
      await t.gql(UPDATE, { p: [{ category: 'APPLICATIONS', mode: 'WEEKLY_DIGEST' }] }, chair.token);
      await apply(group.id);
      const [row] = await notificationsOf(chair, 1);
      const monday = nextDigestSlot(DeliveryMode.WEEKLY_DIGEST, timezone);
      expect(row.email_mode).toBe('WEEKLY_DIGEST');
      expect(new Date(row.email_due_at)).toEqual(monday);
      expect(localTime(monday, timezone)).toBe('Mon 08:00');

      const daily = nextDigestSlot(DeliveryMode.DAILY_DIGEST, timezone);
      if (daily.getTime() < monday.getTime()) await digests.runDigests(new Date(daily.getTime() + MINUTE));
      await digests.runDigests(new Date(monday.getTime() - MINUTE));
      await settle();
      expect(mailsTo(chair)).toHaveLength(0);

      await digests.runDigests(new Date(monday.getTime() + MINUTE));
      await smtp.waitFor(() => mailsTo(chair).length >= 1);
      expect(mailsTo(chair)[0].subject).toBe('Your weekly ECAVA digest: 1 update');
    });

    it('are written in the recipient locale (German subject and text for a German reader)', async () => {
      const group = await makeGroup(t);
      const chair = await chairOf([group.id], { locale: 'DE', timezone: 'Europe/Berlin' });
      await apply(group.id);
      await apply(group.id);
      const [row] = await notificationsOf(chair, 2);
      await digests.runDigests(new Date(new Date(row.email_due_at).getTime() + MINUTE));
      await smtp.waitFor(() => mailsTo(chair).length >= 1);
      const [mail] = mailsTo(chair);
      expect(mail.subject).toBe('Ihre tägliche ECAVA-Zusammenfassung: 2 Neuigkeiten');
      expect(mail.text).toContain('Guten Tag Clara Chair,');
      expect(mail.text).toContain('möchte');
      expect(mail.text).toContain('Keine E-Mails mehr zu Aufnahmeanträgen');
      expect(mail.html).toContain('lang="de"');
    });

    it('leave out what was switched OFF before the slot (SUPPRESSED), and send no empty digest', async () => {
      const group = await makeGroup(t);
      const chair = await chairOf([group.id]);
      await apply(group.id);
      const [row] = await notificationsOf(chair, 1);
      expect(row.email_status).toBe('PENDING');

      await t.gql(UPDATE, { p: [{ category: 'APPLICATIONS', mode: 'OFF' }] }, chair.token);
      const [suppressed] = await notificationsOf(chair, 1);
      expect(suppressed.email_status).toBe('SUPPRESSED');
      const feed = await t.gql(FEED, {}, chair.token);
      expect(feed.data.myNotifications.edges[0].node.emailStatus).toBe('SUPPRESSED');

      const result = await digests.runDigests(new Date(new Date(row.email_due_at).getTime() + MINUTE));
      await settle();
      expect(mailsTo(chair)).toHaveLength(0);
      expect(await t.dataSource.query(`SELECT 1 FROM notification_digests WHERE person_id = $1`, [chair.id])).toHaveLength(0);
      expect(result.sent).toBe(mailsTo(chair).length);

      // New notifications of an OFF category are SUPPRESSED from the start and never emailed.
      await apply(group.id);
      const rows = await notificationsOf(chair, 2);
      expect(rows.map((r) => r.email_status)).toEqual(['SUPPRESSED', 'SUPPRESSED']);
      await digests.runDigests(new Date(Date.now() + 8 * 24 * 3600_000));
      await settle();
      expect(mailsTo(chair)).toHaveLength(0);
    });

    it('run every five minutes from a pg-boss schedule; a digest whose sender died is sent by the fallback job', async () => {
      const [schedule] = await t.dataSource.query(`SELECT cron FROM pgboss.schedule WHERE name = $1`, [QUEUE_DIGESTS]);
      expect(schedule.cron).toBe('*/5 * * * *');
      const boss = t.app.get(QueueService).boss;
      const passId = await boss.send(QUEUE_DIGESTS, {});
      const deadline = Date.now() + 15_000;
      while ((await boss.getJobById(QUEUE_DIGESTS, passId!))?.state !== 'completed') {
        if (Date.now() > deadline) throw new Error('the digest pass job did not complete');
        await new Promise((r) => setTimeout(r, 200));
      }

      // A pass planned this digest (row, notifications attached) and died before sending it.
      const person = await makePerson(t);
      const digestId = randomUUID();
      const slot = new Date(Date.now() - 3600_000);
      await t.dataSource.query(`INSERT INTO notification_digests (id, person_id, mode, slot) VALUES ($1, $2, 'DAILY_DIGEST', $3)`, [digestId, person.id, slot]);
      const notificationId = await insertNotification(person, { mode: 'DAILY_DIGEST', status: 'PENDING', dueAt: slot });
      await t.dataSource.query(`UPDATE notifications SET digest_id = $1 WHERE id = $2`, [digestId, notificationId]);
      // Its fallback job comes due.
      await boss.send(QUEUE_DIGEST_SEND, { digestId });
      await smtp.waitFor(() => mailsTo(person).length >= 1);
      expect(mailsTo(person)[0].messageId).toBe(`<${digestId}@wg.ecava.test>`);
      // A pass now finds nothing left to send for that slot.
      await digests.runDigests(new Date());
      await settle();
      expect(mailsTo(person)).toHaveLength(1);
    });

    it('move waiting items when the reader switches from daily to weekly', async () => {
      const timezone = 'Europe/Brussels';
      const group = await makeGroup(t);
      const chair = await chairOf([group.id], { timezone });
      await apply(group.id);
      await notificationsOf(chair, 1);
      await t.gql(UPDATE, { p: [{ category: 'APPLICATIONS', mode: 'WEEKLY_DIGEST' }] }, chair.token);
      const [row] = await notificationsOf(chair, 1);
      expect(row.email_mode).toBe('WEEKLY_DIGEST');
      expect(new Date(row.email_due_at)).toEqual(nextDigestSlot(DeliveryMode.WEEKLY_DIGEST, timezone));
    });
  });

  // --- one-click unsubscribe -----------------------------------------------------------------------

  describe('one-click unsubscribe (RFC 8058)', () => {
    /** The List-Unsubscribe URL of a mail, pointed at the test server. */
    const unsubscribeUrl = (mail: ParsedMail) => {
      const url = /<(https:[^>]+)>/.exec(header(mail, 'list-unsubscribe'))![1];
      return url.replace('https://wg.ecava.test', t.url);
    };

    it('GET shows a confirmation page and changes nothing; the POST from the email turns the category OFF', async () => {
      const group = await makeGroup(t);
      const chair = await chairOf([group.id]);
      await apply(group.id);
      const [row] = await notificationsOf(chair, 1);
      await digests.runDigests(new Date(new Date(row.email_due_at).getTime() + MINUTE));
      await smtp.waitFor(() => mailsTo(chair).length >= 1);
      const url = unsubscribeUrl(mailsTo(chair)[0]);

      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await page.text();
      expect(html).toContain('<form method="post">');
      expect(html).toContain('name="List-Unsubscribe" value="One-Click"');
      expect(html).toContain('Stop emails about applications');
      expect(await modeOf(chair, 'APPLICATIONS')).toBe('DAILY_DIGEST');

      // No session, no cookie: just the token in the URL and the RFC 8058 body.
      const post = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      expect(post.status).toBe(200);
      expect(await post.text()).toContain('you will no longer receive emails about applications');
      expect(await modeOf(chair, 'APPLICATIONS')).toBe('OFF');
      // The other categories keep their modes.
      expect((await preferencesOf(chair)).filter((p) => p.category !== 'APPLICATIONS')).toEqual(DEFAULTS.filter((p) => p.category !== 'APPLICATIONS'));

      // Posting again is harmless.
      const again = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      expect(again.status).toBe(200);
    });

    it('accepts the POST as multipart form data too (some mail providers send that)', async () => {
      const person = await makePerson(t);
      const token = unsubscribeToken(t.config.signingSecret, person.id, NotificationCategory.MEETINGS);
      const form = new FormData();
      form.set('List-Unsubscribe', 'One-Click');
      const response = await fetch(`${t.url}/unsubscribe?token=${token}`, { method: 'POST', body: form });
      expect(response.status).toBe(200);
      expect(await modeOf(person, 'MEETINGS')).toBe('OFF');
    });

    it('changes nothing for a tampered, foreign or missing token (400 with a page)', async () => {
      const person = await makePerson(t);
      const token = unsubscribeToken(t.config.signingSecret, person.id, NotificationCategory.PROPOSALS);
      const forged = Buffer.from(Buffer.from(token, 'base64url').toString().replace('PROPOSALS', 'COMMENTS')).toString('base64url');
      const foreign = unsubscribeToken('another-secret-0123456789abcdef-xyz', person.id, NotificationCategory.PROPOSALS);
      const flipped = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
      const unknownPerson = unsubscribeToken(t.config.signingSecret, randomUUID(), NotificationCategory.PROPOSALS);
      for (const query of [`token=${forged}`, `token=${foreign}`, `token=${flipped}`, `token=${unknownPerson}`, '', 'token=', 'token=%00', 'token=a&token=b']) {
        for (const method of ['GET', 'POST']) {
          const response = await fetch(`${t.url}/unsubscribe?${query}`, {
            method,
            ...(method === 'POST' ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' } : {}),
          });
          expect([query, method, response.status]).toEqual([query, method, 400]);
          expect(await response.text()).toContain('This unsubscribe link is not valid. Nothing was changed.');
        }
      }
      expect(await preferencesOf(person)).toEqual(DEFAULTS);
      expect(await t.dataSource.query(`SELECT 1 FROM notification_preferences WHERE person_id = $1`, [person.id])).toHaveLength(0);
    });

    it('shows the pages in the person locale', async () => {
      const person = await makePerson(t);
      await t.dataSource.query(`UPDATE people SET locale = 'DE' WHERE id = $1`, [person.id]);
      const token = unsubscribeToken(t.config.signingSecret, person.id, NotificationCategory.COMMENTS);
      const page = await (await fetch(`${t.url}/unsubscribe?token=${token}`)).text();
      expect(page).toContain('lang="de"');
      expect(page).toContain('Keine E-Mails mehr zu Kommentaren');
      const invalid = await fetch(`${t.url}/unsubscribe?token=nope`, { headers: { 'accept-language': 'de-DE,de;q=0.9' } });
      expect(await invalid.text()).toContain('Dieser Abmeldelink ist ungültig');
    });
  });

  // --- the feed ------------------------------------------------------------------------------------

  describe('myNotifications', () => {
    it('lists the viewer’s notifications newest first, paginates, counts unread, and marks only their own read', async () => {
      const person = await makePerson(t);
      const other = await makePerson(t);
      const base = Date.now() - 3600_000;
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        ids.push(await insertNotification(person, { title: `Item ${i}`, createdAt: new Date(base + i * 1000), mode: 'DAILY_DIGEST', status: i === 0 ? 'SUPPRESSED' : 'PENDING' }));
      }
      const othersId = await insertNotification(other, { title: 'Not yours' });

      const first = await t.gql(FEED, { first: 2 }, person.token);
      expect(first.errors).toBeUndefined();
      const page1 = first.data.myNotifications;
      expect(page1.totalCount).toBe(5);
      expect(page1.unreadCount).toBe(5);
      expect(page1.edges.map((e: any) => e.node.title)).toEqual(['Item 4', 'Item 3']);
      expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      expect(page1.edges[0].node).toMatchObject({ id: ids[4], category: 'PRIORITIES', type: 'priority.adopted', link: '/priorities/x', readAt: null, emailStatus: 'PENDING' });

      const second = (await t.gql(FEED, { first: 2, after: page1.pageInfo.endCursor }, person.token)).data.myNotifications;
      expect(second.edges.map((e: any) => e.node.title)).toEqual(['Item 2', 'Item 1']);
      const third = (await t.gql(FEED, { first: 2, after: second.pageInfo.endCursor }, person.token)).data.myNotifications;
      expect(third.edges.map((e: any) => e.node.title)).toEqual(['Item 0']);
      expect(third.edges[0].node.emailStatus).toBe('SUPPRESSED');
      expect(third.pageInfo.hasNextPage).toBe(false);

      // Only the viewer's own, each counted once, only if unread.
      const marked = await t.gql(MARK_READ, { ids: [ids[4], ids[3], ids[4], othersId, randomUUID()] }, person.token);
      expect(marked.errors).toBeUndefined();
      expect(marked.data.markNotificationsRead).toBe(2);
      expect((await t.gql(MARK_READ, { ids: [ids[4]] }, person.token)).data.markNotificationsRead).toBe(0);
      expect((await t.dataSource.query(`SELECT read_at FROM notifications WHERE id = $1`, [othersId]))[0].read_at).toBeNull();
      expect((await t.gql(MARK_READ, { ids: [othersId] }, person.token)).data.markNotificationsRead).toBe(0);

      const after = (await t.gql(FEED, {}, person.token)).data.myNotifications;
      expect(after.totalCount).toBe(5);
      expect(after.unreadCount).toBe(3);
      expect(after.edges[0].node.readAt).not.toBeNull();
      const unread = (await t.gql(FEED, { unreadOnly: true }, person.token)).data.myNotifications;
      expect(unread.totalCount).toBe(3);
      expect(unread.unreadCount).toBe(3);
      expect(unread.edges.map((e: any) => e.node.title)).toEqual(['Item 2', 'Item 1', 'Item 0']);

      // The other person still sees theirs unread, and none of the first person's.
      const theirs = (await t.gql(FEED, {}, other.token)).data.myNotifications;
      expect(theirs.edges.map((e: any) => e.node.id)).toEqual([othersId]);
      expect(theirs.unreadCount).toBe(1);
    });

    it('refuses malformed ids and cursors, and anonymous callers', async () => {
      const person = await makePerson(t);
      const bad = await t.gql(MARK_READ, { ids: ['not-an-id'] }, person.token);
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0].extensions.field).toBe('ids');
      expect(errorCode(await t.gql(FEED, { after: 'garbage' }, person.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(FEED, {}))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(MARK_READ, { ids: [] }))).toBe('UNAUTHENTICATED');
      expect((await t.gql(MARK_READ, { ids: [] }, person.token)).data.markNotificationsRead).toBe(0);
    });
  });
});
