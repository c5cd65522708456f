import { ApplicationState } from '../working-group.enums';
import { APPLICATION_TRANSITIONS } from './applications.service';

describe('APPLICATION_TRANSITIONS', () => {
  it('follows the contract: SUBMITTED->UNDER_REVIEW|WITHDRAWN, UNDER_REVIEW->ACCEPTED|REJECTED|WITHDRAWN', () => {
    const moves = Object.entries(APPLICATION_TRANSITIONS).flatMap(([from, tos]) => tos.map((to) => `${from}->${to}`));
    expect(moves.sort()).toEqual(
      [
        'SUBMITTED->UNDER_REVIEW',
        'SUBMITTED->WITHDRAWN',
        'UNDER_REVIEW->ACCEPTED',
        'UNDER_REVIEW->REJECTED',
        'UNDER_REVIEW->WITHDRAWN',
      ].sort(),
    );
  });

  it('ends in ACCEPTED, REJECTED and WITHDRAWN', () => {
    for (const state of [ApplicationState.ACCEPTED, ApplicationState.REJECTED, ApplicationState.WITHDRAWN]) {
      expect(APPLICATION_TRANSITIONS[state]).toEqual([]);
    }
  });
});
