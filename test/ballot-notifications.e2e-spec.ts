import { ParsedMail } from 'mailparser';
import { BallotClosePass } from '@app/governance';
import { Actor, makeGroup, makePerson, seat } from './support/factories';
import { openBallot, vote } from './support/ballots';
import { SmtpSink, startSmtpSink } from './support/smtp-sink';
import { ok, queuesSettled, startTestApp, TestApp } from './support/test-app';

const PREFERENCES = `mutation ($preferences: [NotificationPreferenceInput!]!) { updateNotificationPreferences(preferences: $preferences) { category mode } }`;
const FEED = `{ myNotifications(first: 50) { edges { node { category type title link emailStatus } } } }`;
const HOUR = 60 * 60 * 1000;

// Waits for the worker and the SMTP sink.
jest.setTimeout(90_000);

/**
 * Ballot notifications (category BALLOTS, immediate by default, EN and DE): a ballot opened (the eligible
 * organisations' voters), closing within 24 hours (the voters of organisations without a vote, once) and its
 * result (the group's seated people) — by email and in the feed, never saying who voted how.
 */
describe('Ballot notifications (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let group: string;
  let chair: Actor;
  /** An English voter (London) and a German one (Berlin), of two organisations; an observer of the first. */
  let english: Actor;
  let german: Actor;
  let observer: Actor;
  let outsider: Actor;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, RUN_WORKER: 'true' });
    group = (await makeGroup(t)).id;
    chair = await makePerson(t, { name: 'Clara Chair' });
    english = await makePerson(t, { name: 'Edward Voter' });
    german = await makePerson(t, { name: 'Greta Wählerin' });
    observer = await makePerson(t, { organizationId: english.organizationId, name: 'Otto Observer' });
    outsider = await makePerson(t, { name: 'Oscar Outsider' });
    await seat(t, group, chair, 'CHAIR');
    await seat(t, group, english, 'MEMBER');
    await seat(t, group, german, 'MEMBER');
    await seat(t, group, observer, 'OBSERVER');
    await t.dataSource.query(`UPDATE people SET locale = 'DE', timezone = 'Europe/Berlin' WHERE id = $1`, [german.id]);
    await t.dataSource.query(`UPDATE people SET timezone = 'Europe/London' WHERE id = ANY($1)`, [[english.id, chair.id, observer.id]]);
    await t.dataSource.query(`UPDATE organizations SET name = 'Autobauer Nord AG' WHERE id = $1`, [english.organizationId]);
    await t.dataSource.query(`UPDATE organizations SET name = 'Sensor Süd GmbH' WHERE id = $1`, [german.organizationId]);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  async function recipients(type: string, ballotId: string): Promise<string[]> {
    await queuesSettled(t);
    const rows = await t.dataSource.query(`SELECT person_id FROM notifications WHERE type = $1 AND data->>'ballotId' = $2`, [type, ballotId]);
    return rows.map((r: { person_id: string }) => r.person_id).sort();
  }
  const ids = (...people: Actor[]) => people.map((p) => p.id).sort();
  const to = (mail: ParsedMail) => (mail.to as { text: string }).text;
  const mailsTo = (person: Actor, subject: RegExp) => smtp.messages.filter((m) => to(m) === person.email && subject.test(m.subject ?? ''));
  async function mailTo(person: Actor, subject: RegExp): Promise<ParsedMail> {
    await smtp.waitFor(() => mailsTo(person, subject).length > 0);
    return mailsTo(person, subject)[0];
  }

  it('tells the voters a ballot opened, reminds those without a vote once, and tells the group the result', async () => {
    const closesAt = '2031-03-14T16:00:00.000Z';
    const ballot = await openBallot(t, chair, group, { title: 'Adopt the sensor charter', motion: 'The group adopts the charter.', closesAt, secret: true });
    // Opened: the voters of eligible organisations, not the chair who opened it, not the observer, not outsiders.
    expect(await recipients('ballot.opened', ballot.id)).toEqual(ids(english, german));
    const opened = await mailTo(english, /^Vote open until/);
    expect(opened.subject).toBe('Vote open until 14 March 2031 at 16:00 GMT: "Adopt the sensor charter"');
    expect(opened.text).toContain('The group adopts the charter.');
    expect(opened.text).toContain('The ballot is secret: only the tallies are ever shown.');
    expect(opened.text).toContain(`/ballots/${ballot.id}`);
    expect(opened.text).toContain('Stop emails about ballots');
    const geöffnet = await mailTo(german, /^Abstimmung offen/);
    expect(geöffnet.subject).toBe('Abstimmung offen bis 14. März 2031 um 17:00 MEZ: „Adopt the sensor charter“');
    expect(geöffnet.text).toContain('Keine E-Mails mehr zu Abstimmungen');

    // 23 hours before closing: the organisations that have not voted (the German one and the chair's), once.
    ok(await vote(t, english, ballot.id, 'NO'));
    const pass = t.app.get(BallotClosePass);
    await pass.run(new Date(new Date(closesAt).getTime() - 23 * HOUR));
    await pass.run(new Date(new Date(closesAt).getTime() - 22 * HOUR));
    expect(await recipients('ballot.closing_soon', ballot.id)).toEqual(ids(chair, german));
    const reminder = await mailTo(german, /noch nicht abgestimmt/);
    expect(reminder.subject).toBe('Ihre Organisation hat noch nicht abgestimmt: „Adopt the sensor charter“ endet 14. März 2031 um 17:00 MEZ');
    expect(mailsTo(english, /not voted/)).toEqual([]);

    // Closed by the platform: everyone seated in the group, observers included; tallies only.
    ok(await vote(t, german, ballot.id, 'YES'));
    await pass.run(new Date(new Date(closesAt).getTime() + 1000));
    expect(await recipients('ballot.result', ballot.id)).toEqual(ids(chair, english, german, observer));
    const result = await mailTo(observer, /^Result of/);
    expect(result.subject).toBe('Result of "Adopt the sensor charter": not passed');
    expect(result.text).toContain('2 of 3 organisations voted; 1 yes, 1 no, 0 abstain.');
    for (const mail of smtp.messages.filter((m) => /sensor charter/.test(m.subject ?? ''))) {
      expect(mail.text).not.toMatch(/Autobauer Nord|Sensor Süd/);
    }
    const feed = ok(await t.gql(FEED, {}, german.token)).myNotifications.edges.map((e: { node: unknown }) => e.node);
    expect(feed).toContainEqual({
      category: 'BALLOTS',
      type: 'ballot.result',
      title: 'Ergebnis von „Adopt the sensor charter“: abgelehnt',
      link: `/ballots/${ballot.id}`,
      emailStatus: 'SENT',
    });
    expect(smtp.messages.filter((m) => to(m) === outsider.email)).toEqual([]);
  });

  it('sends no email when the person turned BALLOTS off, and keeps the feed entry', async () => {
    ok(await t.gql(PREFERENCES, { preferences: [{ category: 'BALLOTS', mode: 'OFF' }] }, german.token));
    const ballot = await openBallot(t, chair, group, { title: 'Quiet ballot', closesAt: new Date(Date.now() + 7 * 24 * HOUR).toISOString() });
    expect(await recipients('ballot.opened', ballot.id)).toEqual(ids(english, german));
    await mailTo(english, /Quiet ballot/);
    expect(mailsTo(german, /Quiet ballot/)).toEqual([]);
    const feed = ok(await t.gql(FEED, {}, german.token)).myNotifications.edges.map((e: { node: { title: string } }) => e.node);
    expect(feed.some((n: { title: string }) => n.title.includes('Quiet ballot'))).toBe(true);
  });
});
