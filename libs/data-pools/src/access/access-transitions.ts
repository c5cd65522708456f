import { ConflictError } from '@app/core';
import { AccessRequestState } from '../data-pools.enums';

/** The steward's moves (contract 06); EXPIRED is the platform's. */
export const ACCESS_MOVES: Readonly<Record<AccessRequestState, readonly AccessRequestState[]>> = {
  [AccessRequestState.REQUESTED]: [AccessRequestState.APPROVED, AccessRequestState.REJECTED],
  [AccessRequestState.APPROVED]: [AccessRequestState.REVOKED],
  [AccessRequestState.REJECTED]: [],
  [AccessRequestState.REVOKED]: [],
  [AccessRequestState.EXPIRED]: [],
};

/** The decisions that must say why. */
export const NOTE_REQUIRED: readonly AccessRequestState[] = [AccessRequestState.REJECTED, AccessRequestState.REVOKED];

export function checkAccessMove(from: AccessRequestState, to: AccessRequestState): void {
  if (!ACCESS_MOVES[from].includes(to)) {
    throw new ConflictError('ILLEGAL_TRANSITION', `An access request moves from ${from} to ${ACCESS_MOVES[from].join(' or ') || 'nowhere'}, not to ${to}`, 'state');
  }
}
