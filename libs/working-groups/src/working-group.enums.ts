import { registerEnumType } from '@nestjs/graphql';

export enum WorkingGroupStatus {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  DORMANT = 'DORMANT',
  CLOSED = 'CLOSED',
}

export enum ParticipantRole {
  CHAIR = 'CHAIR',
  CO_CHAIR = 'CO_CHAIR',
  SECRETARY = 'SECRETARY',
  MEMBER = 'MEMBER',
  OBSERVER = 'OBSERVER',
}

export enum MembershipStatus {
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
}

export enum ApplicationState {
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

/** Roles that manage a group: its seats, its applications, its meetings. */
export const MANAGER_ROLES: readonly ParticipantRole[] = [ParticipantRole.CHAIR, ParticipantRole.CO_CHAIR, ParticipantRole.SECRETARY];

registerEnumType(WorkingGroupStatus, { name: 'WorkingGroupStatus' });
registerEnumType(ParticipantRole, {
  name: 'ParticipantRole',
  description: 'CHAIR, CO_CHAIR and SECRETARY manage the group; MEMBER takes part; OBSERVER reads.',
});
registerEnumType(MembershipStatus, { name: 'MembershipStatus' });
registerEnumType(ApplicationState, { name: 'ApplicationState' });
