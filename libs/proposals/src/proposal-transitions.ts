import { ProposalState } from './proposal.enums';

/** The proposal state machine (the contract's changeProposalState description). */
export const PROPOSAL_TRANSITIONS: Record<ProposalState, readonly ProposalState[]> = {
  [ProposalState.DRAFT]: [ProposalState.SUBMITTED, ProposalState.WITHDRAWN],
  [ProposalState.SUBMITTED]: [ProposalState.UNDER_REVIEW, ProposalState.WITHDRAWN],
  [ProposalState.UNDER_REVIEW]: [ProposalState.APPROVED, ProposalState.REJECTED, ProposalState.WITHDRAWN],
  [ProposalState.APPROVED]: [ProposalState.IN_PROGRESS],
  [ProposalState.IN_PROGRESS]: [ProposalState.COMPLETED, ProposalState.WITHDRAWN],
  [ProposalState.REJECTED]: [],
  [ProposalState.COMPLETED]: [],
  [ProposalState.WITHDRAWN]: [],
};

/** Moves made by the author's organisation; every other move is the group managers'. */
export const AUTHOR_MOVES: readonly ProposalState[] = [ProposalState.SUBMITTED, ProposalState.WITHDRAWN];

/** Only these states may be edited (by the author's organisation). */
export const EDITABLE_STATES: readonly ProposalState[] = [ProposalState.DRAFT, ProposalState.SUBMITTED];

/** Open proposals can be supported. */
export const SUPPORTABLE_STATES: readonly ProposalState[] = [
  ProposalState.SUBMITTED,
  ProposalState.UNDER_REVIEW,
  ProposalState.APPROVED,
  ProposalState.IN_PROGRESS,
];
