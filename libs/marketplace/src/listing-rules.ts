import { ConflictError, InvalidInputError } from '@app/core';
import { Confidentiality } from '@app/proposals';
import { CapabilityStatus, Certification, NeedStatus, ResourceUnit } from './marketplace.enums';

/**
 * The rules capabilities and needs share, as pure functions over the values a listing would have after a
 * change (the service merges an update into the stored row first, so create and update check alike).
 * Each throws a coded error naming the offending input field.
 */
export interface ListingShape {
  quantity: number | null;
  unit: ResourceUnit | null;
  confidentiality: Confidentiality;
  workingGroupId: string | null;
}

/** A quantity needs a unit and a unit a quantity: a number alone cannot be compared with anything. */
export function checkQuantity(listing: Pick<ListingShape, 'quantity' | 'unit'>): void {
  if (listing.quantity !== null && listing.unit === null) {
    throw new InvalidInputError('unit', 'A quantity needs a unit', 'UNIT_REQUIRED');
  }
  if (listing.quantity === null && listing.unit !== null) {
    throw new InvalidInputError('quantity', 'A unit needs a quantity', 'QUANTITY_REQUIRED');
  }
}

/** `from` not after `until` where both are given; `untilField` names the input field blamed. */
export function checkWindow(from: Date | null, until: Date | null, untilField: string, fromField: string): void {
  if (from !== null && until !== null && from.getTime() > until.getTime()) {
    throw new InvalidInputError(untilField, `${untilField} must not be before ${fromField}`, 'WINDOW_REVERSED');
  }
}

/** PUBLIC, MEMBERS or WORKING_GROUP; a working group exactly with WORKING_GROUP. */
export function checkConfidentiality(listing: Pick<ListingShape, 'confidentiality' | 'workingGroupId'>): void {
  if (listing.confidentiality === Confidentiality.PARTIES) {
    throw new InvalidInputError('confidentiality', 'Capabilities and needs have no parties: use PUBLIC, MEMBERS or WORKING_GROUP', 'CONFIDENTIALITY_NOT_ALLOWED');
  }
  if (listing.confidentiality === Confidentiality.WORKING_GROUP && listing.workingGroupId === null) {
    throw new InvalidInputError('workingGroupId', 'WORKING_GROUP confidentiality needs a workingGroupId', 'WORKING_GROUP_REQUIRED');
  }
  if (listing.confidentiality !== Confidentiality.WORKING_GROUP && listing.workingGroupId !== null) {
    throw new InvalidInputError('workingGroupId', 'A workingGroupId goes only with WORKING_GROUP confidentiality', 'WORKING_GROUP_NOT_ALLOWED');
  }
}

/** Without repeats, in a stable order, so equal sets compare equal. */
export function asSet<T extends string>(values: readonly T[] | null | undefined): T[] {
  return [...new Set(values ?? [])].sort();
}

export function normalizeCertifications(values: readonly Certification[] | null | undefined): Certification[] {
  return asSet(values);
}

/** Moves a capability's status may make: ACTIVE <-> PAUSED, any -> RETIRED; RETIRED is final. */
export const CAPABILITY_TRANSITIONS: Readonly<Record<CapabilityStatus, readonly CapabilityStatus[]>> = {
  [CapabilityStatus.ACTIVE]: [CapabilityStatus.PAUSED, CapabilityStatus.RETIRED],
  [CapabilityStatus.PAUSED]: [CapabilityStatus.ACTIVE, CapabilityStatus.RETIRED],
  [CapabilityStatus.RETIRED]: [],
};

/** Moves a need's status may make: OPEN -> FULFILLED | CLOSED, both final. */
export const NEED_TRANSITIONS: Readonly<Record<NeedStatus, readonly NeedStatus[]>> = {
  [NeedStatus.OPEN]: [NeedStatus.FULFILLED, NeedStatus.CLOSED],
  [NeedStatus.FULFILLED]: [],
  [NeedStatus.CLOSED]: [],
};

/** A status move the table allows (staying where it is is no move: an update to the same status changes nothing). */
export function isStatusMove<S extends string>(transitions: Readonly<Record<S, readonly S[]>>, from: S, to: S): boolean {
  return from !== to && transitions[from].includes(to);
}

/** A listing in a final status (no move out of it) no longer changes at all. */
export function isEditableStatus<S extends string>(transitions: Readonly<Record<S, readonly S[]>>, status: S): boolean {
  return transitions[status].length > 0;
}

/**
 * A status change from `from` to `to` (no change when equal), and whether the listing may change at all:
 * a final status (no move out of it) freezes the listing, so editing a retired capability or a closed need
 * is CONFLICT too.
 */
export function checkStatusMove<S extends string>(transitions: Readonly<Record<S, readonly S[]>>, from: S, to: S, otherChanges: boolean, what: string): void {
  if (from !== to && !isStatusMove(transitions, from, to)) {
    throw new ConflictError('ILLEGAL_TRANSITION', `A ${what} cannot move from ${from} to ${to}`, 'status');
  }
  if (!isEditableStatus(transitions, from) && otherChanges) {
    throw new ConflictError('NOT_EDITABLE', `A ${from} ${what} can no longer be changed`);
  }
}

/** Whether two field values differ (dates by instant, lists as sets: both are stored normalised). */
export function differs(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return !(a instanceof Date && b instanceof Date && a.getTime() === b.getTime());
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length !== b.length || a.some((v, i) => v !== b[i]);
  return a !== b;
}
