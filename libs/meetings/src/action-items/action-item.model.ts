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

@ObjectType({
  description:
    "What the viewer may do with an action item now, by the rule setActionItemStatus applies (the viewer's seat in the meeting's " +
    'group, whether they own the item).',
})
export class ActionItemViewerCan {
  @Field({ description: "setActionItemStatus: the item's owner, and the meeting's organisers (the group's chairs, co-chairs, secretaries and admins; workshops: admins), also once the meeting is cancelled." })
  setStatus: boolean;
}
