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
