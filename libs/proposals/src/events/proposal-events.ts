import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
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

/** Appends to a proposal's audit trail, in the caller's transaction. */
export async function appendEvent(
  em: EntityManager,
  event: { proposalId: string; actorId: string; type: ProposalEventType; fromState?: ProposalState; toState?: ProposalState; note?: string | null },
): Promise<void> {
  await em.getRepository(ProposalEventEntity).insert({
    id: randomUUID(),
    proposalId: event.proposalId,
    actorId: event.actorId,
    type: event.type,
    fromState: event.fromState ?? null,
    toState: event.toState ?? null,
    note: event.note ?? null,
    at: new Date(),
  });
}
