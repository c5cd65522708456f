import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  ConflictError,
  Connection,
  fetchCount,
  fetchPage,
  InvalidInputError,
  isId,
  lazyConnection,
  NotFoundError,
  PageArgs,
  selectColumns,
  Viewer,
  writeReturning,
  newId,
} from '@app/core';
import { isOpenGroup, WorkingGroupStatus } from '@app/working-groups';
import { MeetingFilter, ScheduleMeetingInput, UpdateMeetingInput } from './dto/meeting.input';
import { MeetingEvents } from './meeting-events';
import { meetingListQuery } from './meeting-list.query';
import { isCancellable, isChangeable } from './meeting-permissions';
import { changedFields, placeProblem, TIME_AND_PLACE_FIELDS, timesProblem } from './meeting-rules';
import { MeetingEntity } from './meeting.entity';
import { MeetingStatus } from './meeting.enums';
import { canReadMeetingSql, MeetingPolicy } from './meeting.policy';

/** Optional text: blank means absent. */
const text = (value: string | null | undefined): string | null => (value?.trim() ? value : null);

/**
 * Scheduling, editing, cancelling and minutes. Every change runs in one transaction that locks the
 * meeting's row and publishes its MeetingEvent there. Inside a transaction only its EntityManager is
 * used: the embedded database's pool has one connection.
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: MeetingPolicy,
    private readonly events: MeetingEvents,
  ) {}

  /** A group's meeting (its managers) or a workshop (admins); optionally invites the group's participants. */
  schedule(viewer: Viewer, input: ScheduleMeetingInput): Promise<MeetingEntity> {
    const workingGroupId = input.workingGroupId ?? null;
    return this.dataSource.transaction(async (em) => {
      if (workingGroupId !== null) {
        const [group]: { status: WorkingGroupStatus }[] = await em.query(`SELECT status FROM working_groups WHERE id = $1`, [workingGroupId]);
        if (!group) throw new NotFoundError('working group');
        await this.policy.assertCanManage(viewer, workingGroupId, em);
        if (!isOpenGroup(group)) throw new ConflictError('WORKING_GROUP_CLOSED', 'This working group is closed');
      } else {
        await this.policy.assertCanManage(viewer, null, em);
      }
      const now = new Date();
      const meeting: MeetingEntity = {
        id: newId(),
        workingGroupId,
        title: input.title,
        description: text(input.description),
        format: input.format,
        location: text(input.location),
        onlineUrl: text(input.onlineUrl),
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        timezone: input.timezone,
        status: MeetingStatus.SCHEDULED,
        cancelReason: null,
        minutes: null,
        sequence: 0,
        createdById: viewer.id,
        createdAt: now,
        updatedAt: now,
      };
      this.assertValid(meeting, 'endsAt');
      await em.getRepository(MeetingEntity).insert(meeting);
      const invited: { personId: string }[] =
        input.inviteParticipants && workingGroupId !== null
          ? await writeReturning(
              em,
              `INSERT INTO meeting_invitations (meeting_id, person_id)
               SELECT DISTINCT $1::uuid, s.person_id FROM working_group_participants s WHERE s.working_group_id = $2 AND s.ended_at IS NULL
               ON CONFLICT DO NOTHING RETURNING person_id AS "personId"`,
              [meeting.id, workingGroupId],
            )
          : [];
      await this.events.publish(em, {
        type: 'MEETING_SCHEDULED',
        meetingId: meeting.id,
        actorId: viewer.id,
        invitedPersonIds: invited.map((row) => row.personId),
      });
      return meeting;
    });
  }

  /** Changes what is given; any actual change bumps `sequence`, an update that changes nothing does not. */
  update(viewer: Viewer, id: string, input: UpdateMeetingInput): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.lockForChange(em, viewer, id);
      for (const field of ['title', 'format', 'startsAt', 'endsAt', 'timezone'] as const) {
        if (input[field] === null) throw new InvalidInputError(field, `${field} cannot be null`);
      }
      const next: MeetingEntity = {
        ...current,
        title: input.title ?? current.title,
        format: input.format ?? current.format,
        startsAt: input.startsAt ?? current.startsAt,
        endsAt: input.endsAt ?? current.endsAt,
        timezone: input.timezone ?? current.timezone,
        description: input.description === undefined ? current.description : text(input.description),
        location: input.location === undefined ? current.location : text(input.location),
        onlineUrl: input.onlineUrl === undefined ? current.onlineUrl : text(input.onlineUrl),
      };
      this.assertValid(next, input.endsAt !== undefined ? 'endsAt' : 'startsAt');
      const changed = changedFields(current, next);
      if (changed.length === 0) return current;
      const [updated] = await writeReturning<MeetingEntity>(
        em,
        `UPDATE meetings m SET title = $2, description = $3, format = $4, location = $5, online_url = $6,
                starts_at = $7, ends_at = $8, timezone = $9, sequence = m.sequence + 1, updated_at = now()
         WHERE m.id = $1 RETURNING ${this.columns()}`,
        [current.id, next.title, next.description, next.format, next.location, next.onlineUrl, next.startsAt, next.endsAt, next.timezone],
      );
      await this.events.publish(em, {
        type: 'MEETING_UPDATED',
        meetingId: current.id,
        actorId: viewer.id,
        changed,
        timeOrPlaceChanged: changed.some((field) => TIME_AND_PLACE_FIELDS.includes(field)),
        sequence: updated.sequence,
      });
      return updated;
    });
  }

  /** SCHEDULED → CANCELLED, bumping `sequence` (calendars receive METHOD:CANCEL). */
  cancel(viewer: Viewer, id: string, reason: string | null | undefined): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.lockForChange(em, viewer, id);
      if (!isCancellable(current)) throw new ConflictError('MEETING_HELD', 'A meeting that was held cannot be cancelled');
      const [updated] = await writeReturning<MeetingEntity>(
        em,
        `UPDATE meetings m SET status = $2, cancel_reason = $3, sequence = m.sequence + 1, updated_at = now()
         WHERE m.id = $1 RETURNING ${this.columns()}`,
        [current.id, MeetingStatus.CANCELLED, text(reason)],
      );
      await this.events.publish(em, {
        type: 'MEETING_CANCELLED',
        meetingId: current.id,
        actorId: viewer.id,
        reason: updated.cancelReason,
        sequence: updated.sequence,
      });
      return updated;
    });
  }

  /** Replaces the minutes (blank clears them). Once the meeting has started, it is HELD. */
  recordMinutes(viewer: Viewer, meetingId: string, minutes: string): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.lockForChange(em, viewer, meetingId);
      const [updated] = await writeReturning<MeetingEntity>(
        em,
        `UPDATE meetings m SET minutes = $2, status = CASE WHEN m.starts_at <= now() THEN $3 ELSE m.status END, updated_at = now()
         WHERE m.id = $1 RETURNING ${this.columns()}`,
        [current.id, text(minutes), MeetingStatus.HELD],
      );
      await this.events.publish(em, { type: 'MINUTES_RECORDED', meetingId: current.id, actorId: viewer.id });
      return updated;
    });
  }

  /** Marks a meeting HELD once attendance is recorded (by InvitationsService, in its transaction). */
  async markHeld(em: EntityManager, meetingId: string): Promise<MeetingEntity> {
    const [updated] = await writeReturning<MeetingEntity>(
      em,
      `UPDATE meetings m SET status = $2, updated_at = now() WHERE m.id = $1 RETURNING ${this.columns()}`,
      [meetingId, MeetingStatus.HELD],
    );
    return updated;
  }

  async findVisible(viewer: Viewer, id: string, db: DataSource | EntityManager = this.dataSource): Promise<MeetingEntity | null> {
    if (!isId(id)) return null;
    const params: unknown[] = [id];
    const rows: MeetingEntity[] = await db.query(
      `SELECT ${this.columns()} FROM meetings m WHERE m.id = $1 AND ${canReadMeetingSql(viewer, 'm', params)}`,
      params,
    );
    return rows[0] ?? null;
  }

  list(viewer: Viewer, filter: MeetingFilter | null | undefined, args: PageArgs): Connection<MeetingEntity> {
    const query = meetingListQuery(this.dataSource, viewer, filter);
    return lazyConnection(
      () => fetchPage<MeetingEntity>(this.dataSource, query, args),
      () => fetchCount(this.dataSource, query),
    );
  }

  /**
   * Locks a meeting the viewer may read. One they may not read is NOT_FOUND, so a mutation does not
   * reveal that it exists. `FOR SHARE` lets answers to invitations run side by side while a change
   * (FOR UPDATE) waits for them.
   */
  async lockReadable(em: EntityManager, viewer: Viewer, id: string, lock: 'FOR UPDATE' | 'FOR SHARE' = 'FOR UPDATE'): Promise<MeetingEntity> {
    if (!isId(id)) throw new NotFoundError('meeting');
    const params: unknown[] = [id];
    const rows: MeetingEntity[] = await em.query(
      `SELECT ${this.columns()} FROM meetings m WHERE m.id = $1 AND ${canReadMeetingSql(viewer, 'm', params)} ${lock} OF m`,
      params,
    );
    if (!rows[0]) throw new NotFoundError('meeting');
    return rows[0];
  }

  /** Locks a meeting for a change by its organisers: NOT_FOUND, then FORBIDDEN, then CONFLICT when cancelled. */
  async lockForChange(em: EntityManager, viewer: Viewer, id: string): Promise<MeetingEntity> {
    const meeting = await this.lockReadable(em, viewer, id);
    await this.policy.assertCanManage(viewer, meeting.workingGroupId, em);
    if (!isChangeable(meeting)) {
      throw new ConflictError('MEETING_CANCELLED', 'This meeting is cancelled and can no longer change');
    }
    return meeting;
  }

  /** Times and place; `endsField` names the field blamed when the times are the wrong way round. */
  private assertValid(meeting: MeetingEntity, endsField: 'endsAt' | 'startsAt'): void {
    const times = timesProblem(meeting);
    if (times) throw new InvalidInputError(endsField, times, 'ENDS_BEFORE_STARTS');
    const place = placeProblem(meeting);
    if (place) throw new InvalidInputError(place.field, place.message, place.field === 'location' ? 'LOCATION_REQUIRED' : 'ONLINE_URL_REQUIRED');
  }

  private columns(): string {
    return selectColumns(this.dataSource, MeetingEntity, 'm');
  }
}
