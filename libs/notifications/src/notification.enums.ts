import { registerEnumType } from '@nestjs/graphql';

export enum NotificationCategory {
  APPLICATIONS = 'APPLICATIONS',
  PROPOSALS = 'PROPOSALS',
  COMMENTS = 'COMMENTS',
  PRIORITIES = 'PRIORITIES',
  MEETINGS = 'MEETINGS',
  ACTION_ITEMS = 'ACTION_ITEMS',
  MARKETPLACE = 'MARKETPLACE',
  DATA_POOLS = 'DATA_POOLS',
  BALLOTS = 'BALLOTS',
}

export enum DeliveryMode {
  IMMEDIATE = 'IMMEDIATE',
  DAILY_DIGEST = 'DAILY_DIGEST',
  WEEKLY_DIGEST = 'WEEKLY_DIGEST',
  OFF = 'OFF',
}

export enum DeliveryStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  SUPPRESSED = 'SUPPRESSED',
}

/**
 * Defaults: meetings, action items, data pools and ballots immediately, everything else in the daily digest. Within a digest
 * category, a notification planned `immediate` (introductions asked for and answered) goes out at once
 * unless the person turned the category OFF (decision 86).
 */
export const DEFAULT_MODES: Record<NotificationCategory, DeliveryMode> = {
  [NotificationCategory.APPLICATIONS]: DeliveryMode.DAILY_DIGEST,
  [NotificationCategory.PROPOSALS]: DeliveryMode.DAILY_DIGEST,
  [NotificationCategory.COMMENTS]: DeliveryMode.DAILY_DIGEST,
  [NotificationCategory.PRIORITIES]: DeliveryMode.DAILY_DIGEST,
  [NotificationCategory.MEETINGS]: DeliveryMode.IMMEDIATE,
  [NotificationCategory.ACTION_ITEMS]: DeliveryMode.IMMEDIATE,
  [NotificationCategory.MARKETPLACE]: DeliveryMode.DAILY_DIGEST,
  // Signatures, access requests and expiry are deadlines for a few people, not news (decision 105).
  [NotificationCategory.DATA_POOLS]: DeliveryMode.IMMEDIATE,
  // A vote has a deadline: an organisation hears of it when it opens and the day before it closes (decision 136).
  [NotificationCategory.BALLOTS]: DeliveryMode.IMMEDIATE,
};

registerEnumType(NotificationCategory, {
  name: 'NotificationCategory',
  valuesMap: {
    MARKETPLACE: {
      description:
        'New capabilities matching an open need; introductions asked for and answered. Daily digest by default; introductions go out at once ' +
        'unless the category is OFF.',
    },
    DATA_POOLS: {
      description: 'Invitations to pools, terms to sign again, state changes, access requests, expiry reminders',
    },
    BALLOTS: {
      description: 'Ballots opened, closing within 24 hours, results',
    },
  },
});
registerEnumType(DeliveryMode, { name: 'DeliveryMode' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus' });
