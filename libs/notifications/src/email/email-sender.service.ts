import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, MailService, OutgoingMail, writeReturning } from '@app/core';
import { translate } from '../i18n/translate';
import { DeliveryStatus, NotificationCategory } from '../notification.enums';
import { EmailItem, renderEmail } from './email-layout';
import { unsubscribeToken } from './unsubscribe-token';

/** What a notification type may add to its email: attachments (ICS, PDF) and extra parts. */
export type EmailExtras = Pick<OutgoingMail, 'attachments' | 'icalEvent'>;
export type ExtrasProvider = (notification: PendingEmail) => Promise<EmailExtras>;

export interface PendingEmail {
  id: string;
  personId: string;
  category: NotificationCategory;
  type: string;
  title: string;
  link: string | null;
  data: Record<string, unknown>;
  email: string;
  name: string;
  locale: string;
  timezone: string;
  emailStatus: DeliveryStatus;
}

/** SMTP replies that will not improve with retrying: the address or the message is refused for good. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Sends one notification email. Idempotent: a delivery that is no longer PENDING is skipped, the
 * Message-ID is the notification's id, transient failures are rethrown for the queue to retry with
 * backoff, permanent ones mark the delivery FAILED and keep it.
 */
@Injectable()
export class EmailSender {
  private readonly logger = new Logger(EmailSender.name);
  private readonly extras = new Map<string, ExtrasProvider>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Lets a notification type add attachments (registered at start-up). */
  registerExtras(type: string, provider: ExtrasProvider): void {
    this.extras.set(type, provider);
  }

  async send(notificationId: string): Promise<void> {
    const [notification]: PendingEmail[] = await this.dataSource.query(
      `SELECT n.id, n.person_id AS "personId", n.category, n.type, n.title, n.link, n.data, n.email_status AS "emailStatus",
              p.email, p.name, p.locale, p.timezone
       FROM notifications n JOIN people p ON p.id = n.person_id WHERE n.id = $1`,
      [notificationId],
    );
    if (!notification || notification.emailStatus !== DeliveryStatus.PENDING) return;
    const item: EmailItem = {
      title: notification.title,
      body: translate(notification.locale, `body.${notification.type}`, notification.data),
      url: notification.link ? `${this.config.publicUrl}${notification.link}` : null,
    };
    const extras = (await this.extras.get(notification.type)?.(notification)) ?? {};
    // Marked SENT on the very tick the message leaves (not after the server's reply): a worker killed
    // in between can then resend it only if it dies within microseconds of the last byte. The mark goes
    // over a connection taken from the pool beforehand, so the UPDATE is written at once instead of
    // waiting for a free connection.
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let marked: Promise<unknown> | undefined;
    // A refusal after the hand-off is handled below, once the mark is written and the connection is back.
    const refusal = await this.mail
      .sendHandingOff(
        {
          ...this.compose(notification, notification.category, notification.title, [item]),
          messageId: messageIdOf(notification.id, this.config.publicUrl),
          ...extras,
        },
        () => {
          marked = runner.query(
            `UPDATE notifications SET email_status = 'SENT', email_sent_at = now(), email_attempts = email_attempts + 1, email_error = NULL
             WHERE id = $1 AND email_status = 'PENDING'`,
            [notification.id],
          );
        },
      )
      .then(
        () => null,
        (error: unknown) => ({ error }),
      );
    try {
      await marked;
    } finally {
      await runner.release();
    }
    // Refused after the hand-off: the row already says SENT (and counted the attempt); undo that.
    if (refusal) await this.recordFailure(notification.id, refusal.error, marked !== undefined);
  }

  /** Subject, HTML and text with the RFC 8058 one-click unsubscribe headers for `category`. */
  compose(
    recipient: { personId: string; email: string; name: string; locale: string },
    category: NotificationCategory,
    subject: string,
    items: EmailItem[],
  ): OutgoingMail {
    const unsubscribeUrl = `${this.config.publicUrl}/unsubscribe?token=${unsubscribeToken(this.config.signingSecret, recipient.personId, category)}`;
    const lang = recipient.locale === 'DE' ? 'de' : 'en';
    const { html, text } = renderEmail({
      lang,
      subject,
      greeting: translate(recipient.locale, 'common.greeting', { name: recipient.name }),
      items,
      openLabel: translate(recipient.locale, 'common.open'),
      footer: translate(recipient.locale, 'common.footer'),
      unsubscribeUrl,
      unsubscribeLabel: translate(recipient.locale, 'common.unsubscribe', { category: translate(recipient.locale, `category.${category}`) }),
    });
    return {
      to: recipient.email,
      subject,
      html,
      text,
      headers: {
        'List-Unsubscribe': `<${unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    };
  }

  /** `counted`: the attempt was already counted (and the row marked SENT) when the message was handed off. */
  private async recordFailure(id: string, error: unknown, counted: boolean): Promise<void> {
    const message = (error as Error).message?.slice(0, 500) ?? String(error);
    const permanent = isPermanentFailure(error);
    // Transient: the queue retries with backoff, until the attempts are used up; then it is FAILED and
    // kept (not left PENDING forever).
    const [row] = await writeReturning<{ status: string }>(
      this.dataSource,
      `UPDATE notifications SET email_attempts = email_attempts + $4::int, email_error = $2, email_sent_at = NULL,
              email_status = CASE WHEN $5 OR email_attempts + $4::int > $3 THEN 'FAILED' ELSE 'PENDING' END
       WHERE id = $1 AND email_status = $6 RETURNING email_status AS status`,
      [id, message, this.config.notifyRetryLimit, counted ? 0 : 1, permanent, counted ? DeliveryStatus.SENT : DeliveryStatus.PENDING],
    );
    if (permanent) {
      this.logger.warn(`Email ${id} refused permanently: ${message}`);
      return;
    }
    if (row?.status === DeliveryStatus.FAILED) {
      this.logger.warn(`Email ${id} gave up after ${this.config.notifyRetryLimit + 1} attempts: ${message}`);
      return;
    }
    throw error;
  }
}

/** A stable Message-ID per delivery: `<id@host>`. */
export function messageIdOf(id: string, publicUrl: string): string {
  return `<${id}@${new URL(publicUrl).hostname}>`;
}
