import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { Client } from 'pg';
import { RenderPool } from '@app/meeting-prep';
import {
  Actor,
  insertAgenda,
  insertInvitation,
  insertMeeting,
  makePerson,
} from './support/factories';
import { GqlResponse, ok, refusal, startTestApp, TestApp } from './support/test-app';

/**
 * Export storms (issue 16, item 3): files render in a pool of worker threads, off the API's event loop,
 * and one person has at most EXPORT_CONCURRENCY_PER_PERSON exports in flight on an instance.
 */
const EXPORT = `mutation ($id: ID!, $format: ExportFormat!) {
  exportMeetingBrief(meetingId: $id, format: $format) { id filename byteSize } }`;

describe('Export limits (e2e)', () => {
  let t: TestApp;
  let admin: Actor;
  let outsider: Actor;
  let other: Actor;
  let meeting: string;

  beforeAll(async () => {
    // The render threads load the compiled worker from dist/.
    execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build.js'), '--if-stale']);
    t = await startTestApp({ EXPORT_CONCURRENCY_PER_PERSON: '2', EXPORT_RENDER_THREADS: '1' });
    admin = await makePerson(t, { admin: true, name: 'Ada Admin' });
    outsider = await makePerson(t, { name: 'Olga Outsider' });
    other = await makePerson(t, { name: 'Otto Other' });
    // An alliance-wide workshop: every signed-in person may read and export it.
    meeting = await insertMeeting(t, admin, null, {
      title: 'Alliance assembly',
      startsAt: '2026-03-10T08:00:00Z',
      endsAt: '2026-03-10T16:00:00Z',
    });
    const people = await Promise.all(
      Array.from({ length: 10 }, (_, i) => makePerson(t, { name: `Delegate ${i}` })),
    );
    for (const person of people) await insertInvitation(t, meeting, person, 'ACCEPTED');
    await insertAgenda(
      t,
      meeting,
      Array.from({ length: 30 }, (_, i) => ({
        title: `Item ${i}`,
        durationMinutes: 10,
        presenterId: people[i % 10].id,
      })),
    );
  });

  afterAll(() => t.close());

  const exportAs = (actor: Actor) => t.gql(EXPORT, { id: meeting, format: 'PDF' }, actor.token);
  const storedFor = async (actor: Actor): Promise<number> => {
    const sql = `SELECT count(*)::int AS n FROM export_files WHERE requested_by_id = $1`;
    const [row]: { n: number }[] = await t.dataSource.query(sql, [actor.id]);
    return row.n;
  };

  it('refuses a person’s exports beyond the limit in flight with EXPORT_LIMIT, storing nothing for them, while others still export', async () => {
    // Two clients of one database are needed: the lock below holds the admitted exports in flight.
    if (!t.config.databaseUrl) return;
    const lock = new Client({ connectionString: t.config.databaseUrl });
    await lock.connect();
    try {
      // Every export ends by writing export_files: while this lock is held, the admitted ones stay in flight.
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE export_files IN ACCESS EXCLUSIVE MODE');
      const settled: GqlResponse[] = [];
      const burst = Array.from({ length: 6 }, async () => {
        const response = await exportAs(outsider);
        settled.push(response);
        return response;
      });
      // The refusals answer at once (20 s is a generous bound); the two admitted exports wait for the lock.
      const deadline = Date.now() + 20_000;
      while (settled.length < 4 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(settled).toHaveLength(4);
      for (const response of settled) {
        expect(refusal(response)).toEqual({ code: 'TOO_MANY_REQUESTS', reason: 'EXPORT_LIMIT' });
        expect(response.errors?.[0]?.extensions).toMatchObject({ retryAfterSeconds: 1 });
      }
      // Another person is not held back by the outsider's burst.
      const others = exportAs(other);
      await lock.query('COMMIT');
      const responses = await Promise.all(burst);
      expect(responses.filter((response) => response.errors === undefined)).toHaveLength(2);
      expect(ok(await others).exportMeetingBrief.byteSize).toBeGreaterThan(0);
    } finally {
      await lock.end();
    }
    // A refusal changes nothing; finished exports give their slots back.
    expect(await storedFor(outsider)).toBe(2);
    expect(ok(await exportAs(outsider)).exportMeetingBrief.filename).toBe(
      '2026-03-10-alliance-assembly.pdf',
    );
    expect(await storedFor(outsider)).toBe(3);
  });

  it('renders the API’s exports in a worker thread, not on the event loop’s thread', async () => {
    const pool = t.app.get(RenderPool);
    const render = jest.spyOn(pool, 'render');
    try {
      ok(await exportAs(admin));
      expect(render).toHaveBeenCalledTimes(1);
      const { threadId: renderedOn } = await render.mock.results[0].value;
      expect(renderedOn).not.toBe(threadId);
    } finally {
      render.mockRestore();
    }
  });
});
