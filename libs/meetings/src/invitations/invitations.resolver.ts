import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, GqlContext, Viewer } from '@app/core';
import { createPeopleLoaders, Person } from '@app/people';
import { MeetingPeopleArgs, RespondToInvitationArgs } from '../dto/invitation.args';
import { Meeting } from '../meeting.model';
import { InvitationEntity } from './invitation.entity';
import { Invitation } from './invitation.model';
import { InvitationsService } from './invitations.service';

@Resolver(() => Invitation)
export class InvitationsResolver {
  constructor(private readonly service: InvitationsService) {}

  @Mutation(() => Meeting, {
    description: 'Invites people (any person); idempotent: existing invitations keep their answers. Organisers only; not when CANCELLED.',
  })
  invite(@CurrentViewer() viewer: Viewer, @Args() { meetingId, personIds }: MeetingPeopleArgs) {
    return this.service.invite(viewer, meetingId, personIds);
  }

  @Mutation(() => Invitation, { description: "Answers the viewer's own invitation: ACCEPTED, TENTATIVE or DECLINED." })
  respondToInvitation(@CurrentViewer() viewer: Viewer, @Args() { meetingId, status }: RespondToInvitationArgs) {
    return this.service.respond(viewer, meetingId, status);
  }

  @Mutation(() => Meeting, {
    description:
      'Those listed attended (uninvited ones get an invitation), the other invitees did not. Once the meeting has started; it becomes HELD.',
  })
  recordAttendance(@CurrentViewer() viewer: Viewer, @Args() { meetingId, personIds }: MeetingPeopleArgs) {
    return this.service.recordAttendance(viewer, meetingId, personIds);
  }

  @ResolveField(() => Person)
  person(invitation: InvitationEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createPeopleLoaders).byId.load(invitation.personId);
  }
}
