import { Certification, DataSensitivity, ResourceUnit, SATISFIED_ALSO_BY } from '../marketplace.enums';

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

/** Which sentence a reason is (`CapabilityMatch.reasonDetails[].code`, decision 241). */
export enum MatchReasonCode {
  /** The need names no quantity. */
  ANY_QUANTITY = 'ANY_QUANTITY',
  /** `percent` of `needQuantity` `needUnit`. */
  COVERS = 'COVERS',
  /** The capability offers no quantity to compare with `needQuantity` `needUnit` (counted as 50%). */
  NO_QUANTITY_OFFERED = 'NO_QUANTITY_OFFERED',
  /** `offeredQuantity` `offeredUnit` is not comparable with `needQuantity` `needUnit` (counted as 50%). */
  UNIT_NOT_COMPARABLE = 'UNIT_NOT_COMPARABLE',
  /** Available for `percent` of the needed window. */
  WINDOW = 'WINDOW',
  /** The need gives no complete window. */
  ANY_WINDOW = 'ANY_WINDOW',
  /** Handles `offeredSensitivity` data; the need's is `neededSensitivity`. */
  SENSITIVITY = 'SENSITIVITY',
  /** Runs in `location`, one of the need's allowed countries. */
  ALLOWED_LOCATION = 'ALLOWED_LOCATION',
  /** Runs in `location`, in the EU/EEA; the need names no countries. */
  EU_EEA_LOCATION = 'EU_EEA_LOCATION',
  /** Holds each of `certifications` (some through a stronger one). */
  CERTIFICATIONS = 'CERTIFICATIONS',
}

/** A required certification and, when the capability holds a stronger one instead, which. */
export interface HeldCertification {
  required: Certification;
  through: Certification | null;
}

/** One reason as data: its code and the values its sentence names (the others null), and the sentence. */
export interface MatchReasonDetail {
  code: MatchReasonCode;
  text: string;
  percent: number | null;
  needQuantity: number | null;
  needUnit: ResourceUnit | null;
  offeredQuantity: number | null;
  offeredUnit: ResourceUnit | null;
  offeredSensitivity: DataSensitivity | null;
  neededSensitivity: DataSensitivity | null;
  location: string | null;
  certifications: HeldCertification[] | null;
}

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A share 0..1 as a whole percentage; never rounded up to 100 unless it is whole, nor down to 0 unless nil. */
export function wholePercent(share: number): number {
  const rounded = Math.round(share * 100);
  if (rounded === 100 && share < 1) return 99;
  if (rounded === 0 && share > 0) return 1;
  return rounded;
}

export function percent(share: number): string {
  return `${wholePercent(share)}%`;
}

type Values = Omit<MatchReasonDetail, 'code' | 'text'>;
const NONE: Values = {
  percent: null,
  needQuantity: null,
  needUnit: null,
  offeredQuantity: null,
  offeredUnit: null,
  offeredSensitivity: null,
  neededSensitivity: null,
  location: null,
  certifications: null,
};

/** The English sentence of a reason (`CapabilityMatch.reasons`, contract 05), from its code and values only. */
function sentence(code: MatchReasonCode, v: Values): string {
  const needed = () => `${NUMBER.format(v.needQuantity!)} ${v.needUnit}`;
  switch (code) {
    case MatchReasonCode.ANY_QUANTITY:
      return 'the need names no quantity, so any quantity covers it';
    case MatchReasonCode.COVERS:
      return `covers ${v.percent}% of ${needed()}`;
    case MatchReasonCode.NO_QUANTITY_OFFERED:
      return `offers no quantity to compare with the ${needed()} needed (counted as 50%)`;
    case MatchReasonCode.UNIT_NOT_COMPARABLE:
      return `offers ${NUMBER.format(v.offeredQuantity!)} ${v.offeredUnit}, not comparable with the ${needed()} needed (counted as 50%)`;
    case MatchReasonCode.WINDOW:
      return `available for ${v.percent}% of the needed window`;
    case MatchReasonCode.ANY_WINDOW:
      return 'the need gives no complete window, so any availability fits';
    case MatchReasonCode.SENSITIVITY:
      return `handles ${v.offeredSensitivity} data; the need's data is ${v.neededSensitivity}`;
    case MatchReasonCode.ALLOWED_LOCATION:
      return `runs in ${v.location}, an allowed location`;
    case MatchReasonCode.EU_EEA_LOCATION:
      return `runs in ${v.location}, in the EU/EEA (the need names no locations)`;
    case MatchReasonCode.CERTIFICATIONS:
      return `holds the required certifications: ${v.certifications!.map((c) => (c.through ? `${c.required} (through ${c.through})` : c.required)).join(', ')}`;
  }
}

function reason(code: MatchReasonCode, values: Partial<Values> = {}): MatchReasonDetail {
  const v = { ...NONE, ...values };
  return { code, text: sentence(code, v), ...v };
}

/**
 * Why a capability matches a need, one reason each, in a fixed order: coverage, window, sensitivity,
 * location, certifications (the last only when the need requires some). `coverage` and `overlap` are the
 * values the score was computed from (matching.query.ts), so the reasons and the score agree. Each carries
 * its code and values (for clients that word it themselves) and its English sentence.
 */
export function matchReasonDetails(capability: MatchedCapability, need: MatchedNeed, coverage: number, overlap: number): MatchReasonDetail[] {
  const reasons: MatchReasonDetail[] = [];
  const needUnit = need.unit as ResourceUnit | null;
  if (need.quantity === null) {
    reasons.push(reason(MatchReasonCode.ANY_QUANTITY));
  } else if (capability.quantity !== null && capability.unit === need.unit) {
    reasons.push(reason(MatchReasonCode.COVERS, { percent: wholePercent(coverage), needQuantity: need.quantity, needUnit }));
  } else if (capability.quantity === null) {
    reasons.push(reason(MatchReasonCode.NO_QUANTITY_OFFERED, { needQuantity: need.quantity, needUnit }));
  } else {
    reasons.push(
      reason(MatchReasonCode.UNIT_NOT_COMPARABLE, {
        needQuantity: need.quantity,
        needUnit,
        offeredQuantity: capability.quantity,
        offeredUnit: capability.unit as ResourceUnit | null,
      }),
    );
  }
  reasons.push(
    need.neededFrom !== null && need.neededUntil !== null
      ? reason(MatchReasonCode.WINDOW, { percent: wholePercent(overlap) })
      : reason(MatchReasonCode.ANY_WINDOW),
  );
  reasons.push(
    reason(MatchReasonCode.SENSITIVITY, {
      offeredSensitivity: capability.maxSensitivity as DataSensitivity,
      neededSensitivity: need.sensitivity as DataSensitivity,
    }),
  );
  reasons.push(reason(need.allowedLocations.length > 0 ? MatchReasonCode.ALLOWED_LOCATION : MatchReasonCode.EU_EEA_LOCATION, { location: capability.location }));
  if (need.requiredCertifications.length > 0) {
    const certifications = need.requiredCertifications.map((required) => {
      if (capability.certifications.includes(required)) return { required, through: null };
      const by = (SATISFIED_ALSO_BY[required] ?? []).find((c) => capability.certifications.includes(c));
      return { required, through: by ?? null };
    });
    reasons.push(reason(MatchReasonCode.CERTIFICATIONS, { certifications }));
  }
  return reasons;
}

/** The reasons' English sentences (`CapabilityMatch.reasons`). */
export function matchReasons(capability: MatchedCapability, need: MatchedNeed, coverage: number, overlap: number): string[] {
  return matchReasonDetails(capability, need, coverage, overlap).map((r) => r.text);
}
