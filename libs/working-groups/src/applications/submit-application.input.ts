import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MultiLine, Trim } from '@app/core';
import { ApplicationState } from '../working-group.enums';

@InputType()
export class SubmitApplicationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'workingGroupId must be a working group id' })
  workingGroupId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'organizationId must be an organisation id' })
  organizationId: string;

  @Field({ description: 'Why the organisation wants to join.' })
  @MultiLine()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'motivation must not be empty' })
  @MaxLength(10000)
  motivation: string;

  @Field(() => String, { nullable: true, description: 'What it brings: data, compute, expertise…' })
  @MultiLine()
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  contribution?: string | null;
}

@ArgsType()
export class ChangeApplicationStateArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => ApplicationState)
  @IsEnum(ApplicationState)
  state: ApplicationState;

  @Field(() => String, { nullable: true, description: 'Required for REJECTED: the reason given to the applicant.' })
  @MultiLine()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string | null;
}
