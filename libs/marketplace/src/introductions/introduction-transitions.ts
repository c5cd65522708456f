import { IntroductionState } from '../marketplace.enums';

/** The contract's moves: only a REQUESTED introduction changes, and every other state is final. */
export const INTRODUCTION_TRANSITIONS: Readonly<Record<IntroductionState, readonly IntroductionState[]>> = {
  [IntroductionState.REQUESTED]: [IntroductionState.ACCEPTED, IntroductionState.DECLINED, IntroductionState.WITHDRAWN],
  [IntroductionState.ACCEPTED]: [],
  [IntroductionState.DECLINED]: [],
  [IntroductionState.WITHDRAWN]: [],
};

/** Which side makes a move: the provider answers (ACCEPTED, DECLINED), the need's owner withdraws. */
export type IntroductionSide = 'PROVIDER' | 'OWNER';

export function sideOfMove(to: IntroductionState): IntroductionSide {
  return to === IntroductionState.WITHDRAWN ? 'OWNER' : 'PROVIDER';
}

export function isLegalMove(from: IntroductionState, to: IntroductionState): boolean {
  return INTRODUCTION_TRANSITIONS[from].includes(to);
}
