import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MultiLine } from '@app/core';
import { IntroductionState } from '../marketplace.enums';

@ArgsType()
export class RequestIntroductionArgs {
  @Field(() => ID, { description: "An OPEN need of the viewer's organisation (admins: any)." })
  @IsString()
  needId: string;

  @Field(() => ID, { description: "An ACTIVE capability of another organisation that the need's organisation may read." })
  @IsString()
  capabilityId: string;

  @Field(() => String, {
    nullable: true,
    description: "To the provider's people, as written: for an anonymous need, leave out what would name the organisation.",
  })
  @MultiLine()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  message?: string | null;
}

@ArgsType()
export class ChangeIntroductionStateArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => IntroductionState)
  @IsEnum(IntroductionState)
  state: IntroductionState;

  @Field(() => String, { nullable: true, description: 'Why; kept as the answerNote, shown to both sides.' })
  @MultiLine()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string | null;
}

@ArgsType()
export class StartProposalFromIntroductionArgs {
  @Field(() => ID, { description: 'An ACCEPTED introduction on a need of the viewer’s organisation.' })
  @IsString()
  id: string;

  @Field(() => ID, { description: 'The group the proposal is drafted in: the viewer needs a seat there other than OBSERVER.' })
  @IsUUID('all', { message: 'workingGroupId must be a working group id' })
  workingGroupId: string;
}

@ArgsType()
export class MyIntroductionsArgs {
  @Field(() => IntroductionState, { nullable: true, description: 'Only those in this state.' })
  @IsOptional()
  @IsEnum(IntroductionState)
  state?: IntroductionState | null;
}
