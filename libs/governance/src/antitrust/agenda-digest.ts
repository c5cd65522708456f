import { rawSql, Sql, sql } from '@app/core';

/**
 * One SQL expression: a digest of the agenda of the meeting whose id is `meetingId` (a fragment), item by
 * item in order, every field that counsel reads (title, description, duration, presenter, proposal and
 * priority). Counsel's approval records it; an agenda change that leaves it unchanged (the same agenda
 * saved again) keeps the approval, any other clears it.
 */
export function agendaDigestSql(meetingId: Sql): Sql {
  return sql`(SELECT md5(COALESCE(string_agg(ROW(a.position, a.title, a.description, a.duration_minutes, a.presenter_id,
                                                   a.proposal_id, a.priority_id)::text, ',' ORDER BY a.position), ''))
              FROM agenda_items a WHERE a.meeting_id = ${meetingId})`;
}

/** The digest of the agenda of the meeting with this id. */
export const agendaDigestOf = (meetingId: string): Sql => agendaDigestSql(sql`${meetingId}::uuid`);

/** The digest of the agenda of the meeting row `alias`. */
export const agendaDigestOfRow = (alias: string): Sql => agendaDigestSql(rawSql(`${alias}.id`));
