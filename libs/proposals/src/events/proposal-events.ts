import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvents } from '@app/core';
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

/** A data-modifying statement and its parameters ($1…$n). */
export interface SqlWrite {
  sql: string;
  params: unknown[];
}

/**
 * Appends to a proposal's audit trail in the caller's transaction and publishes the same change as a
 * domain event (`PROPOSAL_<TYPE>`) for notifications and live updates.
 */
@Injectable()
export class ProposalHistory {
  constructor(private readonly events: DomainEvents) {}

  /** Appends `entry` to the trail and publishes it. */
  async record(em: EntityManager, entry: ProposalHistoryEntry): Promise<void> {
    const trail = this.trailWrite(entry, 0);
    await em.query(trail.sql, trail.params);
    await this.announce(em, entry);
  }

  /**
   * The trail's INSERT for `entry`, its values numbered after `offset` other parameters, to run inside a
   * caller's statement. With `from`, the name of a CTE, one event is written per row of it: none if that
   * CTE wrote nothing.
   */
  trailWrite(entry: ProposalHistoryEntry, offset: number, from?: string): SqlWrite {
    const values = [randomUUID(), entry.proposal.id, entry.actorId, entry.type, entry.fromState ?? null, entry.toState ?? null, entry.note ?? null, new Date()];
    const types = ['uuid', 'uuid', 'uuid', 'text', 'text', 'text', 'text', 'timestamptz'];
    const placeholders = values.map((_, i) => `$${offset + i + 1}::${types[i]}`).join(', ');
    const columns = 'INSERT INTO proposal_events (id, proposal_id, actor_id, type, from_state, to_state, note, at)';
    return { sql: from ? `${columns} SELECT ${placeholders} FROM ${from}` : `${columns} VALUES (${placeholders})`, params: values };
  }

  /** Publishes `entry` as the domain event `PROPOSAL_<TYPE>` (its outbox job joins the caller's transaction). */
  async announce(em: EntityManager, entry: ProposalHistoryEntry): Promise<void> {
    await this.events.publish(em, {
      type: `PROPOSAL_${entry.type}`,
      actorId: entry.actorId,
      proposalId: entry.proposal.id,
      workingGroupId: entry.proposal.workingGroupId,
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      note: entry.note ?? null,
      ...entry.details,
    });
  }
}
