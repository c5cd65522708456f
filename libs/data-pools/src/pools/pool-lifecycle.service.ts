import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, querySql, sql, Viewer } from '@app/core';
import { DataPoolState, SignatureState } from '../data-pools.enums';
import { DataPoolRoles } from '../data-pool-roles';
import { UsageTermsInput } from '../dto/data-pool.input';
import { DataPoolHistory } from '../history/data-pool-history';
import { assertAllSigned } from '../signatories/signature-rules';
import { checkTerms, checkValidity, sameTerms } from '../terms/terms-rules';
import { normalizeTerms, termsDigest } from '../terms/usage-terms';
import { DataPoolEntity } from './data-pool.entity';
import { stateAfterChange, writePool } from './pool-changes';
import { lockPool } from './pool-store';
import { assertNotEnded, checkPoolMove } from './pool-transitions';

/** A pool's terms versions and its state machine. Each change locks the pool, checks, writes and records, in one transaction. */
@Injectable()
export class PoolLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roles: DataPoolRoles,
    private readonly history: DataPoolHistory,
  ) {}

  /**
   * A new terms version (the steward's people and admins, with the current `expectedVersion`): every signature
   * goes back to PENDING — keeping the version it signed — and an ACTIVE pool back to OPEN_FOR_SIGNATURE.
   * Sending the terms and end of validity the pool already has changes nothing.
   */
  updateTerms(viewer: Viewer, id: string, expectedVersion: number, input: UsageTermsInput, validUntil: Date | null | undefined): Promise<DataPoolEntity> {
    const terms = normalizeTerms(input);
    checkTerms(terms);
    return this.dataSource.transaction(async (em) => {
      const pool = await lockPool(em, this.dataSource, viewer, id);
      this.roles.assertSteward(viewer, pool, 'change its terms');
      assertNotEnded(pool.state, 'change its terms');
      if (pool.version !== expectedVersion) {
        throw new ConflictError('STALE_VERSION', `The pool changed meanwhile (now version ${pool.version}); reload and retry`, 'expectedVersion');
      }
      const nextValidUntil = validUntil === undefined ? pool.validUntil : validUntil;
      if (validUntil !== undefined) checkValidity(pool.validFrom, nextValidUntil, new Date());
      if (sameTerms(terms, pool.terms) && nextValidUntil?.getTime() === pool.validUntil?.getTime()) return pool;
      const written = await writePool(em, pool, {
        terms,
        termsVersion: pool.termsVersion + 1,
        termsDigest: termsDigest(terms),
        validUntil: nextValidUntil,
        state: stateAfterChange(pool.state),
      });
      await querySql(
        em,
        sql`UPDATE data_pool_signatories SET state = ${SignatureState.PENDING} WHERE pool_id = ${pool.id}::uuid AND state = ${SignatureState.SIGNED}`,
      );
      await this.history.record(em, { pool: written, actorId: viewer.id, type: 'TERMS_CHANGED', fromState: pool.state, toState: written.state });
      return written;
    });
  }

  /**
   * `POOL_MOVES`, by the steward's people, the group's managers and admins. To ACTIVE (from OPEN_FOR_SIGNATURE or
   * SUSPENDED) only when every steward, contributor and host signed the current terms: CONFLICT naming who has not.
   */
  changeState(viewer: Viewer, id: string, state: DataPoolState, note: string | null | undefined): Promise<DataPoolEntity> {
    return this.dataSource.transaction(async (em) => {
      const pool = await lockPool(em, this.dataSource, viewer, id);
      await this.roles.assertCanChangeState(viewer, pool, em);
      checkPoolMove(pool.state, state);
      if (state === DataPoolState.ACTIVE) await assertAllSigned(em, pool);
      const written = await writePool(em, pool, { state });
      await this.history.record(em, { pool: written, actorId: viewer.id, type: 'STATE_CHANGED', fromState: pool.state, toState: state, note: note?.trim() || null });
      return written;
    });
  }
}
