import { Module } from '@nestjs/common';
import { WorkingGroupsModule } from '@app/working-groups';
import { ActionItemsResolver } from './action-items/action-items.resolver';
import { ActionItemsService } from './action-items/action-items.service';
import { AgendaResolver } from './agenda/agenda.resolver';
import { AgendaService } from './agenda/agenda.service';
import { InvitationsResolver } from './invitations/invitations.resolver';
import { InvitationsService } from './invitations/invitations.service';
import { MeetingEvents } from './meeting-events';
import { MeetingPolicy } from './meeting.policy';
import { MeetingsResolver, WorkingGroupMeetingsResolver, WorkingGroupViewerCanMeetingsResolver } from './meetings.resolver';
import { MeetingsService } from './meetings.service';

@Module({
  imports: [WorkingGroupsModule],
  providers: [
    MeetingEvents,
    MeetingPolicy,
    MeetingsService,
    AgendaService,
    InvitationsService,
    ActionItemsService,
    MeetingsResolver,
    WorkingGroupMeetingsResolver,
    WorkingGroupViewerCanMeetingsResolver,
    AgendaResolver,
    InvitationsResolver,
    ActionItemsResolver,
  ],
  exports: [MeetingsService, AgendaService, InvitationsService, ActionItemsService, MeetingPolicy, MeetingEvents],
})
export class MeetingsModule {}
