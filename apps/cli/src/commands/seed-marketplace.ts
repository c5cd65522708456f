import { EntityManager } from 'typeorm';
import { joinSql, newId, querySql, rawSql, sql } from '@app/core';

/** Fields of a seeded capability or need that both have. */
interface SeedListing {
  /** The seeded organisation's short name (SEED_ORGANIZATIONS). */
  organization: string;
  kind: string;
  title: string;
  description: string;
  quantity?: number;
  unit?: string;
  from?: string;
  until?: string;
  confidentiality: 'PUBLIC' | 'MEMBERS' | 'WORKING_GROUP';
  /** With WORKING_GROUP: the group's slug. */
  group?: string;
}

interface SeedCapability extends SeedListing {
  location: string;
  maxSensitivity: string;
  certifications: string[];
  accessModel: string;
}

interface SeedNeed extends SeedListing {
  anonymous?: boolean;
  sensitivity: string;
  allowedLocations?: string[];
  requiredCertifications?: string[];
}

/** What the seeded HPC centre, AI factory and research institute offer. */
export const SEED_CAPABILITIES: SeedCapability[] = [
  {
    organization: 'HLRS',
    kind: 'GPU_COMPUTE',
    title: 'Hawk AI partition: A100 GPU hours',
    description: 'NVIDIA A100 nodes in Stuttgart for model training, allocated through the alliance call. TISAX-assessed data hall.',
    quantity: 200_000,
    unit: 'GPU_HOURS',
    from: '2026-03-01T00:00:00Z',
    until: '2026-12-31T23:59:59Z',
    location: 'DE',
    maxSensitivity: 'CONFIDENTIAL',
    certifications: ['ISO_27001', 'TISAX_AL3'],
    accessModel: 'OPEN_CALL',
    confidentiality: 'MEMBERS',
  },
  {
    organization: 'HLRS',
    kind: 'HPC_COMPUTE',
    title: 'Hunter CPU partition',
    description: 'AMD EPYC core hours for simulation, chip verification and data preparation.',
    quantity: 20_000_000,
    unit: 'CORE_HOURS',
    from: '2026-01-01T00:00:00Z',
    until: '2027-06-30T23:59:59Z',
    location: 'DE',
    maxSensitivity: 'INTERNAL',
    certifications: ['ISO_27001'],
    accessModel: 'OPEN_CALL',
    confidentiality: 'PUBLIC',
  },
  {
    organization: 'HLRS',
    kind: 'SIMULATION',
    title: 'Crash and CFD simulation service',
    description: 'Crash, CFD and thermal simulation on Hunter with licensed solvers and HLRS engineers.',
    quantity: 5_000,
    unit: 'NODE_HOURS',
    location: 'DE',
    maxSensitivity: 'CONFIDENTIAL',
    certifications: ['ISO_27001', 'TISAX_AL2'],
    accessModel: 'PAID',
    confidentiality: 'MEMBERS',
  },
  {
    organization: 'HLRS',
    kind: 'STORAGE',
    title: 'Project storage for sensor recordings',
    description: 'Disk and tape storage next to the compute partitions, for raw and labelled driving data.',
    quantity: 1_000,
    unit: 'TERABYTES',
    location: 'DE',
    maxSensitivity: 'CONFIDENTIAL',
    certifications: ['ISO_27001'],
    accessModel: 'IN_KIND',
    confidentiality: 'MEMBERS',
  },
  {
    organization: 'HammerHAI',
    kind: 'GPU_COMPUTE',
    title: 'H100 GPU hours for foundation-model training',
    description: 'The AI factory’s H100 cluster for training and fine-tuning driving foundation models, personal data included.',
    quantity: 120_000,
    unit: 'GPU_HOURS',
    from: '2026-02-01T00:00:00Z',
    until: '2027-01-31T23:59:59Z',
    location: 'DE',
    maxSensitivity: 'PERSONAL_DATA',
    certifications: ['BSI_C5', 'ISO_27001', 'ISO_27701', 'TISAX_AL3'],
    accessModel: 'PAID',
    confidentiality: 'MEMBERS',
  },
  {
    organization: 'HammerHAI',
    kind: 'SYNTHETIC_DATA_GENERATION',
    title: 'Synthetic driving scenes: night, rain and snow',
    description: 'Sensor-realistic camera and lidar scenes generated to order, with ground truth.',
    quantity: 10_000,
    unit: 'RECORDING_HOURS',
    location: 'DE',
    maxSensitivity: 'CONFIDENTIAL',
    certifications: ['ISO_27001', 'TISAX_AL2'],
    accessModel: 'PAID',
    confidentiality: 'MEMBERS',
  },
  {
    organization: 'HammerHAI',
    kind: 'MODEL_TRAINING_SUPPORT',
    title: 'Distributed-training engineers',
    description: 'Engineers who scale training runs across hundreds of GPUs with you.',
    quantity: 150,
    unit: 'PERSON_DAYS',
    location: 'DE',
    maxSensitivity: 'CONFIDENTIAL',
    certifications: ['TISAX_AL3'],
    accessModel: 'IN_KIND',
    confidentiality: 'PUBLIC',
  },
  {
    organization: 'HammerHAI',
    kind: 'MODEL_BENCHMARKING',
    title: 'Perception model benchmarking',
    description: 'Benchmark runs of perception models on held-out European driving data.',
    location: 'DE',
    maxSensitivity: 'CONFIDENTIAL',
    certifications: ['TISAX_AL2'],
    accessModel: 'RESEARCH_ONLY',
    confidentiality: 'WORKING_GROUP',
    group: 'ai-model-development-and-data',
  },
  {
    organization: 'IFI',
    kind: 'EXPERTISE',
    title: 'Scenario-based validation of automated driving',
    description: 'Scenario catalogues and safety-argument reviews for automated driving functions.',
    quantity: 60,
    unit: 'PERSON_DAYS',
    location: 'AT',
    maxSensitivity: 'CONFIDENTIAL',
    certifications: [],
    accessModel: 'RESEARCH_ONLY',
    confidentiality: 'PUBLIC',
  },
];

