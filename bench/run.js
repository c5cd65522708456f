#!/usr/bin/env node
// Side-by-side GraphQL benchmark: this platform (production mode) and PostGraphile v5 (amber preset,
// on Node 22 from bench/node_modules) on the same freshly seeded database, same pool size, loaded by
// autocannon on loopback. See issue 6.
//   npm --prefix bench install        (once: PostGraphile, node@22, autocannon; kept out of the app)
//   npm run bench                     (builds if stale, then runs this)
//   node bench/run.js [--duration 8] [--warmup 2] [--jit-warmup 6] [--rounds 2] [--connections 16,64]
//                     [--only platform,platform-member,postgraphile,postgraphile-rls,floor]
//                     [--workloads flat,nested,mutation] [--no-db-stats]
//                     [--scale 1] [--keep]
// It works on its own database `ecava_bench_<time>` on BENCH_DATABASE_SERVER (default:
// postgres://postgres@127.0.0.1:5432/postgres), never the test or dev one, dropped at the end unless
// --keep. Prints a Markdown table and writes it to bench/results/latest.md (not when --workloads
// picks only some: a partial table is for trying a change, not for the record).
// The marketplace's search and matching are measured apart, at 10× this data and against their bare SQL:
// `npm run bench:marketplace` (bench/marketplace.js, bench/results/marketplace.md).
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { Client } = require('pg');
const { seed } = require('./seed');
const { fixtures, workloads } = require('./workloads');
const { applyRls } = require('./rls');

