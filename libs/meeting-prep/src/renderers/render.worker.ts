import { threadId } from 'node:worker_threads';
import { MeetingBrief } from '../brief/meeting-brief';
import { DATA_POOL_RENDERERS } from '../data-pool-exports/data-pool-renderers';
import { DataPoolDocument, DataPoolExportKind } from '../data-pool-exports/data-pool-document';
import { BriefFormat } from '../export-format.enum';
import { BRIEF_RENDERERS } from './brief-renderers';

/**
 * What the API hands a render thread (plain data, structured-cloned): a meeting brief and its format,
 * or a data pool and which of its exports.
 */
export type RenderTask = { format: BriefFormat; brief: MeetingBrief } | { dataPoolExport: DataPoolExportKind; document: DataPoolDocument };

/** The file, and the thread that rendered it (never the API's event-loop thread). */
export interface RenderResult {
  content: Uint8Array;
  threadId: number;
}

/**
 * Runs in a worker thread of the render pool (piscina calls the default export). The renderers are pure
 * functions of the brief or the pool, so the thread needs nothing but them: no database, no Nest, no settings.
 */
export default async function render(task: RenderTask): Promise<RenderResult> {
  const content = 'dataPoolExport' in task ? await DATA_POOL_RENDERERS[task.dataPoolExport](task.document) : await BRIEF_RENDERERS[task.format](task.brief);
  return { content, threadId };
}
