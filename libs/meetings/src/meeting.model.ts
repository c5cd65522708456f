import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@app/core';
import { MeetingFormat, MeetingStatus } from './meeting.enums';

@ObjectType({ description: 'A working-group meeting, or an alliance-wide workshop when workingGroup is null.' })
export class Meeting {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => MeetingFormat)
  format: MeetingFormat;

  @Field(() => String, { nullable: true, description: 'Where it is held; set for IN_PERSON and HYBRID meetings.' })
  location: string | null;

  @Field(() => String, { nullable: true, description: 'The http(s) link to join; set for ONLINE and HYBRID meetings.' })
  onlineUrl: string | null;

  @Field({ description: 'UTC instant; render it in `timezone`.' })
  startsAt: Date;

  @Field({ description: 'UTC instant, after startsAt.' })
  endsAt: Date;

  @Field({ description: 'IANA time zone the meeting is held in, e.g. Europe/Brussels' })
  timezone: string;

  @Field(() => MeetingStatus)
  status: MeetingStatus;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled, when CANCELLED with a reason.' })
  cancelReason: string | null;

  @Field(() => String, { nullable: true, description: 'Markdown' })
  minutes: string | null;

  @Field(() => Int, {
    description:
      'Bumped on every change that attendees\' calendars must see (RFC 5545 SEQUENCE): any change made by updateMeeting, and cancelling.',
  })
  sequence: number;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class MeetingConnection extends Paginated(Meeting) {}

@ObjectType({
  description:
    "What the viewer may do with a meeting now, by the rules the mutations apply (the viewer's seat in the group, " +
    'their invitation, the meeting\'s status and time). True means the mutation would not be refused for who the ' +
    'viewer is or the state the meeting is in; it may still refuse the input.',
})
export class MeetingViewerCan {
  @Field({ description: "updateMeeting: the group's chairs, co-chairs, secretaries and admins (workshops: admins), unless cancelled." })
  edit: boolean;

  @Field({ description: 'cancelMeeting: the organisers, unless cancelled or held.' })
  cancel: boolean;

  @Field({ description: 'setAgenda: the organisers, unless cancelled.' })
  setAgenda: boolean;

  @Field({ description: 'invite: the organisers, unless cancelled.' })
  invite: boolean;

  @Field({ description: 'recordAttendance: the organisers, once the meeting has started, unless cancelled.' })
  recordAttendance: boolean;

  @Field({ description: 'recordMinutes: the organisers, unless cancelled.' })
  writeMinutes: boolean;

  @Field({ description: 'addActionItem: the organisers, unless cancelled.' })
  addActionItem: boolean;

  @Field({ description: 'respondToInvitation: the invitees, unless cancelled.' })
  rsvp: boolean;
}
