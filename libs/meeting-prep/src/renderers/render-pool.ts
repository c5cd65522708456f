import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Piscina } from 'piscina';
import { APP_CONFIG, AppConfig } from '@app/core';
import { MeetingBrief } from '../brief/meeting-brief';
import { DataPoolDocument, DataPoolExportKind } from '../data-pool-exports/data-pool-document';
import { BriefFormat } from '../export-format.enum';
import type { RenderResult, RenderTask } from './render.worker';

/** Idle render threads exit after this; the next export starts one again (about half a second). */
const IDLE_TIMEOUT_MS = 5 * 60_000;

/**
 * The compiled worker. In production the pool runs from dist/, where it sits beside this file. Under
 * Jest this file is TypeScript compiled in memory, which worker threads cannot load (they do not get
 * Jest's transform), so the pool uses the build in dist/: `npm test` builds it first when stale.
 */
export function renderWorkerFile(dir = __dirname): string {
  const beside = join(dir, 'render.worker.js');
  if (existsSync(beside)) return beside;
  const root = resolve(dir, '..', '..', '..', '..');
  return join(root, 'dist', 'libs', 'meeting-prep', 'src', 'renderers', 'render.worker.js');
}

/**
 * Renders export files in a pool of worker threads (piscina), so a PDF's hundreds of milliseconds of
 * layout never block the API's event loop: other requests keep being served while files render. At most
 * `exportRenderThreads` files render at once per process; more wait in the pool's queue. Threads are
 * started on the first export and stopped when idle, and with the application.
 */
@Injectable()
export class RenderPool implements OnApplicationShutdown {
  private pool?: Piscina<RenderTask, RenderResult>;
  private closed = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  render(format: BriefFormat, brief: MeetingBrief): Promise<{ content: Buffer; threadId: number }> {
    return this.run({ format, brief });
  }

  /** A data pool's DCAT-AP or ODRL JSON-LD, or its agreement PDF, in the same threads and queue as the briefs. */
  renderDataPool(kind: DataPoolExportKind, document: DataPoolDocument): Promise<{ content: Buffer; threadId: number }> {
    return this.run({ dataPoolExport: kind, document });
  }

  private async run(task: RenderTask): Promise<{ content: Buffer; threadId: number }> {
    if (this.closed) throw new Error('The render pool is shut down');
    this.pool ??= new Piscina<RenderTask, RenderResult>({
      filename: renderWorkerFile(),
      minThreads: 0,
      maxThreads: this.config.exportRenderThreads,
      idleTimeout: IDLE_TIMEOUT_MS,
    });
    const result = await this.pool.run(task);
    const { content } = result;
    return {
      content: Buffer.from(content.buffer, content.byteOffset, content.byteLength),
      threadId: result.threadId,
    };
  }

  /**
   * Stops the threads once the HTTP server is closed (Nest runs onModuleDestroy before it closes), so the
   * exports still in flight finish, and none arriving late starts a pool that nothing would stop.
   */
  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }
}
