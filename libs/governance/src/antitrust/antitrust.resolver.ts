import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, GqlContext, MaxItems, Viewer } from '@app/core';
import { createMeetingLoaders, LISTED_INVITATIONS, Meeting, MeetingEntity, MeetingViewerCan, MeetingViewerCanSource } from '@app/meetings';
import { createPeopleLoaders, Person } from '@app/people';
import { agendaApprovable, approvesAgendas, mayAcknowledge } from './antitrust-permissions';
import { AntitrustComplianceValue, createAntitrustLoaders } from './antitrust.loader';
import { AntitrustCompliance } from './antitrust.model';
import { AntitrustService } from './antitrust.service';
import { MeetingIdArgs, SetAntitrustStatementArgs } from './dto/antitrust.args';

@Resolver(() => Meeting)
export class MeetingAntitrustResolver {
  constructor(private readonly service: AntitrustService) {}

  @ResolveField(() => AntitrustCompliance)
  antitrust(meeting: MeetingEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createAntitrustLoaders).compliance.load(meeting.id);
  }

  @Mutation(() => Meeting, { description: 'Platform COUNSEL or admins' })
  approveMeetingAgenda(@CurrentViewer() viewer: Viewer, @Args() { meetingId }: MeetingIdArgs) {
    return this.service.approveAgenda(viewer, meetingId);
  }

  @Mutation(() => Meeting, { description: "The meeting's organisers (its group's chairs and secretaries, admins); null restores the default." })
  setAntitrustStatement(@CurrentViewer() viewer: Viewer, @Args() { meetingId, statement }: SetAntitrustStatementArgs) {
    return this.service.setStatement(viewer, meetingId, statement ?? null);
  }

  @Mutation(() => Meeting, { description: 'An invitee confirms having read the statement' })
  acknowledgeAntitrustStatement(@CurrentViewer() viewer: Viewer, @Args() { meetingId }: MeetingIdArgs) {
    return this.service.acknowledge(viewer, meetingId);
  }
}

@Resolver(() => AntitrustCompliance)
export class AntitrustComplianceResolver {
  @ResolveField(() => Person, { nullable: true })
  agendaApprovedBy(compliance: AntitrustComplianceValue, _args: unknown, ctx: GqlContext) {
    return compliance.agendaApprovedById ? ctx.loaders.of(createPeopleLoaders).byId.load(compliance.agendaApprovedById) : null;
  }

  @ResolveField(() => [Person], { description: `Invitees who acknowledged the statement, and how many have not yet (pendingCount); by name, the first ${LISTED_INVITATIONS}.` })
  @MaxItems(LISTED_INVITATIONS)
  acknowledgedBy(compliance: AntitrustComplianceValue, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createAntitrustLoaders).acknowledgedBy.load(compliance.meetingId);
  }
}

/** `Meeting.viewerCan`'s antitrust actions, by the rules `AntitrustService` applies. */
@Resolver(() => MeetingViewerCan)
export class MeetingViewerCanAntitrustResolver {
  @ResolveField(() => Boolean, { description: 'approveMeetingAgenda: legal counsel and admins, once the agenda has items, unless cancelled.' })
  async approveAgenda(can: MeetingViewerCanSource, _args: unknown, ctx: GqlContext) {
    if (!approvesAgendas(ctx.viewer!)) return false;
    return agendaApprovable(can.meeting, await ctx.loaders.of(createMeetingLoaders).agendaItemCount.load(can.meeting.id));
  }

  @ResolveField(() => Boolean, { description: "acknowledgeAntitrustStatement: the meeting's invitees, unless cancelled." })
  acknowledgeAntitrust(can: MeetingViewerCanSource) {
    return mayAcknowledge(can.meeting, can.standing.invited);
  }

  @ResolveField(() => Boolean, { description: 'setAntitrustStatement: the organisers, unless cancelled (as edit).' })
  setAntitrustStatement(can: MeetingViewerCanSource) {
    return can.edit;
  }
}
