#!/usr/bin/env node
// Compiles apps/ and libs/ to dist/ with SWC (about a second on two cores; `tsc --noEmit` type-checks
// separately in CI). `--if-stale` skips the build when no source is newer than the last one.
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');
const { root, options } = require('./swc-options');

const sourceDirs = ['apps', 'libs'].map((d) => path.join(root, d));
const outDir = path.join(root, 'dist');
const stamp = path.join(outDir, '.build-stamp');

function* sources(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // The browser client has its own build (scripts/build-web.js).
    if (entry.isDirectory()) {
      if (full !== path.join(root, 'apps', 'web')) yield* sources(full);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) yield full;
  }
}

function hasOrphans(files) {
  const dir = path.join(outDir, 'libs', 'core', 'src', 'database', 'migrations');
  if (!fs.existsSync(dir)) return false;
  const sources = new Set(files.map((f) => path.basename(f, '.ts')));
  return fs.readdirSync(dir).some((f) => f.endsWith('.js') && !sources.has(path.basename(f, '.js')));
}

function isStale(files) {
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  return files.some((f) => fs.statSync(f).mtimeMs > built);
}

async function main() {
  const files = sourceDirs.filter((d) => fs.existsSync(d)).flatMap((d) => [...sources(d)]);
  if (process.argv.includes('--if-stale') && !isStale(files) && !hasOrphans(files)) return;
  await Promise.all(
    files.map(async (file) => {
      const rel = path.relative(root, file);
      const out = path.join(outDir, rel.replace(/\.ts$/, '.js'));
      const { code, map } = await swc.transformFile(file, { ...options, filename: file, sourceFileName: path.relative(path.dirname(out), file) });
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, `${code}\n//# sourceMappingURL=${path.basename(out)}.map`);
      if (map) fs.writeFileSync(`${out}.map`, map);
    }),
  );
  removeOrphans(files);
  fs.writeFileSync(stamp, new Date().toISOString());
}

/** Deletes compiled files whose source is gone: entities and migrations are loaded by file name. */
function removeOrphans(files) {
  const expected = new Set(files.map((f) => path.join(outDir, path.relative(root, f)).replace(/\.ts$/, '.js')));
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js') && !expected.has(full)) fs.rmSync(full);
      else if (entry.name.endsWith('.js.map') && !expected.has(full.replace(/\.map$/, ''))) fs.rmSync(full);
    }
  };
  for (const dir of ['apps', 'libs']) walk(path.join(outDir, dir));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
