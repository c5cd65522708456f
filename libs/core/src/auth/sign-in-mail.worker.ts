import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { LocaleValue } from '../graphql/context';
import { MailService } from '../mail/mail.service';
import { QueueService } from '../queue/queue.service';
import { renderSignInEmail } from './sign-in-email';
import { generateToken, hashToken, TOKEN_PREFIX } from './tokens';

/** The queue of sign-in link emails requested through `requestSignInLink`: one job per link. */
export const QUEUE_SIGN_IN_EMAIL = 'sign-in-email';

export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;

export interface SignInEmailJob {
  linkId: string;
}

/**
 * Sends the sign-in links that `SignInService.requestLink` queued, off the request path: the request
 * answers in the same time whether or not the address is known, and a link whose email could not be
 * sent is retried like a notification (NOTIFY_RETRY_LIMIT, NOTIFY_RETRY_DELAY_SECONDS doubling).
 *
 * The job carries only the link's id. The token is drawn here, at sending time, and only its hash is
 * written (over the random one the request stored), so neither the queue nor a dump holds a usable
 * token; a retried send draws a new token, which voids the one of an earlier attempt.
 */
@Injectable()
export class SignInMailWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(SignInMailWorker.name);
  private workerId?: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** After every module's init: the queue service has started pg-boss by then. */
  async onApplicationBootstrap(): Promise<void> {
    const options = {
      retryLimit: this.config.notifyRetryLimit,
      retryDelay: this.config.notifyRetryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: this.config.notifyJobTimeoutSeconds,
    };
    // The queue must exist wherever links are requested: a job written for a missing queue is dropped.
    await this.queue.createQueue(QUEUE_SIGN_IN_EMAIL, options);
    await this.queue.boss.updateQueue(QUEUE_SIGN_IN_EMAIL, {
      name: QUEUE_SIGN_IN_EMAIL,
      ...options,
    });
    if (!this.config.runWorker) return;
    this.workerId = await this.queue.boss.work<SignInEmailJob>(
      QUEUE_SIGN_IN_EMAIL,
      { batchSize: 5, pollingIntervalSeconds: 0.5 },
      (jobs) => this.sendAll(jobs),
    );
  }

  /** Fetches at once instead of at the next poll when this process works the queue (a no-op otherwise). */
  wake(): void {
    if (this.workerId) this.queue.boss.notifyWorker(this.workerId);
  }

  private async sendAll(jobs: PgBoss.Job<SignInEmailJob>[]): Promise<void> {
    const failed: string[] = [];
    for (const job of jobs) {
      try {
        await this.send(job.data.linkId);
      } catch (error) {
        this.logger.warn(
          `Could not send sign-in link ${job.data.linkId}, will retry: ${(error as Error).message}`,
        );
        failed.push(job.id);
      }
    }
    if (failed.length > 0) await this.queue.boss.fail(QUEUE_SIGN_IN_EMAIL, failed);
  }

  /** Issues the link's token and emails it; nothing for a link already used or gone (its person erased). */
  private async send(linkId: string): Promise<void> {
    const token = generateToken(TOKEN_PREFIX.signInLink);
    const [person]: { name: string; email: string; locale: LocaleValue }[] =
      await this.dataSource.query(
        `WITH link AS (
         UPDATE sign_in_links SET token_hash = $2, expires_at = now() + $3 * interval '1 millisecond'
         WHERE id = $1 AND used_at IS NULL RETURNING person_id
       )
       SELECT p.name, p.email, p.locale FROM link JOIN people p ON p.id = link.person_id`,
        [linkId, hashToken(token), SIGN_IN_LINK_TTL_MS],
      );
    if (!person) return;
    const url = `${this.config.publicUrl}/sign-in?token=${encodeURIComponent(token)}`;
    await this.mail.send({
      to: person.email,
      ...renderSignInEmail(person.locale, person.name, url),
    });
  }
}
