import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newId } from '@app/core';
import { seedBallots } from './seed-ballots';
import { seedDataPools } from './seed-data-pools';
import { seedMarketplace } from './seed-marketplace';
import { seedMeetings } from './seed-meetings';
import { seedProposals } from './seed-proposals';

/** The four ECAVA working groups. */
export const SEED_GROUPS = [
  {
    slug: 'software-defined-vehicles',
    name: 'Software-Defined Vehicles',
    mission: 'Common software platforms, APIs and over-the-air practices for software-defined vehicles in Europe.',
  },
  {
    slug: 'automotive-hardware',
    name: 'Automotive Hardware (Chips)',
    mission: 'Automotive-grade chips and compute architectures designed, verified and sourced in Europe.',
  },
  {
    slug: 'ai-model-development-and-data',
    name: 'AI Model Development and Data',
    mission: 'Data pooling, foundation models, benchmarks and access to HPC and AI-factory compute for automotive AI.',
  },
  {
    slug: 'autonomous-vehicle-development',
    name: 'Autonomous-Vehicle Development',
    mission: 'Validation, simulation and safe deployment of automated and autonomous driving.',
  },
] as const;

type GroupSlug = (typeof SEED_GROUPS)[number]['slug'];

/** Example member organisations with one representative each and their group memberships. */
export const SEED_ORGANIZATIONS: {
  name: string;
  shortName: string;
  kind: string;
  country: string;
  person: { name: string; email: string; locale: string; timezone: string };
  groups: { slug: GroupSlug; role: string }[];
}[] = [
  {
    name: 'High-Performance Computing Center Stuttgart',
    shortName: 'HLRS',
    kind: 'HPC_CENTRE',
    country: 'DE',
    person: { name: 'Katrin Müller', email: 'k.mueller@hlrs.example', locale: 'DE', timezone: 'Europe/Berlin' },
    groups: [{ slug: 'ai-model-development-and-data', role: 'CHAIR' }],
  },
  {
    name: 'HammerHAI AI Factory',
    shortName: 'HammerHAI',
    kind: 'AI_FACTORY',
    country: 'DE',
    person: { name: 'Jonas Weber', email: 'j.weber@hammerhai.example', locale: 'DE', timezone: 'Europe/Berlin' },
    groups: [
      { slug: 'ai-model-development-and-data', role: 'MEMBER' },
      { slug: 'autonomous-vehicle-development', role: 'OBSERVER' },
    ],
  },
  {
    name: 'Autoworks Europa',
    shortName: 'AWE',
    kind: 'OEM',
    country: 'FR',
    person: { name: 'Claire Dubois', email: 'c.dubois@autoworks.example', locale: 'FR', timezone: 'Europe/Paris' },
    groups: [
      { slug: 'software-defined-vehicles', role: 'CHAIR' },
      { slug: 'autonomous-vehicle-development', role: 'CHAIR' },
    ],
  },
  {
    name: 'Silicon Alpina',
    shortName: 'SilAlp',
    kind: 'SEMICONDUCTOR',
    country: 'IT',
    person: { name: 'Marco Rossi', email: 'm.rossi@silicon-alpina.example', locale: 'EN', timezone: 'Europe/Rome' },
    groups: [{ slug: 'automotive-hardware', role: 'CHAIR' }],
  },
  {
    name: 'Nordic Drive Systems',
    shortName: 'NDS',
    kind: 'SUPPLIER',
    country: 'SE',
    person: { name: 'Sara Lindqvist', email: 's.lindqvist@nordicdrive.example', locale: 'EN', timezone: 'Europe/Stockholm' },
    groups: [
      { slug: 'software-defined-vehicles', role: 'SECRETARY' },
      { slug: 'automotive-hardware', role: 'MEMBER' },
    ],
  },
  {
    name: 'Institut für Fahrzeugintelligenz',
    shortName: 'IFI',
    kind: 'RESEARCH',
    country: 'AT',
    person: { name: 'Lukas Gruber', email: 'l.gruber@ifi.example', locale: 'DE', timezone: 'Europe/Vienna' },
    groups: [{ slug: 'autonomous-vehicle-development', role: 'MEMBER' }],
  },
];

/** How many of each kind of row a seed run added. */
export interface SeedResult {
  groups: number;
  organizations: number;
  capabilities: number;
  needs: number;
  dataPools: number;
  ballots: number;
}

/**
 * Loads the four working groups, example members, the marketplace's capabilities and needs, data pools and a ballot.
 * Idempotent: what exists (by slug, name, email, or an organisation's listing title) is left alone, so
 * it can run on every start of a demo.
 */
export async function seed(app: INestApplicationContext): Promise<SeedResult> {
  const dataSource = app.get(DataSource);
  return dataSource.transaction(async (em) => {
    let groups = 0;
    let organizations = 0;
    const groupIds = new Map<string, string>();
    for (const group of SEED_GROUPS) {
      const inserted = await em.query(
        `INSERT INTO working_groups (id, slug, name, mission, status) VALUES ($1, $2, $3, $4, 'ACTIVE')
         ON CONFLICT (slug) DO NOTHING RETURNING id`,
        [newId(), group.slug, group.name, group.mission],
      );
      groups += inserted.length;
      const [{ id }] = await em.query(`SELECT id FROM working_groups WHERE slug = $1`, [group.slug]);
      groupIds.set(group.slug, id);
    }
    for (const org of SEED_ORGANIZATIONS) {
      let [row]: { id: string }[] = await em.query(`SELECT id FROM organizations WHERE lower(name) = lower($1)`, [org.name]);
      if (!row) {
        row = { id: newId() };
        await em.query(`INSERT INTO organizations (id, name, short_name, kind, country) VALUES ($1, $2, $3, $4, $5)`, [
          row.id,
          org.name,
          org.shortName,
          org.kind,
          org.country,
        ]);
        organizations += 1;
      }
      let [person]: { id: string }[] = await em.query(`SELECT id FROM people WHERE lower(email) = lower($1)`, [org.person.email]);
      if (!person) {
        person = { id: newId() };
        await em.query(`INSERT INTO people (id, organization_id, name, email, locale, timezone) VALUES ($1, $2, $3, $4, $5, $6)`, [
          person.id,
          row.id,
          org.person.name,
          org.person.email,
          org.person.locale,
          org.person.timezone,
        ]);
      }
      for (const membership of org.groups) {
        const groupId = groupIds.get(membership.slug)!;
        await em.query(
          `INSERT INTO working_group_memberships (id, working_group_id, organization_id) VALUES ($1, $2, $3)
           ON CONFLICT (working_group_id, organization_id) DO NOTHING`,
          [newId(), groupId, row.id],
        );
        await em.query(
          `INSERT INTO working_group_participants (id, working_group_id, person_id, role)
           SELECT $1, $2, $3, $4 WHERE NOT EXISTS (
             SELECT 1 FROM working_group_participants WHERE working_group_id = $2 AND person_id = $3 AND ended_at IS NULL)`,
          [newId(), groupId, person.id, membership.role],
        );
      }
    }
    return {
      groups,
      organizations,
      ...(await seedMarketplace(em, groupIds)),
      ...(await seedDataPools(em, groupIds)),
      ...(await seedBallots(em, groupIds)),
      ...(await seedMeetings(em, groupIds)),
      ...(await seedProposals(em, groupIds)),
    };
  });
}
