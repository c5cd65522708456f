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
  /**
   * Sent at once even where the category's mode is a digest (not when it is OFF): something a person is
   * waiting to answer or to hear, in a category whose other news can wait (decision 86).
   */
  immediate?: boolean;
  /**
   * Tells this plan apart when one event tells the same person several things (a capability matching
   * several needs of one organisation): its rows are keyed by an id derived from the event's and this key
   * rather than by the event's, so each is kept — and a retried expansion still adds nothing.
   */
  key?: string;
}

/**
 * One rule per domain event type: it loads what it needs (in the expansion's transaction) and names
 * the recipients. The actor is removed afterwards, whatever the rule returns.
 */
export type RecipientRule = (event: DomainEvent, em: EntityManager) => Promise<PlannedNotification[]>;
