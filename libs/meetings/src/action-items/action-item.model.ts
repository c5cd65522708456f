import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ActionItemStatus } from '../meeting.enums';

@ObjectType({ description: 'A task agreed in a meeting.' })
export class ActionItem {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => Date, { nullable: true })
  dueDate: Date | null;

  @Field(() => ActionItemStatus)
  status: ActionItemStatus;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was last marked DONE; null while OPEN.' })
  doneAt: Date | null;
}
