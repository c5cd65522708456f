import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsString, IsUUID } from 'class-validator';
import { RsvpStatus } from '../meeting.enums';

/** The most people one invite or attendance call may name (an input size limit). */
export const MAX_PEOPLE_PER_CALL = 1000;

/** `invite` and `recordAttendance`. */
@ArgsType()
export class MeetingPeopleArgs {
  @Field(() => ID)
  @IsString()
  meetingId: string;

  @Field(() => [ID])
  @IsArray()
  @ArrayMaxSize(MAX_PEOPLE_PER_CALL)
  @IsUUID('all', { each: true, message: 'personIds must hold person ids' })
  personIds: string[];
}

@ArgsType()
export class RespondToInvitationArgs {
  @Field(() => ID)
  @IsString()
  meetingId: string;

  @Field(() => RsvpStatus, { description: 'ACCEPTED, TENTATIVE or DECLINED.' })
  @IsEnum(RsvpStatus)
  status: RsvpStatus;
}
