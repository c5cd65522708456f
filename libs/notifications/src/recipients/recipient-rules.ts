import { EntityManager } from 'typeorm';
import { DomainEvent } from '@app/core';
import { NotificationCategory } from '../notification.enums';

/** Who must hear about an event, and what the notification says (rendered per recipient later). */
export interface PlannedNotification {
  category: NotificationCategory;
  /** e.g. proposal.submitted */
  type: string;
  recipientIds: string[];
  /** Where in the platform it happened, e.g. /proposals/<id>. */
  link: string | null;
  /** Values the templates use: names, titles, states… (user text is escaped when rendered). */
  data: Record<string, unknown>;
  /** Values that differ per recipient (e.g. a time formatted in their time zone), by person id. */
  perRecipient?: Record<string, Record<string, unknown>>;
}

/**
 * One rule per domain event type: it loads what it needs (in the expansion's transaction) and names
 * the recipients. The actor is removed afterwards, whatever the rule returns.
 */
export type RecipientRule = (event: DomainEvent, em: EntityManager) => Promise<PlannedNotification[]>;
