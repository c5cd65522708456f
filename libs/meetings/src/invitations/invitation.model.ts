import { Field, ObjectType } from '@nestjs/graphql';
import { RsvpStatus } from '../meeting.enums';

@ObjectType({ description: "A person's invitation to a meeting, their answer and whether they attended." })
export class Invitation {
  @Field(() => RsvpStatus)
  status: RsvpStatus;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Null until attendance is recorded; then true for those present and false for the other invitees.',
  })
  attended: boolean | null;

  @Field(() => Date, { nullable: true, description: 'When the invitee last answered.' })
  respondedAt: Date | null;

  @Field()
  invitedAt: Date;
}
