import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "One item of a meeting's agenda." })
export class AgendaItem {
  @Field(() => ID, { description: 'New ids are given every time the agenda is set.' })
  id: string;

  @Field(() => Int, { description: '1-based order in the agenda.' })
  position: number;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => Int)
  durationMinutes: number;

  @Field({ description: 'Meeting start plus the durations of the items before this one.' })
  startsAt: Date;
}
