import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, AppConfig, QueueService } from '@app/core';
import { DigestSender } from './digest-sender.service';
import { DigestsService, QUEUE_DIGEST_SEND, QUEUE_DIGESTS } from './digests.service';

/** Every five minutes: slots fall on the hour in most time zones and on :30/:45 in a few. */
export const DIGEST_CRON = '*/5 * * * *';

/**
 * Registers the digest pass with pg-boss: a cron schedule (pg-boss creates one job per tick across all
 * instances) on a `stately` queue (one pass active and at most one waiting), and the fallback send queue. Only
 * processes that run the worker schedule and consume; the queues exist everywhere.
 */
@Injectable()
export class DigestSchedule implements OnModuleInit {
  private readonly logger = new Logger(DigestSchedule.name);

  constructor(
    private readonly queue: QueueService,
    private readonly digests: DigestsService,
    private readonly sender: DigestSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.queue.createQueue(QUEUE_DIGESTS, { policy: 'stately', retryLimit: 0, expireInSeconds: 30 * 60 });
    await this.queue.createQueue(QUEUE_DIGEST_SEND, { retryLimit: 5, retryDelay: 60, retryBackoff: true });
    if (!this.config.runWorker) return;
    await this.queue.boss.schedule(QUEUE_DIGESTS, DIGEST_CRON);
    await this.queue.boss.work(QUEUE_DIGESTS, { pollingIntervalSeconds: 1 }, async () => {
      const { planned, sent } = await this.digests.runDigests(new Date());
      if (planned > 0) this.logger.log(`Digest pass: ${sent} of ${planned} digests sent`);
    });
    await this.queue.boss.work<{ digestId: string }>(QUEUE_DIGEST_SEND, { batchSize: 10, pollingIntervalSeconds: 1 }, (jobs: PgBoss.Job<{ digestId: string }>[]) =>
      this.sendAll(jobs),
    );
  }

  private async sendAll(jobs: PgBoss.Job<{ digestId: string }>[]): Promise<void> {
    let failure: unknown = null;
    for (const job of jobs) {
      try {
        await this.sender.send(job.data.digestId);
      } catch (error) {
        failure ??= error;
      }
    }
    // A transient failure fails the batch: pg-boss retries it; digests already SENT are skipped.
    if (failure) throw failure;
  }
}
