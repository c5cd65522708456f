import { ConflictError, InvalidInputError } from '@app/core';
import { Confidentiality } from '@app/proposals';
import { asSet, CAPABILITY_TRANSITIONS, checkConfidentiality, checkQuantity, checkStatusMove, checkWindow, differs, NEED_TRANSITIONS } from './listing-rules';
import { CapabilityStatus, NeedStatus, ResourceUnit } from './marketplace.enums';

const fieldOf = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return (error as InvalidInputError).field;
  }
  return undefined;
};

describe('listing rules', () => {
  it('wants a quantity and a unit together, or neither', () => {
    expect(fieldOf(() => checkQuantity({ quantity: 5, unit: null }))).toBe('unit');
    expect(fieldOf(() => checkQuantity({ quantity: null, unit: ResourceUnit.GPU_HOURS }))).toBe('quantity');
    expect(() => checkQuantity({ quantity: 5, unit: ResourceUnit.GPU_HOURS })).not.toThrow();
    expect(() => checkQuantity({ quantity: null, unit: null })).not.toThrow();
  });

  it('refuses a window that ends before it starts, blaming its end; an instant is a window', () => {
    const at = new Date('2026-03-01T00:00:00Z');
    expect(fieldOf(() => checkWindow(at, new Date('2026-02-01T00:00:00Z'), 'neededUntil', 'neededFrom'))).toBe('neededUntil');
    expect(() => checkWindow(at, at, 'neededUntil', 'neededFrom')).not.toThrow();
    expect(() => checkWindow(null, at, 'neededUntil', 'neededFrom')).not.toThrow();
  });

  it('refuses PARTIES, and wants a group exactly with WORKING_GROUP', () => {
    expect(fieldOf(() => checkConfidentiality({ confidentiality: Confidentiality.PARTIES, workingGroupId: null }))).toBe('confidentiality');
    expect(fieldOf(() => checkConfidentiality({ confidentiality: Confidentiality.WORKING_GROUP, workingGroupId: null }))).toBe('workingGroupId');
    expect(fieldOf(() => checkConfidentiality({ confidentiality: Confidentiality.MEMBERS, workingGroupId: 'g' }))).toBe('workingGroupId');
    expect(() => checkConfidentiality({ confidentiality: Confidentiality.WORKING_GROUP, workingGroupId: 'g' })).not.toThrow();
  });

  it('moves a capability ACTIVE <-> PAUSED and anything to RETIRED, never out of RETIRED', () => {
    const move = (from: CapabilityStatus, to: CapabilityStatus, other = false) => () => checkStatusMove(CAPABILITY_TRANSITIONS, from, to, other, 'capability');
    expect(move(CapabilityStatus.ACTIVE, CapabilityStatus.PAUSED)).not.toThrow();
    expect(move(CapabilityStatus.PAUSED, CapabilityStatus.ACTIVE)).not.toThrow();
    expect(move(CapabilityStatus.PAUSED, CapabilityStatus.RETIRED)).not.toThrow();
    expect(move(CapabilityStatus.RETIRED, CapabilityStatus.ACTIVE)).toThrow(ConflictError);
    expect(move(CapabilityStatus.RETIRED, CapabilityStatus.RETIRED)).not.toThrow();
    expect(move(CapabilityStatus.RETIRED, CapabilityStatus.RETIRED, true)).toThrow(/can no longer be changed/);
  });

  it('moves a need from OPEN only', () => {
    const move = (from: NeedStatus, to: NeedStatus) => () => checkStatusMove(NEED_TRANSITIONS, from, to, false, 'need');
    expect(move(NeedStatus.OPEN, NeedStatus.FULFILLED)).not.toThrow();
    expect(move(NeedStatus.OPEN, NeedStatus.CLOSED)).not.toThrow();
    expect(move(NeedStatus.CLOSED, NeedStatus.OPEN)).toThrow(/cannot move from CLOSED to OPEN/);
    expect(move(NeedStatus.FULFILLED, NeedStatus.CLOSED)).toThrow(ConflictError);
  });

  it('compares dates by instant and lists as stored (sets, sorted)', () => {
    expect(differs(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00.000Z'))).toBe(false);
    expect(differs(null, new Date())).toBe(true);
    expect(differs(asSet(['b', 'a', 'b']), ['a', 'b'])).toBe(false);
    expect(differs(['a'], ['a', 'b'])).toBe(true);
  });
});
