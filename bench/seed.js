#!/usr/bin/env node
// Seeds a benchmark database with a realistic alliance, deterministically (fixed-seed PRNG, ids
// derived from it): 4 working groups, 400 organisations, 4,000 people, 1,200 memberships, 3,000
// participants, 100 priorities, 5,000 proposals with partners, supporters and comments, 300 meetings
// with agendas. Runs the app's migrations first (the built data source in dist/), then one
// `INSERT … SELECT FROM unnest(…)` per table.
//   node bench/seed.js postgres://postgres@127.0.0.1:5432/ecava_bench_x [--scale 2]
// Used by bench/run.js; never point it at the test or dev database.
const path = require('node:path');
const { Client } = require('pg');

const root = path.resolve(__dirname, '..');

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORG_KINDS = ['OEM', 'SUPPLIER', 'SEMICONDUCTOR', 'SOFTWARE', 'HPC_CENTRE', 'AI_FACTORY', 'RESEARCH', 'PUBLIC_BODY', 'ASSOCIATION', 'OTHER'];
const COUNTRIES = ['DE', 'FR', 'IT', 'ES', 'NL', 'BE', 'AT', 'SE', 'FI', 'PL', 'CZ', 'DK', 'IE', 'PT'];
const PROPOSAL_KINDS = ['DATA_EXCHANGE', 'DATA_POOLING', 'FOUNDATION_MODEL', 'MODEL_BENCHMARKING', 'SYNTHETIC_DATA', 'COMPUTE_ACCESS', 'JOINT_RESEARCH', 'STANDARDISATION', 'OTHER'];
const PROPOSAL_STATES = ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'IN_PROGRESS', 'COMPLETED', 'WITHDRAWN'];
const CONFIDENTIALITY = ['PUBLIC', 'MEMBERS', 'WORKING_GROUP', 'PARTIES'];
const GROUPS = [
  ['software-defined-vehicles', 'Software-Defined Vehicles'],
  ['automotive-hardware', 'Automotive Hardware (Chips)'],
  ['ai-models-and-data', 'AI Model Development and Data'],
  ['autonomous-vehicles', 'Autonomous-Vehicle Development'],
];
const LOREM =
  'Partners pool anonymised sensor data from test fleets, agree a common format and benchmark perception models on shared compute at an AI factory. ';

/**
 * Builds every row in memory. `scale` multiplies the row counts (not the groups), for checking that
 * per-request statement counts do not grow with the data.
 */
