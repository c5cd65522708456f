import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ForbiddenError, inlineSql, rawSql, Sql, sql, Viewer } from '@app/core';
import { ParticipantRole, WorkingGroupPolicy } from '@app/working-groups';
import { organises } from './meeting-permissions';

type Db = DataSource | EntityManager;

/**
 * Who may read a meeting, as one SQL condition over the meeting's row `alias`, so that `meeting(id)`,
 * every list, every count and every export filter the same way:
 * - admins read everything, and so does legal counsel (platform role COUNSEL), who approves every
 *   meeting's agenda (decision 141);
 * - a workshop (no working group) every signed-in person;
 * - a group's meeting its current participants (observers included), the meeting's invitees, and
 *   the owners of its action items.
 */
export function canReadMeeting(viewer: Viewer, alias: string): Sql {
  if (viewer.role === 'ADMIN' || viewer.role === 'COUNSEL') return rawSql('TRUE');
  const m = rawSql(alias);
  const person = viewer.id;
  return sql`(${m}.working_group_id IS NULL
    OR EXISTS (SELECT 1 FROM working_group_participants vs
               WHERE vs.working_group_id = ${m}.working_group_id AND vs.person_id = ${person}::uuid AND vs.ended_at IS NULL)
    OR EXISTS (SELECT 1 FROM meeting_invitations vi WHERE vi.meeting_id = ${m}.id AND vi.person_id = ${person}::uuid)
    OR EXISTS (SELECT 1 FROM action_items va WHERE va.meeting_id = ${m}.id AND va.owner_id = ${person}::uuid))`;
}

/** `canReadMeeting` for code that numbers its own parameters: they are appended to `params`. */
export function canReadMeetingSql(viewer: Viewer, alias: string, params: unknown[]): string {
  return inlineSql(canReadMeeting(viewer, alias), params);
}

/** Who may change meetings. Reading is `canReadMeeting`. */
@Injectable()
export class MeetingPolicy {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: WorkingGroupPolicy,
  ) {}

  /** A group's meetings: its CHAIR, CO_CHAIR, SECRETARY and admins. Workshops: admins. */
  async canManage(viewer: Viewer, workingGroupId: string | null, db: Db = this.dataSource): Promise<boolean> {
    return organises(viewer, workingGroupId, await this.roleIn(viewer, workingGroupId, db));
  }

  /** The viewer's seat role in a meeting's group, read only where it decides (not for admins, nor for workshops). */
  async roleIn(viewer: Viewer, workingGroupId: string | null, db: Db = this.dataSource): Promise<ParticipantRole | null> {
    if (viewer.role === 'ADMIN' || workingGroupId === null) return null;
    return this.groups.roleOf(viewer, workingGroupId, db);
  }

  async assertCanManage(viewer: Viewer, workingGroupId: string | null, db: Db = this.dataSource): Promise<void> {
    if (await this.canManage(viewer, workingGroupId, db)) return;
    if (workingGroupId === null) throw new ForbiddenError('Only admins organise alliance-wide workshops', 'NOT_ADMIN');
    throw new ForbiddenError("Only the group's chairs, secretaries and admins organise its meetings", 'NOT_GROUP_MANAGER');
  }
}
