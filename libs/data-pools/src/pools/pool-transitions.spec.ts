import { DataPoolState } from '../data-pools.enums';
import { checkPoolMove, POOL_MOVES } from './pool-transitions';

describe('pool moves', () => {
  it('allow what the contract lists and nothing else', () => {
    const allowed = Object.entries(POOL_MOVES).flatMap(([from, tos]) => tos.map((to) => `${from}->${to}`));
    expect(allowed.sort()).toEqual(
      [
        'DRAFT->OPEN_FOR_SIGNATURE',
        'DRAFT->CLOSED',
        'OPEN_FOR_SIGNATURE->ACTIVE',
        'OPEN_FOR_SIGNATURE->CLOSED',
        'ACTIVE->SUSPENDED',
        'ACTIVE->CLOSED',
        'SUSPENDED->ACTIVE',
        'SUSPENDED->CLOSED',
        'EXPIRED->CLOSED',
      ].sort(),
    );
  });

  it('never lets a client set EXPIRED nor leave CLOSED', () => {
    for (const from of Object.values(DataPoolState)) expect(() => checkPoolMove(from, DataPoolState.EXPIRED)).toThrow(/not to EXPIRED/);
    for (const to of Object.values(DataPoolState)) expect(() => checkPoolMove(DataPoolState.CLOSED, to)).toThrow(/nowhere/);
  });
});
