import { PROPOSAL_TRANSITIONS } from './proposal-transitions';

describe('PROPOSAL_TRANSITIONS', () => {
  it('allows exactly the moves of the contract', () => {
    const moves = Object.entries(PROPOSAL_TRANSITIONS).flatMap(([from, tos]) => tos.map((to) => `${from}->${to}`));
    expect(moves.sort()).toEqual(
      [
        'DRAFT->SUBMITTED',
        'SUBMITTED->UNDER_REVIEW',
        'UNDER_REVIEW->APPROVED',
        'UNDER_REVIEW->REJECTED',
        'APPROVED->IN_PROGRESS',
        'IN_PROGRESS->COMPLETED',
        // any state but APPROVED, REJECTED, COMPLETED (and WITHDRAWN itself) -> WITHDRAWN
        'DRAFT->WITHDRAWN',
        'SUBMITTED->WITHDRAWN',
        'UNDER_REVIEW->WITHDRAWN',
        'IN_PROGRESS->WITHDRAWN',
      ].sort(),
    );
  });
});
