import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { SqlWrite } from '../database/sql';
import { rawSql, Sql, sql } from '../database/sql-fragment';

const SCHEMA = 'pgboss';

type Executor = { executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }> };

/** pg-boss's executor on a TypeORM EntityManager: a job sent this way commits or rolls back with the change. */
function onEntityManager(em: EntityManager): Executor {
  return {
    async executeSql(text, values) {
      const result = await em.query(text, values);
      return { rows: Array.isArray(result) ? result : [] };
    },
  };
}

/**
 * The job queue: pg-boss 10 on the platform's PostgreSQL (jobs are rows, workers take them with
 * SKIP LOCKED, so N API instances and M workers share one queue). pg-boss runs its statements on the
 * application's own connection pool, not a second one: the embedded database is a single session
 * that must never see two interleaved transactions.
 */
@Injectable()
export class QueueService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  readonly boss: PgBoss;
  private started = false;
  private queueCreation: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Straight to the driver's pool: queue polling is not part of any request's statement count.
    const pool = (dataSource.driver as unknown as { master: { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> } }).master;
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => pool.query(text, values) },
      schema: SCHEMA,
      supervise: config.runWorker,
      schedule: config.runWorker,
      // Maintenance expires jobs left active by a worker that died, so they are retried.
      maintenanceIntervalSeconds: config.queueMaintenanceSeconds,
      migrate: true,
    });
    this.boss.on('error', (error) => this.logger.error(`Queue error: ${(error as Error).message}`));
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    this.started = true;
  }

  /** Before the pool closes (onApplicationShutdown): workers finish their jobs, then the queue stops. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.started = false;
  }

  /**
   * Creating a queue creates its partition table: two at once deadlock in PostgreSQL. Calls are
   * serialised in this process, and a deadlock with another process starting up is retried.
   */
  createQueue(name: string, options: Omit<PgBoss.Queue, 'name'> = {}): Promise<void> {
    const create = async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.boss.createQueue(name, { name, ...options });
        } catch (error) {
          if ((error as { code?: string }).code !== '40P01' || attempt >= 5) throw error;
        }
      }
    };
    const created = this.queueCreation.then(create);
    this.queueCreation = created.catch(() => undefined);
    return created;
  }

  /** Enqueues inside the caller's transaction: a rolled-back change leaves no job behind. */
  async sendInTransaction(em: EntityManager, name: string, data: object, options: PgBoss.SendOptions = {}): Promise<void> {
    await this.boss.send(name, data, { ...options, db: onEntityManager(em) });
  }

  /**
   * The INSERT of a job on queue `name`, to run inside another statement (its parameters numbered after
   * `offset`; with `gate`, one job per row of that CTE). It writes the row pg-boss's own `send` writes with
   * no per-job options: the queue's retry, expiry, retention, dead-letter and policy settings, or pg-boss's
   * defaults where the queue has none (same SQL as pg-boss 10's `insertJob`; an e2e test compares the
   * two rows, so a pg-boss upgrade that changes the table fails it). Like `send`, nothing is written for a
   * queue that does not exist.
   */
  jobWrite(name: string, data: object, offset: number, gate?: string): SqlWrite {
    const insert = this.jobInsert(name, data, gate);
    return { sql: insert.text(offset), params: [...insert.values] };
  }

  /** `jobWrite` as a fragment that numbers its own parameters, for statements built with `sql`. */
  jobInsert(name: string, data: object, gate?: string): Sql {
    return sql`INSERT INTO ${rawSql(SCHEMA)}.job (id, name, data, priority, start_after, dead_letter, expire_in, keep_until, retry_limit, retry_delay, retry_backoff, policy)
            SELECT gen_random_uuid(), q.name, ${JSON.stringify(data)}::jsonb, 0, now(), q.dead_letter,
              COALESCE(q.expire_seconds * interval '1s', interval '15 minutes'),
              now() + CAST(COALESCE((q.retention_minutes * 60)::text, '14 days') AS interval),
              COALESCE(q.retry_limit, 2),
              CASE WHEN COALESCE(q.retry_backoff, false) THEN GREATEST(q.retry_delay, 1) ELSE COALESCE(q.retry_delay, 0) END,
              COALESCE(q.retry_backoff, false), q.policy
            FROM ${rawSql(SCHEMA)}.queue q${rawSql(gate ? `, ${gate}` : '')} WHERE q.name = ${name}::text
            ON CONFLICT DO NOTHING`;
  }

  /** Enqueues one job per item in one statement, inside the caller's transaction (the queue's options apply). */
  async sendManyInTransaction(em: EntityManager, name: string, items: object[]): Promise<void> {
    if (items.length === 0) return;
    await this.boss.insert(
      items.map((data) => ({ name, data })),
      { db: onEntityManager(em) },
    );
  }
}