/** What the seeded car maker and suppliers need; each has a match among the capabilities above. */
export const SEED_NEEDS: SeedNeed[] = [
  {
    organization: 'AWE',
    anonymous: true,
    kind: 'GPU_COMPUTE',
    title: 'Training a driving foundation model',
    description: 'Pre-training on camera and lidar recordings from our European test fleet.',
    quantity: 50_000,
    unit: 'GPU_HOURS',
    from: '2026-04-01T00:00:00Z',
    until: '2026-09-30T23:59:59Z',
    sensitivity: 'CONFIDENTIAL',
    requiredCertifications: ['TISAX_AL2'],
    confidentiality: 'MEMBERS',
  },
  {
    organization: 'AWE',
    kind: 'SYNTHETIC_DATA_GENERATION',
    title: 'Synthetic night-time and adverse-weather scenes',
    description: 'Rare scenes to balance our perception training data.',
    quantity: 2_000,
    unit: 'RECORDING_HOURS',
    sensitivity: 'CONFIDENTIAL',
    requiredCertifications: ['TISAX_AL2'],
    confidentiality: 'PUBLIC',
  },
  {
    organization: 'NDS',
    kind: 'SIMULATION',
    title: 'Crash simulation campaign for a battery housing',
    description: 'About 400 crash load cases for a new battery housing.',
    quantity: 800,
    unit: 'NODE_HOURS',
    from: '2026-05-01T00:00:00Z',
    until: '2026-08-31T23:59:59Z',
    sensitivity: 'CONFIDENTIAL',
    allowedLocations: ['DE', 'FI', 'SE'],
    requiredCertifications: ['TISAX_AL2'],
    confidentiality: 'MEMBERS',
  },
  {
    organization: 'NDS',
    kind: 'STORAGE',
    title: 'Archive for test-fleet sensor recordings',
    description: 'Three years of retention for recordings from the winter test fleet.',
    quantity: 300,
    unit: 'TERABYTES',
    sensitivity: 'INTERNAL',
    confidentiality: 'MEMBERS',
  },
];

