import { ArgsType, Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsNotEmpty, IsOptional, IsString, IsUrl, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ConnectionArgs, IsInstant, MultiLine, SingleLine, Trim } from '@app/core';
import { IsTimeZone } from '@app/people';
import { MeetingFormat, MeetingStatus } from '../meeting.enums';

/** Minutes are Markdown of at most this many characters. */
export const MAX_MINUTES_LENGTH = 200_000;

@InputType()
export class ScheduleMeetingInput {
  @Field(() => ID, { nullable: true, description: 'Null for an alliance-wide workshop (admins only).' })
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

  @Field(() => String, { nullable: true, description: 'Plain text or Markdown, up to 10,000 characters.' })
  @MultiLine()
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;

  @Field(() => MeetingFormat, { description: 'IN_PERSON and HYBRID need a location; ONLINE and HYBRID an onlineUrl.' })
  @IsEnum(MeetingFormat)
  format: MeetingFormat;

  @Field(() => String, { nullable: true, description: 'Venue and address.' })
  @SingleLine()
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) URL.' })
  @SingleLine()
  @Trim()
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'onlineUrl must be an http(s) URL' })
  @MaxLength(2000)
  onlineUrl?: string | null;

  @Field({ description: 'UTC instant, e.g. 2026-02-05T08:00:00Z for 09:00 in Brussels in winter.' })
  @IsInstant()
  startsAt: Date;

  @Field({ description: 'UTC instant, after startsAt.' })
  @IsInstant()
  endsAt: Date;

  @Field({ description: 'IANA time zone the meeting is held in, e.g. Europe/Brussels' })
  @SingleLine()
  @IsTimeZone()
  timezone: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Invite every current participant of the working group (ignored for a workshop).',
  })
  @IsOptional()
  @IsBoolean()
  inviteParticipants?: boolean | null;
}

/**
 * Fields not given are kept; null clears description, location and onlineUrl. The working group never
 * changes. Any actual change bumps `sequence`.
 */
@InputType()
export class UpdateMeetingInput extends PartialType(OmitType(ScheduleMeetingInput, ['workingGroupId', 'inviteParticipants'] as const)) {}

@InputType()
export class MeetingFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'workingGroupId must be a working group id' })
  workingGroupId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Meetings that end after this instant.' })
  @IsOptional()
  @IsInstant()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Meetings that start before this instant.' })
  @IsOptional()
  @IsInstant()
  to?: Date | null;

  @Field(() => [MeetingStatus], { nullable: true, description: 'Any status when omitted or empty.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(MeetingStatus, { each: true })
  statuses?: MeetingStatus[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Latest start first (e.g. past meetings, the most recent first); earliest first when false or omitted. Pages continue in the same order.',
  })
  @IsOptional()
  @IsBoolean()
  latestFirst?: boolean | null;
}

@ArgsType()
export class MeetingsArgs extends ConnectionArgs {
  @Field(() => MeetingFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeetingFilter)
  filter?: MeetingFilter | null;
}

@ArgsType()
export class CancelMeetingArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => String, { nullable: true })
  @MultiLine()
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
}

@ArgsType()
export class RecordMinutesArgs {
  @Field(() => ID)
  @IsString()
  meetingId: string;

  @Field({ description: `Markdown, up to ${MAX_MINUTES_LENGTH.toLocaleString('en')} characters; an empty text clears the minutes.` })
  @MultiLine()
  @IsString()
  @MaxLength(MAX_MINUTES_LENGTH)
  minutes: string;
}
