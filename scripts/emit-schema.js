#!/usr/bin/env node
// Regenerates apps/api/schema.gql from the code (code-first), on a throw-away embedded database:
//   npm run schema
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

execFileSync(process.execPath, [path.join(__dirname, 'build.js'), '--if-stale'], { stdio: 'inherit' });
const root = path.resolve(__dirname, '..');
const { loadConfig } = require(path.join(root, 'dist/libs/core/src'));
const { createApp } = require(path.join(root, 'dist/apps/api/src/bootstrap'));

(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ecava-schema-'));
  try {
    const app = await createApp(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), {
      schemaFile: path.join(root, 'apps/api/schema.gql'),
    });
    await app.init();
    await app.close();
    console.log('Wrote apps/api/schema.gql');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  // The embedded database's accepted sockets can outlive app.close(); nothing is left to do.
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
