import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ConnectionArgs, IsInstant, MultiLine, SingleLine, Trim } from '@app/core';
import { BallotKind, BallotState, VoteChoice } from '../ballots.enums';

/** A RANKING ballot ranks at most this many priorities (the field's `@MaxItems`). */
export const MAX_BALLOT_PRIORITIES = 50;

@InputType()
export class CreateBallotInput {
  @Field(() => ID, { nullable: true, description: "The group's chairs, co-chairs and secretaries (and admins); null: alliance-wide, admins only." })
  @IsOptional()
  @IsUUID('all', { message: 'workingGroupId must be a working group id' })
  workingGroupId?: string | null;

  @Field()
  @SingleLine()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title: string;

  @Field()
  @MultiLine()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'motion must not be empty' })
  @MaxLength(10_000)
  motion: string;

  @Field(() => BallotKind)
  @IsEnum(BallotKind)
  kind: BallotKind;

  @Field(() => Date, { description: 'In the future; the platform closes the ballot then.' })
  @IsInstant()
  closesAt: Date;

  @Field(() => Int, { nullable: true, description: '1..100; default 50.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  quorumPercent?: number | null;

  @Field(() => Int, { nullable: true, description: '1..99; default 50 (simple majority).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  majorityPercent?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Default false.' })
  @IsOptional()
  @IsBoolean()
  secret?: boolean | null;

  @Field(() => ID, { nullable: true, description: "A proposal of the ballot's group that the viewer may read; its parties are recused." })
  @IsOptional()
  @IsUUID('all', { message: 'proposalId must be a proposal id' })
  proposalId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'APPROVAL with a proposal UNDER_REVIEW only.' })
  @IsOptional()
  @IsBoolean()
  decidesProposal?: boolean | null;

  @Field(() => [ID], { nullable: true, description: `RANKING: 2 to ${MAX_BALLOT_PRIORITIES} distinct priorities of the group or alliance-wide ones; APPROVAL: none.` })
  @IsOptional()
  @ArrayMaxSize(MAX_BALLOT_PRIORITIES)
  @IsUUID('all', { each: true, message: 'priorityIds must be priority ids' })
  priorityIds?: string[] | null;
}

@ArgsType()
export class ChangeBallotStateArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => BallotState)
  @IsEnum(BallotState)
  state: BallotState;

  @Field(() => String, { nullable: true, description: 'Required to cancel.' })
  @MultiLine()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string | null;
}

@ArgsType()
export class CastVoteArgs {
  @Field(() => ID)
  @IsString()
  ballotId: string;

  @Field(() => ID, { description: "The viewer's own organisation." })
  @IsUUID('all', { message: 'organizationId must be an organisation id' })
  organizationId: string;

  @Field(() => VoteChoice, { nullable: true, description: 'APPROVAL only.' })
  @IsOptional()
  @IsEnum(VoteChoice)
  choice?: VoteChoice | null;

  @Field(() => [ID], { nullable: true, description: "RANKING only: some or all of the ballot's priorities, most preferred first." })
  @IsOptional()
  @ArrayMinSize(1, { message: 'ranking must name at least one priority' })
  @ArrayMaxSize(MAX_BALLOT_PRIORITIES)
  @IsUUID('all', { each: true, message: 'ranking must hold priority ids' })
  ranking?: string[] | null;
}

@ArgsType()
export class BallotsArgs extends ConnectionArgs {
  @Field(() => BallotState, { nullable: true })
  @IsOptional()
  @IsEnum(BallotState)
  state?: BallotState | null;
}
