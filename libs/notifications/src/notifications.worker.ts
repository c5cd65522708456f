import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, DomainEvents, QueueService, SMTP_POOL_CONNECTIONS } from '@app/core';
import { EmailSender } from './email/email-sender.service';
import { LivePublisher } from './live/live-publisher.service';
import { NotificationExpander, QUEUE_DOMAIN_EVENTS, QUEUE_EMAIL, QueuedEvent } from './notification-expander.service';
import { recipientRuleFor } from './recipients';
import { randomUUID } from 'node:crypto';

/**
 * Retries with exponential backoff (pg-boss): NOTIFY_RETRY_LIMIT retries (5), the first after NOTIFY_RETRY_DELAY_SECONDS
 * (default 10 s); a job still active after NOTIFY_JOB_TIMEOUT_SECONDS (its worker died) is retried too.
 */
function queueOptions(config: AppConfig) {
  return { retryLimit: config.notifyRetryLimit, retryDelay: config.notifyRetryDelaySeconds, retryBackoff: true, expireInSeconds: config.notifyJobTimeoutSeconds };
}

/**
 * Email-send jobs taken per fetch. A full batch is followed by the next fetch at once (not after the
 * polling interval); the emails of a batch go out SMTP_POOL_CONNECTIONS at a time, one per pooled
 * connection, so at most that many can be accepted by the server and not yet marked SENT.
 */
const EMAIL_BATCH_SIZE = 100;

/**
 * The outbox and its consumers. Every domain event is enqueued inside its own transaction (a
 * rolled-back change notifies nobody; a committed one is expanded even if the process dies right
 * after). With RUN_WORKER (default) this process also consumes the queues.
 */
@Injectable()
export class NotificationsWorker implements OnModuleInit {
  private readonly logger = new Logger(NotificationsWorker.name);
  private emailWorkerId?: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly events: DomainEvents,
    private readonly expander: NotificationExpander,
    private readonly sender: EmailSender,
    private readonly live: LivePublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    for (const name of [QUEUE_DOMAIN_EVENTS, QUEUE_EMAIL]) {
      await this.queue.createQueue(name, queueOptions(this.config));
      // A queue keeps the options it was created with: apply the current settings to new jobs.
      await this.queue.boss.updateQueue(name, { name, ...queueOptions(this.config) });
    }
    // The outbox row is plain SQL, so a one-statement change can carry it in that statement. An event
    // type no rule notifies about (a draft created, a proposal supported…) gets no job: it would be
    // fetched, expanded to nothing and archived.
    this.events.onEventWrite((event, offset, gate) => {
      if (!recipientRuleFor(event.type)) return null;
      const job: QueuedEvent = { eventId: randomUUID(), event };
      return this.queue.jobWrite(QUEUE_DOMAIN_EVENTS, job, offset, gate);
    });
    if (!this.config.runWorker) return;
    await this.queue.boss.work<QueuedEvent>(QUEUE_DOMAIN_EVENTS, { batchSize: 20, pollingIntervalSeconds: 0.5 }, (jobs) =>
      this.expandAll(jobs),
    );
    this.emailWorkerId = await this.queue.boss.work<{ notificationId: string }>(
      QUEUE_EMAIL,
      { batchSize: EMAIL_BATCH_SIZE, pollingIntervalSeconds: 0.5 },
      (jobs) => this.sendAll(jobs),
    );
  }

  /**
   * Each event in its own transaction: the notifications and their send jobs commit together. Live
   * subscribers hear of them only once committed (a retried expansion creates, and announces, nothing).
   */
  private async expandAll(jobs: PgBoss.Job<QueuedEvent>[]): Promise<void> {
    for (const job of jobs) {
      const created = await this.dataSource.transaction((em) => this.expander.expand(em, job.data));
      this.live.notificationsAdded(created);
    }
  }

  /**
   * Each email's job succeeds or fails on its own: a transient failure fails only that job (pg-boss
   * retries it with backoff, counting its own attempts); the rest of the batch completes.
   */
  private async sendAll(jobs: PgBoss.Job<{ notificationId: string }>[]): Promise<void> {
    // More are probably waiting: skip the pause before the next fetch.
    if (jobs.length === EMAIL_BATCH_SIZE && this.emailWorkerId) this.queue.boss.notifyWorker(this.emailWorkerId);
    const failed: { id: string; error: Error }[] = [];
    let next = 0;
    const lane = async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        try {
          await this.sender.send(job.data.notificationId);
        } catch (error) {
          failed.push({ id: job.id, error: error as Error });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(SMTP_POOL_CONNECTIONS, jobs.length) }, lane));
    if (failed.length === 0) return;
    this.logger.warn(`${failed.length} of ${jobs.length} emails will be retried: ${failed[0].error.message}`);
    // Failing them moves them out of 'active', so completing the batch leaves them alone. (Each
    // error is on its notification row, `email_error`.)
    await this.queue.boss.fail(QUEUE_EMAIL, failed.map((f) => f.id));
  }
}
