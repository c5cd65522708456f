import { createHash } from 'node:crypto';
import { TestApp } from './test-app';

/** What exportMeetingBrief and exportDataPool answer. */
export interface ExportFile {
  id: string;
  format: string;
  filename: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  url: string;
  expiresAt: string;
}

export const EXPORT_FILE_FIELDS = 'id format filename contentType byteSize sha256 url expiresAt';

/** GET on a signed URL, as a browser would (no Authorization header), against the test server. */
export function getSigned(t: TestApp, url: string): Promise<Response> {
  const parsed = new URL(url);
  return fetch(`${t.url}${parsed.pathname}${parsed.search}`);
}

/** Downloads an exported file and checks the response and the bytes against the ExportFile. */
export async function fetchExport(t: TestApp, file: ExportFile): Promise<Buffer> {
  const response = await getSigned(t, file.url);
  expect(response.status).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  expect(response.headers.get('content-type')).toBe(file.contentType);
  expect(response.headers.get('content-length')).toBe(String(bytes.length));
  expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${file.filename}"`);
  expect(response.headers.get('cache-control')).toBe('private, no-store');
  expect(bytes.length).toBe(file.byteSize);
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
  return bytes;
}
