import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvents, newId, sql, querySql } from '@app/core';
import { DataPoolEntity } from '../pools/data-pool.entity';

export type DataPoolEventType =
  | 'CREATED'
  | 'TERMS_CHANGED'
  | 'INVITED'
  | 'SIGNED'
  | 'WITHDRAWN'
  | 'STATE_CHANGED'
  | 'DATASET_ADDED'
  | 'DATASET_REMOVED'
  | 'ACCESS_REQUESTED'
  | 'ACCESS_DECIDED'
  | 'ACCESS_EXPIRED';

/** The domain event types the pools publish (`DATA_POOL_<type>`), for consumers that subscribe by type. */
export const DATA_POOL_EVENT_TYPES: ReadonlySet<string> = new Set(
  (
    ['CREATED', 'TERMS_CHANGED', 'INVITED', 'SIGNED', 'WITHDRAWN', 'STATE_CHANGED', 'DATASET_ADDED', 'DATASET_REMOVED', 'ACCESS_REQUESTED', 'ACCESS_DECIDED', 'ACCESS_EXPIRED'] satisfies DataPoolEventType[]
  ).map((type) => `DATA_POOL_${type}`),
);

export interface DataPoolHistoryEntry {
  /** The pool as it is after the change: its terms version is recorded. */
  pool: Pick<DataPoolEntity, 'id' | 'workingGroupId' | 'stewardOrganizationId' | 'termsVersion' | 'confidentiality'>;
  /** Null: the platform (expiry). */
  actorId: string | null;
  type: DataPoolEventType;
  /** The organisation it concerns (invited, signed, withdrew, contributed, asked for access). */
  organizationId?: string | null;
  /** The dataset or access request it concerns. */
  subjectId?: string | null;
  fromState?: string | null;
  toState?: string | null;
  note?: string | null;
  /** For consumers only, not stored: e.g. the role an organisation was invited in, the purpose asked for. */
  details?: Record<string, unknown>;
}

/**
 * Appends to a pool's history in the caller's transaction and publishes the same change as the domain event
 * `DATA_POOL_<TYPE>` (notifications, live updates). Every pool mutation goes through `record`; the table
 * itself refuses UPDATE and DELETE (migration 1796000000000).
 */
@Injectable()
export class DataPoolHistory {
  constructor(private readonly events: DomainEvents) {}

  async record(em: EntityManager, entry: DataPoolHistoryEntry): Promise<void> {
    await querySql(
      em,
      sql`INSERT INTO data_pool_events (id, pool_id, actor_id, type, terms_version, organization_id, subject_id, from_state, to_state, note, at)
          VALUES (${newId()}, ${entry.pool.id}, ${entry.actorId}, ${entry.type}, ${entry.pool.termsVersion}, ${entry.organizationId ?? null},
                  ${entry.subjectId ?? null}, ${entry.fromState ?? null}, ${entry.toState ?? null}, ${entry.note ?? null}, ${new Date()})`,
    );
    await this.events.publish(em, {
      type: `DATA_POOL_${entry.type}`,
      actorId: entry.actorId,
      poolId: entry.pool.id,
      workingGroupId: entry.pool.workingGroupId,
      stewardOrganizationId: entry.pool.stewardOrganizationId,
      confidentiality: entry.pool.confidentiality,
      termsVersion: entry.pool.termsVersion,
      organizationId: entry.organizationId ?? null,
      subjectId: entry.subjectId ?? null,
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      note: entry.note ?? null,
      ...entry.details,
    });
  }
}