const root = path.resolve(__dirname, '..');
const { SERVER, createDatabase } = require('./bench-database');
const { cpuTicks, memoryOf } = require('./process-stats');
const NODE22 = path.join(__dirname, 'node_modules', 'node', 'bin', 'node');
const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef0123456789abcdef';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '2' },
    // Once per server and workload before any measured run: V8 keeps optimising (background JIT
    // compilation) for well over the per-run warm-up, taking CPU from PostgreSQL and the load generator.
    'jit-warmup': { type: 'string', default: '6' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16,64' },
    only: { type: 'string' },
    workloads: { type: 'string' },
    keep: { type: 'boolean', default: false },
    // Multiplies the seeded rows (not the groups), e.g. 2 to see whether per-request work grows with the data.
    scale: { type: 'string', default: '1' },
    // Measures transactions, tuples and database time per request (about 80 s of waiting for
    // PostgreSQL to flush its statistics) unless --no-db-stats.
    'no-db-stats': { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const jitWarmup = Number(values['jit-warmup']);
const rounds = Number(values.rounds);
const connectionLevels = values.connections.split(',').map(Number);
// The platform's pool on a PostgreSQL server (libs/core/src/database/database.module.ts); PostGraphile gets the same.
const poolSize = 10;
const DB_STATS_REQUESTS = 200;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function requireBench(name) {
  try {
    return require(path.join(__dirname, 'node_modules', name));
  } catch {
    return null;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Waits until every server has stopped working off requests the load generator abandoned (a server
 * keeps executing them after autocannon closes its sockets), so one run does not slow the next:
 * under 5 % of a core over half a second, and no statement of theirs still running in PostgreSQL
 * (a server waiting on its pool is idle while PostgreSQL still works off its queue), for at most 60 s.
 */
async function waitIdle(servers, stats, databaseName) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const before = servers.map((s) => cpuTicks(s.pid));
    await sleep(500);
    const busy = servers.some((s, i) => cpuTicks(s.pid) - before[i] > 2);
    const { rows } = await stats.query(
      `SELECT count(*)::int AS active FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()`,
      [databaseName],
    );
    if ((!busy && rows[0].active === 0) || Date.now() > deadline) return;
  }
}

/** Starts a server process; its output goes to a log file (the platform logs every request in production). */
async function startServer(name, command, args, env, port) {
  const logFile = path.join(os.tmpdir(), `ecava-bench-${name}-${process.pid}.log`);
  const fd = fs.openSync(logFile, 'w');
  const child = spawn(command, args, { cwd: root, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  let exited = null;
  child.once('exit', (code, signal) => (exited = { code, signal }));
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`${name} exited (${JSON.stringify(exited)}) during start-up; see ${logFile}:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    if (Date.now() > deadline) throw new Error(`${name} did not answer within 60 s; see ${logFile}`);
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  return {
    name,
    url,
    pid: child.pid,
    logFile,
    async stop() {
      if (exited) return;
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([done, sleep(10_000).then(() => child.kill('SIGKILL'))]);
      if (!values.keep) fs.rmSync(logFile, { force: true });
    },
  };
}

/**
 * A TCP proxy in front of PostgreSQL that counts the statements clients send: simple-protocol Query
 * ('Q', so BEGIN and COMMIT count) and extended-protocol Execute ('E') messages. Used only while
 * counting (it would slow the load runs), by a second instance of each server. pg_stat_statements
 * would do the same from the server side, but needs shared_preload_libraries (a server restart).
 */
async function startCountingProxy(databaseUrl) {
  const target = new URL(databaseUrl);
  // `capture`, when set to an array, receives every statement run with its parameters ({ text, values }).
  const counter = { statements: 0, capture: null };
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    let buffer = Buffer.alloc(0);
    let started = false;
    const prepared = new Map();
    client.on('data', (chunk) => {
      upstream.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          // Startup, SSLRequest or GSSENCRequest: length-prefixed, no type byte.
          if (buffer.length < 8) break;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) break;
          const code = buffer.readInt32BE(4);
          if (code !== 80877103 && code !== 80877104) started = true;
          buffer = buffer.subarray(length);
          continue;
        }
        if (buffer.length < 5) break;
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) break;
        const type = String.fromCharCode(buffer[0]);
        if (type === 'Q' || type === 'E') counter.statements++;
        // Statements are prepared once per connection, so their texts are kept all along; runs only while capturing.
        if (type === 'P' || counter.capture) captureMessage(type, buffer.subarray(5, 1 + length), prepared, counter.capture);
        buffer = buffer.subarray(1 + length);
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.host = `127.0.0.1:${server.address().port}`;
  return {
    url: url.toString(),
    counter,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Reads one frontend message for the capture: Parse ('P') names a statement's text (per connection), Bind
 * ('B') gives the values it runs with (text format, as node-postgres sends them), simple Query ('Q') a text alone.
 */
function captureMessage(type, body, prepared, capture) {
  let at = 0;
  const cstring = () => {
    const end = body.indexOf(0, at);
    const value = body.toString('utf8', at, end);
    at = end + 1;
    return value;
  };
  if (type === 'P') {
    const name = cstring();
    prepared.set(name, cstring());
  } else if (type === 'B') {
    cstring();
    const text = prepared.get(cstring());
    if (!capture) return;
    const formats = body.readInt16BE(at);
    at += 2 + 2 * formats;
    const count = body.readInt16BE(at);
    at += 2;
    const values = [];
    for (let i = 0; i < count; i++) {
      const length = body.readInt32BE(at);
      at += 4;
      values.push(length < 0 ? null : body.toString('utf8', at, at + length));
      at += Math.max(length, 0);
    }
    capture.push({ text, values });
  } else if (type === 'Q' && capture) {
    capture.push({ text: cstring(), values: [] });
  }
}

async function post(server, headers, body) {
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  const json = JSON.parse(text);
  if (response.status !== 200 || json.errors) throw new Error(`${server.name}: HTTP ${response.status} ${text.slice(0, 500)}`);
  return { json, bytes: Buffer.byteLength(text) };
}

/**
 * Database-wide counters of the bench database. A busy backend flushes its counters at most once a
 * second, an idle one only after 10 s (PostgreSQL 15's PGSTAT_IDLE_INTERVAL), so this waits 11 s
 * first. Each reading uses its own short connection: its one transaction is flushed when it
 * disconnects, and is subtracted by the caller.
 */
async function dbStats(name) {
  await sleep(11_000);
  const client = new Client({ connectionString: SERVER });
  await client.connect();
  const { rows } = await client.query(
    `SELECT xact_commit + xact_rollback AS xacts, tup_returned + tup_fetched AS tuples_read,
            tup_inserted + tup_updated + tup_deleted AS tuples_written, active_time
       FROM pg_stat_database WHERE datname = $1`,
    [name],
  );
  await client.end();
  return { xacts: Number(rows[0].xacts), tuplesRead: Number(rows[0].tuples_read), tuplesWritten: Number(rows[0].tuples_written), activeMs: Number(rows[0].active_time) };
}

function runAutocannon(autocannon, server, headers, load, connections, seconds, amount) {
  let graphqlErrors = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: server.url,
        connections,
        ...(amount ? { amount } : { duration: seconds }),
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            setupRequest: (request) => ({ ...request, body: load.body() }),
            onResponse: (status, body) => {
              if (status === 200 && body.includes('"errors"')) graphqlErrors++;
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ result, graphqlErrors })),
    );
  });
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * The rows of the table (issue 21): who asks which server. The platform answers as an admin and as a
 * seated MEMBER of one group (one server process, two tokens); PostGraphile without visibility (its
 * own reference since issue 6) and with the platform's read rule as row-level security for the same
 * member; the floor answers the flat list only.
 */
function variantsOf({ adminToken, memberToken, f }) {
  return [
    { name: 'platform', label: 'ECAVA platform, admin', server: 'platform', load: 'platform', headers: { authorization: `Bearer ${adminToken}` } },
    { name: 'platform-member', label: 'ECAVA platform, member', server: 'platform', load: 'platform', headers: { authorization: `Bearer ${memberToken}` } },
    { name: 'postgraphile', label: 'PostGraphile v5, no RLS', server: 'postgraphile', load: 'postgraphile', headers: {} },
    {
      name: 'postgraphile-rls',
      label: 'PostGraphile v5, RLS, member',
      server: 'postgraphile-rls',
      load: 'postgraphile',
      headers: { 'x-ecava-person': f.person_id, 'x-ecava-organization': f.organization_id },
    },
    { name: 'floor', label: 'Floor: node:http + pg, member', server: 'floor', load: 'floor', headers: {}, only: ['flat'] },
  ];
}

/** The statement the platform runs for the member's flat list, captured at the wire (for the floor). */
async function captureFlatStatement(env, databaseUrl, headers, load) {
  const proxy = await startCountingProxy(databaseUrl);
  const port = await freePort();
  const server = await startServer('platform-capture', process.execPath, [path.join(root, 'dist', 'apps', 'api', 'src', 'main.js')], { ...env, DATABASE_URL: proxy.url, PORT: String(port) }, port);
  try {
    // The first request also looks the token up; the second is the list alone.
    await post(server, headers, load.body());
    proxy.counter.capture = [];
    await post(server, headers, load.body());
    const statements = proxy.counter.capture.filter((s) => /cooperation_proposals/.test(s.text ?? ''));
    if (statements.length !== 1) throw new Error(`expected one proposals statement for the flat list, captured ${JSON.stringify(proxy.counter.capture)}`);
    return statements[0];
  } finally {
    await server.stop();
    await proxy.close();
  }
}

async function main() {
  const autocannon = requireBench('autocannon');
  if (!autocannon) throw new Error('autocannon is missing: run `npm --prefix bench install` first');
  const hasPostgraphile = fs.existsSync(NODE22) && fs.existsSync(path.join(__dirname, 'node_modules', 'postgraphile'));
  const missing = [];
  if (!hasPostgraphile) missing.push('PostGraphile v5 or node@22 not installed in bench/node_modules (`npm --prefix bench install`)');

  const database = await createDatabase();
  console.error(`database ${database.name}`);
  const servers = {};
  const dataDir = path.join(os.tmpdir(), `ecava-bench-data-${process.pid}`);
  const statementFile = path.join(os.tmpdir(), `ecava-bench-floor-${process.pid}.json`);
  const stats = new Client({ connectionString: SERVER });
  await stats.connect();
  try {
    let started = Date.now();
    const counts = await seed(database.url, { scale: Number(values.scale) });
    console.error(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
    const owner = new Client({ connectionString: database.url });
    await owner.connect();
    await applyRls(owner);
    await owner.end();
    const { rows: pss } = await stats.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'pg_stat_statements'`);
    const { rows: spl } = await stats.query(`SELECT current_setting('shared_preload_libraries') AS libs`);
    const statementsAvailable = pss.length > 0 && /pg_stat_statements/.test(spl[0].libs);
    if (!statementsAvailable) {
      missing.push(
        'pg_stat_statements (not in shared_preload_libraries on this server; loading it needs a restart): statements are counted at the wire instead, and per-statement database time is not broken down',
      );
    }

    // The mutation workload creates thousands of drafts a second as one person: the per-person mutation limit
    // (MUTATIONS_PER_MINUTE, default 300) is set out of its way, so the benchmark measures the write path itself.
    const env = { NODE_ENV: 'production', RUN_WORKER: 'false', SIGNING_SECRET, DATABASE_URL: database.url, DATA_DIR: dataDir, MUTATIONS_PER_MINUTE: '100000000' };
    const cli = (...args) =>
      execFileSync(process.execPath, [path.join(root, 'dist', 'apps', 'cli', 'src', 'main.js'), ...args], { cwd: root, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' })
        .trim()
        .split('\n')
        .pop()
        .trim();
    const adminToken = cli('create-admin', '--email', 'admin@bench.example', '--name', 'Bench Admin', '--organization', 'Organisation 00400');
    const f = await fixtures(database.url);
    const memberToken = cli('issue-token', '--email', f.email);
    const picked = values.workloads?.split(',');
    const loads = workloads(f).filter((load) => !picked || picked.includes(load.name));
    const pickedVariants = values.only?.split(',');
    const allVariants = variantsOf({ adminToken, memberToken, f });
    const variants = allVariants
      .filter((v) => !pickedVariants || pickedVariants.includes(v.name))
      .filter((v) => hasPostgraphile || !v.server.startsWith('postgraphile'));
    const flat = workloads(f).find((l) => l.name === 'flat');
    const memberHeaders = allVariants.find((v) => v.name === 'platform-member').headers;
    if (variants.some((v) => v.server === 'floor')) {
      fs.writeFileSync(statementFile, JSON.stringify(await captureFlatStatement(env, database.url, memberHeaders, flat.platform)));
    }
    const serverNames = [...new Set(variants.map((v) => v.server))];
    const appliesTo = (v, load) => !v.only || v.only.includes(load.name);

    const startAll = async (databaseUrl, tag = '') => {
      const started = {};
      for (const name of serverNames) {
        const port = await freePort();
        if (name === 'platform') {
          started[name] = await startServer(`platform${tag}`, process.execPath, [path.join(root, 'dist', 'apps', 'api', 'src', 'main.js')], { ...env, DATABASE_URL: databaseUrl, PORT: String(port) }, port);
        } else if (name === 'floor') {
          started[name] = await startServer(
            `floor${tag}`,
            process.execPath,
            [path.join(__dirname, 'floor-server.js')],
            { DATABASE_URL: databaseUrl, PORT: String(port), POOL_SIZE: String(poolSize), FLOOR_STATEMENT: statementFile },
            port,
          );
        } else {
          started[name] = await startServer(
            `${name}${tag}`,
            NODE22,
            [path.join(__dirname, 'postgraphile-server.js')],
            { DATABASE_URL: databaseUrl, PORT: String(port), POOL_SIZE: String(poolSize), NODE_ENV: 'production', GRAPHILE_ENV: 'production', RLS: name === 'postgraphile-rls' ? '1' : '0' },
            port,
          );
        }
      }
      return started;
    };
    Object.assign(servers, await startAll(database.url));
    const nodeVersions = { platform: process.version, postgraphile: hasPostgraphile ? execFileSync(NODE22, ['--version'], { encoding: 'utf8' }).trim() : 'n/a' };

    // Check: every query answers without errors, and every row of a workload returns as many rows as its
    // reference (the admin's against PostGraphile without RLS; the member's against PostGraphile with RLS and the floor).
    const shape = {};
    for (const load of loads) {
      for (const v of variants.filter((x) => appliesTo(x, load))) {
        const { json, bytes } = await post(servers[v.server], v.headers, load[v.load].body());
        shape[`${load.name}/${v.name}`] = { rows: load[v.load].count(json.data), bytes };
      }
      for (const [a, b] of [
        ['platform', 'postgraphile'],
        ['platform-member', 'postgraphile-rls'],
        ['platform-member', 'floor'],
      ]) {
        const x = shape[`${load.name}/${a}`];
        const y = shape[`${load.name}/${b}`];
        if (x && y && x.rows !== y.rows) {
          console.error(`warning: ${load.name}: ${a} returns ${x.rows} rows, ${b} ${y.rows}`);
          missing.push(`a like-for-like ${load.name} workload between ${a} and ${b}: ${x.rows} rows against ${y.rows}`);
        }
      }
      console.error(`${load.name}: ${Object.entries(shape).filter(([k]) => k.startsWith(`${load.name}/`)).map(([k, s]) => `${k.split('/')[1]} ${s.rows} rows, ${s.bytes} B`).join('; ')}`);
    }

    // Database work per request: a second instance of each server, connected through the counting
    // proxy, answers a fixed number of requests per workload between two readings of
    // pg_stat_database (taken once every backend is idle and has flushed its counters).
    const database_ = {};
    if (!values['no-db-stats']) {
      const proxy = await startCountingProxy(database.url);
      const counting = await startAll(proxy.url, '-counting');
      try {
        for (const load of loads) {
          for (const v of variants.filter((x) => appliesTo(x, load))) await runAutocannon(autocannon, counting[v.server], v.headers, load[v.load], 4, 0, 20);
        }
        let before = await dbStats(database.name);
        for (const load of loads) {
          for (const v of variants.filter((x) => appliesTo(x, load))) {
            const statementsBefore = proxy.counter.statements;
            const { result, graphqlErrors } = await runAutocannon(autocannon, counting[v.server], v.headers, load[v.load], 4, 0, DB_STATS_REQUESTS);
            const statements = proxy.counter.statements - statementsBefore;
            const after = await dbStats(database.name);
            const n = result.requests.total;
            database_[`${load.name}/${v.name}`] = {
              statementsPerRequest: statements / n,
              // Minus the previous reading's own transaction.
              xactsPerRequest: (after.xacts - before.xacts - 1) / n,
              tuplesReadPerRequest: (after.tuplesRead - before.tuplesRead) / n,
              dbMsPerRequest: (after.activeMs - before.activeMs) / n,
              dbErrors: result.errors + result.non2xx + graphqlErrors,
            };
            console.error(`db ${load.name.padEnd(8)} ${v.name.padEnd(16)} ${n} requests: ${JSON.stringify(database_[`${load.name}/${v.name}`])}`);
            before = after;
          }
        }
      } finally {
        for (const server of Object.values(counting)) await server.stop();
        await proxy.close();
      }
    } else {
      missing.push('database work per request (run without --no-db-stats)');
    }

    for (const load of loads) {
      for (const v of variants.filter((x) => appliesTo(x, load))) await runAutocannon(autocannon, servers[v.server], v.headers, load[v.load], 16, jitWarmup);
    }
    const results = [];
    for (const connections of connectionLevels) {
      for (const load of loads) {
        const here = variants.filter((x) => appliesTo(x, load));
        const perVariant = Object.fromEntries(here.map((v) => [v.name, []]));
        for (let round = 0; round < rounds; round++) {
          // Alternate the order in each round.
          const order = round % 2 ? [...here].reverse() : here;
          for (const v of order) {
            await waitIdle(Object.values(servers), stats, database.name);
            await runAutocannon(autocannon, servers[v.server], v.headers, load[v.load], connections, warmup);
            await waitIdle(Object.values(servers), stats, database.name);
            const { result, graphqlErrors } = await runAutocannon(autocannon, servers[v.server], v.headers, load[v.load], connections, duration);
            const run = {
              detail: `${result.errors} socket errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx, ${graphqlErrors} GraphQL errors`,
              rps: result.requests.average,
              p50: result.latency.p50,
              p99: result.latency.p99,
              errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
            };
            perVariant[v.name].push(run);
            console.error(
              `c=${connections} ${load.name.padEnd(8)} ${v.name.padEnd(16)} round ${round + 1}: ${run.rps.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, errors ${run.errors}${run.errors ? ` (${run.detail})` : ''}`,
            );
          }
        }
        for (const v of here) {
          const runs = perVariant[v.name];
          results.push({
            connections,
            workload: load.name,
            variant: v.name,
            rps: median(runs.map((r) => r.rps)),
            p50: median(runs.map((r) => r.p50)),
            p99: median(runs.map((r) => r.p99)),
            ...database_[`${load.name}/${v.name}`],
            errors: runs.reduce((s, r) => s + r.errors, 0) + (database_[`${load.name}/${v.name}`]?.dbErrors ?? 0),
          });
        }
      }
    }
    const memory = Object.fromEntries(serverNames.map((n) => [n, memoryOf(servers[n].pid)]));
    const report = render({ results, memory, shape, variants, loads, counts, nodeVersions, missing });
    fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    if (!picked && !pickedVariants) fs.writeFileSync(path.join(__dirname, 'results', 'latest.md'), report);
    process.stdout.write(report);
    // The platform must answer every request; the peers' timeouts (PostGraphile at 64 nested clients) are reported, not fatal.
    if (results.some((r) => r.variant.startsWith('platform') && r.errors > 0)) process.exitCode = 1;
  } finally {
    for (const server of Object.values(servers)) await server.stop();
    await stats.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(statementFile, { force: true });
    if (values.keep) console.error(`kept ${database.url} (server logs in ${os.tmpdir()}/ecava-bench-*-${process.pid}.log)`);
    else await database.drop();
  }
}

function render({ results, memory, shape, variants, loads, counts, nodeVersions, missing }) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const label = Object.fromEntries(variants.map((v) => [v.name, v.label]));
  const serverLabel = { platform: 'ECAVA platform', postgraphile: 'PostGraphile v5, no RLS', 'postgraphile-rls': 'PostGraphile v5, RLS', floor: 'Floor' };
  const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
  const find = (variant, r) => results.find((x) => x.variant === variant && x.workload === r.workload && x.connections === r.connections);
  const ratio = (a, b) => (a > 0 && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
  const lines = [
    '# GraphQL benchmark: ECAVA platform (as an admin and as a member) vs PostGraphile v5 (without and with row-level security) and the floor',
    '',
    `Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}. ` +
      `Platform and floor on Node ${nodeVersions.platform} (NODE_ENV=production, RUN_WORKER=false); PostGraphile ${postgraphileVersion()} (amber preset) on Node ${nodeVersions.postgraphile}. ` +
      `Pool size ${poolSize} each. Run: ${new Date().toISOString()}, \`node bench/run.js --duration ${duration} --warmup ${warmup} --jit-warmup ${jitWarmup} --rounds ${rounds} --connections ${connectionLevels.join(',')} --scale ${values.scale}\`.`,
    '',
    `Data: ${Object.entries(counts)
      .map(([t, n]) => `${n} ${t}`)
      .join(', ')}.`,
    '',
    `Load: autocannon on loopback (same machine, sharing its cores); first ${jitWarmup} s per row and workload to let V8 finish optimising, then for each run ${warmup} s warm-up then ${duration} s measured, ${rounds} round(s) per row alternating the order, each run starting once every server is idle; figures are medians of the rounds, errors are summed (a request unanswered after autocannon's 10 s timeout is an error).`,
    '',
    '| Workload | Conc. | Row | Req/s | p50 | p99 | Errors | SQL stmts/req | Xacts/req | Tuples read/req | DB ms/req | Rows, bytes |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.workload} | ${r.connections} | ${label[r.variant]} | ${fmt(r.rps)} | ${r.p50} ms | ${r.p99} ms | ${r.errors} | ${fmt(r.statementsPerRequest, 2)} | ${fmt(r.xactsPerRequest, 2)} | ${fmt(r.tuplesReadPerRequest, 0)} | ${fmt(r.dbMsPerRequest, 2)} | ` +
        `${shape[`${r.workload}/${r.variant}`].rows}, ${(shape[`${r.workload}/${r.variant}`].bytes / 1024).toFixed(1)} KiB |`,
    ),
    '',
    'Ratios (requests/s unless marked; p99: lower is better). Targets of issue 21: member ≥ 1.0× PostGraphile with RLS and its p99 below; member flat ≥ 0.7× the floor; member ≥ 0.85× admin on flat.',
    '',
    '| Workload | Conc. | Member / PostGraphile RLS | p99 member / PostGraphile RLS | Member / admin | Member / floor | Admin / PostGraphile no RLS | p99 admin / PostGraphile no RLS |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results.filter((x) => x.variant === 'platform-member')) {
    const rls = find('postgraphile-rls', r);
    const admin = find('platform', r);
    const floor = find('floor', r);
    const plain = find('postgraphile', r);
    lines.push(
      `| ${r.workload} | ${r.connections} | ${ratio(r.rps, rls?.rps)} | ${ratio(r.p99, rls?.p99)} | ${ratio(r.rps, admin?.rps)} | ${floor ? ratio(r.rps, floor.rps) : '—'} | ${ratio(admin?.rps, plain?.rps)} | ${ratio(admin?.p99, plain?.p99)} |`,
    );
  }
  const peak = (n) => memory[n]?.peak;
  lines.push(
    '',
    `Peak RSS (VmHWM over the whole run): ${Object.keys(memory)
      .map((n) => `${serverLabel[n]} ${(peak(n) / 1024).toFixed(0)} MiB`)
      .join(', ')}` + (peak('platform') && peak('postgraphile-rls') ? ` (platform / PostGraphile with RLS ${(peak('platform') / peak('postgraphile-rls')).toFixed(2)}×; target ≤ 0.8×)` : '') + '.',
    '',
    'Workloads (the same logical operation on every row):',
    ...loads.map((l) => `- ${l.title}`),
    '',
    'Notes:',
    '- Rows: the platform answers as an admin (visibility `TRUE`) and as a seated MEMBER of one group (the proposals read rule of DESIGN.md, "Visibility"), each with a bearer access token (the viewer is cached for AUTH_CACHE_SECONDS, so it is looked up once per 10 s, not per request), from one server process. PostGraphile runs twice: without authentication or row-level security (no visibility work at all), and with the same read rule as row-level security policies (bench/rls.js) for the same member, set per request through its `pgSettings` (a transaction with `set_config` of the viewer and the role per request, PostGraphile\'s own way). The floor (bench/floor-server.js) is a bare node:http + pg server running the very statement the platform runs for the member\'s flat list (captured at the wire) and answering the same JSON: the most any Node server can do here.',
    '- Data: most proposals submitted (every state but DRAFT, and half the WITHDRAWN), every confidentiality level, so a member reads most proposals through their confidentiality and seats, not as a party.',
    "- Nested: PostGraphile cannot order organisations by name (no index on `name`), so it orders by primary key; the seed makes ids ascend with names, so both return the same organisations.",
    "- Mutation: the platform's `createProposal` also checks the group, the viewer's right to take part and the lead's membership, appends a proposal event, all in one statement (no transaction needed; a draft notifies nobody, so it queues no notification job), which under load it shares with the drafts that arrived while two such statements were in flight (decision 59); PostGraphile's `createCooperationProposal` is one INSERT with the id and author columns given by the client (with RLS, its policy checks the author and the seat). Ids: the platform mints time-ordered ones (UUID version 7, decision 58); the benchmark gives PostGraphile random ones (version 4, `crypto.randomUUID()`).",
    '- SQL stmts/req: statements the server sent, counted at the wire (simple Query and extended Execute messages, so BEGIN and COMMIT count) by a proxy in front of PostgreSQL, over a second instance of each server, not the one under load.',
    `- Xacts/req, tuples read/req (tup_returned + tup_fetched) and DB ms/req (\`active_time\`, time backends spent executing statements) are \`pg_stat_database\` deltas over ${DB_STATS_REQUESTS} requests per workload and row at concurrency 4, read after the servers have been idle 11 s so every backend has flushed its counters; database-wide, so they include the platform's token lookup.`,
    ...missing.map((m) => `- Not measured: ${m}.`),
    '',
  );
  return lines.join('\n');
}

function postgraphileVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', 'postgraphile', 'package.json'), 'utf8')).version;
  } catch {
    return 'n/a';
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
