import { EntityManager } from 'typeorm';
import { newId, querySql, sql } from '@app/core';
import { DataModality, DataPoolRole, DataPoolState, normalizeTerms, PROPRIETARY_LICENSE, termsDigest, UsagePurpose } from '@app/data-pools';

interface SeedSignatory {
  /** The seeded organisation's short name. */
  organization: string;
  role: DataPoolRole;
  signed: boolean;
}

interface SeedDataset {
  contributor: string;
  host?: string;
  title: string;
  description: string;
  modality: DataModality;
  sizeBytes?: number;
  recordingHours?: number;
  distanceKm?: number;
  location: string;
}

interface SeedPool {
  group: string;
  title: string;
  purpose: string;
  steward: string;
  state: DataPoolState.ACTIVE | DataPoolState.OPEN_FOR_SIGNATURE;
  terms: Parameters<typeof normalizeTerms>[0];
  validUntil: string;
  signatories: SeedSignatory[];
  datasets: SeedDataset[];
}

/** Two pools of the AI group: one ACTIVE with a dataset, one still waiting for HLRS's signature. */
export const SEED_DATA_POOLS: SeedPool[] = [
  {
    group: 'ai-model-development-and-data',
    title: 'European motorway scenes for perception training',
    purpose: 'Pooled camera and lidar recordings from German and Austrian motorways to train and evaluate perception models on HLRS compute.',
    steward: 'HammerHAI',
    state: DataPoolState.ACTIVE,
    terms: {
      purposes: [UsagePurpose.RESEARCH, UsagePurpose.MODEL_TRAINING, UsagePurpose.MODEL_EVALUATION],
      commercialUse: false,
      derivedModelsShareable: true,
      onwardTransfer: false,
      allowedLocations: ['AT', 'DE'],
      retentionDays: 730,
      attributionRequired: true,
      personalDataAllowed: false,
    },
    validUntil: '2028-12-31T23:59:59Z',
    signatories: [
      { organization: 'HammerHAI', role: DataPoolRole.STEWARD, signed: true },
      { organization: 'HLRS', role: DataPoolRole.HOST, signed: true },
    ],
    datasets: [
      {
        contributor: 'HammerHAI',
        host: 'HLRS',
        title: 'A8 and A9 motorway drives, front camera and roof lidar',
        description: 'Anonymised recordings (faces and plates blurred) of 1,200 hours of motorway driving in day, night and rain.',
        modality: DataModality.LIDAR,
        sizeBytes: 180e12,
        recordingHours: 1200,
        distanceKm: 96_000,
        location: 'DE',
      },
    ],
  },
  {
    group: 'ai-model-development-and-data',
    title: 'Synthetic corner cases for safety validation',
    purpose: 'Simulated near-miss and corner-case scenarios in OpenSCENARIO for validating automated driving functions.',
    steward: 'HammerHAI',
    state: DataPoolState.OPEN_FOR_SIGNATURE,
    terms: {
      purposes: [UsagePurpose.SAFETY_VALIDATION, UsagePurpose.SYNTHETIC_DATA_GENERATION],
      commercialUse: true,
      derivedModelsShareable: false,
      onwardTransfer: false,
      allowedLocations: [],
      retentionDays: null,
      attributionRequired: true,
      personalDataAllowed: false,
    },
    validUntil: '2027-12-31T23:59:59Z',
    signatories: [
      { organization: 'HammerHAI', role: DataPoolRole.STEWARD, signed: true },
      { organization: 'HLRS', role: DataPoolRole.HOST, signed: false },
    ],
    datasets: [],
  },
];

/**
 * The data pools' example pools, written directly (no events: seeding announces nothing), with their
 * signatures of the current terms and a history that says so. Idempotent: a pool whose group already has
 * one of that title is left alone. Returns how many pools were added.
 */
