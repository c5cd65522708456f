import { ParsedMail } from 'mailparser';
import { makeGroup, makePerson, seat } from './support/factories';
import { SmtpSink, startSmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

const SUBMIT = `mutation ($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`;

/** A new organisation applies to the group through the API (its chairs are notified). */
async function applyThrough(app: TestApp, groupId: string, motivation: string): Promise<void> {
  const applicant = await makePerson(app);
  const response = await app.gql(SUBMIT, { input: { workingGroupId: groupId, organizationId: applicant.organizationId, motivation } }, applicant.token);
  expect(response.errors).toBeUndefined();
}

/**
 * SMTP failures: a transient reply (4xx) is retried with exponential backoff until the email goes
 * out; a permanent one (5xx) marks the delivery FAILED, keeps it, and is not retried. The first retry
 * waits NOTIFY_RETRY_DELAY_SECONDS (1 s here, 10 s by default), each next one about twice as long.
 */
describe('Notification email retries (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, NOTIFY_RETRY_DELAY_SECONDS: '1', RUN_WORKER: 'true' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  /** A group whose chair wants application emails immediately; an applicant submits; returns the chair's delivery. */
  async function applyTo(): Promise<{ chairEmail: string; delivery: () => Promise<Delivery | undefined> }> {
    const group = await makeGroup(t);
    const chair = await makePerson(t);
    await seat(t, group.id, chair, 'CHAIR');
    await t.dataSource.query(`INSERT INTO notification_preferences (person_id, category, mode) VALUES ($1, 'APPLICATIONS', 'IMMEDIATE')`, [chair.id]);
    await applyThrough(t, group.id, 'Retry test');
    return {
      chairEmail: chair.email,
      delivery: async () =>
        (
          await t.dataSource.query(
            `SELECT n.id, n.email_status AS status, n.email_attempts AS attempts, n.email_error AS error, n.email_sent_at AS "sentAt", n.created_at AS "createdAt",
                    (SELECT array_agg(j.state::text) FROM pgboss.job j WHERE j.name = 'email-send' AND j.data->>'notificationId' = n.id::text) AS "jobStates"
             FROM notifications n WHERE n.person_id = $1`,
            [chair.id],
          )
        )[0],
    };
  }

  interface Delivery {
    id: string;
    status: string;
    attempts: number;
    error: string | null;
    sentAt: Date | null;
    createdAt: Date;
    jobStates: string[] | null;
  }

  /** Every email job of a delivery has finished (none waiting, running or due for a retry). */
  const settled = (jobStates: string[] | null) => jobStates !== null && jobStates.every((state) => state === 'completed' || state === 'failed');

  async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('retries a transient failure (451) with backoff until the email is SENT, once', async () => {
    smtp.failNext(3, 451);
    const { chairEmail, delivery } = await applyTo();
    // SENT with its job completed: an attempt marks the row SENT as the message leaves and puts it back
    // when the server refuses, so SENT alone may be read in that instant, while the job is still active.
    const sent = (await until('the delivery to be SENT', delivery, (d) => d?.status === 'SENT' && settled(d.jobStates), 40_000))!;
    // Three refusals, then success: four attempts, the error cleared.
    expect(sent.attempts).toBe(4);
    expect(sent.error).toBeNull();
    // Backoff: retries after at least 1 + 2 + 4 s (pg-boss waits retryDelay · 2^(n-1) · (1 + random)).
    expect(new Date(sent.sentAt!).getTime() - new Date(sent.createdAt).getTime()).toBeGreaterThanOrEqual(7_000);
    // SENT is recorded as the message leaves, before the server's reply: the sink may still be parsing it.
    const toChair = (m: ParsedMail) => (m.to as { text: string }).text === chairEmail;
    await smtp.waitFor((messages) => messages.some(toChair));
    await new Promise((r) => setTimeout(r, 300));
    const received = smtp.messages.filter(toChair);
    expect(received).toHaveLength(1);
    expect(received[0].messageId).toBe(`<${sent.id}@wg.ecava.test>`);
  }, 60_000);

  it('marks a permanent failure (550) FAILED, keeps it with the reason, and does not retry it', async () => {
    smtp.failNext(1, 550);
    const { chairEmail, delivery } = await applyTo();
    const failed = (await until('the delivery to be FAILED', delivery, (d) => d?.status === 'FAILED', 20_000))!;
    expect(failed.attempts).toBe(1);
    expect(failed.error).toMatch(/550/);
    // Long enough for two retries at 1 s and 2 s, had there been any: the next message would be accepted.
    await new Promise((r) => setTimeout(r, 5_000));
    const later = (await delivery())!;
    expect(later).toMatchObject({ status: 'FAILED', attempts: 1, sentAt: null });
    expect(later.jobStates).toEqual(['completed']);
    expect(smtp.messages.filter((m) => (m.to as { text: string }).text === chairEmail)).toHaveLength(0);
  }, 40_000);

  it('retries only the email that failed: the rest of its batch completes at once', async () => {
    const group = await makeGroup(t);
    const chairs = [await makePerson(t), await makePerson(t), await makePerson(t)];
    for (const chair of chairs) await seat(t, group.id, chair, 'CHAIR');
    const ids = chairs.map((c) => c.id);
    await t.dataSource.query(`INSERT INTO notification_preferences (person_id, category, mode) SELECT unnest($1::uuid[]), 'APPLICATIONS', 'IMMEDIATE'`, [ids]);
    smtp.failNext(1, 451);
    await applyThrough(t, group.id, 'One fails');
    const read = async () =>
      (await t.dataSource.query(
        `SELECT n.email_status AS status, n.email_attempts AS attempts,
                (SELECT max(j.retry_count) FROM pgboss.job j WHERE j.name = 'email-send' AND j.data->>'notificationId' = n.id::text) AS retries,
                (SELECT array_agg(j.state::text) FROM pgboss.job j WHERE j.name = 'email-send' AND j.data->>'notificationId' = n.id::text) AS "jobStates"
         FROM notifications n WHERE n.person_id = ANY($1) ORDER BY n.email_attempts`,
        [ids],
      )) as { status: string; attempts: number; retries: number; jobStates: string[] | null }[];
    const done = await until('all three SENT', read, (r) => r.length === 3 && r.every((d) => d.status === 'SENT' && settled(d.jobStates)), 30_000);
    const rows = done.map(({ status, attempts, retries }) => ({ status, attempts, retries }));
    // The refused one took a second attempt on its own job; the two others' jobs were never retried.
    expect(rows).toEqual([
      { status: 'SENT', attempts: 1, retries: 0 },
      { status: 'SENT', attempts: 1, retries: 0 },
      { status: 'SENT', attempts: 2, retries: 1 },
    ]);
    const emails = new Set(chairs.map((c) => c.email));
    await smtp.waitFor((messages) => messages.filter((m) => emails.has((m.to as { text: string }).text)).length >= 3);
  }, 40_000);

  describe('when transient failures outlast the retries', () => {
    let limited: TestApp;

    beforeAll(async () => {
      limited = await startTestApp({ SMTP_URL: smtp.url, NOTIFY_RETRY_DELAY_SECONDS: '1', NOTIFY_RETRY_LIMIT: '1', RUN_WORKER: 'true' });
    });
    afterAll(async () => {
      smtp.failNext(0, 0);
      await limited.close();
    });

    it('marks the delivery FAILED after the last attempt instead of leaving it PENDING', async () => {
      smtp.failNext(50, 451);
      const group = await makeGroup(limited);
      const chair = await makePerson(limited);
      await seat(limited, group.id, chair, 'CHAIR');
      await limited.dataSource.query(`INSERT INTO notification_preferences (person_id, category, mode) VALUES ($1, 'APPLICATIONS', 'IMMEDIATE')`, [chair.id]);
      await applyThrough(limited, group.id, 'Give up');
      const read = async () =>
        (await limited.dataSource.query(`SELECT email_status AS status, email_attempts AS attempts, email_error AS error FROM notifications WHERE person_id = $1`, [chair.id]))[0];
      const failed = await until('the delivery to be FAILED', read, (d) => d?.status === 'FAILED', 30_000);
      // One attempt and one retry (NOTIFY_RETRY_LIMIT=1), then it gives up and keeps the reason.
      expect(failed.attempts).toBe(2);
      expect(failed.error).toMatch(/451|Try again/);
      expect(smtp.messages.filter((m) => (m.to as { text: string }).text === chair.email)).toHaveLength(0);
    }, 40_000);
  });
});
