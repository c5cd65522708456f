#!/usr/bin/env node
// Runs Jest with the flags the tests need (ES modules in the VM, for dependencies that ship only ESM),
// optionally limited to one project: `node scripts/jest.js --project e2e [jest arguments…]`.
//
// Why a wrapper: Jest's `--selectProjects` takes every value that follows it, so with it at the end of
// an npm script, `npm run test:e2e -- test/schema.e2e-spec.ts` read the path as a second project name
// and ran every e2e file. Here the project goes after the caller's arguments.
//
// Without --project (`npm test`), two Jest runs (decision 255): the unit and e2e files with at least two
// workers (each file has its own database and server, and they mostly wait on PostgreSQL, so two files
// at once use two cores where one left them half idle), then the browser files one at a time (each drives
// chromium, the API and its worker: two at once would race their own timeouts on two cores). With
// `--json --outputFile=F` the two reports are merged into F, so `.ci/run` reads one count.
// A worker that Jest had to kill after its file (something left open) fails the run: with workers, Jest
// only warns about it, where in band the process would hang (decision 74).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const args = process.argv.slice(2);
const projects = [];
for (let i = args.indexOf('--project'); i !== -1; i = args.indexOf('--project')) {
  if (!args[i + 1]) {
    console.error('scripts/jest.js: --project needs a name (unit, e2e or browser)');
    process.exit(2);
  }
  projects.push(...args.splice(i, 2).slice(1));
}

const jest = path.join(__dirname, '..', 'node_modules', 'jest', 'bin', 'jest.js');
const LEAK = /A worker process has failed to exit gracefully/;

/** One Jest run; resolves with its exit status and whether a worker had to be killed. */
function run(jestArgs) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', jest, ...jestArgs], {
      stdio: ['inherit', 'inherit', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stderr.isTTY ? '1' : '0') },
    });
    let leaked = false;
    let tail = '';
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      const text = tail + chunk.toString();
      if (LEAK.test(text)) leaked = true;
      tail = text.slice(-200);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ status: code ?? (signal ? 1 : 0), leaked }));
  });
}

const option = (name) => {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i === -1) return undefined;
  return args[i].includes('=') ? args[i].slice(name.length + 1) : args[i + 1];
};
const workersGiven = args.some((a) => /^(--maxWorkers|-w|--runInBand|-i)(=|$)/.test(a));

async function main() {
  if (projects.length) {
    const { status, leaked } = await run([...args, '--selectProjects', ...projects]);
    if (leaked) console.error('scripts/jest.js: a test file left something open (Jest killed its worker); see above');
    return leaked && status === 0 ? 1 : status;
  }

  const outputFile = option('--outputFile');
  const rest = outputFile ? args.filter((a, i) => !(a === '--outputFile' || a.startsWith('--outputFile=') || args[i - 1] === '--outputFile')) : args;
  const reports = outputFile ? [`${outputFile}.server.json`, `${outputFile}.browser.json`] : [];
  const workers = workersGiven ? [] : [`--maxWorkers=${Math.max(2, os.availableParallelism() - 1)}`];
  const phases = [
    [...rest, ...workers, ...(outputFile ? [`--outputFile=${reports[0]}`] : []), '--passWithNoTests', '--selectProjects', 'unit', 'e2e'],
    [...rest, ...(workersGiven ? [] : ['--runInBand']), ...(outputFile ? [`--outputFile=${reports[1]}`] : []), '--passWithNoTests', '--selectProjects', 'browser'],
  ];
  let status = 0;
  let leaked = false;
  for (const phase of phases) {
    const result = await run(phase);
    status = status || result.status;
    leaked ||= result.leaked;
  }
  if (outputFile) {
    const merged = reports.filter((f) => fs.existsSync(f)).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
    const report = merged.reduce((a, b) => {
      const out = { ...a };
      for (const [key, value] of Object.entries(b)) {
        if (typeof value === 'number' && key !== 'startTime') out[key] = (a[key] ?? 0) + value;
        else if (Array.isArray(value)) out[key] = [...(a[key] ?? []), ...value];
        else if (typeof value === 'boolean') out[key] = key === 'success' ? Boolean(a[key] ?? true) && value : Boolean(a[key]) || value;
      }
      out.startTime = Math.min(a.startTime ?? Infinity, b.startTime ?? Infinity);
      return out;
    });
    if (leaked) report.success = false;
    fs.writeFileSync(outputFile, JSON.stringify(report));
    for (const f of reports) fs.rmSync(f, { force: true });
  }
  if (leaked) console.error('scripts/jest.js: a test file left something open (Jest killed its worker); see above');
  return leaked && status === 0 ? 1 : status;
}

main().then((status) => process.exit(status), (error) => {
  console.error(error);
  process.exit(1);
});
