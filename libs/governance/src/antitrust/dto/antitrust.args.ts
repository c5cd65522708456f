import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MultiLine, Trim } from '@app/core';
import { MAX_STATEMENT_LENGTH } from '../antitrust-statements';

@ArgsType()
export class MeetingIdArgs {
  @Field(() => ID)
  @IsString()
  meetingId: string;
}

@ArgsType()
export class SetAntitrustStatementArgs extends MeetingIdArgs {
  @Field(() => String, {
    nullable: true,
    description: `Replaces the alliance's default for this meeting (at most ${MAX_STATEMENT_LENGTH} characters); null restores the default.`,
  })
  @MultiLine()
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(MAX_STATEMENT_LENGTH, { message: `statement must be at most ${MAX_STATEMENT_LENGTH} characters` })
  statement?: string | null;
}
