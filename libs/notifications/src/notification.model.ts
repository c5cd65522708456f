import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, Paginated } from '@app/core';
import { DeliveryMode, DeliveryStatus, NotificationCategory } from './notification.enums';

@ObjectType({ description: 'One thing that happened and concerns the viewer.' })
export class Notification {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationCategory)
  category: NotificationCategory;

  @Field({ description: 'e.g. proposal.submitted, meeting.scheduled' })
  type: string;

  @Field({ description: "Rendered in the recipient's locale when it was created." })
  title: string;

  @Field(() => String, { nullable: true, description: 'Where in the platform it happened, e.g. /proposals/<id>' })
  link: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the viewer marked it read; null while unread.' })
  readAt: Date | null;

  @Field(() => DeliveryStatus, {
    description: 'Its email: PENDING (waiting for its send or its digest), SENT, FAILED (refused for good) or SUPPRESSED (the category is OFF).',
  })
  emailStatus: DeliveryStatus;
}

@ObjectType()
export class NotificationConnection extends Paginated(Notification) {
  @Field(() => Int, { description: "The viewer's unread notifications, whatever `unreadOnly` says." })
  unreadCount: Promise<number>;
}

/** What `myNotifications` returns: a lazy connection plus the unread count. */
export type NotificationList = Connection<Notification> & { readonly unreadCount: Promise<number> };

@ObjectType({ description: 'How one category of notifications reaches the person by email.' })
export class NotificationPreference {
  @Field(() => NotificationCategory)
  category: NotificationCategory;

  @Field(() => DeliveryMode)
  mode: DeliveryMode;
}

const CONTRACT_STATUSES = new Set<string>(Object.values(DeliveryStatus));

/**
 * The contract's delivery status for a stored email state. The stored states are the contract's today;
 * anything else (an internal state in flight) reads as PENDING, since the email has not settled yet.
 */
export function deliveryStatusOf(stored: string): DeliveryStatus {
  return CONTRACT_STATUSES.has(stored) ? (stored as DeliveryStatus) : DeliveryStatus.PENDING;
}

/** A feed row (notifications table, camel-cased) as the GraphQL type. */
export function toNotification(row: {
  id: string;
  category: NotificationCategory;
  type: string;
  title: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
  emailStatus: string;
}): Notification {
  return {
    id: row.id,
    category: row.category,
    type: row.type,
    title: row.title,
    link: row.link,
    createdAt: row.createdAt,
    readAt: row.readAt,
    emailStatus: deliveryStatusOf(row.emailStatus),
  };
}
