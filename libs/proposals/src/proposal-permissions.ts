import { Viewer } from '@app/core';
import { ParticipantRole, roleManages } from '@app/working-groups';
import { AUTHOR_MOVES, EDITABLE_STATES, PROPOSAL_TRANSITIONS, SUPPORTABLE_STATES } from './proposal-transitions';
import { ProposalEntity } from './proposal.entity';
import { PartnerConsent, ProposalState } from './proposal.enums';

/**
 * The rules of the proposal mutations as pure predicates over a proposal's row and what is known about the
 * viewer: their seat role in the proposal's group and their organisation's partner answer. The services
 * call them before they write, and `CooperationProposal.viewerCan` combines them, so the buttons a client
 * offers cannot drift from what the mutations accept (decision 161).
 */
export type ProposalFacts = Pick<ProposalEntity, 'state' | 'leadConsent' | 'authorOrganizationId' | 'leadOrganizationId'>;

/** The viewer's standing towards one proposal, read per request in batches (`ProposalViewerFacts` loaders). */
export interface ViewerStanding {
  /** The viewer's seat role in the proposal's group; null without a seat. */
  role: ParticipantRole | null;
  /** The answer of the viewer's organisation as a partner; null when it was never invited. */
  partnerConsent: PartnerConsent | null;
}

/** States in which partners are no longer invited nor answer. */
export const CLOSED_STATES: readonly ProposalState[] = [ProposalState.REJECTED, ProposalState.COMPLETED, ProposalState.WITHDRAWN];

/** Admins, and participants of the group other than observers, take part (propose, support, comment…). */
export function roleTakesPart(viewer: Viewer, role: ParticipantRole | null): boolean {
  return viewer.role === 'ADMIN' || (role !== null && role !== ParticipantRole.OBSERVER);
}

/** The author's organisation owns a proposal: it edits, submits and withdraws it (admins too). */
export function isAuthorOrganization(viewer: Viewer, proposal: ProposalFacts): boolean {
  return viewer.role === 'ADMIN' || viewer.organizationId === proposal.authorOrganizationId;
}

/** The lead, the author's organisation and consenting partners: it is their own proposal, they do not support it. */
export function isOwnProposal(viewer: Viewer, proposal: ProposalFacts, partnerConsent: PartnerConsent | null): boolean {
  return (
    viewer.organizationId === proposal.leadOrganizationId ||
    viewer.organizationId === proposal.authorOrganizationId ||
    partnerConsent === PartnerConsent.CONSENTED
  );
}

/** The parties (lead, author's organisation, partners that did not decline) comment without a seat. */
export function isParty(viewer: Viewer, proposal: ProposalFacts, partnerConsent: PartnerConsent | null): boolean {
  return (
    viewer.organizationId === proposal.leadOrganizationId ||
    viewer.organizationId === proposal.authorOrganizationId ||
    (partnerConsent !== null && partnerConsent !== PartnerConsent.DECLINED)
  );
}

/** Whether the state machine allows the move at all (CONFLICT for everyone when not). */
export function isLegalMove(from: ProposalState, to: ProposalState): boolean {
  return PROPOSAL_TRANSITIONS[from].includes(to);
}

/** Who makes a legal move: the author's organisation its own moves, the group's managers the others. */
export function mayMakeMove(viewer: Viewer, proposal: ProposalFacts, to: ProposalState, role: ParticipantRole | null): boolean {
  return AUTHOR_MOVES.includes(to) ? isAuthorOrganization(viewer, proposal) : roleManages(viewer, role);
}

/** A proposal is submitted only once the organisation named as lead accepted to lead it. */
export function leadHasConsented(proposal: ProposalFacts): boolean {
  return proposal.leadConsent === PartnerConsent.CONSENTED;
}

/** The lead organisation (or an admin) invites partners, once it accepted to lead, while the proposal is open. */
export function mayInvitePartners(viewer: Viewer, proposal: ProposalFacts): boolean {
  return viewer.role === 'ADMIN' || viewer.organizationId === proposal.leadOrganizationId;
}

/** An organisation named as lead by another organisation's author answers that invitation. */
export function isAskedToLead(viewer: Viewer, proposal: ProposalFacts): boolean {
  return viewer.organizationId === proposal.leadOrganizationId && viewer.organizationId !== proposal.authorOrganizationId;
}

/** Every action a proposal's mutations offer, as the viewer may take them now. */
export interface ProposalActions {
  edit: boolean;
  submit: boolean;
  withdraw: boolean;
  startReview: boolean;
  approve: boolean;
  reject: boolean;
  startWork: boolean;
  complete: boolean;
  support: boolean;
  unsupport: boolean;
  comment: boolean;
  invitePartners: boolean;
  respondToPartnerInvitation: boolean;
  respondToLeadInvitation: boolean;
}

/** What `viewer` may do with `proposal` (which they read), by the same predicates as the mutations. */
export function proposalActions(viewer: Viewer, proposal: ProposalFacts, { role, partnerConsent }: ViewerStanding): ProposalActions {
  const move = (to: ProposalState) => isLegalMove(proposal.state, to) && mayMakeMove(viewer, proposal, to, role);
  const supportable = SUPPORTABLE_STATES.includes(proposal.state) && roleTakesPart(viewer, role);
  const open = !CLOSED_STATES.includes(proposal.state);
  return {
    edit: isAuthorOrganization(viewer, proposal) && EDITABLE_STATES.includes(proposal.state),
    submit: move(ProposalState.SUBMITTED) && leadHasConsented(proposal),
    withdraw: move(ProposalState.WITHDRAWN),
    startReview: move(ProposalState.UNDER_REVIEW),
    approve: move(ProposalState.APPROVED),
    reject: move(ProposalState.REJECTED),
    startWork: move(ProposalState.IN_PROGRESS),
    complete: move(ProposalState.COMPLETED),
    support: supportable && !isOwnProposal(viewer, proposal, partnerConsent),
    unsupport: supportable,
    comment: isParty(viewer, proposal, partnerConsent) || roleTakesPart(viewer, role),
    invitePartners: mayInvitePartners(viewer, proposal) && open && leadHasConsented(proposal),
    respondToPartnerInvitation: partnerConsent !== null && open,
    respondToLeadInvitation: isAskedToLead(viewer, proposal) && proposal.state === ProposalState.DRAFT,
  };
}
