import { ConflictError } from '@app/core';
import { BallotState } from './ballots.enums';

/** The moves `changeBallotState` makes (contract 07); the platform also closes OPEN ballots at closesAt. */
export const BALLOT_MOVES: Readonly<Record<BallotState, readonly BallotState[]>> = {
  [BallotState.DRAFT]: [BallotState.OPEN, BallotState.CANCELLED],
  [BallotState.OPEN]: [BallotState.CLOSED, BallotState.CANCELLED],
  [BallotState.CLOSED]: [],
  [BallotState.CANCELLED]: [],
};

export function checkBallotMove(from: BallotState, to: BallotState): void {
  if (!BALLOT_MOVES[from].includes(to)) {
    throw new ConflictError('ILLEGAL_TRANSITION', `A ballot moves from ${from} to ${BALLOT_MOVES[from].join(' or ') || 'nowhere'}, not to ${to}`, 'state');
  }
}
