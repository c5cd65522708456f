import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Context, CurrentViewer, GqlContext, MaxItems, pageArgs, Viewer } from '@app/core';
import { createWorkingGroupLoaders, isOpenGroup, WorkingGroup, WorkingGroupEntity, WorkingGroupViewerCan, WorkingGroupViewerCanSource } from '@app/working-groups';
import { ActionItem } from './action-items/action-item.model';
import { AgendaItem } from './agenda/agenda-item.model';
import { agendaOverrunMinutes, withStartTimes } from './agenda/agenda-times';
import { CancelMeetingArgs, MeetingsArgs, RecordMinutesArgs, ScheduleMeetingInput, UpdateMeetingInput } from './dto/meeting.input';
import { Invitation } from './invitations/invitation.model';
import { MeetingEntity } from './meeting.entity';
import { meetingActions, MeetingViewerCanSource, organises } from './meeting-permissions';
import { Meeting, MeetingConnection, MeetingViewerCan } from './meeting.model';
import { MAX_AGENDA_ITEMS } from './dto/agenda.input';
import { createMeetingLoaders, LISTED_ACTION_ITEMS, LISTED_INVITATIONS } from './meetings.loader';
import { MeetingsService } from './meetings.service';

@Resolver(() => Meeting)
export class MeetingsResolver {
  constructor(private readonly service: MeetingsService) {}

  @Query(() => MeetingConnection, { description: 'The meetings and workshops the viewer may read, by start time (earliest first).' })
  meetings(@CurrentViewer() viewer: Viewer, @Args() args: MeetingsArgs) {
    return this.service.list(viewer, args.filter, pageArgs(args));
  }

  @Query(() => Meeting, { nullable: true, description: 'Null when no meeting has this id or the viewer may not read it.' })
  meeting(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.service.findVisible(viewer, id);
  }

  @Mutation(() => Meeting, { description: "A group's meeting: its chairs, co-chairs, secretaries and admins. A workshop (no group): admins." })
  scheduleMeeting(@CurrentViewer() viewer: Viewer, @Args('input') input: ScheduleMeetingInput) {
    return this.service.schedule(viewer, input);
  }

  @Mutation(() => Meeting, { description: 'Same permissions as scheduleMeeting. Any actual change bumps sequence. Not when CANCELLED.' })
  updateMeeting(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateMeetingInput) {
    return this.service.update(viewer, id, input);
  }

  @Mutation(() => Meeting, { description: 'Sets status CANCELLED and bumps sequence. Not when already CANCELLED or HELD (CONFLICT).' })
  cancelMeeting(@CurrentViewer() viewer: Viewer, @Args() { id, reason }: CancelMeetingArgs) {
    return this.service.cancel(viewer, id, reason);
  }

  @Mutation(() => Meeting, { description: 'Replaces the minutes (Markdown). A meeting that has started becomes HELD.' })
  recordMinutes(@CurrentViewer() viewer: Viewer, @Args() { meetingId, minutes }: RecordMinutesArgs) {
    return this.service.recordMinutes(viewer, meetingId, minutes);
  }

  @ResolveField(() => MeetingViewerCan, { description: 'What the viewer may do with it now; computed by the rules the mutations apply.' })
  async viewerCan(meeting: MeetingEntity, _args: unknown, ctx: GqlContext): Promise<MeetingViewerCanSource> {
    const [role, invited] = await Promise.all([
      meeting.workingGroupId ? ctx.loaders.of(createWorkingGroupLoaders).viewerRole.load(meeting.workingGroupId) : null,
      ctx.loaders.of(createMeetingLoaders).viewerInvited.load(meeting.id),
    ]);
    const standing = { role, invited };
    return { ...meetingActions(ctx.viewer!, meeting, standing), meeting, standing };
  }

  @ResolveField(() => WorkingGroup, { nullable: true, description: 'Null for an alliance-wide workshop.' })
  workingGroup(meeting: MeetingEntity, _args: unknown, ctx: GqlContext) {
    return meeting.workingGroupId ? ctx.loaders.of(createWorkingGroupLoaders).byId.load(meeting.workingGroupId) : null;
  }

  @ResolveField(() => [AgendaItem], { description: `In order, each with its computed start time; at most ${MAX_AGENDA_ITEMS}.` })
  @MaxItems(MAX_AGENDA_ITEMS)
  async agenda(meeting: MeetingEntity, _args: unknown, ctx: GqlContext) {
    return withStartTimes(meeting.startsAt, await ctx.loaders.of(createMeetingLoaders).agenda.load(meeting.id));
  }

  @ResolveField(() => Int, { description: 'By how many minutes the agenda runs past endsAt; 0 when it fits.' })
  async agendaOverrunMinutes(meeting: MeetingEntity, _args: unknown, ctx: GqlContext) {
    return agendaOverrunMinutes(meeting, await ctx.loaders.of(createMeetingLoaders).agenda.load(meeting.id));
  }

  @ResolveField(() => [Invitation], { description: `By the invitee's name; the first ${LISTED_INVITATIONS}.` })
  @MaxItems(LISTED_INVITATIONS)
  invitations(meeting: MeetingEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createMeetingLoaders).invitations.load(meeting.id);
  }

  @ResolveField(() => Int, {
    description: 'Invitees marked present once attendance is recorded; before that, the invitees who ACCEPTED.',
  })
  attendeeCount(meeting: MeetingEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createMeetingLoaders).attendeeCount.load(meeting.id);
  }

  @ResolveField(() => [ActionItem], { description: `Oldest first; the first ${LISTED_ACTION_ITEMS}.` })
  @MaxItems(LISTED_ACTION_ITEMS)
  actionItems(meeting: MeetingEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createMeetingLoaders).actionItems.load(meeting.id);
  }
}

/** `WorkingGroup.meetings`: the group's meetings the viewer may read, as `meetings` lists them. */
@Resolver(() => WorkingGroup)
export class WorkingGroupMeetingsResolver {
  @ResolveField(() => MeetingConnection, { description: 'The meetings the viewer may read, earliest first.' })
  meetings(@Parent() group: WorkingGroupEntity, @Args() args: MeetingsArgs, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createMeetingLoaders).ofGroup(group.id, pageArgs(args), args.filter);
  }
}

/** `WorkingGroup.viewerCan.scheduleMeeting`, by the rules `scheduleMeeting` applies. */
@Resolver(() => WorkingGroupViewerCan)
export class WorkingGroupViewerCanMeetingsResolver {
  @ResolveField(() => Boolean, { description: "scheduleMeeting: the group's chairs, co-chairs, secretaries and admins, while the group is not CLOSED." })
  scheduleMeeting(can: WorkingGroupViewerCanSource, _args: unknown, ctx: GqlContext) {
    return organises(ctx.viewer!, can.group.id, can.standing.role) && isOpenGroup(can.group);
  }
}
