import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvent, QueueService } from '@app/core';
import { nextDigestSlot } from './digests/digest-slot';
import { translate } from './i18n/translate';
import { DEFAULT_MODES, DeliveryMode, DeliveryStatus, NotificationCategory } from './notification.enums';
import { RECIPIENT_RULES } from './recipients';
import { PlannedNotification } from './recipients/recipient-rules';

export const QUEUE_DOMAIN_EVENTS = 'domain-events';
export const QUEUE_EMAIL = 'email-send';

export interface QueuedEvent {
  eventId: string;
  event: DomainEvent;
}

interface Recipient {
  id: string;
  locale: string;
  timezone: string;
  mode: DeliveryMode | null;
}

/**
 * Turns one domain event into notifications: one row per (event, recipient) — the feed entry and its
 * email delivery, per the recipient's preference — and, for immediate emails, a send job, all in one
 * transaction. Running it twice for an event (a retry after a crash) adds nothing.
 */
@Injectable()
export class NotificationExpander {
  constructor(private readonly queue: QueueService) {}

  /** Returns the notifications created (for live updates once committed). */
  async expand(em: EntityManager, { eventId, event }: QueuedEvent): Promise<{ id: string; personId: string }[]> {
    const rule = RECIPIENT_RULES[event.type];
    if (!rule) return [];
    const created: { id: string; personId: string }[] = [];
    for (const plan of await rule(event, em)) {
      const recipientIds = [...new Set(plan.recipientIds)].filter((id) => id !== event.actorId);
      if (recipientIds.length === 0) continue;
      for (const recipient of await this.recipients(em, recipientIds, plan.category)) {
        const row = this.row(eventId, plan, recipient);
        const inserted: { id: string }[] = await em.query(
          `INSERT INTO notifications (id, event_id, person_id, category, type, title, link, data, email_mode, email_status, email_due_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           ON CONFLICT (event_id, person_id) DO NOTHING RETURNING id`,
          row,
        );
        if (inserted.length === 0) continue;
        created.push({ id: row[0] as string, personId: recipient.id });
        if (row[9] === DeliveryStatus.PENDING && row[8] === DeliveryMode.IMMEDIATE) {
          await this.queue.sendInTransaction(em, QUEUE_EMAIL, { notificationId: row[0] });
        }
      }
    }
    return created;
  }

  private row(eventId: string, plan: PlannedNotification, recipient: Recipient): unknown[] {
    const mode = recipient.mode ?? DEFAULT_MODES[plan.category];
    const status = mode === DeliveryMode.OFF ? DeliveryStatus.SUPPRESSED : DeliveryStatus.PENDING;
    const dueAt = mode === DeliveryMode.IMMEDIATE ? new Date() : mode === DeliveryMode.OFF ? null : nextDigestSlot(mode, recipient.timezone);
    const data = { ...plan.data, ...(plan.perRecipient?.[recipient.id] ?? {}) };
    return [
      randomUUID(),
      eventId,
      recipient.id,
      plan.category,
      plan.type,
      translate(recipient.locale, `title.${plan.type}`, data),
      plan.link,
      JSON.stringify(data),
      mode,
      status,
      dueAt,
    ];
  }

  private recipients(em: EntityManager, ids: string[], category: NotificationCategory): Promise<Recipient[]> {
    return em.query(
      `SELECT p.id, p.locale, p.timezone, np.mode
       FROM people p LEFT JOIN notification_preferences np ON np.person_id = p.id AND np.category = $2
       WHERE p.id = ANY($1)`,
      [ids, category],
    );
  }
}