function generate({ seed = 20260205, scale = 1 } = {}) {
  const random = prng(seed);
  const int = (n) => Math.floor(random() * n);
  const pick = (list) => list[int(list.length)];
  const uuid = () => {
    const hex = Array.from({ length: 16 }, () => int(256).toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  /** `k` distinct items of `list`, excluding `except`. */
  const sample = (list, k, except) => {
    const out = new Set();
    while (out.size < k) {
      const item = pick(list);
      if (item !== except) out.add(item);
    }
    return [...out];
  };
  const base = Date.UTC(2026, 0, 1);
  const at = (dayOffset) => new Date(base + dayOffset * 86400000).toISOString();

  const N = { organizations: 400 * scale, peoplePerOrg: 10, membershipsPerGroup: 300 * scale, participants: 3000 * scale, priorities: 100, proposals: 5000 * scale, meetings: 300 * scale };
  const t = {};

  t.working_groups = GROUPS.map(([slug, name]) => ({ id: uuid(), slug, name, mission: `The ${name} working group of ECAVA.` }));
  // Ids ascend with the names, so "first 10 by name" (this platform) and "first 10 by primary key"
  // (PostGraphile cannot order by name without an index on it) are the same organisations.
  const orgIds = Array.from({ length: N.organizations }, uuid).sort();
  t.organizations = Array.from({ length: N.organizations }, (_, i) => ({
    id: orgIds[i],
    name: `Organisation ${String(i + 1).padStart(5, '0')}`,
    short_name: `ORG${i + 1}`,
    kind: pick(ORG_KINDS),
    country: pick(COUNTRIES),
    website: `https://org${i + 1}.example`,
    description: LOREM,
  }));
  t.people = t.organizations.flatMap((org, o) =>
    Array.from({ length: N.peoplePerOrg }, (_, p) => ({
      id: uuid(),
      organization_id: org.id,
      name: `Person ${o + 1}.${p + 1}`,
      email: `person${o + 1}.${p + 1}@org${o + 1}.example`,
      title: 'Engineer',
    })),
  );
  const peopleByOrg = new Map();
  for (const person of t.people) {
    if (!peopleByOrg.has(person.organization_id)) peopleByOrg.set(person.organization_id, []);
    peopleByOrg.get(person.organization_id).push(person.id);
  }

  // Memberships: each group has its own random 300 (×scale) member organisations.
  t.working_group_memberships = [];
  const membersOf = new Map();
  for (const group of t.working_groups) {
    const members = sample(t.organizations.map((o) => o.id), N.membershipsPerGroup);
    membersOf.set(group.id, members);
    for (const organization_id of members) t.working_group_memberships.push({ id: uuid(), working_group_id: group.id, organization_id, since: at(-int(700)) });
  }

  // Participants: distinct (group, person) seats, only for people of member organisations; the first
  // seat of each group is its chair.
  t.working_group_participants = [];
  const perGroup = N.participants / t.working_groups.length;
  for (const group of t.working_groups) {
    const eligible = membersOf.get(group.id).flatMap((org) => peopleByOrg.get(org));
    sample(eligible, perGroup).forEach((person_id, i) =>
      t.working_group_participants.push({ id: uuid(), working_group_id: group.id, person_id, role: i === 0 ? 'CHAIR' : i < 3 ? 'SECRETARY' : i % 10 === 0 ? 'OBSERVER' : 'MEMBER' }),
    );
  }
  const firstPerson = t.people[0].id;

  // Priorities: 20 alliance-wide, 20 per group, ranked 1..20 in each scope.
  t.priorities = [null, ...t.working_groups.map((g) => g.id)].flatMap((working_group_id) =>
    Array.from({ length: N.priorities / 5 }, (_, r) => ({
      id: uuid(),
      working_group_id,
      title: `Priority ${r + 1}`,
      description: LOREM,
      rank: r + 1,
      status: pick(['PROPOSED', 'ADOPTED', 'ARCHIVED']),
      created_by_id: firstPerson,
    })),
  );

  t.cooperation_proposals = [];
  t.proposal_partners = [];
  t.proposal_supports = [];
  t.proposal_comments = [];
  t.proposal_priorities = [];
  const groupPriorities = new Map(t.working_groups.map((g) => [g.id, t.priorities.filter((p) => p.working_group_id === g.id)]));
  for (let i = 0; i < N.proposals; i++) {
    const group = pick(t.working_groups);
    const members = membersOf.get(group.id);
    const lead = pick(members);
    const author = pick(peopleByOrg.get(lead));
    const created = at(-int(600) - random());
    const supporters = sample(members, int(6), lead);
    const partners = sample(members, int(4), lead).filter((o) => !supporters.includes(o));
    const proposal = {
      id: uuid(),
      working_group_id: group.id,
      title: `Proposal ${i + 1}: ${pick(PROPOSAL_KINDS).toLowerCase().replace('_', ' ')} on fleet data`,
      summary: LOREM.slice(0, 120),
      body: LOREM.repeat(4),
      kind: pick(PROPOSAL_KINDS),
      state: pick(PROPOSAL_STATES),
      confidentiality: pick(CONFIDENTIALITY),
      lead_organization_id: lead,
      author_id: author,
      author_organization_id: lead,
      support_count: supporters.length,
      created_at: created,
      updated_at: created,
    };
    // Realistic states (issue 21): everything but a draft was submitted, and half the withdrawn ones were
    // withdrawn after submission, so a member reads most proposals through their confidentiality, not as a party.
    // Derived from the row, not drawn, so the generator's sequence (and every other table) stays as it was.
    proposal.submitted_at = proposal.state === 'DRAFT' || (proposal.state === 'WITHDRAWN' && i % 2) ? null : new Date(Date.parse(created) + 86_400_000).toISOString();
    t.cooperation_proposals.push(proposal);
    for (const organization_id of partners) {
      t.proposal_partners.push({ proposal_id: proposal.id, organization_id, role: 'Data provider', consent: pick(['INVITED', 'CONSENTED', 'DECLINED']), invited_by_id: author });
    }
    for (const organization_id of supporters) {
      t.proposal_supports.push({ proposal_id: proposal.id, organization_id, supported_by_id: pick(peopleByOrg.get(organization_id)), created_at: created });
    }
    for (let c = int(4); c > 0; c--) {
      t.proposal_comments.push({ id: uuid(), proposal_id: proposal.id, author_id: pick(peopleByOrg.get(pick(members))), body: 'Our organisation can contribute labelled data.', created_at: created });
    }
    if (random() < 0.5) t.proposal_priorities.push({ proposal_id: proposal.id, priority_id: pick(groupPriorities.get(group.id)).id });
  }

  // Meetings with 4–10 agenda items each, some linked to a proposal of the group or a priority.
  t.meetings = [];
  t.agenda_items = [];
  const proposalsOf = new Map(t.working_groups.map((g) => [g.id, t.cooperation_proposals.filter((p) => p.working_group_id === g.id)]));
  for (let i = 0; i < N.meetings; i++) {
    const group = pick(t.working_groups);
    const starts = base + (int(720) - 360) * 86400000 + 9 * 3600000;
    const meeting = {
      id: uuid(),
      working_group_id: group.id,
      title: `${group.name} meeting ${i + 1}`,
      format: pick(['IN_PERSON', 'ONLINE', 'HYBRID']),
      location: 'Brussels',
      starts_at: new Date(starts).toISOString(),
      ends_at: new Date(starts + 6 * 3600000).toISOString(),
      timezone: 'Europe/Brussels',
      status: starts < Date.UTC(2026, 10, 1) ? 'HELD' : 'SCHEDULED',
      created_by_id: firstPerson,
    };
    t.meetings.push(meeting);
    for (let position = 1, n = 4 + int(7); position <= n; position++) {
      const link = random();
      t.agenda_items.push({
        id: uuid(),
        meeting_id: meeting.id,
        position,
        title: `Item ${position}`,
        duration_minutes: 15 + 5 * int(6),
        presenter_id: pick(peopleByOrg.get(pick(membersOf.get(group.id)))),
        proposal_id: link < 0.4 ? pick(proposalsOf.get(group.id)).id : null,
        priority_id: link > 0.8 ? pick(groupPriorities.get(group.id)).id : null,
      });
    }
  }
  return t;
}

/** Column types for unnest(); everything else is text. */
const TYPES = {
  id: 'uuid',
  rank: 'int',
  position: 'int',
  duration_minutes: 'int',
  support_count: 'int',
  since: 'timestamptz',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  submitted_at: 'timestamptz',
  starts_at: 'timestamptz',
  ends_at: 'timestamptz',
};
const typeOf = (column) => TYPES[column] ?? (column.endsWith('_id') ? 'uuid' : 'text');

async function insertAll(client, tables) {
  const counts = {};
  for (const [table, rows] of Object.entries(tables)) {
    if (rows.length === 0) continue;
    const columns = Object.keys(rows[0]);
    const arrays = columns.map((c) => rows.map((r) => r[c]));
    const sql = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${typeOf(c)}[]`).join(', ')})`;
    await client.query(sql, arrays);
    counts[table] = rows.length;
  }
  return counts;
}

/** Runs the migrations (the built app's data source), then inserts the generated rows; returns counts. */
async function seed(url, { scale = 1 } = {}) {
  const { createDataSource } = require(path.join(root, 'dist/libs/core/src/database/data-source.js'));
  const dataSource = createDataSource(url, { poolSize: 1 });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const counts = await insertAll(client, generate({ scale }));
    await client.query('COMMIT');
    // A settled database, as one that autovacuum has long visited: statistics, hint bits and visibility
    // maps set, and the seed's pages written out, so neither server's first runs pay for the seed.
    await client.query('VACUUM (ANALYZE)');
    await client.query('CHECKPOINT');
    return counts;
  } finally {
    await client.end();
  }
}

module.exports = { seed, generate, insertAll };

if (require.main === module) {
  const url = process.argv[2];
  if (!url || !/\/ecava_bench_/.test(url)) {
    console.error('usage: node bench/seed.js postgres://…/ecava_bench_<name> [--scale N]  (only ecava_bench_* databases)');
    process.exit(2);
  }
  const scaleAt = process.argv.indexOf('--scale');
  const started = Date.now();
  seed(url, { scale: scaleAt > 0 ? Number(process.argv[scaleAt + 1]) : 1 }).then(
    (counts) => console.log(JSON.stringify({ ms: Date.now() - started, counts })),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
