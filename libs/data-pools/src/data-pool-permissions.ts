import { Viewer } from '@app/core';
import { roleTakesPart } from '@app/proposals';
import { ParticipantRole, roleManages } from '@app/working-groups';
import { DataPoolRole, DataPoolState, SignatureState } from './data-pools.enums';
import { DataPoolEntity } from './pools/data-pool.entity';
import { ENDED_STATES, POOL_MOVES } from './pools/pool-transitions';
import { DataPoolSignatoryEntity } from './signatories/signatory.entity';

/**
 * The rules of the data-pool mutations as pure predicates over a pool's row and an organisation's
 * invitation to it, shared by the services and `DataPool.viewerCan` (decision 161).
 */
export type PoolFacts = Pick<DataPoolEntity, 'state' | 'stewardOrganizationId' | 'termsVersion'>;
export type SignatoryFacts = Pick<DataPoolSignatoryEntity, 'role' | 'state' | 'termsVersion'>;

/**
 * Creating a pool in a group (its creator's organisation becomes the STEWARD): a seat other than OBSERVER
 * there, or admin — the rule of taking part in the group's proposals. `role`: the viewer's seat (null: none).
 */
export function mayCreatePool(viewer: Viewer, role: ParticipantRole | null): boolean {
  return roleTakesPart(viewer, role);
}

/** The steward's people and admins: terms, invitations, access decisions. */
export function isSteward(viewer: Viewer, pool: Pick<PoolFacts, 'stewardOrganizationId'>): boolean {
  return viewer.role === 'ADMIN' || viewer.organizationId === pool.stewardOrganizationId;
}

/** State changes: the steward's people, the group's chairs, co-chairs and secretaries, and admins. */
export function mayChangePoolState(viewer: Viewer, pool: Pick<PoolFacts, 'stewardOrganizationId'>, role: ParticipantRole | null): boolean {
  return isSteward(viewer, pool) || roleManages(viewer, role);
}

/** A CLOSED or EXPIRED pool no longer changes its terms, parties or catalogue. */
export function hasEnded(pool: Pick<PoolFacts, 'state'>): boolean {
  return ENDED_STATES.includes(pool.state);
}

/** The organisation signed the pool's current terms. */
export function signedCurrentTerms(signatory: SignatoryFacts | null, pool: Pick<PoolFacts, 'termsVersion'>): boolean {
  return signatory !== null && signatory.state === SignatureState.SIGNED && signatory.termsVersion === pool.termsVersion;
}

/** A CONTRIBUTOR (or the STEWARD) that signed the current terms registers datasets. */
export function contributes(signatory: SignatoryFacts | null, pool: Pick<PoolFacts, 'termsVersion'>): boolean {
  return signatory !== null && (signatory.role === DataPoolRole.CONTRIBUTOR || signatory.role === DataPoolRole.STEWARD) && signedCurrentTerms(signatory, pool);
}

/**
 * Removing a dataset from the catalogue (`removeDataset`): the contributor's people, the steward's people and
 * admins. `removeDataset` refuses others with FORBIDDEN and, separately, an ended pool with CONFLICT;
 * `Dataset.viewerCan.remove` asks both.
 */
export function mayRemoveDataset(viewer: Viewer, pool: Pick<PoolFacts, 'stewardOrganizationId'>, dataset: { contributorOrganizationId: string }): boolean {
  return isSteward(viewer, pool) || viewer.organizationId === dataset.contributorOrganizationId;
}

/** What the viewer may do with a pool they read, for their own organisation where an organisation acts. */
export interface DataPoolActions {
  editTerms: boolean;
  invite: boolean;
  openForSignature: boolean;
  activate: boolean;
  suspend: boolean;
  close: boolean;
  sign: boolean;
  withdraw: boolean;
  addDataset: boolean;
  requestAccess: boolean;
  decideAccessRequests: boolean;
}

export interface PoolStanding {
  /** The viewer's seat role in the pool's group. */
  role: ParticipantRole | null;
  /** The invitation of the viewer's organisation; null when it was never invited. */
  signatory: SignatoryFacts | null;
}

/** `missingSignatures` is asked for only when it decides (activation by someone who may change the state). */
export async function dataPoolActions(viewer: Viewer, pool: PoolFacts, { role, signatory }: PoolStanding, missingSignatures: () => Promise<number>): Promise<DataPoolActions> {
  const move = (to: DataPoolState) => POOL_MOVES[pool.state].includes(to) && mayChangePoolState(viewer, pool, role);
  const open = !hasEnded(pool);
  const invited = signatory !== null && signatory.state !== SignatureState.WITHDRAWN;
  return {
    editTerms: isSteward(viewer, pool) && open,
    invite: isSteward(viewer, pool) && open,
    openForSignature: move(DataPoolState.OPEN_FOR_SIGNATURE),
    activate: move(DataPoolState.ACTIVE) && (await missingSignatures()) === 0,
    suspend: move(DataPoolState.SUSPENDED),
    close: move(DataPoolState.CLOSED),
    sign: invited && open && pool.state !== DataPoolState.DRAFT,
    withdraw: invited && open && signatory.role !== DataPoolRole.STEWARD,
    addDataset: contributes(signatory, pool) && open,
    requestAccess: signedCurrentTerms(signatory, pool) && pool.state === DataPoolState.ACTIVE,
    decideAccessRequests: isSteward(viewer, pool),
  };
}
