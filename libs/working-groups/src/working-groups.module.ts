import { Module } from '@nestjs/common';
import { ApplicationsResolver } from './applications/applications.resolver';
import { ApplicationsService } from './applications/applications.service';
import { MembershipsResolver, OrganizationMembershipsResolver } from './memberships/memberships.resolver';
import { ParticipantsResolver, PersonParticipationsResolver } from './participants/participants.resolver';
import { SeatsService } from './participants/seats.service';
import { WorkingGroupPolicy } from './working-group.policy';
import { WorkingGroupsResolver } from './working-groups.resolver';
import { WorkingGroupsService } from './working-groups.service';

@Module({
  providers: [
    WorkingGroupPolicy,
    WorkingGroupsService,
    SeatsService,
    ApplicationsService,
    WorkingGroupsResolver,
    MembershipsResolver,
    OrganizationMembershipsResolver,
    ParticipantsResolver,
    PersonParticipationsResolver,
    ApplicationsResolver,
  ],
  exports: [WorkingGroupsService, WorkingGroupPolicy, SeatsService, ApplicationsService],
})
export class WorkingGroupsModule {}
