import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, selectColumns, Viewer, writeReturning } from '@app/core';
import { MeetingEvents } from '../meeting-events';
import { hasStarted, isChangeable } from '../meeting-permissions';
import { MeetingEntity } from '../meeting.entity';
import { RsvpStatus } from '../meeting.enums';
import { MeetingsService } from '../meetings.service';
import { InvitationEntity } from './invitation.entity';

/** Invitations, answers (RSVP) and attendance. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingsService,
    private readonly events: MeetingEvents,
  ) {}

  /** Invites people; those already invited keep their invitation and answer. Unknown people: NOT_FOUND. */
  invite(viewer: Viewer, meetingId: string, personIds: string[]): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (em) => {
      const meeting = await this.meetings.lockForChange(em, viewer, meetingId);
      const ids = await this.existingPeople(em, personIds);
      const invited: { personId: string }[] = ids.length
        ? await writeReturning(
            em,
            `INSERT INTO meeting_invitations (meeting_id, person_id) SELECT $1::uuid, unnest($2::uuid[])
             ON CONFLICT (meeting_id, person_id) DO NOTHING RETURNING person_id AS "personId"`,
            [meeting.id, ids],
          )
        : [];
      if (invited.length > 0) {
        await this.events.publish(em, { type: 'PEOPLE_INVITED', meetingId: meeting.id, actorId: viewer.id, personIds: invited.map((r) => r.personId) });
      }
      return meeting;
    });
  }

  /** The viewer answers their own invitation. */
  respond(viewer: Viewer, meetingId: string, status: RsvpStatus): Promise<InvitationEntity> {
    if (status === RsvpStatus.INVITED) {
      throw new InvalidInputError('status', 'Answer ACCEPTED, TENTATIVE or DECLINED', 'INVALID_RSVP');
    }
    return this.dataSource.transaction(async (em) => {
      const meeting = await this.meetings.lockReadable(em, viewer, meetingId, 'FOR SHARE');
      if (!isChangeable(meeting)) {
        throw new ConflictError('MEETING_CANCELLED', 'This meeting is cancelled');
      }
      const [invitation] = await writeReturning<InvitationEntity>(
        em,
        `UPDATE meeting_invitations i SET status = $3, responded_at = now() WHERE i.meeting_id = $1 AND i.person_id = $2
         RETURNING ${selectColumns(this.dataSource, InvitationEntity, 'i')}`,
        [meeting.id, viewer.id, status],
      );
      if (!invitation) throw new ForbiddenError('You are not invited to this meeting', 'NOT_INVITED');
      await this.events.publish(em, { type: 'INVITATION_ANSWERED', meetingId: meeting.id, personId: viewer.id, status });
      return invitation;
    });
  }

  /**
   * Those listed attended, the other invitees did not; listed people who were not invited get an
   * invitation marked attended. Only once the meeting has started; the meeting becomes HELD.
   */
  recordAttendance(viewer: Viewer, meetingId: string, personIds: string[]): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (em) => {
      const meeting = await this.meetings.lockForChange(em, viewer, meetingId);
      if (!hasStarted(meeting)) {
        throw new ConflictError('MEETING_NOT_STARTED', 'Attendance is recorded once the meeting has started');
      }
      const ids = await this.existingPeople(em, personIds);
      if (ids.length > 0) {
        await em.query(
          `INSERT INTO meeting_invitations (meeting_id, person_id, attended) SELECT $1::uuid, unnest($2::uuid[]), true
           ON CONFLICT (meeting_id, person_id) DO NOTHING`,
          [meeting.id, ids],
        );
      }
      await em.query(`UPDATE meeting_invitations SET attended = (person_id = ANY($2::uuid[])) WHERE meeting_id = $1`, [meeting.id, ids]);
      const held = await this.meetings.markHeld(em, meeting.id);
      await this.events.publish(em, { type: 'ATTENDANCE_RECORDED', meetingId: meeting.id, actorId: viewer.id, attendedPersonIds: ids });
      return held;
    });
  }

  /** The distinct ids, all of existing people; else NOT_FOUND. */
  private async existingPeople(em: EntityManager, personIds: string[]): Promise<string[]> {
    const ids = [...new Set(personIds.map((id) => id.toLowerCase()))];
    if (ids.length === 0) return [];
    const found: { id: string }[] = await em.query(`SELECT id FROM people WHERE id = ANY($1::uuid[])`, [ids]);
    if (found.length !== ids.length) throw new NotFoundError('person');
    return ids;
  }
}
