import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, ForbiddenError, InvalidInputError, querySql, sql, Viewer } from '@app/core';
import { AccessRequestState, BINDING_ROLES, DataPoolRole, DataPoolState, SignatureState } from '../data-pools.enums';
import { LISTED_SIGNATORIES } from '../data-pools.loader';
import { DataPoolRoles } from '../data-pool-roles';
import { DataPoolHistory } from '../history/data-pool-history';
import { DataPoolEntity } from '../pools/data-pool.entity';
import { stateAfterChange, writePool } from '../pools/pool-changes';
import { lockPool } from '../pools/pool-store';
import { assertNotEnded } from '../pools/pool-transitions';
import { DataPoolSignatoryEntity } from './signatory.entity';

/** Invitations, signatures and withdrawals. Each locks the pool first, so a signature never lands on terms that changed meanwhile. */
@Injectable()
export class SignaturesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roles: DataPoolRoles,
    private readonly history: DataPoolHistory,
  ) {}

  /**
   * The steward invites an organisation as CONTRIBUTOR, HOST or USER (again, after it withdrew). A new
   * contributor or host of an ACTIVE pool must sign before the pool is ACTIVE again: it goes back to
   * OPEN_FOR_SIGNATURE.
   */
  invite(viewer: Viewer, poolId: string, organizationId: string, role: DataPoolRole): Promise<DataPoolEntity> {
    if (role === DataPoolRole.STEWARD) throw new InvalidInputError('role', 'A pool has one steward, its creator: invite as CONTRIBUTOR, HOST or USER', 'ROLE_NOT_INVITABLE');
    return this.dataSource.transaction(async (em) => {
      const pool = await lockPool(em, this.dataSource, viewer, poolId);
      this.roles.assertSteward(viewer, pool, 'invite organisations');
      assertNotEnded(pool.state, 'be invited');
      const [found] = await querySql<{ organization: boolean; state: SignatureState | null; signatories: number }>(
        em,
        sql`SELECT EXISTS (SELECT 1 FROM organizations WHERE id = ${organizationId}::uuid) AS organization,
                   (SELECT state FROM data_pool_signatories WHERE pool_id = ${pool.id}::uuid AND organization_id = ${organizationId}::uuid) AS state,
                   (SELECT count(*)::int FROM data_pool_signatories WHERE pool_id = ${pool.id}::uuid) AS signatories`,
      );
      if (!found.organization) throw new InvalidInputError('organizationId', 'No organisation has this id', 'ORGANIZATION_NOT_FOUND');
      if (found.state !== null && found.state !== SignatureState.WITHDRAWN) throw new ConflictError('ALREADY_INVITED', 'The organisation is invited already', 'organizationId');
      if (found.state === null && found.signatories >= LISTED_SIGNATORIES) {
        throw new ConflictError('TOO_MANY_SIGNATORIES', `A pool has at most ${LISTED_SIGNATORIES} organisations`, 'organizationId');
      }
      const invitation = { role, state: SignatureState.PENDING, invitedById: viewer.id, invitedAt: new Date() };
      if (found.state === null) await em.getRepository(DataPoolSignatoryEntity).insert({ poolId: pool.id, organizationId, ...invitation });
      else await em.getRepository(DataPoolSignatoryEntity).update({ poolId: pool.id, organizationId }, invitation);
      const next = BINDING_ROLES.includes(role) ? stateAfterChange(pool.state) : pool.state;
      const written = next === pool.state ? pool : await writePool(em, pool, { state: next });
      const moved = written.state !== pool.state ? { fromState: pool.state, toState: written.state } : {};
      await this.history.record(em, { pool: written, actorId: viewer.id, type: 'INVITED', organizationId, ...moved, details: { role } });
      return written;
    });
  }

  /**
   * A person of an invited organisation signs the version they read: CONFLICT when it is not current (the
   * terms changed since they read them), when the pool is still a DRAFT or has ended, or when the
   * organisation withdrew. Signing the current version again changes nothing.
   */
  sign(viewer: Viewer, poolId: string, organizationId: string, termsVersion: number): Promise<DataPoolEntity> {
    this.roles.assertOwnOrganization(viewer, organizationId, 'sign for it');
    return this.dataSource.transaction(async (em) => {
      const pool = await lockPool(em, this.dataSource, viewer, poolId);
      const signatory = await this.invited(em, pool, organizationId);
      assertNotEnded(pool.state, 'sign it');
      if (pool.state === DataPoolState.DRAFT) throw new ConflictError('POOL_NOT_OPEN_FOR_SIGNATURE', 'The pool is a DRAFT: its terms are not open for signature yet');
      if (signatory.state === SignatureState.WITHDRAWN) throw new ConflictError('SIGNATORY_WITHDRAWN', 'The organisation withdrew; the steward may invite it again');
      if (termsVersion !== pool.termsVersion) {
        throw new ConflictError('STALE_TERMS_VERSION', `The terms changed: version ${pool.termsVersion} is current; read it and sign that`, 'termsVersion');
      }
      if (signatory.state === SignatureState.SIGNED && signatory.termsVersion === pool.termsVersion) return pool;
      await em.getRepository(DataPoolSignatoryEntity).update(
        { poolId: pool.id, organizationId },
        { state: SignatureState.SIGNED, termsVersion: pool.termsVersion, termsDigest: pool.termsDigest, signedById: viewer.id, signedAt: new Date() },
      );
      await this.history.record(em, { pool, actorId: viewer.id, type: 'SIGNED', organizationId, details: { role: signatory.role, termsDigest: pool.termsDigest } });
      return pool;
    });
  }

  /**
   * The organisation's people (or admins) withdraw it: its signature is WITHDRAWN, its datasets leave the
   * catalogue and its open and approved access requests are REVOKED. The steward cannot withdraw: it closes
   * the pool instead.
   */
  withdraw(viewer: Viewer, poolId: string, organizationId: string, note: string | null | undefined): Promise<DataPoolEntity> {
    this.roles.assertOwnOrganization(viewer, organizationId, 'withdraw it', true);
    return this.dataSource.transaction(async (em) => {
      const pool = await lockPool(em, this.dataSource, viewer, poolId);
      const signatory = await this.invited(em, pool, organizationId);
      assertNotEnded(pool.state, 'withdraw');
      if (signatory.role === DataPoolRole.STEWARD) throw new ConflictError('STEWARD_CANNOT_WITHDRAW', 'The steward closes the pool instead of withdrawing', 'organizationId');
      if (signatory.state === SignatureState.WITHDRAWN) throw new ConflictError('ALREADY_WITHDRAWN', 'The organisation withdrew already', 'organizationId');
      const reason = note?.trim() || null;
      await em.getRepository(DataPoolSignatoryEntity).update({ poolId: pool.id, organizationId }, { state: SignatureState.WITHDRAWN });
      await querySql(em, sql`DELETE FROM data_pool_datasets WHERE pool_id = ${pool.id}::uuid AND contributor_organization_id = ${organizationId}::uuid`);
      await querySql(
        em,
        sql`UPDATE data_access_requests SET state = ${AccessRequestState.REVOKED}, decided_by_id = ${viewer.id}::uuid, decided_at = now(),
                   note = ${'The organisation withdrew from the pool'}
            WHERE pool_id = ${pool.id}::uuid AND organization_id = ${organizationId}::uuid AND state = ANY(${[AccessRequestState.REQUESTED, AccessRequestState.APPROVED]}::text[])`,
      );
      await this.history.record(em, { pool, actorId: viewer.id, type: 'WITHDRAWN', organizationId, note: reason, details: { role: signatory.role } });
      return pool;
    });
  }

  /** The organisation's invitation to the pool; FORBIDDEN when it was never invited. */
  private async invited(em: EntityManager, pool: DataPoolEntity, organizationId: string): Promise<DataPoolSignatoryEntity> {
    const signatory = await em.getRepository(DataPoolSignatoryEntity).findOneBy({ poolId: pool.id, organizationId });
    if (!signatory) throw new ForbiddenError('The organisation is not invited to this pool', 'NOT_INVITED');
    return signatory;
  }
}
