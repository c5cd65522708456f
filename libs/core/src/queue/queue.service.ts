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
  private queueCreation: Promise<unknown> = Promise.resolve();

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

  /** Enqueues one job per item in one statement, inside the caller's transaction (the queue's options apply). */
  async sendManyInTransaction(em: EntityManager, name: string, items: object[]): Promise<void> {
    if (items.length === 0) return;
    await this.boss.insert(
      items.map((data) => ({ name, data })),
      { db: onEntityManager(em) },
    );
  }
}
