import { randomUUID } from 'node:crypto';
import { ParsedMail } from 'mailparser';
import { DigestsService, NotificationExpander } from '@app/notifications';
import { Actor, makeGroup, makePerson, seat } from './support/factories';
import { addCapability, addNeed, UPDATE_CAPABILITY, UPDATE_NEED } from './support/marketplace';
import { SmtpSink, startSmtpSink } from './support/smtp-sink';
import { ok, queuesSettled, startTestApp, TestApp } from './support/test-app';

const REQUEST = `mutation ($need: ID!, $capability: ID!, $message: String) { requestIntroduction(needId: $need, capabilityId: $capability, message: $message) { id } }`;
const CHANGE = `mutation ($id: ID!, $state: IntroductionState!, $note: String) { changeIntroductionState(id: $id, state: $state, note: $note) { id state } }`;
const PREFERENCES = `mutation ($preferences: [NotificationPreferenceInput!]!) { updateNotificationPreferences(preferences: $preferences) { category mode } }`;
const FEED = `{ myNotifications(first: 50) { edges { node { category type title link emailStatus } } } }`;

interface Row {
  person_id: string;
  type: string;
  title: string;
  link: string;
  data: Record<string, unknown>;
  email_mode: string;
  email_status: string;
}

// Waits for the worker and the SMTP sink.
jest.setTimeout(60_000);

/**
 * Marketplace notifications (category MARKETPLACE): a capability matching an open need tells the need's
 * owner once per pair, in the digest; introductions asked for and answered go out at once, in EN and DE;
 * an anonymous need's owner is named to the provider nowhere — data, titles, links, emails — until accepted.
 */
