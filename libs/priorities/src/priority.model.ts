import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PriorityStatus } from './priority.enums';

@ObjectType({ description: 'A strategic priority; alliance-wide when workingGroup is null (set by the steering committee).' })
export class Priority {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => Int, { description: '1 is the most important; ranks within one scope are 1..n without gaps.' })
  rank: number;

  @Field(() => PriorityStatus)
  status: PriorityStatus;

  @Field()
  createdAt: Date;
}
