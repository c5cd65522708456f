#!/usr/bin/env node
// Notification delivery throughput: a handful of events fan out to 10,000 recipients who want those
// emails immediately; the standalone worker (dist/apps/worker/src/main.js, a child process) expands
// them and sends every email over SMTP to a sink on loopback (smtp-server, in this process). Reports
// the time from enqueueing the events to the last delivery marked SENT, deliveries/s, and peak RSS.
//   npm run bench:notifications        (builds if stale, then runs this)
//   node bench/notifications.js [--recipients 10000] [--events 10] [--redis redis://127.0.0.1:6379] [--profile] [--keep]
// It works on its own fresh database `ecava_bench_<time>` on BENCH_DATABASE_SERVER (default: the
// machine's postgres://postgres@127.0.0.1:5432/postgres), never the test or dev one, dropped at the end.
// Results are printed and written to bench/results/notifications.md.
const { spawn } = require('node:child_process');
const { randomBytes, randomUUID } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { Client } = require('pg');
const PgBoss = require('pg-boss');
const { SMTPServer } = require('smtp-server');

const root = path.resolve(__dirname, '..');
const WORKER = path.join(root, 'dist', 'apps', 'worker', 'src', 'main.js');
const { createDatabase } = require('./bench-database');
const { memoryOf } = require('./process-stats');
const TARGET_PER_SECOND = 200;
const PUBLIC_HOST = 'wg.ecava.bench';

const { values } = parseArgs({
  options: {
    recipients: { type: 'string', default: '10000' },
    events: { type: 'string', default: '10' },
    // Writes a V8 CPU profile of the worker to bench/results/profile/ (open in Chrome DevTools).
    profile: { type: 'boolean', default: false },
    // Keeps the database (prints its URL) for inspection.
    keep: { type: 'boolean', default: false },
    // Gives the worker a REDIS_URL (live updates published through Redis, as in a scaled-out deployment).
    redis: { type: 'string' },
  },
});
const recipients = Number(values.recipients);
const events = Number(values.events);
const perEvent = Math.ceil(recipients / events);
const mib = (kib) => kib / 1024;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** An SMTP server on loopback that counts what it accepts by Message-ID (no parsing beyond the header). */
async function startSink() {
  const ids = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk) => {
        if (head.length < 16384) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const match = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(head);
        ids.push(match ? match[1] : '');
        callback();
      });
    },
  });
  server.on('error', (error) => console.error(`SMTP sink: ${error.message}`));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `smtp://127.0.0.1:${server.server.address().port}`, ids, close: () => new Promise((r) => server.close(r)) };
}

function startWorker(env, profileDir) {
  const args = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir, WORKER] : [WORKER];
  const child = spawn(process.execPath, args, { cwd: root, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => output };
}

/**
 * `events` groups, each with `perEvent` secretaries (one organisation per group) who want
 * application emails immediately, and one submitted application per group: the application-submitted
 * rule tells each group's chairs and secretaries. Bulk SQL: the set-up is not what is measured.
 */