describe('Marketplace notifications (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  /** The industry side: an English and a German person. */
  let owner: Actor;
  let ownerColleague: Actor;
  /** The provider: an English and a German person. */
  let provider: Actor;
  let providerColleague: Actor;
  /** Seated with the others, on neither side. */
  let bystander: Actor;
  let ownerName: string;
  let providerName: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, RUN_WORKER: 'true' });
    owner = await makePerson(t, { name: 'Olga Owner' });
    ownerColleague = await makePerson(t, { organizationId: owner.organizationId, name: 'Oskar Kollege' });
    provider = await makePerson(t, { name: 'Paul Provider' });
    providerColleague = await makePerson(t, { organizationId: provider.organizationId, name: 'Petra Anbieterin' });
    bystander = await makePerson(t);
    const group = (await makeGroup(t)).id;
    for (const person of [owner, provider, bystander]) await seat(t, group, person, 'MEMBER');
    await t.dataSource.query(`UPDATE people SET locale = 'DE', timezone = 'Europe/Berlin' WHERE id = ANY($1)`, [[ownerColleague.id, providerColleague.id]]);
    await t.dataSource.query(`UPDATE organizations SET name = 'Carmaker Geheim AG' WHERE id = $1`, [owner.organizationId]);
    await t.dataSource.query(`UPDATE organizations SET name = 'Stuttgart Compute Centre' WHERE id = $1`, [provider.organizationId]);
    ownerName = 'Carmaker Geheim AG';
    providerName = 'Stuttgart Compute Centre';
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  /** Every queued event has been expanded and every queued email handled. */
  const settled = () => queuesSettled(t);

  async function notifications(type: string, key: string, value: string): Promise<Row[]> {
    await settled();
    return t.dataSource.query(`SELECT * FROM notifications WHERE type = $1 AND data->>$2 = $3 ORDER BY person_id`, [type, key, value]);
  }

  const recipients = (rows: Row[]) => rows.map((r) => r.person_id).sort();
  const ids = (...people: Actor[]) => people.map((p) => p.id).sort();
  const to = (mail: ParsedMail) => (mail.to as { text: string }).text;
  const mailsTo = (person: Actor, subject: RegExp) => smtp.messages.filter((m) => to(m) === person.email && subject.test(m.subject ?? ''));
  async function mailTo(person: Actor, subject: RegExp): Promise<ParsedMail> {
    await smtp.waitFor(() => mailsTo(person, subject).length > 0);
    return mailsTo(person, subject)[0];
  }
  const everything = (mail: ParsedMail) => `${mail.subject}\n${mail.text}\n${String(mail.html)}\n${mail.headerLines.map((h) => h.line).join('\n')}`;

  async function request(needId: string, capabilityId: string, message: string | null = null): Promise<string> {
    return ok(await t.gql(REQUEST, { need: needId, capability: capabilityId, message }, owner.token)).requestIntroduction.id;
  }

  describe('a capability matching an open need', () => {
    it("tells the need's organisation's people once per pair, in the daily digest, and nobody else", async () => {
      const need = await addNeed(t, owner, { kind: 'HPC_COMPUTE', title: 'Crash simulation campaign', quantity: 800, unit: 'NODE_HOURS' });
      const capability = await addCapability(t, provider, { kind: 'HPC_COMPUTE', title: 'Hunter CPU partition', quantity: 2000, unit: 'NODE_HOURS' });
      const rows = await notifications('marketplace.capability_matched', 'needId', need.id);
      expect(recipients(rows)).toEqual(ids(owner, ownerColleague));
      for (const row of rows) {
        expect(row).toMatchObject({ link: `/resource-needs/${need.id}`, email_mode: 'DAILY_DIGEST', email_status: 'PENDING' });
        expect(row.data).toMatchObject({ needTitle: 'Crash simulation campaign', capabilityTitle: 'Hunter CPU partition', providerName });
      }
      expect(rows.find((r) => r.person_id === owner.id)!.title).toBe('New match for "Crash simulation campaign": Hunter CPU partition');
      expect(rows.find((r) => r.person_id === ownerColleague.id)!.title).toBe('Neuer Treffer für „Crash simulation campaign“: Hunter CPU partition');
      expect(await t.dataSource.query(`SELECT 1 FROM marketplace_match_notices WHERE need_id = $1 AND capability_id = $2`, [need.id, capability.id])).toHaveLength(1);

      // Changing it, pausing it and activating it again tells nobody again.
      ok(await t.gql(UPDATE_CAPABILITY, { id: capability.id, v: 1, input: { quantity: 3000 } }, provider.token));
      ok(await t.gql(UPDATE_CAPABILITY, { id: capability.id, v: 2, input: { status: 'PAUSED' } }, provider.token));
      ok(await t.gql(UPDATE_CAPABILITY, { id: capability.id, v: 3, input: { status: 'ACTIVE' } }, provider.token));
      expect(await notifications('marketplace.capability_matched', 'needId', need.id)).toHaveLength(2);
      // A capability that does not match tells nobody.
      const other = await addCapability(t, provider, { kind: 'STORAGE' });
      expect(await notifications('marketplace.capability_matched', 'capabilityId', other.id)).toEqual([]);
    });

    it('announces a capability that starts matching when it changes, with one notification per need it matches', async () => {
      const first = await addNeed(t, owner, { kind: 'STORAGE', title: 'Recordings archive', allowedLocations: ['FI'] });
      const second = await addNeed(t, owner, { kind: 'STORAGE', title: 'Simulation results', allowedLocations: ['FI'] });
      const capability = await addCapability(t, provider, { kind: 'STORAGE', title: 'Object store', location: 'DE' });
      await settled();
      expect(await notifications('marketplace.capability_matched', 'capabilityId', capability.id)).toEqual([]);
      ok(await t.gql(UPDATE_CAPABILITY, { id: capability.id, v: 1, input: { location: 'FI' } }, provider.token));
      const rows = await notifications('marketplace.capability_matched', 'capabilityId', capability.id);
      expect(rows.map((r) => `${r.person_id} ${r.link}`).sort()).toEqual(
        [owner, ownerColleague].flatMap((p) => [`${p.id} /resource-needs/${first.id}`, `${p.id} /resource-needs/${second.id}`]).sort(),
      );
    });

    it('does not announce the matches a need had when it was published, only those that come later', async () => {
      const existing = await addCapability(t, provider, { kind: 'SIMULATION', title: 'Existing simulation service' });
      const untouched = await addCapability(t, provider, { kind: 'SIMULATION', title: 'Untouched simulation service' });
      const need = await addNeed(t, owner, { kind: 'SIMULATION', title: 'Virtual test drives' });
      await settled();
      ok(await t.gql(UPDATE_CAPABILITY, { id: existing.id, v: 1, input: { description: 'Now with more nodes' } }, provider.token));
      expect(await notifications('marketplace.capability_matched', 'needId', need.id)).toEqual([]);
      const later = await addCapability(t, provider, { kind: 'SIMULATION', title: 'New simulation service' });
      expect(recipients(await notifications('marketplace.capability_matched', 'capabilityId', later.id))).toEqual(ids(owner, ownerColleague));
      // Were a capability's event expanded late — after the need was published, before the need's own
      // event recorded the pair — it would still leave the need alone.
      await t.dataSource.query(`DELETE FROM marketplace_match_notices WHERE need_id = $1 AND capability_id = $2`, [need.id, untouched.id]);
      const created = await t.dataSource.transaction((em) =>
        t.app.get(NotificationExpander).expand(em, {
          eventId: randomUUID(),
          event: { type: 'CAPABILITY_CREATED', actorId: provider.id, capabilityId: untouched.id, organizationId: provider.organizationId, kind: 'SIMULATION' },
        }),
      );
      expect(created).toEqual([]);
    });

    it("tells only an anonymous need's own people, and not about needs that are no longer OPEN", async () => {
      const anonymous = await addNeed(t, owner, { kind: 'DATASET', title: 'Anonymous dataset need', anonymous: true });
      const closed = await addNeed(t, owner, { kind: 'DATASET', title: 'Closed dataset need' });
      ok(await t.gql(UPDATE_NEED, { id: closed.id, v: 1, input: { status: 'CLOSED' } }, owner.token));
      const capability = await addCapability(t, provider, { kind: 'DATASET' });
      const rows = await notifications('marketplace.capability_matched', 'capabilityId', capability.id);
      expect(rows.map((r) => r.data.needId)).toEqual([anonymous.id, anonymous.id]);
      expect(recipients(rows)).toEqual(ids(owner, ownerColleague));
    });

    it('goes out in the daily digest, in each reader’s language', async () => {
      const need = await addNeed(t, owner, { kind: 'MODEL_BENCHMARKING', title: 'Perception benchmark' });
      await addCapability(t, provider, { kind: 'MODEL_BENCHMARKING', title: 'Benchmark suite' });
      const rows = await notifications('marketplace.capability_matched', 'needId', need.id);
      const latest = await t.dataSource.query(`SELECT max(email_due_at) AS at FROM notifications WHERE id = ANY($1)`, [rows.map((r) => (r as unknown as { id: string }).id)]);
      await t.app.get(DigestsService).runDigests(new Date(new Date(latest[0].at).getTime() + 60_000));
      const english = await mailTo(owner, /ECAVA digest/);
      expect(english.text).toContain('New match for "Perception benchmark": Benchmark suite');
      expect(english.text).toContain(`${providerName} offers "Benchmark suite", which meets every requirement of your open need "Perception benchmark".`);
      expect(english.text).toContain(`https://wg.ecava.test/resource-needs/${need.id}`);
      const german = await mailTo(ownerColleague, /ECAVA-Zusammenfassung/);
      expect(german.text).toContain('Neuer Treffer für „Perception benchmark“: Benchmark suite');
      expect(german.text).toContain('Marktplatz-Treffern und Kontaktanfragen');
    });
  });

  describe('introductions', () => {
    it('tells the provider’s people at once, naming an anonymous need’s owner nowhere — data, titles, links, feed or emails', async () => {
      const need = await addNeed(t, owner, { title: 'Driving foundation model', anonymous: true });
      const capability = await addCapability(t, provider, { title: 'H100 GPU hours' });
      const id = await request(need.id, capability.id, 'We would start in March.');
      const rows = await notifications('marketplace.introduction_requested', 'introductionId', id);
      expect(recipients(rows)).toEqual(ids(provider, providerColleague));
      for (const row of rows) {
        expect(row).toMatchObject({ link: `/introductions/${id}`, email_mode: 'IMMEDIATE' });
        const stored = JSON.stringify(row);
        for (const secret of [ownerName, owner.organizationId, owner.id, owner.email, 'Olga Owner']) expect(stored).not.toContain(secret);
      }
      expect(rows.find((r) => r.person_id === provider.id)!.title).toBe('Introduction requested: "H100 GPU hours"');

      const english = await mailTo(provider, /Introduction requested/);
      expect(english.subject).toBe('Introduction requested: "H100 GPU hours"');
      expect(english.text).toContain('An anonymous member asks to talk about your capability "H100 GPU hours" for the need "Driving foundation model".');
      expect(english.text).toContain(`https://wg.ecava.test/introductions/${id}`);
      expect(english.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toContain('List-Unsubscribe=One-Click');
      const german = await mailTo(providerColleague, /Kontaktanfrage/);
      expect(german.subject).toBe('Kontaktanfrage: „H100 GPU hours“');
      expect(german.text).toContain('Ein anonymes Mitglied bittet um ein Gespräch über Ihr Angebot „H100 GPU hours“');
      for (const mail of [english, german]) {
        for (const secret of [ownerName, owner.organizationId, owner.id, owner.email, 'Olga Owner']) expect(everything(mail)).not.toContain(secret);
      }
      const feed = ok(await t.gql(FEED, {}, providerColleague.token)).myNotifications.edges.map((e: { node: unknown }) => e.node);
      expect(feed).toContainEqual({ category: 'MARKETPLACE', type: 'marketplace.introduction_requested', title: 'Kontaktanfrage: „H100 GPU hours“', link: `/introductions/${id}`, emailStatus: 'SENT' });
      expect(JSON.stringify(feed)).not.toContain(ownerName);
      // The requester's side and bystanders are not told of their own request.
      expect(mailsTo(owner, /Introduction/)).toEqual([]);
      expect(mailsTo(bystander, /./)).toEqual([]);
    });

    it('names the owner to the provider when the need is not anonymous', async () => {
      const need = await addNeed(t, owner, { title: 'Open need' });
      const capability = await addCapability(t, provider, { title: 'A100 partition' });
      const id = await request(need.id, capability.id);
      const [row] = (await notifications('marketplace.introduction_requested', 'introductionId', id)).filter((r) => r.person_id === provider.id);
      expect(row.data).toMatchObject({ requester: ownerName, anonymous: false });
      const mail = await mailTo(provider, /A100 partition/);
      expect(mail.text).toContain(`${ownerName} asks to talk about your capability "A100 partition"`);
    });

    it('tells the requester and the owner’s people at once when the provider accepts or declines, with the note', async () => {
      const need = await addNeed(t, owner, { title: 'Synthetic night scenes', anonymous: true });
      const accepted = await addCapability(t, provider, { title: 'Scene generator' });
      const declined = await addCapability(t, provider, { title: 'Sensor simulator' });
      const acceptedId = await request(need.id, accepted.id);
      const declinedId = await request(need.id, declined.id);
      ok(await t.gql(CHANGE, { id: acceptedId, state: 'ACCEPTED', note: 'Let us meet next week.' }, providerColleague.token));
      ok(await t.gql(CHANGE, { id: declinedId, state: 'DECLINED', note: 'Fully booked.' }, provider.token));
      const yes = await notifications('marketplace.introduction_accepted', 'introductionId', acceptedId);
      const no = await notifications('marketplace.introduction_declined', 'introductionId', declinedId);
      expect(recipients(yes)).toEqual(ids(owner, ownerColleague));
      expect(recipients(no)).toEqual(ids(owner, ownerColleague));
      expect([...yes, ...no].every((r) => r.email_mode === 'IMMEDIATE')).toBe(true);
      const accepting = await mailTo(owner, /accepted your introduction/);
      expect(accepting.subject).toBe(`${providerName} accepted your introduction: "Synthetic night scenes"`);
      expect(accepting.text).toContain('Note: Let us meet next week.');
      expect(accepting.text).toContain(`https://wg.ecava.test/introductions/${acceptedId}`);
      const declining = await mailTo(ownerColleague, /abgelehnt/);
      expect(declining.subject).toBe(`${providerName} hat Ihre Kontaktanfrage abgelehnt: „Synthetic night scenes“`);
      expect(declining.text).toContain('Anmerkung: Fully booked.');
      // The provider's people hear of their own answers from nobody.
      expect(mailsTo(provider, /accepted|declined|angenommen|abgelehnt/)).toEqual([]);
    });

    it('tells the provider’s people of a withdrawal, still without naming an anonymous owner', async () => {
      const need = await addNeed(t, owner, { title: 'Battery housing crash tests', anonymous: true });
      const capability = await addCapability(t, provider, { title: 'Crash solver licences' });
      const id = await request(need.id, capability.id);
      ok(await t.gql(CHANGE, { id, state: 'WITHDRAWN', note: 'Solved in-house.' }, ownerColleague.token));
      const rows = await notifications('marketplace.introduction_withdrawn', 'introductionId', id);
      expect(recipients(rows)).toEqual(ids(provider, providerColleague));
      const mail = await mailTo(provider, /Introduction withdrawn/);
      expect(mail.text).toContain('An anonymous member withdrew the request to talk about "Crash solver licences" for the need "Battery housing crash tests". Note: Solved in-house.');
      for (const secret of [ownerName, owner.organizationId, ownerColleague.id, 'Oskar Kollege', ownerColleague.email]) {
        expect(everything(mail)).not.toContain(secret);
        expect(JSON.stringify(rows)).not.toContain(secret);
      }
    });

    it('goes out at once whatever digest the person chose for MARKETPLACE, and not at all when it is OFF', async () => {
      ok(await t.gql(PREFERENCES, { preferences: [{ category: 'MARKETPLACE', mode: 'WEEKLY_DIGEST' }] }, provider.token));
      ok(await t.gql(PREFERENCES, { preferences: [{ category: 'MARKETPLACE', mode: 'OFF' }] }, providerColleague.token));
      const need = await addNeed(t, owner, { title: 'Preference check' });
      const capability = await addCapability(t, provider, { title: 'Preference capability' });
      const id = await request(need.id, capability.id);
      const rows = await notifications('marketplace.introduction_requested', 'introductionId', id);
      expect(rows.map((r) => [r.person_id, r.email_mode, r.email_status]).sort()).toEqual(
        [
          [provider.id, 'IMMEDIATE', 'SENT'],
          [providerColleague.id, 'OFF', 'SUPPRESSED'],
        ].sort(),
      );
      await mailTo(provider, /Preference capability/);
      expect(mailsTo(providerColleague, /Preference capability/)).toEqual([]);
      // A match still follows the chosen digest.
      const matchNeed = await addNeed(t, provider, { kind: 'EXPERTISE', title: 'Provider needs expertise' });
      await addCapability(t, owner, { kind: 'EXPERTISE', title: 'Owner expertise' });
      const matched = await notifications('marketplace.capability_matched', 'needId', matchNeed.id);
      expect(matched.map((r) => [r.person_id, r.email_mode]).sort()).toEqual(
        [
          [provider.id, 'WEEKLY_DIGEST'],
          [providerColleague.id, 'OFF'],
        ].sort(),
      );
    });

    it('notifies nobody of a refused request (nothing is queued)', async () => {
      const need = await addNeed(t, owner, { title: 'Refused twice' });
      const capability = await addCapability(t, provider, { title: 'Only once' });
      await request(need.id, capability.id);
      const again = await t.gql(REQUEST, { need: need.id, capability: capability.id }, ownerColleague.token);
      expect(again.errors?.[0].extensions.reason).toBe('INTRODUCTION_EXISTS');
      await settled();
      const rows: { n: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM notifications WHERE type = 'marketplace.introduction_requested' AND data->>'needId' = $1`,
        [need.id],
      );
      expect(rows[0].n).toBe(2);
    });
  });
});
