#!/usr/bin/env node
// Side-by-side GraphQL benchmark: this platform (production mode) and PostGraphile v5 (amber preset,
// on Node 22 from bench/node_modules) on the same freshly seeded database, same pool size, loaded by
// autocannon on loopback. See issue 6.
//   npm --prefix bench install        (once: PostGraphile, node@22, autocannon; kept out of the app)
//   npm run bench                     (builds if stale, then runs this)
//   node bench/run.js [--duration 8] [--warmup 2] [--jit-warmup 6] [--rounds 2] [--connections 16,64]
//                     [--only platform|postgraphile] [--workloads flat,nested,mutation] [--no-db-stats]
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
  const counter = { statements: 0 };
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    let buffer = Buffer.alloc(0);
    let started = false;
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

async function main() {
  const autocannon = requireBench('autocannon');
  if (!autocannon) throw new Error('autocannon is missing: run `npm --prefix bench install` first');
  const hasPostgraphile = fs.existsSync(NODE22) && fs.existsSync(path.join(__dirname, 'node_modules', 'postgraphile'));
  const missing = [];
  if (!hasPostgraphile) missing.push('PostGraphile v5 or node@22 not installed in bench/node_modules (`npm --prefix bench install`)');
  const names = ['platform', 'postgraphile'].filter((n) => (n === 'postgraphile' ? hasPostgraphile : true)).filter((n) => !values.only || values.only === n);

  const database = await createDatabase();
  console.error(`database ${database.name}`);
  const servers = {};
  const dataDir = path.join(os.tmpdir(), `ecava-bench-data-${process.pid}`);
  const stats = new Client({ connectionString: SERVER });
  await stats.connect();
  try {
    let started = Date.now();
    const counts = await seed(database.url, { scale: Number(values.scale) });
    console.error(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
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
    const cli = path.join(root, 'dist', 'apps', 'cli', 'src', 'main.js');
    const adminOut = execFileSync(process.execPath, [cli, 'create-admin', '--email', 'admin@bench.example', '--name', 'Bench Admin', '--organization', 'Organisation 00400'], {
      cwd: root,
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
    });
    const token = adminOut.trim().split('\n').pop().trim();
    const headersOf = { platform: { authorization: `Bearer ${token}` }, postgraphile: {} };

    const startAll = async (databaseUrl, tag = '') => {
      const started = {};
      if (names.includes('platform')) {
        const port = await freePort();
        started.platform = await startServer(`platform${tag}`, process.execPath, [path.join(root, 'dist', 'apps', 'api', 'src', 'main.js')], { ...env, DATABASE_URL: databaseUrl, PORT: String(port) }, port);
      }
      if (names.includes('postgraphile')) {
        const port = await freePort();
        started.postgraphile = await startServer(
          `postgraphile${tag}`,
          NODE22,
          [path.join(__dirname, 'postgraphile-server.js')],
          { DATABASE_URL: databaseUrl, PORT: String(port), POOL_SIZE: String(poolSize), NODE_ENV: 'production', GRAPHILE_ENV: 'production' },
          port,
        );
      }
      return started;
    };
    Object.assign(servers, await startAll(database.url));
    const nodeVersions = { platform: process.version, postgraphile: hasPostgraphile ? execFileSync(NODE22, ['--version'], { encoding: 'utf8' }).trim() : 'n/a' };

    const f = await fixtures(database.url);
    const picked = values.workloads?.split(',');
    const loads = workloads(f).filter((load) => !picked || picked.includes(load.name));
    // Check: every query answers without errors, and both servers return the same number of rows.
    const shape = {};
    for (const load of loads) {
      for (const name of names) {
        const { json, bytes } = await post(servers[name], headersOf[name], load[name].body());
        shape[`${load.name}/${name}`] = { rows: load[name].count(json.data), bytes };
      }
      const [a, b] = names.map((n) => shape[`${load.name}/${n}`]);
      if (b && a.rows !== b.rows) {
        console.error(`warning: ${load.name}: platform returns ${a.rows} rows, PostGraphile ${b.rows}`);
        missing.push(`a like-for-like ${load.name} workload: the platform returned ${a.rows} rows, PostGraphile ${b.rows}`);
      }
      console.error(`${load.name}: ${names.map((n) => `${n} ${shape[`${load.name}/${n}`].rows} rows, ${shape[`${load.name}/${n}`].bytes} B`).join('; ')}`);
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
          for (const name of names) await runAutocannon(autocannon, counting[name], headersOf[name], load[name], 4, 0, 20);
        }
        let before = await dbStats(database.name);
        for (const load of loads) {
          for (const name of names) {
            const statementsBefore = proxy.counter.statements;
            const { result, graphqlErrors } = await runAutocannon(autocannon, counting[name], headersOf[name], load[name], 4, 0, DB_STATS_REQUESTS);
            const statements = proxy.counter.statements - statementsBefore;
            const after = await dbStats(database.name);
            const n = result.requests.total;
            database_[`${load.name}/${name}`] = {
              statementsPerRequest: statements / n,
              // Minus the previous reading's own transaction.
              xactsPerRequest: (after.xacts - before.xacts - 1) / n,
              tuplesReadPerRequest: (after.tuplesRead - before.tuplesRead) / n,
              dbMsPerRequest: (after.activeMs - before.activeMs) / n,
              dbErrors: result.errors + result.non2xx + graphqlErrors,
            };
            console.error(`db ${load.name.padEnd(8)} ${name.padEnd(12)} ${n} requests: ${JSON.stringify(database_[`${load.name}/${name}`])}`);
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
      for (const name of names) await runAutocannon(autocannon, servers[name], headersOf[name], load[name], 16, jitWarmup);
    }
    const results = [];
    for (const connections of connectionLevels) {
      for (const load of loads) {
        const perServer = Object.fromEntries(names.map((n) => [n, []]));
        for (let round = 0; round < rounds; round++) {
          // Alternate which server goes first in each round.
          const order = round % 2 ? [...names].reverse() : names;
          for (const name of order) {
            await waitIdle(Object.values(servers), stats, database.name);
            await runAutocannon(autocannon, servers[name], headersOf[name], load[name], connections, warmup);
            await waitIdle(Object.values(servers), stats, database.name);
            const { result, graphqlErrors } = await runAutocannon(autocannon, servers[name], headersOf[name], load[name], connections, duration);
            const run = {
              detail: `${result.errors} socket errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx, ${graphqlErrors} GraphQL errors`,
              rps: result.requests.average,
              p50: result.latency.p50,
              p99: result.latency.p99,
              errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
            };
            perServer[name].push(run);
            console.error(
              `c=${connections} ${load.name.padEnd(8)} ${name.padEnd(12)} round ${round + 1}: ${run.rps.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, errors ${run.errors}${run.errors ? ` (${run.detail})` : ''}`,
            );
          }
        }
        for (const name of names) {
          const runs = perServer[name];
          results.push({
            connections,
            workload: load.name,
            server: name,
            rps: median(runs.map((r) => r.rps)),
            p50: median(runs.map((r) => r.p50)),
            p99: median(runs.map((r) => r.p99)),
            ...database_[`${load.name}/${name}`],
            errors: runs.reduce((s, r) => s + r.errors, 0) + (database_[`${load.name}/${name}`]?.dbErrors ?? 0),
          });
        }
      }
    }
    const memory = Object.fromEntries(names.map((n) => [n, memoryOf(servers[n].pid)]));
    const report = render({ results, memory, shape, names, loads, counts, nodeVersions, missing });
    fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    if (!picked) fs.writeFileSync(path.join(__dirname, 'results', 'latest.md'), report);
    process.stdout.write(report);
    // The platform must answer every request; the peer's timeouts (PostGraphile at 64 nested clients) are reported, not fatal.
    if (results.some((r) => r.server === 'platform' && r.errors > 0)) process.exitCode = 1;
  } finally {
    for (const server of Object.values(servers)) await server.stop();
    await stats.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (values.keep) console.error(`kept ${database.url} (server logs in ${os.tmpdir()}/ecava-bench-*-${process.pid}.log)`);
    else await database.drop();
  }
}

function render({ results, memory, shape, names, loads, counts, nodeVersions, missing }) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const label = { platform: 'ECAVA platform', postgraphile: 'PostGraphile v5' };
  const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
  const lines = [
    '# GraphQL benchmark: ECAVA platform vs PostGraphile v5',
    '',
    `Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}. ` +
      `Platform on Node ${nodeVersions.platform} (NODE_ENV=production, RUN_WORKER=false); PostGraphile ${postgraphileVersion()} (amber preset) on Node ${nodeVersions.postgraphile}. ` +
      `Pool size ${poolSize} each. Run: ${new Date().toISOString()}, \`node bench/run.js --duration ${duration} --warmup ${warmup} --jit-warmup ${jitWarmup} --rounds ${rounds} --connections ${connectionLevels.join(',')} --scale ${values.scale}\`.`,
    '',
    `Data: ${Object.entries(counts)
      .map(([t, n]) => `${n} ${t}`)
      .join(', ')}.`,
    '',
    `Load: autocannon on loopback (same machine, sharing its cores); first ${jitWarmup} s per server and workload to let V8 finish optimising, then for each run ${warmup} s warm-up then ${duration} s measured, ${rounds} round(s) per server alternating which goes first, each run starting once both servers are idle; figures are medians of the rounds, errors are summed (a request unanswered after autocannon's 10 s timeout is an error).`,
    '',
    '| Workload | Conc. | Server | Req/s | p50 | p99 | Errors | SQL stmts/req | Xacts/req | Tuples read/req | DB ms/req | Rows, bytes |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.workload} | ${r.connections} | ${label[r.server]} | ${fmt(r.rps)} | ${r.p50} ms | ${r.p99} ms | ${r.errors} | ${fmt(r.statementsPerRequest, 2)} | ${fmt(r.xactsPerRequest, 2)} | ${fmt(r.tuplesReadPerRequest, 0)} | ${fmt(r.dbMsPerRequest, 2)} | ` +
        `${shape[`${r.workload}/${r.server}`].rows}, ${(shape[`${r.workload}/${r.server}`].bytes / 1024).toFixed(1)} KiB |`,
    ),
    '',
  ];
  if (names.length === 2) {
    lines.push('Ratios platform / PostGraphile (requests/s; p99 and peak RSS: lower is better):', '', '| Workload | Conc. | Req/s ratio | p99 ratio |', '| --- | ---: | ---: | ---: |');
    for (const r of results.filter((x) => x.server === 'platform')) {
      const p = results.find((x) => x.server === 'postgraphile' && x.workload === r.workload && x.connections === r.connections);
      const ratio = (a, b) => (a > 0 && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
      lines.push(`| ${r.workload} | ${r.connections} | ${ratio(r.rps, p.rps)} | ${ratio(r.p99, p.p99)} |`);
    }
    lines.push('');
  }
  lines.push(
    `Peak RSS (VmHWM over the whole run): ${names.map((n) => `${label[n]} ${(memory[n].peak / 1024).toFixed(0)} MiB`).join(', ')}` +
      (names.length === 2 ? ` (ratio ${(memory.platform.peak / memory.postgraphile.peak).toFixed(2)}×)` : '') +
      '.',
    '',
    'Workloads (the same logical operation on both):',
    ...loads.map((l) => `- ${l.title}`),
    '',
    'Notes:',
    '- The platform answers as an admin (bearer access token; its viewer is cached for AUTH_CACHE_SECONDS, so it is looked up once per 10 s, not per request); PostGraphile runs without authentication or row-level security, so it does no visibility work.',
    "- Nested: PostGraphile cannot order organisations by name (no index on `name`), so it orders by primary key; the seed makes ids ascend with names, so both return the same organisations.",
    "- Mutation: the platform's `createProposal` also checks the group, the viewer's right to take part and the lead's membership, appends a proposal event, all in one statement (no transaction needed; a draft notifies nobody, so it queues no notification job), which under load it shares with the drafts that arrived while two such statements were in flight (decision 59); PostGraphile's `createCooperationProposal` is one INSERT with the id and author columns given by the client. Ids: the platform mints time-ordered ones (UUID version 7, decision 58); the benchmark gives PostGraphile random ones (version 4, `crypto.randomUUID()`, what PostgreSQL 15's `gen_random_uuid()` would make as a column default).",
    '- SQL stmts/req: statements the server sent, counted at the wire (simple Query and extended Execute messages, so BEGIN and COMMIT count) by a proxy in front of PostgreSQL, over a second instance of each server, not the one under load.',
    `- Xacts/req, tuples read/req (tup_returned + tup_fetched) and DB ms/req (\`active_time\`, time backends spent executing statements) are \`pg_stat_database\` deltas over ${DB_STATS_REQUESTS} requests per workload and server at concurrency 4, read after the servers have been idle 11 s so every backend has flushed its counters; database-wide, so they include the platform's token lookup.`,
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
