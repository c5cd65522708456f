import { Certification, SATISFIED_ALSO_BY } from '../marketplace.enums';

/** What the reasons of a match read of its capability. */
export interface MatchedCapability {
  quantity: number | null;
  unit: string | null;
  location: string;
  maxSensitivity: string;
  certifications: readonly Certification[];
}

/** What the reasons of a match read of its need. */
export interface MatchedNeed {
  quantity: number | null;
  unit: string | null;
  neededFrom: Date | null;
  neededUntil: Date | null;
  sensitivity: string;
  allowedLocations: readonly string[];
  requiredCertifications: readonly Certification[];
}

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A share 0..1 as a whole percentage; never rounded up to 100 unless it is whole, nor down to 0 unless nil. */
export function percent(share: number): string {
  const rounded = Math.round(share * 100);
  if (rounded === 100 && share < 1) return '99%';
  if (rounded === 0 && share > 0) return '1%';
  return `${rounded}%`;
}

/**
 * Why a capability matches a need, one line each, in a fixed order: coverage, window, sensitivity,
 * location, certifications (the last only when the need requires some). `coverage` and `overlap` are the
 * values the score was computed from (matching.query.ts), so the lines and the score agree.
 */
export function matchReasons(capability: MatchedCapability, need: MatchedNeed, coverage: number, overlap: number): string[] {
  const reasons: string[] = [];
  if (need.quantity === null) {
    reasons.push('the need names no quantity, so any quantity covers it');
  } else if (capability.quantity !== null && capability.unit === need.unit) {
    reasons.push(`covers ${percent(coverage)} of ${NUMBER.format(need.quantity)} ${need.unit}`);
  } else if (capability.quantity === null) {
    reasons.push(`offers no quantity to compare with the ${NUMBER.format(need.quantity)} ${need.unit} needed (counted as 50%)`);
  } else {
    reasons.push(`offers ${NUMBER.format(capability.quantity)} ${capability.unit}, not comparable with the ${NUMBER.format(need.quantity)} ${need.unit} needed (counted as 50%)`);
  }
  reasons.push(
    need.neededFrom !== null && need.neededUntil !== null
      ? `available for ${percent(overlap)} of the needed window`
      : 'the need gives no complete window, so any availability fits',
  );
  reasons.push(`handles ${capability.maxSensitivity} data; the need's data is ${need.sensitivity}`);
  reasons.push(
    need.allowedLocations.length > 0
      ? `runs in ${capability.location}, an allowed location`
      : `runs in ${capability.location}, in the EU/EEA (the need names no locations)`,
  );
  if (need.requiredCertifications.length > 0) {
    const held = need.requiredCertifications.map((required) => {
      if (capability.certifications.includes(required)) return required;
      const by = (SATISFIED_ALSO_BY[required] ?? []).find((c) => capability.certifications.includes(c));
      return by ? `${required} (through ${by})` : required;
    });
    reasons.push(`holds the required certifications: ${held.join(', ')}`);
  }
  return reasons;
}
