import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsInstant, SingleLine, Trim } from '@app/core';
import { ActionItemStatus } from '../meeting.enums';

@InputType()
export class ActionItemInput {
  @Field()
  @SingleLine()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(500)
  title: string;

  @Field(() => ID, { nullable: true, description: 'Who does it; any person.' })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a person id' })
  ownerId?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsInstant()
  dueDate?: Date | null;
}

@ArgsType()
export class SetActionItemStatusArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => ActionItemStatus)
  @IsEnum(ActionItemStatus)
  status: ActionItemStatus;
}

@ArgsType()
export class MyActionItemsArgs {
  @Field(() => ActionItemStatus, { nullable: true, description: 'All statuses when omitted.' })
  @IsOptional()
  @IsEnum(ActionItemStatus)
  status?: ActionItemStatus | null;
}
