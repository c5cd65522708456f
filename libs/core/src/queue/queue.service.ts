import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

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

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Straight to the driver's pool: queue polling is not part of any request's statement count.
    const pool = (dataSource.driver as unknown as { master: { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> } }).master;
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => pool.query(text, values) },
      schema: 'pgboss',
      supervise: config.runWorker,
      schedule: config.runWorker,
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

  async createQueue(name: string, options: Omit<PgBoss.Queue, 'name'> = {}): Promise<void> {
    await this.boss.createQueue(name, { name, ...options });
  }

  /** Enqueues inside the caller's transaction: a rolled-back change leaves no job behind. */
  async sendInTransaction(em: EntityManager, name: string, data: object, options: PgBoss.SendOptions = {}): Promise<void> {
    await this.boss.send(name, data, { ...options, db: onEntityManager(em) });
  }
}
