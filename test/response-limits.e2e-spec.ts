import { makePerson } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const MARK_READ = `mutation { markNotificationsRead(ids: []) }`;

/** Posts as a client would, keeping the HTTP status and headers. */
async function post(t: TestApp, query: string, token: string) {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as any };
}

describe('Response and mutation limits (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RESPONSE_ITEM_LIMIT: '100', MUTATIONS_PER_MINUTE: '10' });
  });
  afterAll(() => t.close());

  it('answers RESPONSE_TOO_LARGE alone, without the partial data, once the lists of an answer pass RESPONSE_ITEM_LIMIT', async () => {
    const { token } = await makePerson(t);
    // Every person has one notification preference per category: `fit` aliases hold at most 100 list items,
    // one more alias holds more than 100 (with nine categories: 11 aliases hold 99, 12 hold 108).
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { notificationPreferences { category } }`).join(' ')} }`;
    const categories = (await post(t, aliases(1), token)).body.data.a0.notificationPreferences.length;
    expect(categories).toBeGreaterThan(1);
    const fit = Math.floor(100 / categories);
    const within = await post(t, aliases(fit), token);
    expect(within.body.errors).toBeUndefined();
    expect(within.body.data[`a${fit - 1}`].notificationPreferences).toHaveLength(categories);

    const over = await post(t, aliases(fit + 1), token);
    expect(over.status).toBe(200);
    expect(over.body.data).toBeNull();
    expect(over.body.errors).toHaveLength(1);
    expect(over.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'RESPONSE_TOO_LARGE' });
    expect(over.body.errors[0].message).toMatch(/more than 100 list items/);
  });

  it('limits the mutations of one person per minute, also when they arrive at once, and leaves other people alone', async () => {
    const writer = await makePerson(t);
    const other = await makePerson(t);
    const answers = await Promise.all(Array.from({ length: 25 }, () => post(t, MARK_READ, writer.token)));
    const allowed = answers.filter((a) => a.status === 200 && a.body.data?.markNotificationsRead === 0);
    const refused = answers.filter((a) => a.status === 429);
    expect(allowed).toHaveLength(10);
    expect(refused).toHaveLength(15);
    for (const answer of refused) {
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
      // Ten a minute: one more is allowed within six seconds.
      expect(answer.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(answer.body.errors[0].extensions.retryAfterSeconds).toBeLessThanOrEqual(6);
      expect(answer.retryAfter).toBe(String(answer.body.errors[0].extensions.retryAfterSeconds));
    }
    // Queries are not limited, nor is anybody else's mutation.
    expect((await post(t, `{ me { id } }`, writer.token)).body.data.me.id).toBe(writer.id);
    expect((await post(t, MARK_READ, other.token)).body.data.markNotificationsRead).toBe(0);
  });

  it('counts every mutation of a request, aliases and fragments included: a request asking for more than is left runs none', async () => {
    const writer = await makePerson(t);
    const aliased = (n: number) => `mutation { ${Array.from({ length: n }, (_, i) => `m${i}: markNotificationsRead(ids: [])`).join(' ')} }`;
    const six = await post(t, aliased(6), writer.token);
    expect(six.status).toBe(200);
    expect(Object.keys(six.body.data)).toHaveLength(6);
    // Four are left: five at once (two of them through a fragment) is refused as a whole.
    const five = await post(
      t,
      `mutation { a: markNotificationsRead(ids: []) b: markNotificationsRead(ids: []) c: markNotificationsRead(ids: []) ...More }
       fragment More on Mutation { d: markNotificationsRead(ids: []) e: markNotificationsRead(ids: []) __typename }`,
      writer.token,
    );
    expect(five.status).toBe(429);
    expect(five.body.data).toBeUndefined();
    expect(five.body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
    const four = await post(t, aliased(4), writer.token);
    expect(Object.keys(four.body.data)).toHaveLength(4);
    expect((await post(t, MARK_READ, writer.token)).status).toBe(429);

    // More than a minute's allowance in one request can never pass, however long one waits.
    const other = await makePerson(t);
    const eleven = await post(t, aliased(11), other.token);
    expect(eleven.status).toBe(429);
    expect(eleven.body.errors[0].message).toMatch(/asks for 11 at once/);
    expect((await post(t, MARK_READ, other.token)).body.data.markNotificationsRead).toBe(0);
  });
});
