import { Viewer } from '@app/core';
import { ParticipantRole, roleManages } from '@app/working-groups';
import { BallotEntity } from './ballot.entity';
import { BALLOT_MOVES } from './ballot-transitions';
import { BallotState } from './ballots.enums';

/**
 * The rules of the ballot mutations as pure predicates, shared by the services and `Ballot.viewerCan`
 * (decision 161).
 */
export type BallotFacts = Pick<BallotEntity, 'workingGroupId' | 'state' | 'closesAt' | 'eligibleCount'>;

/** A group's ballots are managed by its chairs, co-chairs, secretaries and admins; alliance-wide ones by admins. */
export function managesBallot(viewer: Viewer, ballot: Pick<BallotFacts, 'workingGroupId'>, role: ParticipantRole | null): boolean {
  return ballot.workingGroupId ? roleManages(viewer, role) : viewer.role === 'ADMIN';
}

/** An OPEN ballot takes votes until closesAt. */
export function takesVotes(ballot: Pick<BallotFacts, 'state' | 'closesAt'>, now = new Date()): boolean {
  return ballot.state === BallotState.OPEN && ballot.closesAt > now;
}

/** An OPEN ballot closes at closesAt, or before once every eligible organisation voted. */
export function closesNow(ballot: Pick<BallotFacts, 'closesAt' | 'eligibleCount'>, votesCast: number, now = new Date()): boolean {
  return now >= ballot.closesAt || votesCast >= (ballot.eligibleCount ?? 0);
}

/** The viewer's standing towards one ballot, read per request in batches. */
export interface BallotStanding {
  role: ParticipantRole | null;
  /** Their organisation is in the electorate and not recused. */
  eligible: boolean;
  /** They hold a seat other than OBSERVER in the ballot's group (alliance-wide: in any group). */
  seated: boolean;
}

export interface BallotActions {
  open: boolean;
  close: boolean;
  cancel: boolean;
  vote: boolean;
}

/** `votesCast` is asked for only when it decides (an OPEN ballot the viewer manages). */
export async function ballotActions(
  viewer: Viewer,
  ballot: BallotFacts,
  { role, eligible, seated }: BallotStanding,
  votesCast: () => Promise<number>,
  now = new Date(),
): Promise<BallotActions> {
  const manage = (to: BallotState) => BALLOT_MOVES[ballot.state].includes(to) && managesBallot(viewer, ballot, role);
  return {
    open: manage(BallotState.OPEN) && ballot.closesAt > now,
    close: manage(BallotState.CLOSED) && closesNow(ballot, await votesCast(), now),
    cancel: manage(BallotState.CANCELLED),
    vote: takesVotes(ballot, now) && eligible && seated,
  };
}
