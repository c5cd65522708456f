import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvents } from '@app/core';
import { ProposalState } from '../proposal.enums';
import { ProposalEventEntity } from './event.entity';

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
  proposalId: string;
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

  async record(em: EntityManager, entry: ProposalHistoryEntry): Promise<void> {
    await em.getRepository(ProposalEventEntity).insert({
      id: randomUUID(),
      proposalId: entry.proposalId,
      actorId: entry.actorId,
      type: entry.type,
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      note: entry.note ?? null,
      at: new Date(),
    });
    await this.events.publish(em, {
      type: `PROPOSAL_${entry.type}`,
      actorId: entry.actorId,
      proposalId: entry.proposalId,
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      note: entry.note ?? null,
      ...entry.details,
    });
  }
}
