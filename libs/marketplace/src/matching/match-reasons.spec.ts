import { Certification } from '../marketplace.enums';
import { MatchReasonCode, matchReasonDetails, matchReasons, percent } from './match-reasons';

const capability = { quantity: 40_000, unit: 'GPU_HOURS', location: 'DE', maxSensitivity: 'PERSONAL_DATA', certifications: [Certification.TISAX_AL3, Certification.ISO_27001] };
const need = {
  quantity: 50_000,
  unit: 'GPU_HOURS',
  neededFrom: new Date('2026-03-01T00:00:00Z'),
  neededUntil: new Date('2026-07-01T00:00:00Z'),
  sensitivity: 'CONFIDENTIAL',
  allowedLocations: [],
  requiredCertifications: [Certification.TISAX_AL2, Certification.ISO_27001],
};

describe(matchReasons.name, () => {
  it('names coverage, window, sensitivity, location and certifications, one line each', () => {
    expect(matchReasons(capability, need, 0.8, 92 / 122)).toEqual([
      'covers 80% of 50,000 GPU_HOURS',
      'available for 75% of the needed window',
      "handles PERSONAL_DATA data; the need's data is CONFIDENTIAL",
      'runs in DE, in the EU/EEA (the need names no locations)',
      'holds the required certifications: TISAX_AL2 (through TISAX_AL3), ISO_27001',
    ]);
  });

  it('says why a quantity or window could not be compared, and leaves out certifications nobody asked for', () => {
    const open = { ...need, quantity: null, unit: null, neededUntil: null, allowedLocations: ['DE', 'US'], requiredCertifications: [] };
    expect(matchReasons(capability, open, 1, 1)).toEqual([
      'the need names no quantity, so any quantity covers it',
      'the need gives no complete window, so any availability fits',
      "handles PERSONAL_DATA data; the need's data is CONFIDENTIAL",
      'runs in DE, an allowed location',
    ]);
    expect(matchReasons({ ...capability, quantity: 12.5, unit: 'NODE_HOURS' }, need, 0.5, 1)[0]).toBe(
      'offers 12.5 NODE_HOURS, not comparable with the 50,000 GPU_HOURS needed (counted as 50%)',
    );
  });
});

describe(matchReasonDetails.name, () => {
  it('gives each reason its code and the values its sentence names, and the sentence as text', () => {
    const open = { ...need, quantity: null, unit: null, neededUntil: null, allowedLocations: ['DE', 'US'], requiredCertifications: [] };
    expect(matchReasonDetails(capability, open, 1, 1).map((r) => [r.code, r.location])).toEqual([
      [MatchReasonCode.ANY_QUANTITY, null],
      [MatchReasonCode.ANY_WINDOW, null],
      [MatchReasonCode.SENSITIVITY, null],
      [MatchReasonCode.ALLOWED_LOCATION, 'DE'],
    ]);
    const [coverage, window] = matchReasonDetails(capability, need, 0.999, 0.001);
    expect(coverage).toMatchObject({ code: MatchReasonCode.COVERS, percent: 99, needQuantity: 50_000, needUnit: 'GPU_HOURS', text: 'covers 99% of 50,000 GPU_HOURS' });
    expect(window).toMatchObject({ code: MatchReasonCode.WINDOW, percent: 1, text: 'available for 1% of the needed window' });
    expect(matchReasonDetails({ ...capability, quantity: 12.5, unit: 'NODE_HOURS' }, need, 0.5, 1)[0]).toMatchObject({
      code: MatchReasonCode.UNIT_NOT_COMPARABLE,
      offeredQuantity: 12.5,
      offeredUnit: 'NODE_HOURS',
      needQuantity: 50_000,
      needUnit: 'GPU_HOURS',
    });
    expect(matchReasonDetails(capability, need, 0.8, 0.5)[4].certifications).toEqual([
      { required: Certification.TISAX_AL2, through: Certification.TISAX_AL3 },
      { required: Certification.ISO_27001, through: null },
    ]);
  });
});

describe(percent.name, () => {
  it('rounds to whole percent, but never a partial share to 100% or a small one to 0%', () => {
    expect(percent(0.754)).toBe('75%');
    expect(percent(0.999)).toBe('99%');
    expect(percent(0.001)).toBe('1%');
    expect(percent(1)).toBe('100%');
    expect(percent(0)).toBe('0%');
  });
});
