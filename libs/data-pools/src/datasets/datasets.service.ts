import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, ForbiddenError, InvalidInputError, isId, newId, NotFoundError, querySql, sql, Viewer } from '@app/core';
import { DataPoolRole, SignatureState } from '../data-pools.enums';
import { LISTED_DATASETS } from '../data-pools.loader';
import { DataPoolRoles } from '../data-pool-roles';
import { DatasetInput } from '../dto/dataset.input';
import { DataPoolHistory } from '../history/data-pool-history';
import { DataPoolEntity } from '../pools/data-pool.entity';
import { contributes, mayRemoveDataset, SignatoryFacts } from '../data-pool-permissions';
import { lockPool } from '../pools/pool-store';
import { assertNotEnded } from '../pools/pool-transitions';
import { DatasetEntity } from './dataset.entity';
import { processingLocations } from '../terms/usage-terms';

/** The catalogue: datasets registered by signatory contributors and checked against the terms. */
@Injectable()
export class DatasetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roles: DataPoolRoles,
    private readonly history: DataPoolHistory,
  ) {}

  /**
   * A person of a contributor (or the steward) that signed the current terms registers a dataset, within the
   * terms: an allowed location, personal data only when the terms allow it and with a legal basis, a host
   * invited as HOST. Each refusal is BAD_USER_INPUT naming the field; nothing is written.
   */
  add(viewer: Viewer, input: DatasetInput): Promise<DatasetEntity> {
    this.roles.assertOwnOrganization(viewer, input.contributorOrganizationId, 'register datasets for it', true);
    const legalBasis = input.legalBasis?.trim() || null;
    if (input.personalData && !legalBasis) throw new InvalidInputError('legalBasis', 'Personal data needs its GDPR Art. 6 legal basis', 'LEGAL_BASIS_REQUIRED');
    return this.dataSource.transaction(async (em) => {
      const pool = await lockPool(em, this.dataSource, viewer, input.poolId);
      assertNotEnded(pool.state, 'register datasets');
      await this.checkParties(em, pool, input);
      checkAgainstTerms(pool, input);
      const dataset: DatasetEntity = {
        id: newId(),
        poolId: pool.id,
        contributorOrganizationId: input.contributorOrganizationId,
        title: input.title,
        description: input.description?.trim() ? input.description : null,
        modality: input.modality,
        sizeBytes: input.sizeBytes ?? null,
        recordingHours: input.recordingHours ?? null,
        distanceKm: input.distanceKm ?? null,
        sensitivity: input.sensitivity,
        license: input.license,
        hostedByOrganizationId: input.hostedByOrganizationId ?? null,
        location: input.location,
        personalData: input.personalData,
        anonymised: input.anonymised,
        legalBasis,
        createdById: viewer.id,
        createdAt: new Date(),
      };
      await em.getRepository(DatasetEntity).insert(dataset);
      await this.history.record(em, { pool, actorId: viewer.id, type: 'DATASET_ADDED', organizationId: dataset.contributorOrganizationId, subjectId: dataset.id });
      return dataset;
    });
  }

  /** The contributor's people, the steward's and admins remove a dataset from the catalogue of a pool that has not ended. */
  async remove(viewer: Viewer, id: string): Promise<boolean> {
    const found = isId(id) ? await this.dataSource.getRepository(DatasetEntity).findOneBy({ id }) : null;
    if (!found) throw new NotFoundError('dataset');
    return this.dataSource.transaction(async (em) => {
      const pool = await lockPool(em, this.dataSource, viewer, found.poolId).catch(() => {
        throw new NotFoundError('dataset');
      });
      if (!mayRemoveDataset(viewer, pool, found)) {
        throw new ForbiddenError("Only the contributor's people, the steward's and admins may remove a dataset", 'NOT_DATASET_CONTRIBUTOR');
      }
      assertNotEnded(pool.state, 'remove datasets');
      const { affected } = await em.getRepository(DatasetEntity).delete({ id });
      if (!affected) throw new NotFoundError('dataset');
      await this.history.record(em, { pool, actorId: viewer.id, type: 'DATASET_REMOVED', organizationId: found.contributorOrganizationId, subjectId: id });
      return true;
    });
  }

  /** The contributor signed the current terms as CONTRIBUTOR or STEWARD; the host is invited as HOST; the catalogue has room. */
  private async checkParties(em: EntityManager, pool: DataPoolEntity, input: DatasetInput): Promise<void> {
    const [found] = await querySql<{ contributor: SignatoryFacts | null; host: boolean; datasets: number }>(
      em,
      sql`SELECT (SELECT jsonb_build_object('role', s.role, 'state', s.state, 'termsVersion', s.terms_version) FROM data_pool_signatories s
                  WHERE s.pool_id = ${pool.id}::uuid AND s.organization_id = ${input.contributorOrganizationId}::uuid) AS contributor,
                 EXISTS (SELECT 1 FROM data_pool_signatories s WHERE s.pool_id = ${pool.id}::uuid AND s.organization_id = ${input.hostedByOrganizationId ?? null}::uuid
                           AND s.role = ${DataPoolRole.HOST} AND s.state <> ${SignatureState.WITHDRAWN}) AS host,
                 (SELECT count(*)::int FROM data_pool_datasets d WHERE d.pool_id = ${pool.id}::uuid) AS datasets`,
    );
    if (!contributes(found.contributor, pool)) {
      throw new InvalidInputError(
        'contributorOrganizationId',
        `The contributor must be a CONTRIBUTOR (or the STEWARD) of the pool that signed terms version ${pool.termsVersion}`,
        'NOT_A_SIGNED_CONTRIBUTOR',
      );
    }
    if (input.hostedByOrganizationId && !found.host) {
      throw new InvalidInputError('hostedByOrganizationId', 'The host must be an organisation invited to the pool as HOST', 'HOST_NOT_IN_POOL');
    }
    if (found.datasets >= LISTED_DATASETS) throw new ConflictError('TOO_MANY_DATASETS', `A pool lists at most ${LISTED_DATASETS} datasets`, 'poolId');
  }
}

/** The dataset's location and personal data, against the pool's terms. */
function checkAgainstTerms(pool: DataPoolEntity, input: DatasetInput): void {
  if (!processingLocations(pool.terms).includes(input.location)) {
    const where = pool.terms.allowedLocations.length > 0 ? pool.terms.allowedLocations.join(', ') : 'an EU/EEA country';
    throw new InvalidInputError('location', `The terms allow processing in ${where} only`, 'LOCATION_NOT_ALLOWED');
  }
  if (input.personalData && !pool.terms.personalDataAllowed) {
    throw new InvalidInputError('personalData', 'The terms do not allow personal data', 'PERSONAL_DATA_NOT_ALLOWED');
  }
}
