import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@app/core';
import { BallotKind, BallotState } from './ballots.enums';

/** The ballot's own fields; its group, proposal, priorities, recusals, result and votes are resolved fields. */
@ObjectType({ description: 'One organisation, one vote: an APPROVAL motion or a RANKING of priorities.' })
export class Ballot {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  motion: string;

  @Field(() => BallotKind)
  kind: BallotKind;

  @Field(() => BallotState)
  state: BallotState;

  @Field(() => Date, { nullable: true })
  opensAt: Date | null;

  @Field()
  closesAt: Date;

  @Field(() => Int, { description: 'Share of eligible organisations that must vote (ABSTAIN counts) for the result to stand, 1..100' })
  quorumPercent: number;

  @Field(() => Int, { description: 'YES must exceed this share of YES + NO, 1..99 (50: simple majority)' })
  majorityPercent: number;

  @Field({ description: 'Secret ballots show only tallies, never which organisation voted how' })
  secret: boolean;

  @Field({ description: 'When true and the ballot closes, a proposal UNDER_REVIEW moves to APPROVED or REJECTED by the result' })
  decidesProposal: boolean;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class BallotResult {
  @Field()
  quorumReached: boolean;

  @Field(() => Int)
  yes: number;

  @Field(() => Int)
  no: number;

  @Field(() => Int)
  abstain: number;

  @Field()
  passed: boolean;
}

@ObjectType('RankedPriority')
export class RankedPriority {
  @Field(() => Int)
  points: number;

  @Field(() => Int)
  position: number;
}

@ObjectType()
export class BallotConnection extends Paginated(Ballot) {}

@ObjectType({
  description:
    "What the viewer may do with a ballot now, by the rules the mutations apply (the viewer's seat, their organisation's " +
    'place in the electorate, the state and closesAt). True means the mutation would not be refused for who the viewer is ' +
    'or the state the ballot is in; opening may still find the proposal no longer UNDER_REVIEW or nobody eligible.',
})
export class BallotViewerCan {
  @Field({ description: "changeBallotState to OPEN: the group's chairs, co-chairs, secretaries and admins (alliance-wide: admins), a DRAFT before closesAt." })
  open: boolean;

  @Field({ description: 'changeBallotState to CLOSED: the managers, an OPEN ballot at closesAt or once every eligible organisation voted.' })
  close: boolean;

  @Field({ description: 'changeBallotState to CANCELLED (with a note): the managers, while DRAFT or OPEN.' })
  cancel: boolean;

  @Field({ description: "castVote: a seated non-observer of an eligible organisation, while OPEN before closesAt (again: replaces the organisation's vote)." })
  vote: boolean;
}
