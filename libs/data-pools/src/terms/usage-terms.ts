import { createHash } from 'node:crypto';
import { EU_EEA } from '@app/marketplace';
import { UsagePurpose } from '../data-pools.enums';

/**
 * The usage terms of a pool in their stored form: purposes and locations are sets, kept sorted and
 * upper-case, so that equal terms have one form and one digest.
 */
export interface UsageTermsValue {
  purposes: UsagePurpose[];
  commercialUse: boolean;
  derivedModelsShareable: boolean;
  onwardTransfer: boolean;
  /** ISO 3166-1 alpha-2; empty means any EU/EEA country. */
  allowedLocations: string[];
  /** Null: until the pool closes. */
  retentionDays: number | null;
  attributionRequired: boolean;
  personalDataAllowed: boolean;
}

/** Where the terms let data be processed: the countries they name, or every EU/EEA country when they name none. */
export function processingLocations(terms: Pick<UsageTermsValue, 'allowedLocations'>): readonly string[] {
  return terms.allowedLocations.length > 0 ? terms.allowedLocations : EU_EEA;
}

/** Sorted, without repeats. */
function asSortedSet<T extends string>(values: readonly T[] | null | undefined): T[] {
  return [...new Set(values ?? [])].sort();
}

/** The stored form of terms as a client sent them: sets sorted and without repeats, no location means any EU/EEA country. */
export function normalizeTerms(input: Omit<UsageTermsValue, 'allowedLocations' | 'retentionDays'> & { allowedLocations?: string[] | null; retentionDays?: number | null }): UsageTermsValue {
  return {
    purposes: asSortedSet(input.purposes),
    commercialUse: input.commercialUse,
    derivedModelsShareable: input.derivedModelsShareable,
    onwardTransfer: input.onwardTransfer,
    allowedLocations: asSortedSet(input.allowedLocations?.map((code) => code.toUpperCase())),
    retentionDays: input.retentionDays ?? null,
    attributionRequired: input.attributionRequired,
    personalDataAllowed: input.personalDataAllowed,
  };
}

/**
 * JSON with every object's keys in code-point order and no whitespace (the key order of RFC 8785, JSON
 * Canonicalization Scheme; the terms hold only booleans, small integers, null, ASCII strings and arrays of
 * them, whose JSON.stringify form is already JCS's). Arrays keep their order: the stored form sorts the sets.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What a signature binds to: the SHA-256 (lower-case hex) of the terms' canonical JSON in UTF-8. */
export function termsDigest(terms: UsageTermsValue): string {
  return createHash('sha256').update(canonicalJson(normalizeTerms(terms)), 'utf8').digest('hex');
}
