import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvent, QueueService, newId } from '@app/core';
import { nextDigestSlot } from './digests/digest-slot';
import { translate } from './i18n/translate';
import { DEFAULT_MODES, DeliveryMode, DeliveryStatus, NotificationCategory } from './notification.enums';
import { recipientRuleFor } from './recipients';
import { planEventId } from './scheduled/event-id';
import { PlannedNotification } from './recipients/recipient-rules';

export const QUEUE_DOMAIN_EVENTS = 'domain-events';
export const QUEUE_EMAIL = 'email-send';

export interface QueuedEvent {
  eventId: string;
  event: DomainEvent;
}

/** The columns `row()` fills, in order. */
const COLUMNS = ['id', 'event_id', 'person_id', 'category', 'type', 'title', 'link', 'data', 'email_mode', 'email_status', 'email_due_at'] as const;
/** Rows per INSERT statement (and per job insert). */
const INSERT_CHUNK = 1000;

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
    const rule = recipientRuleFor(event.type);
    if (!rule) return [];
    const created: { id: string; personId: string }[] = [];
    for (const plan of await rule(event, em)) {
      const recipientIds = [...new Set(plan.recipientIds)].filter((id) => id !== event.actorId);
      if (recipientIds.length === 0) continue;
      const keyedBy = plan.key === undefined ? eventId : planEventId(eventId, plan.key);
      const rows = (await this.recipients(em, recipientIds, plan.category)).map((recipient) => this.row(keyedBy, plan, recipient));
      // A few statements per event, not two per recipient: the rows go in as parallel arrays, the
      // send jobs in one insert per chunk. A row that exists already (a retried expansion) is skipped
      // and gets no second job.
      for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
        const chunk = rows.slice(start, start + INSERT_CHUNK);
        const inserted: { id: string }[] = await em.query(
          `INSERT INTO notifications (${COLUMNS.join(', ')})
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[], $11::timestamptz[])
           ON CONFLICT (event_id, person_id) DO NOTHING RETURNING id`,
          COLUMNS.map((_, column) => chunk.map((row) => row[column])),
        );
        const insertedIds = new Set(inserted.map((r) => r.id));
        const jobs: { notificationId: string }[] = [];
        for (const row of chunk) {
          const id = row[0] as string;
          if (!insertedIds.has(id)) continue;
          created.push({ id, personId: row[2] as string });
          if (row[9] === DeliveryStatus.PENDING && row[8] === DeliveryMode.IMMEDIATE) jobs.push({ notificationId: id });
        }
        await this.queue.sendManyInTransaction(em, QUEUE_EMAIL, jobs);
      }
    }
    return created;
  }

  private row(eventId: string, plan: PlannedNotification, recipient: Recipient): unknown[] {
    const chosen = recipient.mode ?? DEFAULT_MODES[plan.category];
    const mode = plan.immediate && chosen !== DeliveryMode.OFF ? DeliveryMode.IMMEDIATE : chosen;
    const status = mode === DeliveryMode.OFF ? DeliveryStatus.SUPPRESSED : DeliveryStatus.PENDING;
    const dueAt = mode === DeliveryMode.IMMEDIATE ? new Date() : mode === DeliveryMode.OFF ? null : nextDigestSlot(mode, recipient.timezone);
    const data = { ...plan.data, ...(plan.perRecipient?.[recipient.id] ?? {}) };
    return [
      newId(),
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

  /** An erased person receives nothing (decision 154), whichever rule chose them. */
  private recipients(em: EntityManager, ids: string[], category: NotificationCategory): Promise<Recipient[]> {
    return em.query(
      `SELECT p.id, p.locale, p.timezone, np.mode
       FROM people p LEFT JOIN notification_preferences np ON np.person_id = p.id AND np.category = $2
       WHERE p.id = ANY($1) AND p.erased_at IS NULL`,
      [ids, category],
    );
  }
}
