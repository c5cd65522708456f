import { threadId } from 'node:worker_threads';
import { MeetingBrief } from '../brief/meeting-brief';
import { ExportFormat } from '../export-format.enum';
import { EXPORT_KINDS } from './index';

/** What the API hands a render thread: the brief (plain data, structured-cloned) and the format. */
export interface RenderTask {
  format: ExportFormat;
  brief: MeetingBrief;
}

/** The file, and the thread that rendered it (never the API's event-loop thread). */
export interface RenderResult {
  content: Uint8Array;
  threadId: number;
}

/**
 * Runs in a worker thread of the render pool (piscina calls the default export). The renderers are pure
 * functions of the brief, so the thread needs nothing but them: no database, no Nest, no settings.
 */
export default async function render({ format, brief }: RenderTask): Promise<RenderResult> {
  const content = await EXPORT_KINDS[format].render(brief);
  return { content, threadId };
}
