import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { SqlWrite } from '../database/sql';
import { Sql } from '../database/sql-fragment';

/**
 * Something that happened in the domain and may concern people: `proposal.submitted`,
 * `meeting.scheduled`… Each lib defines its own typed events; consumers (notifications, live
 * updates) look at `type` and load what else they need.
 */
export interface DomainEvent {
  type: string;
  /** Who caused it; null for the system. The actor is never notified of their own action. */
  actorId: string | null;
  [key: string]: unknown;
}

/** Runs inside the change's transaction with its EntityManager: what it writes commits or rolls back with the change. */
export type TransactionalHandler = (event: DomainEvent, em: EntityManager) => Promise<void>;
/** Runs after the change has committed (never for a rolled-back change). Must not throw. */
export type CommittedHandler = (events: DomainEvent[]) => void;
/**
 * Turns an event into a write that commits with the change (the outbox row), or null for none. Its
 * parameters are numbered after `offset`; with `gate`, the name of a CTE, it writes once per row of that
 * CTE (none if the change wrote nothing). A writer is SQL, not code, so the write can join the change's
 * own statement: a one-statement change then needs no transaction (see `embed`).
 */
export type EventWriter = (event: DomainEvent, offset: number, gate?: string) => SqlWrite | null;

const PENDING = 'domainEvents';

/**
 * The seam between the domain and its consumers. Domain services `publish(em, event)` inside their
 * transaction; the domain libs never import the consumers. Transactional handlers record follow-up
 * work atomically with the change (the notification outbox); committed handlers see only what
 * actually committed (live updates), via TypeORM's transaction subscriber on the same QueryRunner.
 */
@Injectable()
export class DomainEvents implements OnModuleInit, EntitySubscriberInterface {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly transactional: { handler: TransactionalHandler; accepts: (type: string) => boolean }[] = [];
  private readonly writers: EventWriter[] = [];
  private readonly committed: CommittedHandler[] = [];

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  /**
   * Runs `handler` in the transaction of every published event whose type `accepts` (default: all).
   * Returns a function that unsubscribes.
   */
  onEvent(handler: TransactionalHandler, accepts: (type: string) => boolean = () => true): () => void {
    const entry = { handler, accepts };
    this.transactional.push(entry);
    return () => remove(this.transactional, entry);
  }

  /** Adds `writer`'s write to every published event. Returns a function that unsubscribes. */
  onEventWrite(writer: EventWriter): () => void {
    this.writers.push(writer);
    return () => remove(this.writers, writer);
  }

  onCommitted(handler: CommittedHandler): () => void {
    this.committed.push(handler);
    return () => remove(this.committed, handler);
  }

  async publish(em: EntityManager, event: DomainEvent): Promise<void> {
    for (const { handler, accepts } of this.transactional) {
      if (accepts(event.type)) await handler(event, em);
    }
    const write = this.writesOf(event);
    if (write) await em.query(write.sql, write.params);
    this.announceOnCommit(em, event);
  }

  /** Announces `event` once `db`'s transaction commits, or now when `db` is in none (its statement has committed). */
  private announceOnCommit(db: DataSource | EntityManager, event: DomainEvent): void {
    // A DataSource has no queryRunner of its own: its statements commit as they run.
    const runner = (db as Partial<EntityManager>).queryRunner;
    if (runner?.isTransactionActive) {
      const pending: DomainEvent[] = (runner.data[PENDING] ??= []);
      pending.push(event);
    } else {
      this.emitCommitted([event]);
    }
  }

  /**
   * The writes of `event` as one statement, or null for none: a single write as it is, several as CTEs of
   * one statement (`WITH event_write_1 AS (…), … SELECT 1`), so that another consumer's write (the audit
   * log's) costs no extra round trip.
   */
  private writesOf(event: DomainEvent): SqlWrite | null {
    const writes: SqlWrite[] = [];
    let offset = 0;
    for (const writer of this.writers) {
      const write = writer(event, offset);
      if (!write) continue;
      writes.push(write);
      offset += write.params.length;
    }
    if (writes.length <= 1) return writes[0] ?? null;
    return {
      sql: `WITH ${writes.map((w, i) => `event_write_${i + 1} AS (${w.sql})`).join(',\n')}\nSELECT 1`,
      params: writes.flatMap((w) => w.params),
    };
  }

  /**
   * The writes of `event` as CTEs (`<name>_1 AS (…), <name>_2 AS (…)`, or '' for none) to add to the
   * change's own statement, their parameters numbered after `offset`, each gated on the CTE `gate`. Several
   * events in one statement need a `name` each. Once that statement has run, call `announceEmbedded`. Code
   * handlers cannot join a statement: an event type that one accepts must be published with `publish` in a
   * transaction.
   */
  embed(event: DomainEvent, offset: number, gate: string, name = 'event_write'): SqlWrite {
    if (this.transactional.some(({ accepts }) => accepts(event.type))) {
      throw new Error(`${event.type} has transactional handlers: publish it in a transaction`);
    }
    const ctes: string[] = [];
    const params: unknown[] = [];
    for (const writer of this.writers) {
      const write = writer(event, offset + params.length, gate);
      if (!write) continue;
      ctes.push(`${name}_${ctes.length + 1} AS (${write.sql})`);
      params.push(...write.params);
    }
    return { sql: ctes.join(',\n'), params };
  }

  /**
   * Runs `write`, a data-modifying statement with `RETURNING`, with `event`'s writes in the same statement
   * (once per row it returns: none if it wrote nothing), then announces the event — when `db`'s transaction
   * commits if it is an EntityManager in one. A one-row change and its audit entry, outbox row… in one statement.
   */
  async writeWith(db: DataSource | EntityManager, write: Sql, event: DomainEvent): Promise<void> {
    const writes = this.embed(event, write.values.length, 'written');
    await db.query(`WITH written AS (${write.text()})${writes.sql ? `,\n${writes.sql}` : ''}\nSELECT 1`, [...write.values, ...writes.params]);
    this.announceOnCommit(db, event);
  }

  /** Announces events whose writes were embedded (`embed`) in a statement that has now committed. */
  announceEmbedded(events: DomainEvent[]): void {
    this.emitCommitted(events);
  }

  afterTransactionCommit(commit: TransactionCommitEvent): void {
    const pending: DomainEvent[] | undefined = commit.queryRunner.data[PENDING];
    if (!pending?.length) return;
    delete commit.queryRunner.data[PENDING];
    this.emitCommitted(pending);
  }

  afterTransactionRollback(rollback: TransactionRollbackEvent): void {
    delete rollback.queryRunner.data[PENDING];
  }

  private emitCommitted(events: DomainEvent[]): void {
    for (const handler of this.committed) {
      try {
        handler(events);
      } catch (error) {
        this.logger.error(`A committed-event handler failed: ${(error as Error).message}`);
      }
    }
  }
}

function remove<T>(list: T[], item: T): void {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}
