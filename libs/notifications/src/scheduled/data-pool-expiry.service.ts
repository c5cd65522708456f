import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, QueueService, querySql, sql } from '@app/core';
import { DIGEST_HOUR } from '../digests/digest-slot';
import { LivePublisher } from '../live/live-publisher.service';
import { NotificationExpander } from '../notification-expander.service';
import { DATA_POOL_EXPIRY_REMINDER, REMINDED_POOL_STATES } from './data-pool-expiry.rules';
import { reminderEventId } from './event-id';
import { raiseReminder, scheduleReminderPass } from './reminder-pass';

/** Its own queue, on the other reminders' schedule (every 15 minutes). */
export const QUEUE_DATA_POOL_REMINDERS = 'data-pool-reminders';
/** Days before `validUntil` that signatories are reminded, longest first. */
export const EXPIRY_LEADS = [30, 7] as const;

interface DueReminder {
  poolId: string;
  validUntil: Date;
  personId: string;
  lead: number;
}

/**
 * "The pool expires in 30 days", "… in 7 days": to the people of each signatory that has not withdrawn, at
 * 08:00 in their own time zone on the local day 30 (7) days before the local day of `validUntil` — with the
 * digests and the due-tomorrow reminders, at the start of the working day. The due instant is computed by
 * PostgreSQL from the local date and time in the person's zone, so it stays at 08:00 across daylight saving
 * changes. A reminder missed (no worker ran) goes out late, until the next one is due: a person gets the
 * shortest lead that is due, once. Each reminder is an event named by pool, lead and `validUntil`; the unique
 * (event, person) key makes every pass, on every worker, add each person once — and a validity moved later
 * is reminded again under its new end.
 */
@Injectable()
export class DataPoolExpiryReminders implements OnModuleInit {
  private readonly logger = new Logger(DataPoolExpiryReminders.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly expander: NotificationExpander,
    private readonly live: LivePublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.runWorker) return;
    await scheduleReminderPass(this.queue, QUEUE_DATA_POOL_REMINDERS, async () => {
      const created = await this.runPass(new Date());
      if (created > 0) this.logger.log(`Data pool expiry reminders: ${created} notifications`);
    });
  }

  /** Raises the reminders due as of `asOf`; returns the notifications created (tests and operators call it directly). */
  async runPass(asOf: Date = new Date()): Promise<number> {
    const due = await this.due(asOf);
    if (due.length === 0) return 0;
    const events = new Map<string, { poolId: string; validUntil: string; lead: number; personIds: string[] }>();
    for (const row of due) {
      const validUntil = new Date(row.validUntil).toISOString();
      const eventId = reminderEventId(`pool-expiry:${row.poolId}:${row.lead}:${validUntil}`);
      const event = events.get(eventId) ?? {
        poolId: row.poolId,
        validUntil,
        lead: row.lead,
        personIds: [],
      };
      event.personIds.push(row.personId);
      events.set(eventId, event);
    }
    const done = await querySql<{ eventId: string; personId: string }>(
      this.dataSource,
      sql`SELECT event_id AS "eventId", person_id AS "personId" FROM notifications WHERE event_id = ANY(${[...events.keys()]}::uuid[])`,
    );
    const told = new Set(done.map((d) => `${d.eventId}:${d.personId}`));
    let created = 0;
    for (const [eventId, event] of events) {
      const personIds = event.personIds.filter((id) => !told.has(`${eventId}:${id}`));
      if (personIds.length === 0) continue;
      created += await raiseReminder(this.dataSource, this.expander, this.live, eventId, {
        type: DATA_POOL_EXPIRY_REMINDER,
        actorId: null,
        ...event,
        personIds,
        asOf: asOf.toISOString(),
      });
    }
    return created;
  }

  /**
   * Per person of a signatory that has not withdrawn, of a running pool ending within the longest lead: the
   * shortest lead whose 08:00 local has come. A zone PostgreSQL does not know counts as UTC.
   */
  private due(asOf: Date): Promise<DueReminder[]> {
    const longest = Math.max(...EXPIRY_LEADS);
    return querySql<DueReminder>(
      this.dataSource,
      sql`WITH signatories AS (
            SELECT dp.id AS pool_id, dp.valid_until, p.id AS person_id,
                   CASE WHEN EXISTS (SELECT 1 FROM pg_timezone_names z WHERE z.name = p.timezone) THEN p.timezone ELSE 'UTC' END AS zone
            FROM data_pools dp
            JOIN data_pool_signatories s ON s.pool_id = dp.id AND s.state <> 'WITHDRAWN'
            JOIN people p ON p.organization_id = s.organization_id
            WHERE dp.state = ANY(${REMINDED_POOL_STATES}::text[]) AND dp.valid_until > ${asOf}::timestamptz
              AND dp.valid_until <= ${asOf}::timestamptz + make_interval(days => ${longest + 2}::int))
          SELECT DISTINCT ON (s.pool_id, s.person_id) s.pool_id AS "poolId", s.valid_until AS "validUntil", s.person_id AS "personId", l.lead
          FROM signatories s CROSS JOIN unnest(${[...EXPIRY_LEADS]}::int[]) AS l(lead)
          WHERE ((((s.valid_until AT TIME ZONE s.zone)::date - l.lead) + make_time(${DIGEST_HOUR}::int, 0, 0)) AT TIME ZONE s.zone) <= ${asOf}::timestamptz
          ORDER BY s.pool_id, s.person_id, l.lead`,
    );
  }
}
