import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvent, DomainEvents, SqlWrite, newId } from '@app/core';
import { ProposalEntity } from '../proposal.entity';
import { ProposalState } from '../proposal.enums';

export type ProposalEventType =
  | 'CREATED'
  | 'UPDATED'
  | 'STATE_CHANGED'
  | 'PARTNER_INVITED'
  | 'PARTNER_RESPONDED'
  | 'SUPPORTED'
  | 'SUPPORT_WITHDRAWN'
  | 'COMMENTED';

export interface ProposalHistoryEntry {
  /** The group travels with the event (not stored in the trail): live updates filter by it without a query. */
  proposal: Pick<ProposalEntity, 'id' | 'workingGroupId'>;
  actorId: string;
  type: ProposalEventType;
  fromState?: ProposalState;
  toState?: ProposalState;
  note?: string | null;
  /** For consumers only (not stored in the trail): e.g. the partner organisation, the comment. */
  details?: Record<string, unknown>;
}

/**
 * Appends to a proposal's audit trail in the caller's transaction and publishes the same change as a
 * domain event (`PROPOSAL_<TYPE>`) for notifications and live updates.
 */
@Injectable()
export class ProposalHistory {
  constructor(private readonly events: DomainEvents) {}

  /** Appends `entry` to the trail and publishes it, in the caller's transaction. */
  async record(em: EntityManager, entry: ProposalHistoryEntry): Promise<void> {
    const trail = this.trailWrite(entry, 0);
    await em.query(trail.sql, trail.params);
    await this.events.publish(em, eventOf(entry));
  }

  /**
   * `entry`'s trail row and its event's outbox writes as CTEs for the change's own statement, their
   * parameters numbered after `offset`, written once per row of the CTE `gate` (none if it wrote nothing).
   * Once that statement has committed, call `announceEmbedded`.
   */
  embed(entry: ProposalHistoryEntry, offset: number, gate: string): SqlWrite {
    const trail = this.trailWrite(entry, offset, gate);
    const event = this.events.embed(eventOf(entry), offset + trail.params.length, gate);
    return { sql: [`trail AS (${trail.sql})`, event.sql].filter(Boolean).join(',\n'), params: [...trail.params, ...event.params] };
  }

  announceEmbedded(entry: ProposalHistoryEntry): void {
    this.events.announceEmbedded([eventOf(entry)]);
  }

  /** The trail's INSERT for `entry`; with `from`, the name of a CTE, one row per row of it. */
  private trailWrite(entry: ProposalHistoryEntry, offset: number, from?: string): SqlWrite {
    const values = [newId(), entry.proposal.id, entry.actorId, entry.type, entry.fromState ?? null, entry.toState ?? null, entry.note ?? null, new Date()];
    return { sql: trailSql(offset, from), params: values };
  }
}

const TRAIL_TYPES = ['uuid', 'uuid', 'uuid', 'text', 'text', 'text', 'text', 'timestamptz'];
const trailTexts = new Map<string, string>();

/** The trail's INSERT text, its parameters numbered after `offset`; the same few texts serve every change. */
function trailSql(offset: number, from: string | undefined): string {
  const key = `${offset} ${from ?? ''}`;
  let sql = trailTexts.get(key);
  if (sql === undefined) {
    const placeholders = TRAIL_TYPES.map((type, i) => `$${offset + i + 1}::${type}`).join(', ');
    const columns = 'INSERT INTO proposal_events (id, proposal_id, actor_id, type, from_state, to_state, note, at)';
    sql = from ? `${columns} SELECT ${placeholders} FROM ${from}` : `${columns} VALUES (${placeholders})`;
    if (trailTexts.size >= 256) trailTexts.clear();
    trailTexts.set(key, sql);
  }
  return sql;
}

/** `entry` as the domain event `PROPOSAL_<TYPE>` that notifications and live updates consume. */
function eventOf(entry: ProposalHistoryEntry): DomainEvent {
  return {
    type: `PROPOSAL_${entry.type}`,
    actorId: entry.actorId,
    proposalId: entry.proposal.id,
    workingGroupId: entry.proposal.workingGroupId,
    fromState: entry.fromState ?? null,
    toState: entry.toState ?? null,
    note: entry.note ?? null,
    ...entry.details,
  };
}
