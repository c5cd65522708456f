import { makeGroup, makePerson, seat } from './support/factories';
import { SmtpSink, startSmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

const SUBMIT = `mutation ($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`;

describe('Notifications (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, RUN_WORKER: 'true' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  async function immediate(personId: string, category: string) {
    await t.dataSource.query(`INSERT INTO notification_preferences (person_id, category, mode) VALUES ($1, $2, 'IMMEDIATE')`, [personId, category]);
  }

  it('emails the group managers when an organisation applies, never the applicant, with RFC 8058 headers', async () => {
    const group = await makeGroup(t);
    const chair = await makePerson(t, { name: 'Clara Chair' });
    const secretary = await makePerson(t, { name: 'Sami Secretary' });
    const member = await makePerson(t);
    await seat(t, group.id, chair, 'CHAIR');
    await seat(t, group.id, secretary, 'SECRETARY');
    await seat(t, group.id, member, 'MEMBER');
    for (const p of [chair, secretary, member]) await immediate(p.id, 'APPLICATIONS');
    const applicant = await makePerson(t);
    await immediate(applicant.id, 'APPLICATIONS');

    const response = await t.gql(SUBMIT, { input: { workingGroupId: group.id, organizationId: applicant.organizationId, motivation: 'We bring data.' } }, applicant.token);
    expect(response.errors).toBeUndefined();

    const mails = await smtp.waitFor((m) => m.filter((x) => /applied to join/.test(x.subject ?? '')).length >= 2);
    const about = mails.filter((x) => /applied to join/.test(x.subject ?? ''));
    const recipients = about.map((m) => (m.to as { text: string }).text).sort();
    expect(recipients).toEqual([chair.email, secretary.email].sort());
    const mail = about[0];
    const raw = (name: string) => (mail.headerLines.find((h) => h.key === name)?.line ?? '').replace(/\r?\n\s+/g, ' ');
    expect(raw('list-unsubscribe')).toMatch(/^List-Unsubscribe: +<https:\/\/wg\.ecava\.test\/unsubscribe\?token=[\w-]+>$/);
    expect(raw('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@wg\.ecava\.test>$/);
    expect(mail.text).toContain('Please review the application');
    expect(mail.html).toBeTruthy();
    const rows = await t.dataSource.query(`SELECT person_id, email_status FROM notifications WHERE type = 'application.submitted'`);
    expect(rows.every((r: { email_status: string }) => r.email_status === 'SENT')).toBe(true);
  });

  it('notifies nobody when the change rolls back', async () => {
    const group = await makeGroup(t);
    const chair = await makePerson(t);
    await seat(t, group.id, chair, 'CHAIR');
    await immediate(chair.id, 'APPLICATIONS');
    const applicant = await makePerson(t);
    // A trigger makes the insert fail inside the transaction, after the event was published.
    await t.dataSource.query(`CREATE OR REPLACE FUNCTION refuse_application() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`);
    await t.dataSource.query(`CREATE TRIGGER refuse_application AFTER INSERT ON membership_applications FOR EACH ROW EXECUTE FUNCTION refuse_application()`);
    try {
      const response = await t.gql(SUBMIT, { input: { workingGroupId: group.id, organizationId: applicant.organizationId, motivation: 'x' } }, applicant.token);
      expect(response.errors?.[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await t.dataSource.query(`DROP TRIGGER refuse_application ON membership_applications`);
    }
    await new Promise((r) => setTimeout(r, 2000));
    const jobs = await t.dataSource.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'domain-events' AND data->'event'->>'workingGroupId' = $1`, [group.id]);
    expect(jobs[0].n).toBe(0);
    expect(await t.dataSource.query(`SELECT 1 FROM notifications WHERE person_id = $1`, [chair.id])).toHaveLength(0);
    expect(smtp.messages.filter((m) => (m.to as { text: string }).text === chair.email)).toHaveLength(0);
  });
});
