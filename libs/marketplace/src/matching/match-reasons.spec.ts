import { Certification } from '../marketplace.enums';
import { matchReasons, percent } from './match-reasons';

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

describe(percent.name, () => {
  it('rounds to whole percent, but never a partial share to 100% or a small one to 0%', () => {
    expect(percent(0.754)).toBe('75%');
    expect(percent(0.999)).toBe('99%');
    expect(percent(0.001)).toBe('1%');
    expect(percent(1)).toBe('100%');
    expect(percent(0)).toBe('0%');
  });
});
