import { InvalidInputError } from '@app/core';
import { UsagePurpose } from '../data-pools.enums';
import { UsageTermsValue } from './usage-terms';

/** Rules the terms obey beyond their fields' own: commercial products need commercial use. */
export function checkTerms(terms: UsageTermsValue, field = 'terms'): void {
  if (terms.purposes.includes(UsagePurpose.COMMERCIAL_PRODUCT) && !terms.commercialUse) {
    throw new InvalidInputError(`${field}.purposes`, 'COMMERCIAL_PRODUCT is a purpose only when commercialUse is allowed', 'COMMERCIAL_USE_NOT_ALLOWED');
  }
}

/** A new or changed end of validity lies in the future and after the start. */
export function checkValidity(validFrom: Date | null, validUntil: Date | null, now: Date): void {
  if (validUntil === null) return;
  if (validUntil.getTime() <= now.getTime()) throw new InvalidInputError('validUntil', 'validUntil must be in the future', 'VALID_UNTIL_PAST');
  if (validFrom !== null && validUntil.getTime() <= validFrom.getTime()) {
    throw new InvalidInputError('validUntil', 'validUntil must be after validFrom', 'VALID_UNTIL_BEFORE_VALID_FROM');
  }
}

/** Whether two stored terms are the same (their stored forms are canonical). */
export function sameTerms(a: UsageTermsValue, b: UsageTermsValue): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}
