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

  /**
   * `along`, a write the event belongs with (the proposal's own INSERT), runs in the same statement as
   * a data-modifying CTE: one round trip. Foreign keys are checked at the end of the statement, so
   * the trail may reference a proposal inserted by `along`.
   */
  async record(em: EntityManager, entry: ProposalHistoryEntry, along?: SqlWrite): Promise<void> {
    const before = along?.params ?? [];
    const values = [randomUUID(), entry.proposal.id, entry.actorId, entry.type, entry.fromState ?? null, entry.toState ?? null, entry.note ?? null, new Date()];
    const placeholders = values.map((_, i) => `$${before.length + i + 1}`).join(', ');
    const insert = `INSERT INTO proposal_events (id, proposal_id, actor_id, type, from_state, to_state, note, at) VALUES (${placeholders})`;
    await em.query(along ? `WITH along AS (${along.sql}) ${insert}` : insert, [...before, ...values]);
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
