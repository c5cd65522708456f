import { ParsedMail } from 'mailparser';
import { makePerson } from './support/factories';
import { SmtpSink, startSmtpSink } from './support/smtp-sink';
import { AuthService } from '@app/core';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const REQUEST_LINK = `mutation ($email: String!) { requestSignInLink(email: $email) }`;
const SIGN_IN = `mutation ($token: String!) { signIn(token: $token) { token expiresAt person { id name email } } }`;
const ME = `{ me { id name } }`;

function tokenFromMail(text: string): string {
  const match = /sign-in\?token=([\w-]+)/.exec(text);
  if (!match) throw new Error(`no sign-in link in: ${text}`);
  return decodeURIComponent(match[1]);
}

/** The emails written so far once there are at least `count` (the worker sends them after the answer). */
async function mailsUntil(t: TestApp, count: number): Promise<ParsedMail[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mails = await t.mails();
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} emails; got ${mails.length}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sign-in emails queued and not yet sent (or being retried). */
async function pendingSignInEmails(t: TestApp): Promise<number> {
  const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'sign-in-email' AND state < 'completed'`);
  return row.n;
}

describe('Sign-in and tokens (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ SIGN_IN_LIMIT_PER_EMAIL: '3', SIGN_IN_LIMIT_PER_IP: '12', RUN_WORKER: 'true' });
  });
  afterAll(() => t.close());

  it('refuses anonymous queries with UNAUTHENTICATED', async () => {
    const response = await t.gql(ME);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.data?.me ?? null).toBeNull();
  });

  it('refuses an unknown bearer token', async () => {
    expect(errorCode(await t.gql(ME, {}, 'ecs_nottherealthing'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(ME, {}, 'garbage'))).toBe('UNAUTHENTICATED');
  });

  it('signs in through the emailed link, once, and signs out', async () => {
    const person = await makePerson(t, { name: 'Hélène Brück' });
    const before = (await t.mails()).length;
    const requested = await t.gql(REQUEST_LINK, { email: person.email.toUpperCase() }, undefined, { 'x-forwarded-for': '10.0.0.1' });
    expect(requested).toEqual({ data: { requestSignInLink: true } });

    const mails = await mailsUntil(t, before + 1);
    expect(mails).toHaveLength(before + 1);
    const mail = mails[mails.length - 1];
    expect((mail.to as { text: string }).text).toBe(person.email);
    expect(mail.text).toContain('https://wg.ecava.test/sign-in?token=');
    expect(mail.html).toContain('Hélène Brück');
    const linkToken = tokenFromMail(mail.text!);
    expect(linkToken).toMatch(/^ecl_[\w-]{43}$/);

    // Only the hash is stored.
    const stored = await t.dataSource.query(`SELECT token_hash FROM sign_in_links WHERE person_id = $1`, [person.id]);
    expect(stored[0].token_hash).not.toContain(linkToken.slice(4));

    const signedIn = await t.gql(SIGN_IN, { token: linkToken });
    const session = signedIn.data.signIn;
    expect(session.person).toEqual({ id: person.id, name: 'Hélène Brück', email: person.email });
    expect(new Date(session.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86400_000);
    expect((await t.gql(ME, {}, session.token)).data.me.id).toBe(person.id);

    // Single use.
    expect(errorCode(await t.gql(SIGN_IN, { token: linkToken }))).toBe('UNAUTHENTICATED');

    expect((await t.gql(`mutation { signOut }`, {}, session.token)).data.signOut).toBe(true);
    expect(errorCode(await t.gql(ME, {}, session.token))).toBe('UNAUTHENTICATED');
  });

  it('writes the email in German for a German-speaking person', async () => {
    const person = await makePerson(t);
    await t.gql(`mutation { updateMyProfile(input: { locale: DE }) { locale } }`, {}, person.token);
    const before = (await t.mails()).length;
    await t.gql(REQUEST_LINK, { email: person.email });
    const mail = (await mailsUntil(t, before + 1)).pop()!;
    expect(mail.subject).toBe('Ihr Anmeldelink für die ECAVA-Arbeitsgruppen');
    expect(mail.text).toContain('Anmelden');
  });

  it('rejects an expired link', async () => {
    const person = await makePerson(t);
    const before = (await t.mails()).length;
    await t.gql(REQUEST_LINK, { email: person.email });
    const token = tokenFromMail((await mailsUntil(t, before + 1)).pop()!.text!);
    await t.dataSource.query(`UPDATE sign_in_links SET expires_at = now() - interval '1 second' WHERE person_id = $1`, [person.id]);
    const response = await t.gql(SIGN_IN, { token });
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.errors![0].extensions.reason).toBe('INVALID_SIGN_IN_TOKEN');
  });

  it('answers true for an unknown address and sends nothing', async () => {
    const before = (await t.mails()).length;
    const [{ links }] = await t.dataSource.query(`SELECT count(*)::int AS links FROM sign_in_links`);
    const [{ jobs }] = await t.dataSource.query(`SELECT count(*)::int AS jobs FROM pgboss.job WHERE name = 'sign-in-email'`);
    expect((await t.gql(REQUEST_LINK, { email: 'nobody@nowhere.example' })).data.requestSignInLink).toBe(true);
    // Nothing was queued, so nothing can be sent later either.
    expect(await t.dataSource.query(`SELECT count(*)::int AS links FROM sign_in_links`)).toEqual([{ links }]);
    expect(await t.dataSource.query(`SELECT count(*)::int AS jobs FROM pgboss.job WHERE name = 'sign-in-email'`)).toEqual([{ jobs }]);
    expect(await t.mails()).toHaveLength(before);
  });

  it('rejects a malformed address with BAD_USER_INPUT naming the field', async () => {
    const response = await t.gql(REQUEST_LINK, { email: 'not-an-email' });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions.field).toBe('email');
  });

  it('rate-limits requests per address, known or not', async () => {
    const email = 'flood@nowhere.example';
    for (let i = 0; i < 3; i += 1) expect((await t.gql(REQUEST_LINK, { email })).data.requestSignInLink).toBe(true);
    const limited = await t.gql(REQUEST_LINK, { email });
    expect(errorCode(limited)).toBe('TOO_MANY_REQUESTS');
  });

  it('rate-limits requests per client IP', async () => {
    await t.dataSource.query(`DELETE FROM sign_in_requests`);
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 13; i += 1) codes.push(errorCode(await t.gql(REQUEST_LINK, { email: `ip-${i}@nowhere.example` })));
    expect(codes.slice(0, 12).every((c) => c === undefined)).toBe(true);
    expect(codes[12]).toBe('TOO_MANY_REQUESTS');
  });

  it('creates, lists, uses and revokes personal access tokens', async () => {
    const person = await makePerson(t);
    const created = await t.gql(
      `mutation { createAccessToken(name: "nightly export") { secret token { id name createdAt lastUsedAt } } }`,
      {},
      person.token,
    );
    const { secret, token } = created.data.createAccessToken;
    expect(secret).toMatch(/^ecp_/);
    expect(token.name).toBe('nightly export');
    expect((await t.gql(ME, {}, secret)).data.me.id).toBe(person.id);
    const listed = await t.gql(`{ myAccessTokens { id lastUsedAt } }`, {}, secret);
    expect(listed.data.myAccessTokens.find((x: { id: string }) => x.id === token.id).lastUsedAt).not.toBeNull();

    // Someone else cannot revoke it.
    const other = await makePerson(t);
    expect(errorCode(await t.gql(`mutation ($id: ID!) { revokeAccessToken(id: $id) }`, { id: token.id }, other.token))).toBe('NOT_FOUND');
    expect((await t.gql(ME, {}, secret)).data.me.id).toBe(person.id);

    expect((await t.gql(`mutation ($id: ID!) { revokeAccessToken(id: $id) }`, { id: token.id }, person.token)).data.revokeAccessToken).toBe(true);
    expect(errorCode(await t.gql(ME, {}, secret))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(`mutation ($id: ID!) { revokeAccessToken(id: $id) }`, { id: token.id }, person.token))).toBe('NOT_FOUND');
  });

  it('signOut with an access token revokes nothing', async () => {
    const person = await makePerson(t);
    expect((await t.gql(`mutation { signOut }`, {}, person.token)).data.signOut).toBe(false);
    expect((await t.gql(ME, {}, person.token)).data.me.id).toBe(person.id);
  });

  describe('with the viewer cache (AUTH_CACHE_SECONDS=1)', () => {
    let cached: TestApp;

    beforeAll(async () => {
      cached = await startTestApp({ AUTH_CACHE_SECONDS: '1' });
    });
    afterAll(() => cached.close());

    it('looks a token up once, not on every request', async () => {
      const person = await makePerson(cached);
      await cached.gql(ME, {}, person.token);
      const { statements } = await cached.counter.measure(() => cached.gql(`{ __typename }`, {}, person.token));
      expect(statements).toEqual([]);
    });

    it('refuses a token revoked through this instance at once, and one revoked elsewhere within the cache time', async () => {
      const person = await makePerson(cached);
      const created = await cached.gql(`mutation { createAccessToken(name: "ci") { secret token { id } } }`, {}, person.token);
      const { secret, token } = created.data.createAccessToken;
      expect((await cached.gql(ME, {}, secret)).data.me.id).toBe(person.id);
      expect((await cached.gql(`mutation ($id: ID!) { revokeAccessToken(id: $id) }`, { id: token.id }, person.token)).data.revokeAccessToken).toBe(true);
      expect(errorCode(await cached.gql(ME, {}, secret))).toBe('UNAUTHENTICATED');

      // Revoked by another instance (here: straight in the database): this one still knows the viewer, for at most a second.
      expect((await cached.gql(ME, {}, person.token)).data.me.id).toBe(person.id);
      await cached.dataSource.query(`UPDATE access_tokens SET revoked_at = now() WHERE person_id = $1`, [person.id]);
      expect((await cached.gql(ME, {}, person.token)).data.me.id).toBe(person.id);
      await new Promise((r) => setTimeout(r, 1_100));
      expect(errorCode(await cached.gql(ME, {}, person.token))).toBe('UNAUTHENTICATED');
    });

    it('sees a profile change made through this instance at once', async () => {
      const person = await makePerson(cached);
      expect((await cached.gql(`{ me { locale } }`, {}, person.token)).data.me.locale).toBe('EN');
      const updated = await cached.gql(`mutation { updateMyProfile(input: { locale: DE }) { locale } }`, {}, person.token);
      expect(updated.data.updateMyProfile.locale).toBe('DE');
      const { result, statements } = await cached.counter.measure(() => cached.gql(`{ __typename }`, {}, person.token));
      expect(result.errors).toBeUndefined();
      // The cached viewer was dropped: the next request looks the token up again.
      expect(statements.length).toBe(1);
    });
  });
});

describe('Sign-in link requests over SMTP, concurrent (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink({ hold: true });
    t = await startTestApp({
      SMTP_URL: smtp.url,
      RUN_WORKER: 'true',
      SIGN_IN_LIMIT_PER_EMAIL: '5',
      SIGN_IN_LIMIT_PER_IP: '30',
      NOTIFY_RETRY_DELAY_SECONDS: '1',
    });
  });
  afterAll(async () => {
    smtp.release();
    await t.close();
    await smtp.close();
  });

  const to = (person: { email: string }) => (messages: ParsedMail[]) => messages.filter((m) => (m.to as { text: string }).text === person.email);

  it('answers before the mail server has received anything; the queued email arrives afterwards', async () => {
    const person = await makePerson(t);
    // The sink holds every sender until released; a request that waited for it would answer only after this.
    const releaseLater = setTimeout(() => smtp.release(), 5_000);
    const answered = await t.gql(REQUEST_LINK, { email: person.email }).then((response) => ({
      response,
      received: smtp.messages.length,
    }));
    clearTimeout(releaseLater);
    expect(answered.response).toEqual({ data: { requestSignInLink: true } });
    expect(answered.received).toBe(0);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM sign_in_links WHERE person_id = $1`, [person.id])).toEqual([{ n: 1 }]);

    smtp.release();
    const [mail] = to(person)(await smtp.waitFor((m) => to(person)(m).length === 1));
    const token = tokenFromMail(mail.text!);
    expect((await t.gql(SIGN_IN, { token })).data.signIn.person.id).toBe(person.id);
  });

  it('creates and emails exactly SIGN_IN_LIMIT_PER_EMAIL links for 20 parallel requests for one address', async () => {
    const person = await makePerson(t);
    const responses = await Promise.all(Array.from({ length: 20 }, () => t.gql(REQUEST_LINK, { email: person.email })));
    expect(responses.filter((r) => r.data?.requestSignInLink === true)).toHaveLength(5);
    expect(responses.filter((r) => errorCode(r) === 'TOO_MANY_REQUESTS')).toHaveLength(15);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM sign_in_links WHERE person_id = $1`, [person.id])).toEqual([{ n: 5 }]);
    await smtp.waitFor((m) => to(person)(m).length >= 5);
    for (let i = 0; i < 100 && (await pendingSignInEmails(t)) > 0; i += 1) await new Promise((r) => setTimeout(r, 100));
    expect(await pendingSignInEmails(t)).toBe(0);
    expect(to(person)(smtp.messages)).toHaveLength(5);
  });

  it('retries a sign-in email the mail server refused for now; the link that arrives works', async () => {
    const person = await makePerson(t);
    smtp.failNext(1, 451);
    expect((await t.gql(REQUEST_LINK, { email: person.email })).data.requestSignInLink).toBe(true);
    const [mail] = to(person)(await smtp.waitFor((m) => to(person)(m).length === 1));
    expect((await t.gql(SIGN_IN, { token: tokenFromMail(mail.text!) })).data.signIn.person.id).toBe(person.id);
  });

  it('records exactly SIGN_IN_LIMIT_PER_IP requests for 40 parallel requests from one client', async () => {
    await t.dataSource.query(`DELETE FROM sign_in_requests`);
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => t.gql(REQUEST_LINK, { email: `parallel-${i}@nowhere.example` })));
    expect(responses.filter((r) => r.data?.requestSignInLink === true)).toHaveLength(30);
    expect(responses.filter((r) => errorCode(r) === 'TOO_MANY_REQUESTS')).toHaveLength(10);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM sign_in_requests`)).toEqual([{ n: 30 }]);
  });

  it("lists a person's live sessions, marks the current one, and revokes another browser's", async () => {
    const person = await makePerson(t);
    const auth = t.app.get(AuthService);
    const laptop = await auth.createSession(person.id);
    const phone = await auth.createSession(person.id);
    const expired = await auth.createSession(person.id);
    await t.dataSource.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.session.id]);
    const stranger = await auth.createSession((await makePerson(t)).id);
    const SESSIONS = `{ mySessions { id current createdAt expiresAt } }`;

    const listed = (await t.gql(SESSIONS, {}, laptop.token)).data.mySessions;
    expect(listed.map((s: { id: string; current: boolean }) => [s.id, s.current]).sort()).toEqual([[laptop.session.id, true], [phone.session.id, false]].sort());
    // With an access token no session is the current one.
    expect((await t.gql(SESSIONS, {}, person.token)).data.mySessions.every((s: { current: boolean }) => !s.current)).toBe(true);

    const REVOKE = `mutation ($id: ID!) { revokeSession(id: $id) }`;
    expect((await t.gql(REVOKE, { id: phone.session.id }, laptop.token)).data.revokeSession).toBe(true);
    expect(errorCode(await t.gql(ME, {}, phone.token))).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, laptop.token)).data.me.id).toBe(person.id);
    // Twice, someone else's, or nonsense: NOT_FOUND, and the stranger stays signed in.
    expect(errorCode(await t.gql(REVOKE, { id: phone.session.id }, laptop.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(REVOKE, { id: stranger.session.id }, laptop.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(REVOKE, { id: 'not-a-uuid' }, laptop.token))).toBe('NOT_FOUND');
    expect((await t.gql(ME, {}, stranger.token)).data.me).not.toBeNull();
    expect((await t.gql(SESSIONS, {}, laptop.token)).data.mySessions.map((s: { id: string }) => s.id)).toEqual([laptop.session.id]);
  });
});
