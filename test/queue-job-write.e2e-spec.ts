import { QueueService } from '@app/core';
import { startTestApp, TestApp } from './support/test-app';

/**
 * `QueueService.jobWrite` writes pg-boss jobs by hand so that a one-statement change can carry its outbox
 * row (createProposal). Its row must be the one pg-boss's own `send` writes, or the queue's retry, expiry
 * and retention settings would silently not apply; a pg-boss upgrade that changes the job table fails here.
 */
describe('QueueService.jobWrite (e2e)', () => {
  let t: TestApp;
  let queue: QueueService;

  beforeAll(async () => {
    t = await startTestApp();
    queue = t.app.get(QueueService);
    await queue.createQueue('job-write-dead');
    await queue.createQueue('job-write-configured', { retryLimit: 3, retryDelay: 7, retryBackoff: true, expireInSeconds: 90, retentionMinutes: 30, deadLetter: 'job-write-dead' });
    await queue.createQueue('job-write-plain', { retryLimit: 1, retryDelay: 0, retryBackoff: false });
  });
  afterAll(() => t.close());

  /** The row of job `id` without what differs by design between two jobs (id, data, times), keep_until as a span. */
  async function jobRow(id: string): Promise<Record<string, unknown>> {
    const [row] = await t.dataSource.query(
      `SELECT name, priority, state, retry_limit, retry_count, retry_delay, retry_backoff, singleton_key, singleton_on,
              expire_in::text, (keep_until - start_after)::text AS keeps_for, start_after <= now() AS startable, dead_letter, policy
       FROM pgboss.job WHERE id = $1`,
      [id],
    );
    return row;
  }

  /** Runs the write on its own; with `gateRows`, gated on a CTE of that many rows. */
  async function writeJob(name: string, data: object, gateRows?: number): Promise<string[]> {
    const write = queue.jobWrite(name, data, 1, gateRows === undefined ? undefined : 'gate');
    const rows: { id: string }[] = await t.dataSource.query(
      `WITH gate AS (SELECT generate_series(1, $1::int)), written AS (${write.sql} RETURNING id) SELECT id FROM written`,
      [gateRows ?? 0, ...write.params],
    );
    return rows.map((r) => r.id);
  }

  it.each(['job-write-configured', 'job-write-plain'])('writes on %s the row pg-boss send writes', async (name) => {
    const sent = await queue.boss.send(name, { n: 1 });
    const [written] = await writeJob(name, { n: 2 });
    const expected = await jobRow(sent!);
    expect(expected.name).toBe(name);
    expect(await jobRow(written)).toEqual(expected);
    const [{ data }] = await t.dataSource.query(`SELECT data FROM pgboss.job WHERE id = $1`, [written]);
    expect(data).toEqual({ n: 2 });
  });

  it('writes one job per row of its gate, none for an empty gate, none for an unknown queue', async () => {
    expect(await writeJob('job-write-plain', { n: 3 }, 2)).toHaveLength(2);
    expect(await writeJob('job-write-plain', { n: 4 }, 0)).toHaveLength(0);
    expect(await writeJob('job-write-missing', { n: 5 })).toHaveLength(0);
  });

  it('gives a job that pg-boss workers take and complete', async () => {
    const [id] = await writeJob('job-write-plain', { n: 6 });
    const [job] = await queue.boss.fetch<{ n: number }>('job-write-plain', { batchSize: 10 }).then((jobs) => jobs.filter((j) => j.id === id));
    expect(job.data).toEqual({ n: 6 });
    await queue.boss.complete('job-write-plain', id);
    expect(await queue.boss.getJobById('job-write-plain', id)).toMatchObject({ state: 'completed' });
  });
});
