import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The browser client's build (scripts/build-web.js writes dist/web/.sizes.json): the JavaScript a first
// page load fetches stays within the budget (200 KB gzip), and screens are split off the entry.
const sizesFile = join(__dirname, '..', 'dist', 'web', '.sizes.json');
const built = existsSync(sizesFile);
if (!built) console.warn(`web build checks skipped: no ${sizesFile} (npm run build:web)`);

(built ? describe : describe.skip)('web client build', () => {
  const sizes = built ? (JSON.parse(readFileSync(sizesFile, 'utf8')) as { initialJsGzipBytes: number; initialJs: string[]; chunks: Record<string, number> }) : null;

  it('loads at most 200 KB of gzipped JavaScript before the first screen', () => {
    expect(sizes!.initialJsGzipBytes).toBeGreaterThan(10_000);
    expect(sizes!.initialJsGzipBytes).toBeLessThanOrEqual(200 * 1024);
  });

  it('splits every screen into its own chunk, none of them in the initial load', () => {
    const screens = Object.keys(sizes!.chunks).filter((f) => /assets\/(home|settings|search|sign-in)-/.test(f));
    expect(screens).toHaveLength(4);
    for (const screen of screens) expect(sizes!.initialJs).not.toContain(screen);
  });

  it('keeps the Markdown renderer (markdown-to-jsx, only used by lazy screens) out of the first load', () => {
    const markdown = Object.keys(sizes!.chunks).filter((f) => /assets\/markdown-/.test(f));
    expect(markdown).toHaveLength(1);
    expect(sizes!.initialJs).not.toContain(markdown[0]);
    const entry = sizes!.initialJs.find((f) => /assets\/index-/.test(f))!;
    expect(readFileSync(join(__dirname, '..', 'dist', 'web', entry), 'utf8')).not.toContain('disableParsingRawHTML');
  });
});
