import { DataSource } from 'typeorm';
import { DomainEvent, QueueService } from '@app/core';
import { LivePublisher } from '../live/live-publisher.service';
import { NotificationExpander } from '../notification-expander.service';

/** Every 15 minutes: 08:00 falls on a quarter hour in every time zone, and a brief goes out within 15 min of 24 h ahead. */
export const REMINDERS_CRON = '*/15 * * * *';

/**
 * Runs `pass` from a pg-boss cron schedule on `queue`, a `stately` queue: at most one pass queued and one
 * running, however many workers the cron wakes. Only processes that run the worker call this.
 */
export async function scheduleReminderPass(queue: QueueService, name: string, pass: () => Promise<void>): Promise<void> {
  await queue.createQueue(name, {
    policy: 'stately',
    retryLimit: 2,
    retryDelay: 60,
    expireInSeconds: 15 * 60,
  });
  await queue.boss.schedule(name, REMINDERS_CRON, {}, { tz: 'UTC' });
  await queue.boss.work(name, { pollingIntervalSeconds: 5 }, pass);
}

/**
 * One reminder, expanded like a domain event in its own transaction: its notifications and their send jobs
 * commit together; live subscribers hear of them once committed, as for domain events (NotificationsWorker).
 * Returns the notifications created.
 */
export async function raiseReminder(
  dataSource: DataSource,
  expander: NotificationExpander,
  live: LivePublisher,
  eventId: string,
  event: DomainEvent,
): Promise<number> {
  const created = await dataSource.transaction((em) => expander.expand(em, { eventId, event }));
  live.notificationsAdded(created);
  return created.length;
}
