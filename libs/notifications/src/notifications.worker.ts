import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, DomainEvents, QueueService } from '@app/core';
import { EmailSender } from './email/email-sender.service';
import { NotificationExpander, QUEUE_DOMAIN_EVENTS, QUEUE_EMAIL, QueuedEvent } from './notification-expander.service';
import { randomUUID } from 'node:crypto';

/** Retries with exponential backoff (pg-boss): 5 tries, from 10 s. */
const RETRIES = { retryLimit: 5, retryDelay: 10, retryBackoff: true };

/**
 * The outbox and its consumers. Every domain event is enqueued inside its own transaction (a
 * rolled-back change notifies nobody; a committed one is expanded even if the process dies right
 * after). With RUN_WORKER (default) this process also consumes the queues.
 */
@Injectable()
export class NotificationsWorker implements OnModuleInit {
  private readonly logger = new Logger(NotificationsWorker.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly events: DomainEvents,
    private readonly expander: NotificationExpander,
    private readonly sender: EmailSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.queue.createQueue(QUEUE_DOMAIN_EVENTS, RETRIES);
    await this.queue.createQueue(QUEUE_EMAIL, RETRIES);
    this.events.onEvent(async (event, em) => {
      const job: QueuedEvent = { eventId: randomUUID(), event };
      await this.queue.sendInTransaction(em, QUEUE_DOMAIN_EVENTS, job);
    });
    if (!this.config.runWorker) return;
    await this.queue.boss.work<QueuedEvent>(QUEUE_DOMAIN_EVENTS, { batchSize: 20, pollingIntervalSeconds: 0.5 }, (jobs) =>
      this.expandAll(jobs),
    );
    await this.queue.boss.work<{ notificationId: string }>(QUEUE_EMAIL, { batchSize: 20, pollingIntervalSeconds: 0.5 }, (jobs) =>
      this.sendAll(jobs),
    );
  }

  /** Each event in its own transaction: the notifications and their send jobs commit together. */
  private async expandAll(jobs: PgBoss.Job<QueuedEvent>[]): Promise<void> {
    for (const job of jobs) {
      await this.dataSource.transaction((em) => this.expander.expand(em, job.data));
    }
  }

  private async sendAll(jobs: PgBoss.Job<{ notificationId: string }>[]): Promise<void> {
    const failures: unknown[] = [];
    for (const job of jobs) {
      try {
        await this.sender.send(job.data.notificationId);
      } catch (error) {
        failures.push(error);
      }
    }
    // A transient failure fails the batch: pg-boss retries it; deliveries already SENT are skipped.
    if (failures.length > 0) {
      this.logger.warn(`${failures.length} of ${jobs.length} emails will be retried: ${(failures[0] as Error).message}`);
      throw failures[0];
    }
  }
}
