import { DataSource } from 'typeorm';
import { isId, NotFoundError, Viewer } from '@app/core';
import { loadAntitrustSummary } from '@app/governance';
import { canReadMeetingSql } from '@app/meetings';
import { canReadProposalSql } from '@app/proposals';
import { ActionItemRow, AgendaRow, assembleBrief, AttendeeRow, BriefOptions, MeetingRow, PreviousMeetingRow } from './assemble-brief';
import { canSeeEmailSql } from './brief-access';
import { fetchBriefBallots } from './brief-ballots';
import { MeetingBrief } from './meeting-brief';

/**
 * Gathers one meeting's brief with seven SQL statements, however long the agenda or the attendee
 * list: the meeting (and the read check), then the agenda with its linked proposals, partners and
 * priorities; the invitees; the open action items; the previous meeting with its action items; the
 * group's open ballots and recent results (brief-ballots.ts); the antitrust statement, approval and
 * acknowledgements.
 * Everything is filtered for `viewer` with the domain's own rules: a meeting the viewer may not read
 * (`canReadMeetingSql`, as for the `meeting` query) is NOT_FOUND; a proposal on the agenda the
 * viewer may not read (`canReadProposalSql`) comes back as restricted without any of its details;
 * emails follow the `Person.email` rule.
 */
export async function gatherBrief(dataSource: DataSource, viewer: Viewer, meetingId: string, options: BriefOptions = {}): Promise<MeetingBrief> {
  if (!isId(meetingId)) throw new NotFoundError('meeting');
  const meeting = await fetchMeeting(dataSource, viewer, meetingId);
  if (!meeting) throw new NotFoundError('meeting');
  const [agenda, attendees, openActionItems, previousMeeting, ballots, antitrust] = await Promise.all([
    fetchAgenda(dataSource, viewer, meetingId),
    fetchAttendees(dataSource, viewer, meetingId),
    fetchOpenActionItems(dataSource, viewer, meeting),
    fetchPreviousMeeting(dataSource, viewer, meeting),
    fetchBriefBallots(dataSource, viewer, meeting.workingGroupId, meeting.timezone),
    loadAntitrustSummary(dataSource, meetingId),
  ]);
  return assembleBrief({ meeting, agenda, attendees, openActionItems, previousMeeting, ballots, antitrust }, options);
}

async function fetchMeeting(db: DataSource, viewer: Viewer, meetingId: string): Promise<MeetingRow | null> {
  const params: unknown[] = [meetingId];
  const readable = canReadMeetingSql(viewer, 'm', params);
  const emailVisible = canSeeEmailSql(viewer, 'o', params);
  const rows: MeetingRow[] = await db.query(
    `SELECT m.id, m.working_group_id AS "workingGroupId", g.name AS "groupName", m.title, m.description, m.format,
            m.status, m.cancel_reason AS "cancelReason", m.location, m.online_url AS "onlineUrl",
            m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.timezone, m.sequence,
            o.name AS "organizerName", CASE WHEN ${emailVisible} THEN o.email END AS "organizerEmail"
     FROM meetings m
     JOIN people o ON o.id = m.created_by_id
     LEFT JOIN working_groups g ON g.id = m.working_group_id
     WHERE m.id = $1 AND ${readable}`,
    params,
  );
  return rows[0] ?? null;
}

