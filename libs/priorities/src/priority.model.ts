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

@ObjectType({
  description:
    'What the viewer may do with a priority now, by the rules the mutations apply (the viewer\'s seat in its group, or any ' +
    'seat for an alliance-wide one; the priority\'s status). True means the mutation would not be refused for who the viewer ' +
    'is or the state the priority is in; it may still refuse the input. Creating and reordering are per scope: ' +
    '`WorkingGroup.viewerCan.managePriorities`, `alliancePrioritiesViewerCan`.',
})
export class PriorityViewerCan {
  @Field({ description: "updatePriority (edit, adopt, archive): alliance-wide, admins; a group's, its chairs, co-chairs, secretaries and admins." })
  edit: boolean;

  @Field({ description: "endorsePriority: admins; the group's participants other than observers (any group's for an alliance-wide priority); not when ARCHIVED." })
  endorse: boolean;

  @Field({ description: 'withdrawPriorityEndorsement: the same people, in any status (idempotent: true also when nothing is endorsed).' })
  withdrawEndorsement: boolean;
}

@ObjectType({ description: 'What the viewer may do with the alliance-wide priorities, by the rules the mutations apply.' })
export class AlliancePrioritiesViewerCan {
  @Field({ description: 'createPriority without workingGroupId, updatePriority of an alliance-wide priority, reorderPriorities without workingGroupId: admins.' })
  managePriorities: boolean;
}
