import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, querySql, QueueService, rawSql, selectColumns, Sql, sql } from '@app/core';
import { AccessRequestState, DataPoolState } from '../data-pools.enums';
import { DataPoolHistory } from '../history/data-pool-history';
import { DataPoolEntity } from '../pools/data-pool.entity';
import { writePool } from '../pools/pool-changes';
import { ENDED_STATES } from '../pools/pool-transitions';

export const QUEUE_DATA_POOL_EXPIRY = 'data-pool-expiry';
/** Every 5 minutes: a pool or an approval expires at most that long after its time. */
export const DATA_POOL_EXPIRY_CRON = '*/5 * * * *';
/** Pools handled per pass and kind; the next pass takes the rest. */
const PASS_LIMIT = 500;

export interface DataPoolExpiryResult {
  /** Pools marked EXPIRED. */
  pools: number;
  /** Approvals marked EXPIRED (their own expiresAt, or their pool's end). */
  approvals: number;
}

/**
 * The platform's part of the pools' lifecycle: pools past `validUntil` become EXPIRED (and their approvals
 * with them), approvals past `expiresAt` become EXPIRED. `run(asOf)` is one pass as if the clock said `asOf`:
 * pg-boss runs it on a cron schedule on the workers (RUN_WORKER) with the real time; tests and operators
 * call it with the time they choose. Each pool is handled in its own transaction under its row lock, taken
 * before its requests' (the order every pool mutation takes), and the condition is read again under the lock,
 * so overlapping passes and concurrent decisions neither deadlock nor expire anything twice.
 */
@Injectable()
export class DataPoolExpiry implements OnModuleInit {
  private readonly logger = new Logger(DataPoolExpiry.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly history: DataPoolHistory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.runWorker) return;
    // `stately`: at most one pass queued and one running, however many workers the cron wakes.
    await this.queue.createQueue(QUEUE_DATA_POOL_EXPIRY, { policy: 'stately', retryLimit: 2, retryDelay: 60, expireInSeconds: 5 * 60 });
    await this.queue.boss.schedule(QUEUE_DATA_POOL_EXPIRY, DATA_POOL_EXPIRY_CRON, {}, { tz: 'UTC' });
    await this.queue.boss.work(QUEUE_DATA_POOL_EXPIRY, { pollingIntervalSeconds: 5 }, async () => {
      const result = await this.run(new Date());
      if (result.pools + result.approvals > 0) this.logger.log(`Data pools: ${result.pools} pools and ${result.approvals} approvals expired`);
    });
  }

  async run(asOf: Date = new Date()): Promise<DataPoolExpiryResult> {
    const result: DataPoolExpiryResult = { pools: 0, approvals: 0 };
    const duePools = await querySql<{ id: string }>(
      this.dataSource,
      sql`SELECT id FROM data_pools WHERE state <> ALL(${ENDED_STATES}::text[]) AND valid_until <= ${asOf} ORDER BY valid_until, id LIMIT ${PASS_LIMIT}`,
    );
    for (const { id } of duePools) {
      const expired = await this.dataSource.transaction((em) => this.expirePool(em, id, asOf));
      if (expired === null) continue;
      result.pools += 1;
      result.approvals += expired;
    }
    const dueApprovals = await querySql<{ poolId: string }>(
      this.dataSource,
      sql`SELECT DISTINCT pool_id AS "poolId" FROM data_access_requests WHERE state = ${AccessRequestState.APPROVED} AND expires_at <= ${asOf} LIMIT ${PASS_LIMIT}`,
    );
    for (const { poolId } of dueApprovals) {
      result.approvals += await this.dataSource.transaction(async (em) => {
        const pool = await this.lock(em, poolId, sql`TRUE`);
        return pool ? this.expireApprovals(em, pool, sql`ar.expires_at <= ${asOf}`) : 0;
      });
    }
    return result;
  }

  /** The pool EXPIRED with its approvals, if it is still due under its lock; the approvals expired, or null. */
  private async expirePool(em: EntityManager, id: string, asOf: Date): Promise<number | null> {
    const pool = await this.lock(em, id, sql`dp.state <> ALL(${ENDED_STATES}::text[]) AND dp.valid_until <= ${asOf}`);
    if (!pool) return null;
    const written = await writePool(em, pool, { state: DataPoolState.EXPIRED });
    await this.history.record(em, { pool: written, actorId: null, type: 'STATE_CHANGED', fromState: pool.state, toState: DataPoolState.EXPIRED, note: 'validUntil reached' });
    return this.expireApprovals(em, written, sql`TRUE`);
  }

  private async lock(em: EntityManager, id: string, condition: Sql): Promise<DataPoolEntity | null> {
    const [pool] = await querySql<DataPoolEntity>(
      em,
      sql`SELECT ${rawSql(selectColumns(this.dataSource, DataPoolEntity, 'dp'))} FROM data_pools dp WHERE dp.id = ${id}::uuid AND ${condition} FOR UPDATE OF dp`,
    );
    return pool ?? null;
  }

  /** The pool's approvals that meet `condition` (over `ar`) marked EXPIRED, each recorded; how many. */
  private async expireApprovals(em: EntityManager, pool: DataPoolEntity, condition: Sql): Promise<number> {
    const expired = await querySql<{ id: string; organizationId: string; purpose: string; requestedById: string }>(
      em,
      // Wrapped in a SELECT: the driver answers a bare UPDATE … RETURNING with [rows, count].
      sql`WITH expired AS (
            UPDATE data_access_requests ar SET state = ${AccessRequestState.EXPIRED}
            WHERE ar.pool_id = ${pool.id}::uuid AND ar.state = ${AccessRequestState.APPROVED} AND ${condition}
            RETURNING ar.id, ar.organization_id AS "organizationId", ar.purpose, ar.requested_by_id AS "requestedById", ar.created_at)
          SELECT id, "organizationId", purpose, "requestedById" FROM expired ORDER BY created_at, id`,
    );
    for (const request of expired) {
      await this.history.record(em, {
        pool,
        actorId: null,
        type: 'ACCESS_EXPIRED',
        organizationId: request.organizationId,
        subjectId: request.id,
        fromState: AccessRequestState.APPROVED,
        toState: AccessRequestState.EXPIRED,
        details: { purpose: request.purpose, requestedById: request.requestedById },
      });
    }
    return expired.length;
  }
}
