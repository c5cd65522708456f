import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvents } from '@app/core';
import { BallotEntity } from './ballot.entity';

/** The domain events of ballots (docs/ballots.md); the audit log stores them as `BALLOT_<TYPE>`. */
export const BALLOT_EVENTS = {
  CREATED: 'ballot.created',
  STATE_CHANGED: 'ballot.state_changed',
  VOTE_CAST: 'ballot.vote_cast',
  /** Raised once per ballot by the close pass, 24 hours before closesAt. */
  CLOSING_SOON: 'ballot.closing_soon',
} as const;

type BallotEventType = (typeof BALLOT_EVENTS)[keyof typeof BALLOT_EVENTS];

/**
 * Publishes a ballot's change in the caller's transaction, with the ballot's id, group and kind, the actor
 * (null: the platform) and `details`. A SECRET ballot's vote event never carries the choice or ranking:
 * callers pass none, and this refuses them as a last guard.
 */
@Injectable()
export class BallotEvents {
  constructor(private readonly events: DomainEvents) {}

  async publish(em: EntityManager, type: BallotEventType, ballot: Pick<BallotEntity, 'id' | 'workingGroupId' | 'secret'>, actorId: string | null, details: Record<string, unknown> = {}): Promise<void> {
    if (ballot.secret && ('choice' in details || 'ranking' in details)) throw new Error('A secret ballot publishes no choice or ranking');
    await this.events.publish(em, { type, actorId, ballotId: ballot.id, workingGroupId: ballot.workingGroupId, secret: ballot.secret, ...details });
  }
}
