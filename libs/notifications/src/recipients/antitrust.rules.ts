import { querySql, sql } from '@app/core';
import { meetingFacts, meetingNotice } from './meeting.rules';
import { RecipientRule } from './recipient-rules';

/**
 * An agenda changed after counsel approved it, so the approval was cleared: every person with the platform
 * role COUNSEL hears it (they approve again), and so does whoever gave the approval (an admin, perhaps). Not
 * for a cancelled meeting: there is nothing left to approve.
 */
export const agendaApprovalCleared: RecipientRule = async (event, em) => {
  const meeting = await meetingFacts(em, event.meetingId);
  if (!meeting || meeting.status === 'CANCELLED') return [];
  const previous = typeof event.previousApproverId === 'string' ? event.previousApproverId : null;
  const counsel = await querySql<{ id: string; locale: string; timezone: string }>(
    em,
    sql`SELECT p.id, p.locale, p.timezone FROM people p WHERE p.role = 'COUNSEL' OR p.id = ${previous}::uuid ORDER BY p.id`,
  );
  return meetingNotice('meeting.agenda_approval_cleared', meeting, counsel);
};

export const ANTITRUST_RULES: Record<string, RecipientRule> = {
  'meeting.agenda_approval_cleared': agendaApprovalCleared,
};