/**
 * The marketplace's example listings, written directly (no events: seeding announces nothing). Idempotent:
 * a listing whose organisation already has one of that title is left alone. Returns how many were added.
 */
export async function seedMarketplace(em: EntityManager, groupIds: ReadonlyMap<string, string>): Promise<{ capabilities: number; needs: number }> {
  const shortNames = [...new Set([...SEED_CAPABILITIES, ...SEED_NEEDS].map((l) => l.organization))];
  const rows = await querySql<{ shortName: string; organizationId: string; personId: string }>(
    em,
    sql`SELECT DISTINCT ON (o.short_name) o.short_name AS "shortName", o.id AS "organizationId", p.id AS "personId"
        FROM organizations o JOIN people p ON p.organization_id = o.id
        WHERE o.short_name = ANY(${shortNames}::text[]) ORDER BY o.short_name, p.created_at, p.id`,
  );
  const owners = new Map(rows.map((r) => [r.shortName, r]));
  const common = (listing: SeedListing) => {
    const owner = owners.get(listing.organization);
    if (!owner) throw new Error(`seed: no organisation ${listing.organization}`);
    return [
      newId(),
      owner.organizationId,
      listing.kind,
      listing.title,
      listing.description,
      listing.quantity ?? null,
      listing.unit ?? null,
      listing.from ?? null,
      listing.until ?? null,
      listing.confidentiality,
      listing.group ? groupIds.get(listing.group) : null,
      owner.personId,
    ];
  };
  let capabilities = 0;
  for (const c of SEED_CAPABILITIES) {
    capabilities += await insertIfNew(em, 'capabilities', ['available_from', 'available_until', 'location', 'max_sensitivity', 'certifications', 'access_model'], [
      ...common(c),
      c.location,
      c.maxSensitivity,
      [...c.certifications].sort(),
      c.accessModel,
    ]);
  }
  let needs = 0;
  for (const n of SEED_NEEDS) {
    needs += await insertIfNew(em, 'resource_needs', ['needed_from', 'needed_until', 'anonymous', 'sensitivity', 'allowed_locations', 'required_certifications'], [
      ...common(n),
      n.anonymous ?? false,
      n.sensitivity,
      [...(n.allowedLocations ?? [])].sort(),
      [...(n.requiredCertifications ?? [])].sort(),
    ]);
  }
  return { capabilities, needs };
}

/** The columns `common` fills, before a table's own: its window's two columns come first among those. */
const COMMON_COLUMNS = ['id', 'organization_id', 'kind', 'title', 'description', 'quantity', 'unit'];
const COMMON_AFTER_WINDOW = ['confidentiality', 'working_group_id', 'created_by_id'];

/**
 * Inserts one listing unless its organisation has one of that title; 1 if inserted. `own` names the
 * table's window columns, then its other columns, in the order of the values after `common`'s.
 */
async function insertIfNew(em: EntityManager, table: 'capabilities' | 'resource_needs', own: string[], values: unknown[]): Promise<number> {
  const [windowFrom, windowUntil, ...rest] = own;
  const columns = [...COMMON_COLUMNS, windowFrom, windowUntil, ...COMMON_AFTER_WINDOW, ...rest];
  const [, organizationId, , title] = values;
  const inserted = await querySql(
    em,
    sql`INSERT INTO ${rawSql(table)} (${rawSql(columns.join(', '))}) SELECT ${joinSql(values.map((value) => sql`${value}`))}
        WHERE NOT EXISTS (SELECT 1 FROM ${rawSql(table)} WHERE organization_id = ${organizationId}::uuid AND title = ${title}) RETURNING id`,
  );
  return inserted.length;
}