async function fetchAgenda(db: DataSource, viewer: Viewer, meetingId: string): Promise<AgendaRow[]> {
  const params: unknown[] = [meetingId];
  const readable = canReadProposalSql(viewer, 'p', params);
  // The lateral join yields the proposal only when the viewer may read it; `proposalId` still tells
  // that an item links one, so it can be shown as restricted.
  return db.query(
    `SELECT a.position, a.title, a.description, a.duration_minutes AS "durationMinutes",
            pr.name AS "presenterName", pro.name AS "presenterOrganization", a.proposal_id AS "proposalId",
            CASE WHEN vp.id IS NOT NULL THEN json_build_object(
              'id', vp.id, 'title', vp.title, 'state', vp.state, 'confidentiality', vp.confidentiality,
              'leadOrganization', lo.name, 'supportCount', vp.support_count,
              'partners', COALESCE((
                SELECT json_agg(json_build_object('organization', po.name, 'consent', pp.consent, 'role', pp.role)
                                ORDER BY pp.invited_at, lower(po.name))
                FROM proposal_partners pp JOIN organizations po ON po.id = pp.organization_id
                WHERE pp.proposal_id = vp.id), '[]'::json)) END AS proposal,
            CASE WHEN pri.id IS NOT NULL THEN json_build_object(
              'id', pri.id, 'title', pri.title, 'rank', pri.rank, 'status', pri.status,
              'scope', COALESCE(pg.name, 'Alliance-wide')) END AS priority
     FROM agenda_items a
     LEFT JOIN people pr ON pr.id = a.presenter_id
     LEFT JOIN organizations pro ON pro.id = pr.organization_id
     LEFT JOIN LATERAL (SELECT p.id, p.title, p.state, p.confidentiality, p.lead_organization_id, p.support_count
                        FROM cooperation_proposals p WHERE p.id = a.proposal_id AND ${readable}) vp ON TRUE
     LEFT JOIN organizations lo ON lo.id = vp.lead_organization_id
     LEFT JOIN priorities pri ON pri.id = a.priority_id
     LEFT JOIN working_groups pg ON pg.id = pri.working_group_id
     WHERE a.meeting_id = $1
     ORDER BY a.position`,
    params,
  );
}

async function fetchAttendees(db: DataSource, viewer: Viewer, meetingId: string): Promise<AttendeeRow[]> {
  const params: unknown[] = [meetingId];
  const emailVisible = canSeeEmailSql(viewer, 'p', params);
  return db.query(
    `SELECT i.person_id AS "personId", p.name, CASE WHEN ${emailVisible} THEN p.email END AS email,
            o.name AS organization, i.status AS rsvp, i.attended, i.responded_at AS "respondedAt"
     FROM meeting_invitations i
     JOIN people p ON p.id = i.person_id
     JOIN organizations o ON o.id = p.organization_id
     WHERE i.meeting_id = $1
     ORDER BY lower(o.name), o.id, lower(p.name), p.id`,
    params,
  );
}

/** Open items of the group's meetings the viewer may read; for a workshop, of this meeting. */
async function fetchOpenActionItems(db: DataSource, viewer: Viewer, meeting: MeetingRow): Promise<ActionItemRow[]> {
  const params: unknown[] = [meeting.workingGroupId ?? meeting.id];
  const scope = meeting.workingGroupId ? 'am.working_group_id = $1' : 'am.id = $1';
  const readable = canReadMeetingSql(viewer, 'am', params);
  return db.query(
    `SELECT ai.title, ow.name AS owner, ai.due_date AS "dueDate", ai.status, am.title AS "meetingTitle"
     FROM action_items ai
     JOIN meetings am ON am.id = ai.meeting_id
     LEFT JOIN people ow ON ow.id = ai.owner_id
     WHERE ai.status = 'OPEN' AND ${scope} AND ${readable}
     ORDER BY ai.due_date ASC NULLS LAST, ai.created_at, ai.id`,
    params,
  );
}

/** The latest meeting of the same group (workshop: the latest workshop) that started earlier and was not cancelled. */
async function fetchPreviousMeeting(db: DataSource, viewer: Viewer, meeting: MeetingRow): Promise<PreviousMeetingRow | null> {
  const params: unknown[] = [meeting.workingGroupId, meeting.startsAt, meeting.id];
  const readable = canReadMeetingSql(viewer, 'pm', params);
  const rows: PreviousMeetingRow[] = await db.query(
    `SELECT pm.id, pm.title, pm.starts_at AS "startsAt", pm.ends_at AS "endsAt", pm.timezone, pm.minutes,
            COALESCE((
              SELECT json_agg(json_build_object('title', ai.title, 'owner', ow.name, 'dueDate', ai.due_date,
                                                'status', ai.status, 'meetingTitle', pm.title)
                              ORDER BY ai.created_at, ai.id)
              FROM action_items ai LEFT JOIN people ow ON ow.id = ai.owner_id
              WHERE ai.meeting_id = pm.id), '[]'::json) AS "actionItems"
     FROM meetings pm
     WHERE pm.working_group_id IS NOT DISTINCT FROM $1::uuid AND pm.starts_at < $2 AND pm.id <> $3
       AND pm.status <> 'CANCELLED' AND ${readable}
     ORDER BY pm.starts_at DESC, pm.id DESC
     LIMIT 1`,
    params,
  );
  return rows[0] ?? null;
}
