#!/usr/bin/env node
// Screenshots of the web client's main screens in English and German, for docs/screenshots/ and the README.
// Seeds a throw-away database on the PostgreSQL at DATABASE_SERVER (default postgres://postgres@127.0.0.1:5432/postgres),
// starts the built API (`npm run build` first) with its worker, signs seeded people in through the emailed
// link (written as .eml files): the AI group's chair for most screens, a person of the organisation that posted
// the photographed need for its matches; and photographs each screen with Debian's chromium.
// Usage: node scripts/screenshots.js [--out docs/screenshots]
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..');
const out = path.resolve(root, process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : 'docs/screenshots');
const server = process.env.DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;

/** Who is photographed: the seeded chair of the AI group (HLRS), once in German and once in English. */
const PEOPLE = [
  { lang: 'de', locale: 'DE', email: 'k.mueller@hlrs.example' },
  { lang: 'en', locale: 'EN', email: 'k.mueller@hlrs.example' },
];

async function main() {
  const name = `ecava_screens_${Date.now()}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecava-screens-'));
  const env = { ...process.env, NODE_ENV: 'development', DATABASE_URL: url.toString(), DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: base, GRAPHQL_PLAYGROUND: 'false', RUN_WORKER: 'true' };
  let api;
  try {
    execFileSync(process.execPath, ['dist/apps/cli/src/main.js', 'seed'], { cwd: root, env, stdio: 'inherit' });
    api = spawn(process.execPath, ['dist/apps/api/src/main.js'], { cwd: root, env, stdio: 'inherit' });
    await waitFor(async () => (await fetch(`${base}/health/ready`)).ok, 60_000);
    const db = new Client({ connectionString: url.toString() });
    await db.connect();
    const one = async (sql, values = []) => (await db.query(sql, values)).rows[0]?.id;
    const aiGroup = await one(`SELECT id FROM working_groups WHERE slug = 'ai-model-development-and-data'`);
    await seedPriorities(db, aiGroup);
    // An open need with matches, photographed by a person of its organisation: only they (and admins) see matches.
    const need = (
      await db.query(
        `SELECT n.id, (SELECT p.email FROM people p WHERE p.organization_id = n.organization_id ORDER BY p.created_at LIMIT 1) AS email
         FROM resource_needs n
         WHERE n.status = 'OPEN' AND NOT n.anonymous
         ORDER BY (SELECT count(*) FROM capabilities c WHERE c.kind = n.kind AND c.status = 'ACTIVE' AND c.organization_id <> n.organization_id) DESC, n.created_at
         LIMIT 1`,
      )
    ).rows[0];
    const screens = {
      home: '/',
      'working-group': `/working-groups/${aiGroup}`,
      // The chair's view of the group's priorities: the ranking's move buttons and "Add a priority".
      priorities: `/working-groups/${aiGroup}/priorities`,
      // The chair's own organisation.
      organization: `/organizations/${await one(`SELECT organization_id AS id FROM people WHERE email = $1`, [PEOPLE[0].email])}`,
      proposals: '/proposals',
      proposal: `/proposals/${await one(`SELECT id FROM cooperation_proposals ORDER BY created_at LIMIT 1`)}`,
      meetings: '/meetings',
      meeting: `/meetings/${await one(`SELECT id FROM meetings WHERE status = 'SCHEDULED' ORDER BY starts_at LIMIT 1`)}`,
      marketplace: '/marketplace',
      need: { target: `/resource-needs/${need?.id}`, as: need?.email },
      'data-pool': `/data-pools/${await one(`SELECT id FROM data_pools ORDER BY created_at LIMIT 1`)}`,
      'data-pool-new': '/data-pools/new',
      ballot: `/ballots/${await one(`SELECT id FROM ballots ORDER BY created_at LIMIT 1`)}`,
      search: '/search?q=compute',
    };
    fs.mkdirSync(out, { recursive: true });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    for (const person of PEOPLE) {
      // One signed-in page per person photographing, in the language of this round.
      const pages = new Map();
      const pageOf = async (email) => {
        if (!pages.has(email)) {
          await db.query(`UPDATE people SET locale = $1 WHERE email = $2`, [person.locale, email]);
          const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 860 }, locale: person.lang === 'de' ? 'de-DE' : 'en-GB' });
          const page = await context.newPage();
          await signIn(page, email, dataDir);
          pages.set(email, page);
        }
        return pages.get(email);
      };
      for (const [screen, entry] of Object.entries(screens)) {
        const { target, as = person.email } = typeof entry === 'string' ? { target: entry } : entry;
        if (target.endsWith('/undefined') || !as) continue;
        const page = await pageOf(as);
        await page.goto(target);
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        const file = path.join(out, `${screen}-${person.lang}.png`);
        await page.screenshot({ path: file, fullPage: false });
        console.log(`wrote ${path.relative(root, file)}`);
      }
      for (const page of pages.values()) await page.context().close();
    }
    await browser.close();
    await db.end();
  } finally {
    api?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The seed has no priorities; the priorities tab is photographed with three in the AI group (one endorsed by the
 * chair's organisation), inserted here on the throw-away database only.
 */
async function seedPriorities(db, groupId) {
  if (!groupId) return;
  const chair = (await db.query(`SELECT id, organization_id FROM people WHERE email = $1`, [PEOPLE[0].email])).rows[0];
  const titles = [
    ['Shared evaluation benchmarks for perception models', 'ADOPTED'],
    ['GPU hours for foundation-model pre-training', 'ADOPTED'],
    ['Synthetic adverse-weather data', 'PROPOSED'],
  ];
  for (const [index, [title, status]] of titles.entries()) {
    await db.query(
      `INSERT INTO priorities (id, working_group_id, title, description, rank, status, created_by_id)
       SELECT gen_random_uuid(), $1, $2, $3, $4, $5, $6 WHERE NOT EXISTS (SELECT 1 FROM priorities WHERE working_group_id = $1 AND title = $2)`,
      [groupId, title, `${title}: what the group works on first.`, index + 1, status, chair.id],
    );
  }
  await db.query(
    `INSERT INTO priority_endorsements (priority_id, organization_id, endorsed_by_id)
     SELECT id, $2, $3 FROM priorities WHERE working_group_id = $1 AND rank = 1 ON CONFLICT DO NOTHING`,
    [groupId, chair.organization_id, chair.id],
  );
}

async function signIn(page, email, dataDir) {
  const mailDir = path.join(dataDir, 'mail');
  const before = new Set(fs.existsSync(mailDir) ? fs.readdirSync(mailDir) : []);
  await page.goto('/sign-in');
  await page.locator('#email').fill(email);
  await page.locator('form button[type=submit]').click();
  let link;
  await waitFor(async () => {
    if (!fs.existsSync(mailDir)) return false;
    for (const file of fs.readdirSync(mailDir).filter((f) => !before.has(f) && f.endsWith('.eml'))) {
      const text = fs.readFileSync(path.join(mailDir, file), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      const match = text.match(/https?:\/\/\S+\/sign-in\?token=[A-Za-z0-9_%.-]+/);
      if (match && text.toLowerCase().includes(email)) link = match[0];
    }
    return Boolean(link);
  }, 30_000);
  await page.goto(link);
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

async function waitFor(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 250));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