export async function seedDataPools(em: EntityManager, groupIds: ReadonlyMap<string, string>): Promise<{ dataPools: number }> {
  const rows = await querySql<{ shortName: string; organizationId: string; personId: string }>(
    em,
    sql`SELECT DISTINCT ON (o.short_name) o.short_name AS "shortName", o.id AS "organizationId", p.id AS "personId"
        FROM organizations o JOIN people p ON p.organization_id = o.id ORDER BY o.short_name, p.created_at, p.id`,
  );
  const owners = new Map(rows.map((r) => [r.shortName, r]));
  const owner = (shortName: string) => {
    const found = owners.get(shortName);
    if (!found) throw new Error(`seed: no organisation ${shortName}`);
    return found;
  };
  let dataPools = 0;
  for (const pool of SEED_DATA_POOLS) {
    const steward = owner(pool.steward);
    const terms = normalizeTerms(pool.terms);
    const digest = termsDigest(terms);
    const id = newId();
    const inserted = await querySql(
      em,
      sql`INSERT INTO data_pools (id, working_group_id, title, purpose, steward_organization_id, state, confidentiality, terms, terms_digest, valid_until, created_by_id)
          SELECT ${id}, ${groupIds.get(pool.group)}, ${pool.title}, ${pool.purpose}, ${steward.organizationId}, ${pool.state}, 'WORKING_GROUP',
                 ${JSON.stringify(terms)}::jsonb, ${digest}, ${pool.validUntil}, ${steward.personId}
          WHERE NOT EXISTS (SELECT 1 FROM data_pools WHERE working_group_id = ${groupIds.get(pool.group)}::uuid AND title = ${pool.title})
          RETURNING id`,
    );
    if (!inserted.length) continue;
    dataPools += 1;
    await history(em, id, steward.personId, 'CREATED', {});
    for (const s of pool.signatories) {
      const org = owner(s.organization);
      await querySql(
        em,
        sql`INSERT INTO data_pool_signatories (pool_id, organization_id, role, state, terms_version, terms_digest, signed_by_id, signed_at, invited_by_id)
            VALUES (${id}, ${org.organizationId}, ${s.role}, ${s.signed ? 'SIGNED' : 'PENDING'}, ${s.signed ? 1 : null}, ${s.signed ? digest : null},
                    ${s.signed ? org.personId : null}, ${s.signed ? new Date() : null}, ${steward.personId})`,
      );
      await history(em, id, steward.personId, 'INVITED', { organizationId: org.organizationId });
      if (s.signed) await history(em, id, org.personId, 'SIGNED', { organizationId: org.organizationId });
    }
    await history(em, id, steward.personId, 'STATE_CHANGED', { fromState: DataPoolState.DRAFT, toState: DataPoolState.OPEN_FOR_SIGNATURE });
    if (pool.state === DataPoolState.ACTIVE) {
      await history(em, id, null, 'STATE_CHANGED', { fromState: DataPoolState.OPEN_FOR_SIGNATURE, toState: DataPoolState.ACTIVE });
    }
    for (const d of pool.datasets) {
      const contributor = owner(d.contributor);
      const datasetId = newId();
      await querySql(
        em,
        sql`INSERT INTO data_pool_datasets (id, pool_id, contributor_organization_id, title, description, modality, size_bytes, recording_hours, distance_km,
                                            sensitivity, license, hosted_by_organization_id, location, personal_data, anonymised, created_by_id)
            VALUES (${datasetId}, ${id}, ${contributor.organizationId}, ${d.title}, ${d.description}, ${d.modality}, ${d.sizeBytes ?? null},
                    ${d.recordingHours ?? null}, ${d.distanceKm ?? null}, 'CONFIDENTIAL', ${PROPRIETARY_LICENSE}, ${d.host ? owner(d.host).organizationId : null},
                    ${d.location}, false, true, ${contributor.personId})`,
      );
      await history(em, id, contributor.personId, 'DATASET_ADDED', { organizationId: contributor.organizationId, subjectId: datasetId });
    }
  }
  return { dataPools };
}

async function history(
  em: EntityManager,
  poolId: string,
  actorId: string | null,
  type: string,
  entry: { organizationId?: string; subjectId?: string; fromState?: string; toState?: string },
): Promise<void> {
  await querySql(
    em,
    sql`INSERT INTO data_pool_events (id, pool_id, actor_id, type, terms_version, organization_id, subject_id, from_state, to_state)
        VALUES (${newId()}, ${poolId}, ${actorId}, ${type}, 1, ${entry.organizationId ?? null}, ${entry.subjectId ?? null},
                ${entry.fromState ?? null}, ${entry.toState ?? null})`,
  );
}
