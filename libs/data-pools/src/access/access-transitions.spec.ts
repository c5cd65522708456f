import { AccessRequestState } from '../data-pools.enums';
import { ACCESS_MOVES, checkAccessMove } from './access-transitions';

describe('access request moves', () => {
  it('allow REQUESTED -> APPROVED | REJECTED and APPROVED -> REVOKED only', () => {
    const allowed = Object.entries(ACCESS_MOVES).flatMap(([from, tos]) => tos.map((to) => `${from}->${to}`));
    expect(allowed.sort()).toEqual(['APPROVED->REVOKED', 'REQUESTED->APPROVED', 'REQUESTED->REJECTED']);
  });

  it('leave EXPIRED to the platform', () => {
    for (const from of Object.values(AccessRequestState)) expect(() => checkAccessMove(from, AccessRequestState.EXPIRED)).toThrow(/not to EXPIRED/);
  });
});
