import { DataSource } from 'typeorm';
import { isId, NotFoundError, querySql, sql, Viewer } from '@app/core';
import { dataPoolReadableBy, processingLocations, UsageTermsValue } from '@app/data-pools';
import { DataPoolDocument, PoolDataset, PoolSignatory } from './data-pool-document';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

interface PoolRow {
  id: string;
  title: string;
  purpose: string;
  state: string;
  confidentiality: string;
  terms: UsageTermsValue;
  termsVersion: number;
  termsDigest: string;
  validFrom: Date | null;
  validUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
  groupId: string;
  groupName: string;
  stewardId: string;
  stewardName: string;
  stewardCountry: string;
}

type DatasetRow = Omit<PoolDataset, 'contributor' | 'hostedBy' | 'createdAt'> & {
  createdAt: Date;
  contributorId: string;
  contributorName: string;
  contributorCountry: string;
  hostId: string | null;
  hostName: string | null;
  hostCountry: string | null;
};

type SignatoryRow = Omit<PoolSignatory, 'organization' | 'signedBy' | 'signedAt'> & {
  organizationId: string;
  organizationName: string;
  organizationCountry: string;
  signedById: string | null;
  signedByName: string | null;
  signedAt: Date | null;
};

/**
 * Reads what a data-pool export holds, for the viewer: the pool only if they may read it (the pool's
 * one read policy, `dataPoolReadableBy`: a PARTIES pool only for its invited organisations, the group's
 * chairs and admins), else NOT_FOUND, as `dataPool(id)` answers null. Signatories in the API's order: the steward first. Three statements however many
 * datasets and signatories the pool has. Every dataset is listed (the API pages them; a catalogue is whole).
 */
export async function gatherDataPool(
  dataSource: DataSource,
  viewer: Viewer,
  poolId: string,
  context: { publicUrl: string; now: Date },
): Promise<DataPoolDocument> {
  const [pool] = isId(poolId)
    ? await querySql<PoolRow>(
        dataSource,
        sql`SELECT dp.id, dp.title, dp.purpose, dp.state, dp.confidentiality, dp.terms, dp.terms_version AS "termsVersion",
                   dp.terms_digest AS "termsDigest", dp.valid_from AS "validFrom", dp.valid_until AS "validUntil",
                   dp.created_at AS "createdAt", dp.updated_at AS "updatedAt",
                   wg.id AS "groupId", wg.name AS "groupName", so.id AS "stewardId", so.name AS "stewardName", so.country AS "stewardCountry"
              FROM data_pools dp
              JOIN working_groups wg ON wg.id = dp.working_group_id
              JOIN organizations so ON so.id = dp.steward_organization_id
             WHERE dp.id = ${poolId}::uuid AND ${dataPoolReadableBy(viewer, 'dp')}`,
      )
    : [];
  if (!pool) throw new NotFoundError('data pool');

  const [datasets, signatories] = await Promise.all([
    querySql<DatasetRow>(
      dataSource,
      sql`SELECT d.id, d.title, d.description, d.modality, d.size_bytes AS "sizeBytes", d.recording_hours AS "recordingHours",
                 d.distance_km AS "distanceKm", d.sensitivity, d.license, d.location, d.personal_data AS "personalData",
                 d.anonymised, d.legal_basis AS "legalBasis", d.created_at AS "createdAt",
                 c.id AS "contributorId", c.name AS "contributorName", c.country AS "contributorCountry",
                 h.id AS "hostId", h.name AS "hostName", h.country AS "hostCountry"
            FROM data_pool_datasets d
            JOIN organizations c ON c.id = d.contributor_organization_id
            LEFT JOIN organizations h ON h.id = d.hosted_by_organization_id
           WHERE d.pool_id = ${pool.id}::uuid
           ORDER BY d.created_at, d.id`,
    ),
    querySql<SignatoryRow>(
      dataSource,
      sql`SELECT s.role, s.state, s.terms_version AS "termsVersion", s.terms_digest AS "termsDigest", s.signed_at AS "signedAt",
                 o.id AS "organizationId", o.name AS "organizationName", o.country AS "organizationCountry",
                 p.id AS "signedById", p.name AS "signedByName"
            FROM data_pool_signatories s
            JOIN organizations o ON o.id = s.organization_id
            LEFT JOIN people p ON p.id = s.signed_by_id
           WHERE s.pool_id = ${pool.id}::uuid
           ORDER BY s.role <> 'STEWARD', s.invited_at, s.organization_id`,
    ),
  ]);

  return {
    pool: {
      id: pool.id,
      title: pool.title,
      purpose: pool.purpose,
      state: pool.state,
      confidentiality: pool.confidentiality,
      workingGroup: { id: pool.groupId, name: pool.groupName },
      steward: { id: pool.stewardId, name: pool.stewardName, country: pool.stewardCountry },
      terms: pool.terms,
      processingLocations: [...processingLocations(pool.terms)],
      termsVersion: pool.termsVersion,
      termsDigest: pool.termsDigest,
      validFrom: iso(pool.validFrom),
      validUntil: iso(pool.validUntil),
      createdAt: pool.createdAt.toISOString(),
      updatedAt: pool.updatedAt.toISOString(),
    },
    datasets: datasets.map(({ contributorId, contributorName, contributorCountry, hostId, hostName, hostCountry, createdAt, ...dataset }) => ({
      ...dataset,
      contributor: { id: contributorId, name: contributorName, country: contributorCountry },
      hostedBy: hostId ? { id: hostId, name: hostName ?? '', country: hostCountry } : null,
      createdAt: createdAt.toISOString(),
    })),
    signatories: signatories.map(({ organizationId, organizationName, organizationCountry, signedById, signedByName, signedAt, ...signatory }) => ({
      ...signatory,
      organization: { id: organizationId, name: organizationName, country: organizationCountry },
      signedBy: signedById ? { id: signedById, name: signedByName ?? '' } : null,
      signedAt: iso(signedAt),
    })),
    publicUrl: context.publicUrl,
    generatedAt: context.now.toISOString(),
    generatedBy: viewer.name,
  };
}
