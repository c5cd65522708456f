import { IntroductionState } from '../marketplace.enums';
import { INTRODUCTION_TRANSITIONS, isLegalMove, sideOfMove } from './introduction-transitions';

const { REQUESTED, ACCEPTED, DECLINED, WITHDRAWN } = IntroductionState;

describe('introduction transitions', () => {
  it('moves a REQUESTED introduction to ACCEPTED, DECLINED or WITHDRAWN, and nothing else anywhere', () => {
    const legal = Object.values(IntroductionState).flatMap((from) =>
      Object.values(IntroductionState)
        .filter((to) => isLegalMove(from, to))
        .map((to) => `${from}->${to}`),
    );
    expect(legal).toEqual(['REQUESTED->ACCEPTED', 'REQUESTED->DECLINED', 'REQUESTED->WITHDRAWN']);
    expect(INTRODUCTION_TRANSITIONS[ACCEPTED]).toEqual([]);
  });

  it('lets the provider answer and the owner withdraw', () => {
    expect([ACCEPTED, DECLINED, WITHDRAWN].map(sideOfMove)).toEqual(['PROVIDER', 'PROVIDER', 'OWNER']);
    expect(isLegalMove(REQUESTED, REQUESTED)).toBe(false);
  });
});
