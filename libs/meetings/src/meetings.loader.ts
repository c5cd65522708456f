import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { batchedConnections, byIdLoader, Connection, groupedLoader, PageArgs, rawSql, selectColumns, sql, Viewer } from '@app/core';
import { MAX_AGENDA_ITEMS } from './dto/agenda.input';
import { ActionItemEntity } from './action-items/action-item.entity';
import { AgendaItemEntity } from './agenda/agenda-item.entity';
import { MeetingFilter } from './dto/meeting.input';
import { InvitationEntity } from './invitations/invitation.entity';
import { meetingListQuery } from './meeting-list.query';
import { MeetingEntity } from './meeting.entity';
import { canReadMeetingSql } from './meeting.policy';

/** The bounds of a meeting's plain lists (`@MaxItems`); the agenda's is MAX_AGENDA_ITEMS, checked when it is set. */
export const LISTED_INVITATIONS = 500;
export const LISTED_ACTION_ITEMS = 200;

/**
 * Per-request batching for meetings and what hangs off them: one `= ANY($1)` statement per batch.
 * The meeting-prep lib reuses these for its briefs.
 */
export function createMeetingLoaders(dataSource: DataSource, viewer: Viewer | null) {
  const visibleParams: unknown[] = [];
  const visible = viewer ? canReadMeetingSql(viewer, 'm', visibleParams) : 'FALSE';
  // The viewer-dependent condition's parameters come after the batch's ids ($1).
  const shifted = visible.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + 1}`);
  const ofGroupByFilter = new Map<string, (groupId: string, args: PageArgs) => Connection<MeetingEntity>>();

  return {
    /** Meetings the viewer may read, by id. */
    visibleById: byIdLoader<MeetingEntity>(
      dataSource,
      `SELECT ${selectColumns(dataSource, MeetingEntity, 'm')} FROM meetings m WHERE m.id = ANY($1) AND ${shifted}`,
      visibleParams,
    ),

    /** Each meeting's agenda, in order (never longer than MAX_AGENDA_ITEMS when set through the API). */
    agenda: groupedLoader<AgendaItemEntity>(
      dataSource,
      {
        columns: rawSql(selectColumns(dataSource, AgendaItemEntity, 'a')),
        from: sql`agenda_items a`,
        key: sql`a.meeting_id`,
        orderBy: sql`a.position`,
        limit: MAX_AGENDA_ITEMS,
      },
      'meetingId',
    ),

    /** Each meeting's invitations, by the invitee's name. */
    invitations: groupedLoader<InvitationEntity>(
      dataSource,
      {
        columns: rawSql(selectColumns(dataSource, InvitationEntity, 'i')),
        from: sql`meeting_invitations i JOIN people p ON p.id = i.person_id`,
        key: sql`i.meeting_id`,
        orderBy: sql`lower(p.name), p.id`,
        limit: LISTED_INVITATIONS,
      },
      'meetingId',
    ),

    /**
     * Invitees marked present once attendance is recorded (some `attended` is set); before that, the
     * invitees who ACCEPTED.
     */
    attendeeCount: new DataLoader<string, number>(async (meetingIds) => {
      const rows: { meetingId: string; count: number }[] = await dataSource.query(
        `SELECT meeting_id AS "meetingId",
                CASE WHEN bool_or(attended IS NOT NULL) THEN count(*) FILTER (WHERE attended)
                     ELSE count(*) FILTER (WHERE status = 'ACCEPTED') END::int AS count
         FROM meeting_invitations WHERE meeting_id = ANY($1) GROUP BY meeting_id`,
        [meetingIds],
      );
      const counts = new Map(rows.map((r) => [r.meetingId, r.count]));
      return meetingIds.map((id) => counts.get(id) ?? 0);
    }),

    /** Whether the viewer is invited to each meeting. */
    viewerInvited: new DataLoader<string, boolean>(async (meetingIds) => {
      if (!viewer) return meetingIds.map(() => false);
      const rows: { meetingId: string }[] = await dataSource.query(
        `SELECT meeting_id AS "meetingId" FROM meeting_invitations WHERE meeting_id = ANY($1) AND person_id = $2`,
        [meetingIds, viewer.id],
      );
      const invited = new Set(rows.map((r) => r.meetingId));
      return meetingIds.map((id) => invited.has(id));
    }),

    /** How many items each meeting's agenda has. */
    agendaItemCount: new DataLoader<string, number>(async (meetingIds) => {
      const rows: { meetingId: string; count: number }[] = await dataSource.query(
        `SELECT meeting_id AS "meetingId", count(*)::int AS count FROM agenda_items WHERE meeting_id = ANY($1) GROUP BY meeting_id`,
        [meetingIds],
      );
      const counts = new Map(rows.map((r) => [r.meetingId, r.count]));
      return meetingIds.map((id) => counts.get(id) ?? 0);
    }),

    /** Each meeting's action items, oldest first. */
    actionItems: groupedLoader<ActionItemEntity>(
      dataSource,
      {
        columns: rawSql(selectColumns(dataSource, ActionItemEntity, 'ai')),
        from: sql`action_items ai`,
        key: sql`ai.meeting_id`,
        orderBy: sql`ai.created_at, ai.id`,
        limit: LISTED_ACTION_ITEMS,
      },
      'meetingId',
    ),

    /** `WorkingGroup.meetings`: the same visibility, filter and order as `meetings`. */
    ofGroup(groupId: string, args: PageArgs, filter: MeetingFilter | null | undefined): Connection<MeetingEntity> {
      if (!viewer) throw new Error('viewer required');
      const key = JSON.stringify(filter ?? null);
      let connections = ofGroupByFilter.get(key);
      if (!connections) {
        connections = batchedConnections<MeetingEntity>(dataSource, meetingListQuery(dataSource, viewer, filter), 'm.working_group_id');
        ofGroupByFilter.set(key, connections);
      }
      return connections(groupId, args);
    },
  };
}
