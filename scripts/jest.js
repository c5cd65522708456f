#!/usr/bin/env node
// Runs Jest with the flags the tests need (ES modules in the VM, for dependencies that ship only ESM),
// optionally limited to one project: `node scripts/jest.js --project e2e [jest arguments…]`.
//
// Why a wrapper: Jest's `--selectProjects` takes every value that follows it, so with it at the end of
// an npm script, `npm run test:e2e -- test/schema.e2e-spec.ts` read the path as a second project name
// and ran every e2e file. Here the project goes after the caller's arguments.
const { spawnSync } = require('node:child_process');

const args = process.argv.slice(2);
const projects = [];
for (let i = args.indexOf('--project'); i !== -1; i = args.indexOf('--project')) {
  if (!args[i + 1]) {
    console.error('scripts/jest.js: --project needs a name (unit or e2e)');
    process.exit(2);
  }
  projects.push(...args.splice(i, 2).slice(1));
}

const jest = require('node:path').join(__dirname, '..', 'node_modules', 'jest', 'bin', 'jest.js');
const result = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', jest, ...args, ...(projects.length ? ['--selectProjects', ...projects] : [])],
  { stdio: 'inherit' },
);
if (result.error) throw result.error;
process.exit(result.status ?? 1);
