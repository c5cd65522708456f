import { Viewer } from '@app/core';
import { CAPABILITY_TRANSITIONS, isEditableStatus, isStatusMove, NEED_TRANSITIONS } from './listing-rules';
import { CapabilityStatus, IntroductionState, NeedStatus } from './marketplace.enums';
import { IntroductionSide, isLegalMove, sideOfMove } from './introductions/introduction-transitions';

/**
 * The rules of the marketplace mutations as pure predicates, shared by the services and the `viewerCan`
 * fields of `Capability`, `ResourceNeed` and `Introduction` (decisions 161, 245).
 */

/** An organisation's people and admins speak for it: publish, edit, pause and retire its capabilities and needs. */
export function speaksFor(viewer: Viewer, organizationId: string): boolean {
  return viewer.role === 'ADMIN' || viewer.organizationId === organizationId;
}

export interface CapabilityFacts {
  organizationId: string;
  status: CapabilityStatus;
}

export interface CapabilityActions {
  edit: boolean;
  pause: boolean;
  resume: boolean;
  retire: boolean;
}

/** `updateCapability` by who speaks for its organisation: its fields while not RETIRED, its status by the table. */
export function capabilityActions(viewer: Viewer, capability: CapabilityFacts): CapabilityActions {
  const speaks = speaksFor(viewer, capability.organizationId);
  const move = (to: CapabilityStatus) => speaks && isStatusMove(CAPABILITY_TRANSITIONS, capability.status, to);
  return {
    edit: speaks && isEditableStatus(CAPABILITY_TRANSITIONS, capability.status),
    pause: move(CapabilityStatus.PAUSED),
    resume: move(CapabilityStatus.ACTIVE),
    retire: move(CapabilityStatus.RETIRED),
  };
}

/** A capability takes introductions while ACTIVE. */
export function takesIntroductions(capability: Pick<CapabilityFacts, 'status'>): boolean {
  return capability.status === CapabilityStatus.ACTIVE;
}

/** An organisation does not ask for an introduction to its own capability. */
export function isOwnCapability(capability: Pick<CapabilityFacts, 'organizationId'>, needOrganizationId: string): boolean {
  return capability.organizationId === needOrganizationId;
}

/**
 * Whether a need of the organisation `needOrganizationId` may ask for an introduction to the capability:
 * ACTIVE, another organisation's, and readable by the need's organisation (`organizationReads`).
 */
export function offersIntroductionTo(capability: CapabilityFacts, needOrganizationId: string, organizationReads: boolean): boolean {
  return takesIntroductions(capability) && !isOwnCapability(capability, needOrganizationId) && organizationReads;
}

export interface NeedFacts {
  organizationId: string;
  status: NeedStatus;
}

export interface NeedActions {
  edit: boolean;
  fulfill: boolean;
  close: boolean;
  requestIntroduction: boolean;
}

/** A need takes introductions while OPEN. */
export function asksForIntroductions(need: Pick<NeedFacts, 'status'>): boolean {
  return need.status === NeedStatus.OPEN;
}

/** `updateResourceNeed` and `requestIntroduction` (its need's side) by who speaks for its organisation. */
export function needActions(viewer: Viewer, need: NeedFacts): NeedActions {
  const speaks = speaksFor(viewer, need.organizationId);
  const move = (to: NeedStatus) => speaks && isStatusMove(NEED_TRANSITIONS, need.status, to);
  return {
    edit: speaks && isEditableStatus(NEED_TRANSITIONS, need.status),
    fulfill: move(NeedStatus.FULFILLED),
    close: move(NeedStatus.CLOSED),
    requestIntroduction: speaks && asksForIntroductions(need),
  };
}

export interface IntroductionFacts {
  state: IntroductionState;
  needOrganizationId: string;
  providerOrganizationId: string;
  proposalId: string | null;
}

/** The provider's people answer, the need's organisation's people withdraw; admins speak for either side. */
export function speaksForSide(viewer: Viewer, introduction: Pick<IntroductionFacts, 'needOrganizationId' | 'providerOrganizationId'>, side: IntroductionSide): boolean {
  return speaksFor(viewer, side === 'PROVIDER' ? introduction.providerOrganizationId : introduction.needOrganizationId);
}

/** `changeIntroductionState` to `to`: a legal move, by the side that makes it. */
export function movesIntroduction(viewer: Viewer, introduction: IntroductionFacts, to: IntroductionState): boolean {
  return isLegalMove(introduction.state, to) && speaksForSide(viewer, introduction, sideOfMove(to));
}

/**
 * A proposal is authored by and for an organisation: only the need's own people start one (admins of
 * another organisation would author it for theirs).
 */
export function startsProposalFor(viewer: Viewer, introduction: Pick<IntroductionFacts, 'needOrganizationId'>): boolean {
  return viewer.organizationId === introduction.needOrganizationId;
}

/** An ACCEPTED introduction from which no proposal was started yet. */
export function awaitsProposal(introduction: Pick<IntroductionFacts, 'state' | 'proposalId'>): boolean {
  return introduction.state === IntroductionState.ACCEPTED && introduction.proposalId === null;
}

export interface IntroductionActions {
  accept: boolean;
  decline: boolean;
  withdraw: boolean;
  startProposal: boolean;
}

export function introductionActions(viewer: Viewer, introduction: IntroductionFacts): IntroductionActions {
  return {
    accept: movesIntroduction(viewer, introduction, IntroductionState.ACCEPTED),
    decline: movesIntroduction(viewer, introduction, IntroductionState.DECLINED),
    withdraw: movesIntroduction(viewer, introduction, IntroductionState.WITHDRAWN),
    startProposal: startsProposalFor(viewer, introduction) && awaitsProposal(introduction),
  };
}
