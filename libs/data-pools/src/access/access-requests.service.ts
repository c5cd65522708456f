import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, InvalidInputError, isId, isUniqueViolation, newId, NotFoundError, querySql, rawSql, selectColumns, sql, Viewer } from '@app/core';
import { AccessRequestState, DataPoolState, UsagePurpose } from '../data-pools.enums';
import { accessRequestReadableBy } from '../data-pool.policy';
import { DataPoolRoles } from '../data-pool-roles';
import { signedCurrentTerms, SignatoryFacts } from '../data-pool-permissions';
import { DataPoolHistory } from '../history/data-pool-history';
import { lockPool } from '../pools/pool-store';
import { DataAccessRequestEntity } from './access-request.entity';
import { checkAccessMove, NOTE_REQUIRED } from './access-transitions';

/** Requests to use a pool's data, and the steward's decisions. Each locks the pool first. */
@Injectable()
export class AccessRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roles: DataPoolRoles,
    private readonly history: DataPoolHistory,
  ) {}

  /**
   * A person of a signatory organisation that signed the current terms asks to use an ACTIVE pool for a
   * purpose the terms allow (else BAD_USER_INPUT PURPOSE_NOT_ALLOWED). One open request per organisation and
   * purpose (CONFLICT DUPLICATE_REQUEST).
   */
  request(viewer: Viewer, poolId: string, organizationId: string, purpose: UsagePurpose, justification: string): Promise<DataAccessRequestEntity> {
    this.roles.assertOwnOrganization(viewer, organizationId, 'ask for access for it');
    return this.dataSource.transaction(async (em) => {
      const pool = await lockPool(em, this.dataSource, viewer, poolId);
      const [signatory] = await querySql<SignatoryFacts>(
        em,
        sql`SELECT s.role, s.state, s.terms_version AS "termsVersion" FROM data_pool_signatories s
            WHERE s.pool_id = ${pool.id}::uuid AND s.organization_id = ${organizationId}::uuid`,
      );
      if (!signedCurrentTerms(signatory ?? null, pool)) throw new InvalidInputError('organizationId', `Only organisations that signed terms version ${pool.termsVersion} ask for access`, 'NOT_A_SIGNATORY');
      if (pool.state !== DataPoolState.ACTIVE) throw new ConflictError('POOL_NOT_ACTIVE', `The pool is ${pool.state}: only an ACTIVE pool takes access requests`);
      if (!pool.terms.purposes.includes(purpose)) {
        throw new InvalidInputError('purpose', `The terms allow ${pool.terms.purposes.join(', ')} only`, 'PURPOSE_NOT_ALLOWED');
      }
      const request: DataAccessRequestEntity = {
        id: newId(),
        poolId: pool.id,
        organizationId,
        requestedById: viewer.id,
        purpose,
        justification,
        state: AccessRequestState.REQUESTED,
        decidedById: null,
        decidedAt: null,
        note: null,
        expiresAt: null,
        createdAt: new Date(),
      };
      try {
        await em.getRepository(DataAccessRequestEntity).insert(request);
      } catch (error) {
        if (isUniqueViolation(error, 'UQ_data_access_requests_open')) {
          throw new ConflictError('DUPLICATE_REQUEST', 'The organisation has an open request for this purpose already', 'purpose');
        }
        throw error;
      }
      await this.history.record(em, { pool, actorId: viewer.id, type: 'ACCESS_REQUESTED', organizationId, subjectId: request.id, toState: request.state, details: { purpose } });
      return request;
    });
  }

  /**
   * The steward's people (and admins) approve — optionally until `expiresAt`, in the future, only while the
   * pool is ACTIVE —, reject or revoke (both with a note). NOT_FOUND when the viewer may not read the request.
   */
  decide(viewer: Viewer, id: string, state: AccessRequestState, note: string | null | undefined, expiresAt: Date | null | undefined): Promise<DataAccessRequestEntity> {
    const reason = note?.trim() || null;
    if (NOTE_REQUIRED.includes(state) && !reason) throw new InvalidInputError('note', `${state} needs a note saying why`, 'NOTE_REQUIRED');
    if (expiresAt && state !== AccessRequestState.APPROVED) throw new InvalidInputError('expiresAt', 'Only an approval carries expiresAt', 'EXPIRES_AT_NOT_ALLOWED');
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw new InvalidInputError('expiresAt', 'expiresAt must be in the future', 'EXPIRES_AT_PAST');
    return this.dataSource.transaction(async (em) => {
      const current = await this.readable(em, viewer, id);
      const pool = await lockPool(em, this.dataSource, viewer, current.poolId);
      this.roles.assertSteward(viewer, pool, 'decide access requests');
      const [locked] = await querySql<DataAccessRequestEntity>(
        em,
        sql`SELECT ${rawSql(selectColumns(this.dataSource, DataAccessRequestEntity, 'ar'))} FROM data_access_requests ar WHERE ar.id = ${id}::uuid`,
      );
      checkAccessMove(locked.state, state);
      if (state === AccessRequestState.APPROVED && pool.state !== DataPoolState.ACTIVE) {
        throw new ConflictError('POOL_NOT_ACTIVE', `The pool is ${pool.state}: access is approved only while it is ACTIVE`);
      }
      const decided: DataAccessRequestEntity = { ...locked, state, note: reason, decidedById: viewer.id, decidedAt: new Date(), expiresAt: expiresAt ?? null };
      await em.getRepository(DataAccessRequestEntity).update(id, { state, note: reason, decidedById: viewer.id, decidedAt: decided.decidedAt, expiresAt: decided.expiresAt });
      await this.history.record(em, {
        pool,
        actorId: viewer.id,
        type: 'ACCESS_DECIDED',
        organizationId: locked.organizationId,
        subjectId: id,
        fromState: locked.state,
        toState: state,
        note: reason,
        details: { purpose: locked.purpose, requestedById: locked.requestedById },
      });
      return decided;
    });
  }

  /** The request, if the viewer may read it (and its pool); else NOT_FOUND. On the transaction's own connection: the embedded database has one session. */
  private async readable(em: EntityManager, viewer: Viewer, id: string): Promise<DataAccessRequestEntity> {
    if (!isId(id)) throw new NotFoundError('data access request');
    const [row] = await querySql<DataAccessRequestEntity>(
      em,
      sql`SELECT ${rawSql(selectColumns(this.dataSource, DataAccessRequestEntity, 'ar'))} FROM data_access_requests ar JOIN data_pools dp ON dp.id = ar.pool_id
          WHERE ar.id = ${id}::uuid AND ${accessRequestReadableBy(viewer, 'ar', 'dp')}`,
    );
    if (!row) throw new NotFoundError('data access request');
    return row;
  }
}
