import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, DomainEvent, QueueService } from '@app/core';
import { DIGEST_HOUR } from '../digests/digest-slot';
import { LivePublisher } from '../live/live-publisher.service';
import { NotificationExpander } from '../notification-expander.service';
import { reminderEventId } from './event-id';
import { raiseReminder, scheduleReminderPass } from './reminder-pass';
import { ACTION_ITEM_DUE_TOMORROW, MEETING_BRIEF_READY } from './reminder.rules';

export { REMINDERS_CRON } from './reminder-pass';
export const QUEUE_REMINDERS = 'notification-reminders';
/** The brief is sent this long before the meeting starts. */
const BRIEF_LEAD_HOURS = 24;

export interface ReminderPassResult {
  /** Notifications created (one per recipient), not emails sent: those follow through the queue. */
  briefs: number;
  dueTomorrow: number;
}

/**
 * Scheduled reminders: "meeting brief ready" a day before a meeting and "action item due tomorrow".
 * A pass finds what is due as of an instant and expands each reminder like a domain event, under an
 * event id derived from what it is about, so overlapping passes and several workers create each
 * notification once (the unique (event, recipient) key) — and someone invited after the brief went
 * out still gets it on the next pass. pg-boss runs the pass from a cron schedule on the workers
 * (RUN_WORKER); `runPass(asOf)` runs one directly (tests, operators).
 */
@Injectable()
export class ReminderScheduler implements OnModuleInit {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly expander: NotificationExpander,
    private readonly live: LivePublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.runWorker) return;
    // A brief goes out between 24 h and 23 h 45 min before its meeting.
    await scheduleReminderPass(this.queue, QUEUE_REMINDERS, async () => {
      const result = await this.runPass(new Date());
      if (result.briefs + result.dueTomorrow > 0) this.logger.log(`Reminders: ${result.briefs} brief, ${result.dueTomorrow} due-tomorrow notifications`);
    });
  }

  async runPass(asOf: Date = new Date()): Promise<ReminderPassResult> {
    return { briefs: await this.briefs(asOf), dueTomorrow: await this.dueTomorrow(asOf) };
  }

  /**
   * Meetings starting within the next 24 h that have an invitee (not declined) without the brief.
   * The event is named by the meeting and its start: a meeting moved to another day gets a new brief.
   */
  private async briefs(asOf: Date): Promise<number> {
    const meetings: { id: string; startsAt: Date }[] = await this.dataSource.query(
      `SELECT m.id, m.starts_at AS "startsAt" FROM meetings m
       WHERE m.status = 'SCHEDULED' AND m.starts_at > $1 AND m.starts_at <= $1::timestamptz + make_interval(hours => $2)
       ORDER BY m.starts_at, m.id`,
      [asOf, BRIEF_LEAD_HOURS],
    );
    if (meetings.length === 0) return 0;
    const keyed = meetings.map((m) => ({ meetingId: m.id, eventId: reminderEventId(`brief:${m.id}:${new Date(m.startsAt).toISOString()}`) }));
    const pending: { meetingId: string }[] = await this.dataSource.query(
      `SELECT k.meeting_id AS "meetingId" FROM unnest($1::uuid[], $2::uuid[]) AS k(meeting_id, event_id)
       WHERE EXISTS (SELECT 1 FROM meeting_invitations i
                     WHERE i.meeting_id = k.meeting_id AND i.status <> 'DECLINED'
                       AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.event_id = k.event_id AND n.person_id = i.person_id))`,
      [keyed.map((k) => k.meetingId), keyed.map((k) => k.eventId)],
    );
    const due = new Set(pending.map((p) => p.meetingId));
    let created = 0;
    for (const { meetingId, eventId } of keyed.filter((k) => due.has(k.meetingId))) {
      created += await this.raise(eventId, { type: MEETING_BRIEF_READY, actorId: null, meetingId });
    }
    return created;
  }

  /**
   * Open items due on the owner's next local day, from 08:00 in the owner's zone (with the digests:
   * at the start of the working day, not at midnight). One reminder per item and day.
   */
  private async dueTomorrow(asOf: Date): Promise<number> {
    const items: { id: string; ownerId: string; day: string }[] = await this.dataSource.query(
      `WITH owners AS (
         SELECT ai.id, ai.owner_id, ai.due_date,
                CASE WHEN EXISTS (SELECT 1 FROM pg_timezone_names z WHERE z.name = p.timezone) THEN p.timezone ELSE 'UTC' END AS zone
         FROM action_items ai JOIN people p ON p.id = ai.owner_id
         WHERE ai.status = 'OPEN' AND ai.due_date IS NOT NULL
           AND ai.due_date > $1::timestamptz AND ai.due_date < $1::timestamptz + interval '3 days')
       SELECT o.id, o.owner_id AS "ownerId", to_char(($1::timestamptz AT TIME ZONE o.zone)::date + 1, 'YYYY-MM-DD') AS day
       FROM owners o
       WHERE (o.due_date AT TIME ZONE o.zone)::date = ($1::timestamptz AT TIME ZONE o.zone)::date + 1
         AND ($1::timestamptz AT TIME ZONE o.zone)::time >= make_time($2, 0, 0)
       ORDER BY o.due_date, o.id`,
      [asOf, DIGEST_HOUR],
    );
    if (items.length === 0) return 0;
    const keyed = items.map((item) => ({ ...item, eventId: reminderEventId(`due:${item.id}:${item.day}`) }));
    const done: { eventId: string }[] = await this.dataSource.query(
      `SELECT DISTINCT event_id AS "eventId" FROM notifications WHERE event_id = ANY($1::uuid[])`,
      [keyed.map((k) => k.eventId)],
    );
    const sent = new Set(done.map((d) => d.eventId));
    let created = 0;
    for (const item of keyed.filter((k) => !sent.has(k.eventId))) {
      created += await this.raise(item.eventId, { type: ACTION_ITEM_DUE_TOMORROW, actorId: null, actionItemId: item.id, ownerId: item.ownerId, day: item.day });
    }
    return created;
  }

  /** One reminder in its own transaction (see raiseReminder). */
  private raise(eventId: string, event: DomainEvent): Promise<number> {
    return raiseReminder(this.dataSource, this.expander, this.live, eventId, event);
  }
}
