import { ArgsType, Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ConnectionArgs, MultiLine, SingleLine, Trim } from '@app/core';
import { ApplicationState, ParticipantRole, WorkingGroupStatus } from '../working-group.enums';

@InputType()
export class CreateWorkingGroupInput {
  @Field({ description: 'URL name: lower-case letters, digits and dashes, e.g. software-defined-vehicles.' })
  @SingleLine()
  @Trim()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'slug must be lower-case letters, digits and single dashes' })
  @MaxLength(80)
  slug: string;

  @Field()
  @SingleLine()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @Field()
  @MultiLine()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'mission must not be empty' })
  @MaxLength(5000)
  mission: string;

  @Field(() => WorkingGroupStatus, { nullable: true, description: 'ACTIVE by default.' })
  @IsOptional()
  @IsEnum(WorkingGroupStatus)
  status?: WorkingGroupStatus | null;
}

@InputType()
export class UpdateWorkingGroupInput extends PartialType(OmitType(CreateWorkingGroupInput, ['slug'] as const)) {}

@ArgsType()
export class ParticipantsArgs extends ConnectionArgs {
  @Field(() => ParticipantRole, { nullable: true })
  @IsOptional()
  @IsEnum(ParticipantRole)
  role?: ParticipantRole | null;
}

@ArgsType()
export class ApplicationsArgs extends ConnectionArgs {
  @Field(() => ApplicationState, { nullable: true })
  @IsOptional()
  @IsEnum(ApplicationState)
  state?: ApplicationState | null;
}

@ArgsType()
export class WorkingGroupLookupArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  id?: string | null;

  @Field(() => String, { nullable: true })
  @SingleLine()
  @IsOptional()
  @IsString()
  @MaxLength(80)
  slug?: string | null;
}
