import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, MailService } from '@app/core';
import { EmailSender, isPermanentFailure, messageIdOf } from '../email/email-sender.service';
import { DeliveryMode, DeliveryStatus } from '../notification.enums';
import { DigestEntry, digestContent } from './digest-email';

interface DigestToSend {
  id: string;
  personId: string;
  mode: DeliveryMode;
  status: DeliveryStatus;
  email: string;
  name: string;
  locale: string;
}

export type DigestOutcome = 'SENT' | 'EMPTY' | 'SKIPPED' | 'FAILED';

/**
 * Sends one planned digest: the notifications attached to it that are still PENDING (a category
 * switched OFF meanwhile is SUPPRESSED and left out), as one email with the Message-ID
 * `<digest-id@host>`. Idempotent like the immediate sender: a digest that is no longer PENDING is
 * skipped; transient SMTP failures are rethrown for the queue to retry, permanent ones mark the digest
 * and its notifications FAILED.
 */
@Injectable()
export class DigestSender {
  private readonly logger = new Logger(DigestSender.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly emails: EmailSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(digestId: string): Promise<DigestOutcome> {
    const [digest]: DigestToSend[] = await this.dataSource.query(
      `SELECT d.id, d.person_id AS "personId", d.mode, d.status, p.email, p.name, p.locale
       FROM notification_digests d JOIN people p ON p.id = d.person_id WHERE d.id = $1`,
      [digestId],
    );
    if (!digest || digest.status !== DeliveryStatus.PENDING) return 'SKIPPED';
    const entries: DigestEntry[] = await this.dataSource.query(
      `SELECT id, category, type, title, link, data, created_at AS "createdAt"
       FROM notifications WHERE digest_id = $1 AND email_status = 'PENDING' ORDER BY created_at, id`,
      [digestId],
    );
    // Everything in it was switched OFF (or taken by an earlier send): an empty digest is not sent.
    if (entries.length === 0) return 'EMPTY';
    const content = digestContent(digest.locale, digest.mode, entries, this.config.publicUrl);
    // Settled as SENT as soon as the email leaves (not after the server's reply), like single emails:
    // a worker killed while the server takes it does not send it again.
    let settled: Promise<void> | undefined;
    try {
      await this.mail.sendHandingOff(
        {
          ...this.emails.compose(digest, content.unsubscribeCategory, content.subject, content.items),
          messageId: messageIdOf(digest.id, this.config.publicUrl),
        },
        () => {
          settled = this.finish(digest.id, DeliveryStatus.SENT, entries, null);
        },
      );
    } catch (error) {
      if (settled) await settled;
      return this.recordFailure(digest.id, entries, error, settled !== undefined);
    }
    await settled;
    return 'SENT';
  }

  /**
   * Settles the digest and exactly the notifications that were in the email. Others attached while it
   * was being sent are released (digest_id NULL) for the next slot: the planner locks the digest row
   * too, so nothing can be attached to a digest once it is settled.
   */
  private async finish(
    digestId: string,
    status: DeliveryStatus,
    entries: DigestEntry[],
    error: string | null,
    from: DeliveryStatus = DeliveryStatus.PENDING,
  ): Promise<void> {
    const ids = entries.map((e) => e.id);
    // A digest refused after it had been settled as SENT is settled again: its attempt is counted once.
    const attempt = from === DeliveryStatus.PENDING ? 1 : 0;
    await this.dataSource.transaction(async (em) => {
      await em.query(`SELECT 1 FROM notification_digests WHERE id = $1 FOR UPDATE`, [digestId]);
      await em.query(
        `UPDATE notification_digests SET status = $2, attempts = attempts + $4::int, error = $3, sent_at = CASE WHEN $2::text = 'SENT' THEN now() END
         WHERE id = $1`,
        [digestId, status, error, attempt],
      );
      await em.query(
        `UPDATE notifications SET email_status = $2, email_attempts = email_attempts + $5::int, email_error = $3,
                email_sent_at = CASE WHEN $2::text = 'SENT' THEN now() END
         WHERE id = ANY($1::uuid[]) AND email_status = $4`,
        // Put back to PENDING: the send that counted it did not happen after all.
        [ids, status, error, from, status === DeliveryStatus.PENDING ? -1 : attempt],
      );
      if (status === DeliveryStatus.PENDING) return;
      await em.query(`UPDATE notifications SET digest_id = NULL WHERE digest_id = $1 AND email_status = 'PENDING' AND id <> ALL($2::uuid[])`, [digestId, ids]);
    });
  }

  /** `settled`: the digest had been settled as SENT when it was handed off, before the server refused it. */
  private async recordFailure(digestId: string, entries: DigestEntry[], error: unknown, settled: boolean): Promise<DigestOutcome> {
    const message = (error as Error).message?.slice(0, 500) ?? String(error);
    const from = settled ? DeliveryStatus.SENT : DeliveryStatus.PENDING;
    if (isPermanentFailure(error)) {
      this.logger.warn(`Digest ${digestId} refused permanently: ${message}`);
      await this.finish(digestId, DeliveryStatus.FAILED, entries, message, from);
      return 'FAILED';
    }
    if (settled) await this.finish(digestId, DeliveryStatus.PENDING, entries, message, from);
    else await this.dataSource.query(`UPDATE notification_digests SET attempts = attempts + 1, error = $2 WHERE id = $1`, [digestId, message]);
    // The queue retries the digest with backoff.
    throw error;
  }
}
