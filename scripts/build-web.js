#!/usr/bin/env node
// Builds the browser client (apps/web) into dist/web: GraphQL Code Generator writes the typed documents
// from apps/api/schema.gql, then Vite bundles. `--if-stale` skips both when neither the client's sources
// nor the schema changed since the last build. `--codegen-only` stops after the typed documents (for
// type-checking). Reports each initial and lazy chunk's gzip size into dist/web/.sizes.json.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const root = path.resolve(__dirname, '..');
const web = path.join(root, 'apps', 'web');
const out = path.join(root, 'dist', 'web');
const stamp = path.join(out, '.build-stamp');
const generated = path.join(web, 'src', 'gql');

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (full === generated) continue;
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

function isStale() {
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const inputs = [...files(web), path.join(root, 'apps', 'api', 'schema.gql'), __filename];
  return inputs.some((f) => fs.statSync(f).mtimeMs > built);
}

async function codegen() {
  const { generate } = require('@graphql-codegen/cli');
  const config = require(path.join(web, 'codegen.config.js'));
  process.chdir(root);
  await generate(config, true);
}

/** Gzip sizes of the entry's chunks (what the first page load fetches) and of every chunk. */
function sizes() {
  const manifest = JSON.parse(fs.readFileSync(path.join(out, '.vite', 'manifest.json'), 'utf8'));
  const gzip = (file) => zlib.gzipSync(fs.readFileSync(path.join(out, file)), { level: 9 }).length;
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
  const initial = new Set();
  const visit = (key) => {
    const chunk = manifest[key] ?? Object.values(manifest).find((c) => c.file === key);
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(Object.keys(manifest).find((k) => manifest[k] === entry));
  const js = [...initial].filter((f) => f.endsWith('.js'));
  const all = Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js'));
  return {
    initialJsGzipBytes: js.reduce((sum, f) => sum + gzip(f), 0),
    initialJs: js,
    chunks: Object.fromEntries(all.map((f) => [f, gzip(f)])),
  };
}

async function main() {
  if (process.argv.includes('--if-stale') && !isStale()) return;
  await codegen();
  if (process.argv.includes('--codegen-only')) return;
  const { build } = await import('vite');
  await build({ configFile: path.join(web, 'vite.config.mts'), logLevel: 'warn', build: { manifest: true } });
  const report = sizes();
  fs.writeFileSync(path.join(out, '.sizes.json'), JSON.stringify(report, null, 2));
  fs.writeFileSync(stamp, new Date().toISOString());
  console.log(`web client built: initial JavaScript ${(report.initialJsGzipBytes / 1024).toFixed(1)} KiB gzip`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