async function seed(db) {
  const applicantOrg = randomUUID();
  const applicant = randomUUID();
  await db.query(`INSERT INTO organizations (id, name, kind, country) VALUES ($1, 'Bench Applicant', 'OEM', 'DE')`, [applicantOrg]);
  await db.query(`INSERT INTO people (id, organization_id, name, email) VALUES ($1, $2, 'Bench Applicant', 'applicant@bench.example')`, [applicant, applicantOrg]);
  const jobs = [];
  let remaining = recipients;
  for (let g = 0; g < events; g++) {
    const size = Math.min(perEvent, remaining);
    remaining -= size;
    const group = randomUUID();
    const org = randomUUID();
    const application = randomUUID();
    await db.query(`INSERT INTO working_groups (id, slug, name, mission) VALUES ($1, $2, $3, 'Benchmark')`, [group, `bench-${g}`, `Bench group ${g}`]);
    await db.query(`INSERT INTO organizations (id, name, kind, country) VALUES ($1, $2, 'OEM', 'DE')`, [org, `Bench org ${g}`]);
    await db.query(`INSERT INTO working_group_memberships (id, working_group_id, organization_id) VALUES (gen_random_uuid(), $1, $2)`, [group, org]);
    // Half EN, a quarter DE, a quarter FR (falls back to EN); a few time zones.
    await db.query(
      `WITH p AS (
         INSERT INTO people (id, organization_id, name, email, locale, timezone)
         SELECT gen_random_uuid(), $1, 'Member ' || $3 || '-' || i, 'member-' || $3 || '-' || i || '@bench.example',
                (ARRAY['EN', 'EN', 'DE', 'FR'])[1 + i % 4], (ARRAY['Europe/Brussels', 'Europe/Berlin', 'Europe/Lisbon'])[1 + i % 3]
         FROM generate_series(1, $2::int) AS i RETURNING id
       ), seats AS (
         INSERT INTO working_group_participants (id, working_group_id, person_id, role) SELECT gen_random_uuid(), $4, id, 'SECRETARY' FROM p
       )
       INSERT INTO notification_preferences (person_id, category, mode) SELECT id, 'APPLICATIONS', 'IMMEDIATE' FROM p`,
      [org, size, g, group],
    );
    await db.query(
      `INSERT INTO membership_applications (id, working_group_id, organization_id, submitted_by_id, motivation) VALUES ($1, $2, $3, $4, 'Benchmark')`,
      [application, group, applicantOrg, applicant],
    );
    // What the outbox records when the application is submitted (ApplicationsService → NotificationsWorker).
    jobs.push({
      name: 'domain-events',
      data: {
        eventId: randomUUID(),
        event: { type: 'APPLICATION_SUBMITTED', actorId: applicant, applicationId: application, workingGroupId: group, organizationId: applicantOrg },
      },
    });
  }
  return jobs;
}

async function main() {
  if (!fs.existsSync(WORKER)) {
    console.error('dist/ is missing: run `node scripts/build.js` (or `npm run bench:notifications`) first');
    process.exit(1);
  }
  const database = await createDatabase();
  const sink = await startSink();
  const profileDir = values.profile ? path.join(__dirname, 'results', 'profile') : undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecava-bench-'));
  const worker = startWorker(
    {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      SMTP_URL: sink.url,
      PUBLIC_URL: `https://${PUBLIC_HOST}`,
      SIGNING_SECRET: randomBytes(32).toString('base64'),
      DATA_DIR: dataDir,
      ...(values.redis ? { REDIS_URL: values.redis } : {}),
    },
    profileDir,
  );
  const db = new Client({ connectionString: database.url });
  let result;
  try {
    // The worker applies the migrations and creates its queues.
    await db.connect();
    const startedAt = Date.now();
    for (;;) {
      const ready = await db
        .query(`SELECT count(*)::int AS n FROM pgboss.queue WHERE name IN ('domain-events', 'email-send')`)
        .then((r) => r.rows[0].n === 2)
        .catch(() => false);
      if (ready) break;
      if (worker.child.exitCode !== null || Date.now() - startedAt > 60_000) throw new Error(`worker did not start:\n${worker.output()}`);
      await sleep(100);
    }
    const bootMs = Date.now() - startedAt;
    console.error(`worker ready in ${bootMs} ms; seeding ${recipients} recipients in ${events} groups…`);
    const jobs = await seed(db);
    const idleRss = memoryOf(worker.child.pid).current;

    const boss = new PgBoss({ connectionString: database.url, schema: 'pgboss', supervise: false, schedule: false, migrate: false, max: 2 });
    boss.on('error', (e) => console.error(e));
    await boss.start();
    const t0 = performance.now();
    await boss.insert(jobs);
    let expandedAt = null;
    let firstSentAt = null;
    const samples = [];
    for (;;) {
      await sleep(50);
      const { rows } = await db.query(`SELECT count(*)::int AS total, count(*) FILTER (WHERE email_status = 'SENT')::int AS sent FROM notifications`);
      const { total, sent } = rows[0];
      const ms = performance.now() - t0;
      if (expandedAt === null && total >= recipients) expandedAt = ms;
      if (firstSentAt === null && sink.ids.length > 0) firstSentAt = ms;
      samples.push({ ms, sent });
      if (sent >= recipients) break;
      if (worker.child.exitCode !== null) throw new Error(`worker exited:\n${worker.output().slice(-4000)}`);
      if (ms > 15 * 60_000) throw new Error(`timed out: ${sent} of ${recipients} sent`);
    }
    const totalMs = performance.now() - t0;
    await boss.stop({ graceful: false, wait: true });
    const memory = memoryOf(worker.child.pid);
    const distinct = new Set(sink.ids).size;
    const sendMs = totalMs - (firstSentAt ?? 0);
    // The sending rate once under way: from 10 % to 90 % of the deliveries SENT.
    const at = (fraction) => samples.find((x) => x.sent >= recipients * fraction).ms;
    const steadyPerSecond = (recipients * 0.8) / ((at(0.9) - at(0.1)) / 1000);
    result = {
      bootMs,
      totalMs,
      expansionMs: expandedAt,
      firstEmailMs: firstSentAt,
      perSecond: recipients / (totalMs / 1000),
      sendPerSecond: recipients / ((totalMs - firstSentAt) / 1000),
      steadyPerSecond,
      sendMs,
      received: sink.ids.length,
      distinct,
      idleRssMiB: mib(idleRss),
      peakRssMiB: mib(memory.peak),
    };
  } finally {
    worker.child.kill('SIGTERM');
    const exit = await Promise.race([worker.exited, sleep(15_000).then(() => null)]);
    if (!exit) worker.child.kill('SIGKILL');
    await db.end().catch(() => undefined);
    await sink.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (values.keep) console.error(`kept database ${database.url}`);
    else await database.drop();
  }
  report(result);
}

