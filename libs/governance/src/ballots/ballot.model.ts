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
