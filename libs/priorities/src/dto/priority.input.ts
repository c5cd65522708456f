import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MultiLine, SingleLine, Trim } from '@app/core';
import { PriorityStatus } from '../priority.enums';

@InputType()
export class CreatePriorityInput {
  @Field(() => ID, { nullable: true, description: 'Null for an alliance-wide priority (admins only).' })
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

  @Field({ description: 'Plain text or Markdown, up to 10,000 characters.' })
  @MultiLine()
  @Trim()
  @IsString()
  @MaxLength(10000)
  description: string;

  @Field(() => PriorityStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PriorityStatus)
  status?: PriorityStatus | null;
}

/** Fields not given are kept; the scope (working group) never changes. */
@InputType()
export class UpdatePriorityInput extends PartialType(OmitType(CreatePriorityInput, ['workingGroupId'] as const)) {}
