import { ConflictError } from '@app/core';
import { DataPoolState } from '../data-pools.enums';

/**
 * The moves `changeDataPoolState` makes (contract 06). EXPIRED is the platform's (at validUntil), so no
 * client moves there; CLOSED is final.
 */
export const POOL_MOVES: Readonly<Record<DataPoolState, readonly DataPoolState[]>> = {
  [DataPoolState.DRAFT]: [DataPoolState.OPEN_FOR_SIGNATURE, DataPoolState.CLOSED],
  [DataPoolState.OPEN_FOR_SIGNATURE]: [DataPoolState.ACTIVE, DataPoolState.CLOSED],
  [DataPoolState.ACTIVE]: [DataPoolState.SUSPENDED, DataPoolState.CLOSED],
  [DataPoolState.SUSPENDED]: [DataPoolState.ACTIVE, DataPoolState.CLOSED],
  [DataPoolState.EXPIRED]: [DataPoolState.CLOSED],
  [DataPoolState.CLOSED]: [],
};

/** The states in which a pool no longer changes its terms, parties or catalogue. */
export const ENDED_STATES: readonly DataPoolState[] = [DataPoolState.CLOSED, DataPoolState.EXPIRED];

export function checkPoolMove(from: DataPoolState, to: DataPoolState): void {
  if (!POOL_MOVES[from].includes(to)) {
    throw new ConflictError('ILLEGAL_TRANSITION', `A pool moves from ${from} to ${POOL_MOVES[from].join(' or ') || 'nowhere'}, not to ${to}`, 'state');
  }
}

/** CONFLICT when the pool has ended: nothing about it changes any more. */
export function assertNotEnded(state: DataPoolState, what: string): void {
  if (ENDED_STATES.includes(state)) throw new ConflictError('POOL_ENDED', `The pool is ${state}: nobody may ${what}`);
}
