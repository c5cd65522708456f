import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@app/core';
import { ApplicationState, MembershipStatus, ParticipantRole, WorkingGroupStatus } from './working-group.enums';

@ObjectType({ description: 'One of the alliance\'s working groups.' })
export class WorkingGroup {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field()
  mission: string;

  @Field(() => WorkingGroupStatus)
  status: WorkingGroupStatus;

  @Field()
  createdAt: Date;
}

@ObjectType({ description: "An organisation's membership of a working group." })
export class WorkingGroupMembership {
  @Field(() => ID)
  id: string;

  @Field(() => MembershipStatus)
  status: MembershipStatus;

  @Field()
  since: Date;
}

@ObjectType({ description: "A person's seat in a working group; the person's organisation must be an active member." })
export class WorkingGroupParticipant {
  @Field(() => ID)
  id: string;

  @Field(() => ParticipantRole)
  role: ParticipantRole;

  @Field()
  since: Date;
}

@ObjectType({ description: "An organisation's application to join a working group (the selective application process)." })
export class MembershipApplication {
  @Field(() => ID)
  id: string;

  @Field()
  motivation: string;

  @Field(() => String, { nullable: true })
  contribution: string | null;

  @Field(() => ApplicationState)
  state: ApplicationState;

  @Field(() => String, { nullable: true })
  decisionReason: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class WorkingGroupMembershipConnection extends Paginated(WorkingGroupMembership) {}

@ObjectType()
export class WorkingGroupParticipantConnection extends Paginated(WorkingGroupParticipant) {}

@ObjectType()
export class MembershipApplicationConnection extends Paginated(MembershipApplication) {}

@ObjectType({
  description:
    "What the viewer may do with a working group now, by the rules the mutations apply (the viewer's seat, their " +
    "organisation's membership and applications, the group's status). True means the mutation would not be refused for " +
    'who the viewer is or the state the group is in; it may still refuse the input.',
})
export class WorkingGroupViewerCan {
  @Field({ description: "updateWorkingGroup: the group's chairs, co-chairs, secretaries and admins." })
  edit: boolean;

  @Field({ description: 'setParticipantRole, removeParticipant, endMembership: the same people.' })
  manageSeats: boolean;

  @Field({ description: 'WorkingGroup.applications and changeApplicationState (other than WITHDRAWN): the same people.' })
  reviewApplications: boolean;

  @Field({ description: "submitApplication for the viewer's organisation: not yet a member, no application open, the group not CLOSED." })
  apply: boolean;
}
