import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

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
  private readonly transactional: TransactionalHandler[] = [];
  private readonly committed: CommittedHandler[] = [];

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  /** Returns a function that unsubscribes. */
  onEvent(handler: TransactionalHandler): () => void {
    this.transactional.push(handler);
    return () => remove(this.transactional, handler);
  }

  onCommitted(handler: CommittedHandler): () => void {
    this.committed.push(handler);
    return () => remove(this.committed, handler);
  }

  async publish(em: EntityManager, event: DomainEvent): Promise<void> {
    for (const handler of this.transactional) await handler(event, em);
    const runner = em.queryRunner;
    if (runner?.isTransactionActive) {
      const pending: DomainEvent[] = (runner.data[PENDING] ??= []);
      pending.push(event);
    } else {
      this.emitCommitted([event]);
    }
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
