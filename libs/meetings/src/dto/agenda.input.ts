import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MultiLine, SingleLine, Trim } from '@app/core';

/** The most items one agenda may hold (an input size limit). */
export const MAX_AGENDA_ITEMS = 100;

@InputType()
export class AgendaItemInput {
  @Field()
  @SingleLine()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title: string;

  @Field(() => String, { nullable: true })
  @MultiLine()
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;

  @Field(() => Int, { description: 'From 1 to 1440 (a day).' })
  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(1, { message: 'durationMinutes must be at least 1' })
  @Max(24 * 60, { message: 'durationMinutes must be at most 1440' })
  durationMinutes: number;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'presenterId must be a person id' })
  presenterId?: string | null;

  @Field(() => ID, { nullable: true, description: "A proposal of the meeting's working group (any for a workshop) that you may read." })
  @IsOptional()
  @IsUUID('all', { message: 'proposalId must be a proposal id' })
  proposalId?: string | null;

  @Field(() => ID, { nullable: true, description: "A priority of the meeting's working group or an alliance-wide one (any for a workshop)." })
  @IsOptional()
  @IsUUID('all', { message: 'priorityId must be a priority id' })
  priorityId?: string | null;
}

@ArgsType()
export class SetAgendaArgs {
  @Field(() => ID)
  @IsString()
  meetingId: string;

  @Field(() => [AgendaItemInput], { description: `In order; at most ${MAX_AGENDA_ITEMS} items; empty clears the agenda.` })
  @IsArray()
  @ArrayMaxSize(MAX_AGENDA_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemInput)
  items: AgendaItemInput[];
}
