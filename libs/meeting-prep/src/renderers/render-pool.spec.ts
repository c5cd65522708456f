import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { threadId, Worker } from 'node:worker_threads';
import { loadConfig } from '@app/core';
import { ExportFormat } from '../export-format.enum';
import { renderOdrl } from '../data-pool-exports';
import { sampleBrief } from '../testing/sample-brief';
import { sampleDataPool } from '../testing/sample-data-pool';
import { renderMarkdown } from './markdown.renderer';
import { RenderPool, renderWorkerFile } from './render-pool';

describe(RenderPool.name, () => {
  // Worker threads load the compiled worker from dist/ (they do not get Jest's transform).
  beforeAll(() =>
    execFileSync(process.execPath, [join(__dirname, '../../../../scripts/build.js'), '--if-stale']),
  );

  const pools: RenderPool[] = [];
  const poolOf = (threads: number) => {
    const pool = new RenderPool(loadConfig({ EXPORT_RENDER_THREADS: String(threads) }));
    pools.push(pool);
    return pool;
  };
  afterAll(() => Promise.all(pools.map((pool) => pool.onApplicationShutdown())));

  it('renders off the calling thread, the same file the renderer writes in-thread', async () => {
    const brief = sampleBrief({ agendaItems: 4, attendees: 6 });
    const pool = poolOf(1);
    const pdf = await pool.render(ExportFormat.PDF, brief);
    expect(pdf.threadId).not.toBe(threadId);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], {
      input: pdf.content,
    }).toString('utf8');
    expect(text).toContain('Launch workshop');
    const markdown = await pool.render(ExportFormat.MARKDOWN, brief);
    expect(markdown.content.equals(renderMarkdown(brief))).toBe(true);
  });

  it("renders a data pool's exports in the same threads, the same bytes the renderers write in-thread", async () => {
    const document = sampleDataPool();
    const pool = poolOf(1);
    const odrl = await pool.renderDataPool('ODRL_JSONLD', document);
    expect(odrl.threadId).not.toBe(threadId);
    expect(odrl.content.equals(renderOdrl(document))).toBe(true);
    const pdf = await pool.renderDataPool('AGREEMENT_PDF', document);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf.content }).toString('utf8');
    expect(text).toContain('Signed version 2 by Katrin Müller');
  });

  it('keeps the calling thread’s event loop turning while a large PDF renders', async () => {
    const brief = sampleBrief({ agendaItems: 200, attendees: 300 });
    const pool = poolOf(1);
    await pool.render(ExportFormat.MARKDOWN, brief); // the thread is up
    // Count event-loop turns during the render: rendered in-thread, pdfmake's layout would hold the
    // loop for the whole document (0 turns); in the pool the loop keeps turning meanwhile.
    let turns = 0;
    let rendering = true;
    const turn = () => {
      if (!rendering) return;
      turns++;
      setImmediate(turn);
    };
    setImmediate(turn);
    const pdf = await pool.render(ExportFormat.PDF, brief);
    rendering = false;
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(turns).toBeGreaterThan(100);
  });

  it('renders on at most EXPORT_RENDER_THREADS threads, however many files are asked for at once', async () => {
    const brief = sampleBrief({ agendaItems: 10, attendees: 20 });
    const pool = poolOf(2);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => pool.render(ExportFormat.PDF, brief)),
    );
    const threads = new Set(results.map((result) => result.threadId));
    expect(threads.size).toBeGreaterThanOrEqual(1);
    expect(threads.size).toBeLessThanOrEqual(2);
    expect(threads.has(threadId)).toBe(false);
    for (const result of results) expect(result.content.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('stops its threads at shutdown and renders nothing after, so no late export starts a pool again', async () => {
    const pool = poolOf(1);
    const brief = sampleBrief({ agendaItems: 2, attendees: 2 });
    await pool.render(ExportFormat.MARKDOWN, brief);
    const piscina = (pool as unknown as { pool: { threads: Worker[] } }).pool;
    const [thread] = piscina.threads;
    const exited = new Promise((resolve) => thread.once('exit', resolve));
    await pool.onApplicationShutdown();
    await exited;
    expect(piscina.threads).toEqual([]);
    await expect(pool.render(ExportFormat.MARKDOWN, brief)).rejects.toThrow('shut down');
    expect((pool as unknown as { pool?: unknown }).pool).toBeUndefined();
  });

  it('finds the compiled worker beside itself in dist/, else in dist/ from the sources', () => {
    const root = join(__dirname, '../../../..');
    const compiled = join(root, 'dist/libs/meeting-prep/src/renderers/render.worker.js');
    expect(renderWorkerFile(join(root, 'dist/libs/meeting-prep/src/renderers'))).toBe(compiled);
    expect(renderWorkerFile(__dirname)).toBe(compiled);
  });
});