function report(r) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const ok = r.perSecond >= TARGET_PER_SECOND && r.distinct === recipients;
  const lines = [
    '# Notification delivery benchmark',
    '',
    `${recipients.toLocaleString('en')} recipients in ${events} working groups (${perEvent.toLocaleString('en')} secretaries each, who want application emails immediately; ` +
      'locales EN/DE/FR, three time zones). One `APPLICATION_SUBMITTED` event per group is enqueued on `domain-events`, as the outbox does; ' +
      'the standalone worker (`dist/apps/worker/src/main.js`, a child process, NODE_ENV=production) expands each into one notification per secretary ' +
      'and sends each email over SMTP to a sink on loopback (`smtp-server` in the bench process, counting Message-IDs). A fresh database per run.',
    '',
    `Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Node ${process.version}, PostgreSQL on the same machine. ` +
      `Run: ${new Date().toISOString()}, \`node bench/notifications.js --recipients ${recipients} --events ${events}${values.redis ? ` --redis ${values.redis}` : ''}\`` +
      (values.redis ? ' (the worker publishes live updates through Redis).' : ' (no Redis: live updates stay in the worker process).'),
    '',
    '| Measure | Value |',
    '| --- | ---: |',
    `| Enqueue → last delivery SENT | ${(r.totalMs / 1000).toFixed(1)} s |`,
    `| **Deliveries/s (end to end)** | **${r.perSecond.toFixed(0)}** (target ≥ ${TARGET_PER_SECOND}) |`,
    `| Expansion (all ${recipients.toLocaleString('en')} notifications and send jobs committed) | ${(r.expansionMs / 1000).toFixed(1)} s after enqueue |`,
    `| First email at the sink | ${(r.firstEmailMs / 1000).toFixed(2)} s after enqueue |`,
    `| Sending (first email → last SENT) | ${(r.sendMs / 1000).toFixed(1)} s, ${r.sendPerSecond.toFixed(0)}/s |`,
    `| Sending rate from 10 % to 90 % SENT | ${r.steadyPerSecond.toFixed(0)}/s |`,
    `| Emails at the sink (distinct Message-IDs) | ${r.received.toLocaleString('en')} (${r.distinct.toLocaleString('en')}) |`,
    `| Worker RSS idle → peak | ${r.idleRssMiB.toFixed(0)} MiB → ${r.peakRssMiB.toFixed(0)} MiB |`,
    `| Worker start (migrations, queues) | ${(r.bootMs / 1000).toFixed(1)} s (not counted) |`,
    '',
    `Result: ${ok ? 'meets' : '**misses**'} the target of ${TARGET_PER_SECOND} deliveries/s, every email delivered ${r.received === r.distinct ? 'exactly once' : 'at least once'}.`,
    '',
  ];
  const text = lines.join('\n');
  const file = path.join(__dirname, 'results', 'notifications.md');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Keep the hand-written analysis below the generated part.
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const marker = '<!-- analysis -->';
  const analysis = previous.includes(marker) ? previous.slice(previous.indexOf(marker)) : '';
  fs.writeFileSync(file, analysis ? `${text}\n${analysis}` : text);
  process.stdout.write(text);
  if (!ok) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
