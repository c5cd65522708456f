import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, querySql, QueueService, rawSql, selectColumns, Sql, sql } from '@app/core';
import { BallotEntity } from './ballot.entity';
import { BallotEvents, BALLOT_EVENTS } from './ballot-events';
import { BallotLifecycleService } from './ballot-lifecycle.service';
import { BallotState } from './ballots.enums';

export const QUEUE_BALLOT_CLOSE = 'ballot-close';
/** Every 5 minutes: a ballot closes, and its reminder goes out, at most that long after its time. */
export const BALLOT_CLOSE_CRON = '*/5 * * * *';
/** How long before closesAt the organisations that have not voted are reminded. */
export const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;
/** Ballots handled per pass and kind; the next pass takes the rest. */
const PASS_LIMIT = 500;

export interface BallotCloseResult {
  /** Ballots closed. */
  closed: number;
  /** Ballots whose closing-soon reminder was raised. */
  reminded: number;
}

/**
 * The platform's part of a ballot's lifecycle. `run(asOf)` is one pass as if the clock said `asOf`: OPEN
 * ballots past closesAt are closed (counted, stored, a deciding ballot's proposal moved), and OPEN ballots
 * closing within 24 hours raise `ballot.closing_soon` once (naming the eligible organisations that have not
 * voted) — notifications tell their people. pg-boss runs it on a cron schedule on the workers (RUN_WORKER)
 * with the real time; tests and operators call it with the time they choose. Each ballot is handled in its own
 * transaction under its row lock, and the condition is read again under the lock, so overlapping passes and a
 * concurrent manual close neither close nor remind twice.
 */
@Injectable()
export class BallotClosePass implements OnModuleInit {
  private readonly logger = new Logger(BallotClosePass.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly lifecycle: BallotLifecycleService,
    private readonly events: BallotEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.runWorker) return;
    // `stately`: at most one pass queued and one running, however many workers the cron wakes.
    await this.queue.createQueue(QUEUE_BALLOT_CLOSE, { policy: 'stately', retryLimit: 2, retryDelay: 60, expireInSeconds: 5 * 60 });
    await this.queue.boss.schedule(QUEUE_BALLOT_CLOSE, BALLOT_CLOSE_CRON, {}, { tz: 'UTC' });
    await this.queue.boss.work(QUEUE_BALLOT_CLOSE, { pollingIntervalSeconds: 5 }, async () => {
      const result = await this.run(new Date());
      if (result.closed + result.reminded > 0) this.logger.log(`Ballots: ${result.closed} closed, ${result.reminded} reminded`);
    });
  }

  async run(asOf: Date = new Date()): Promise<BallotCloseResult> {
    const result: BallotCloseResult = { closed: 0, reminded: 0 };
    const due = await querySql<{ id: string }>(
      this.dataSource,
      sql`SELECT id FROM ballots WHERE state = ${BallotState.OPEN} AND closes_at <= ${asOf} ORDER BY closes_at, id LIMIT ${PASS_LIMIT}`,
    );
    for (const { id } of due) {
      const closed = await this.dataSource.transaction(async (em) => {
        const ballot = await this.lock(em, id, sql`b.closes_at <= ${asOf}`);
        return ballot ? this.lifecycle.close(em, ballot, null, asOf) : null;
      });
      if (closed) result.closed += 1;
    }
    const soon = new Date(asOf.getTime() + REMINDER_LEAD_MS);
    const closing = await querySql<{ id: string }>(
      this.dataSource,
      sql`SELECT id FROM ballots WHERE state = ${BallotState.OPEN} AND reminded_at IS NULL AND closes_at > ${asOf} AND closes_at <= ${soon}
          ORDER BY closes_at, id LIMIT ${PASS_LIMIT}`,
    );
    for (const { id } of closing) {
      const reminded = await this.dataSource.transaction(async (em) => {
        const ballot = await this.lock(em, id, sql`b.reminded_at IS NULL AND b.closes_at > ${asOf} AND b.closes_at <= ${soon}`);
        if (!ballot) return false;
        const waiting = await querySql<{ id: string }>(
          em,
          sql`SELECT e.organization_id AS id FROM ballot_electorate e WHERE e.ballot_id = ${id}::uuid AND NOT e.recused
              AND NOT EXISTS (SELECT 1 FROM ballot_votes v WHERE v.ballot_id = e.ballot_id AND v.organization_id = e.organization_id)
              ORDER BY e.organization_id`,
        );
        await em.getRepository(BallotEntity).update(id, { remindedAt: asOf });
        await this.events.publish(em, BALLOT_EVENTS.CLOSING_SOON, ballot, null, { organizationIds: waiting.map((o) => o.id), closesAt: ballot.closesAt.toISOString() });
        return true;
      });
      if (reminded) result.reminded += 1;
    }
    return result;
  }

  /** The ballot, OPEN and meeting `condition` (over `b`) under its row lock, or null. */
  private async lock(em: EntityManager, id: string, condition: Sql): Promise<BallotEntity | null> {
    const [ballot] = await querySql<BallotEntity>(
      em,
      sql`SELECT ${rawSql(selectColumns(this.dataSource, BallotEntity, 'b'))} FROM ballots b
          WHERE b.id = ${id}::uuid AND b.state = ${BallotState.OPEN} AND ${condition} FOR UPDATE OF b`,
    );
    return ballot ?? null;
  }
}
