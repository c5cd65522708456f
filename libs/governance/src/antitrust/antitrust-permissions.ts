import { Viewer } from '@app/core';
import { isChangeable, MeetingFacts } from '@app/meetings';

/**
 * The rules of the antitrust mutations as pure predicates, shared by `AntitrustService` and
 * `Meeting.viewerCan { approveAgenda acknowledgeAntitrust }` (decision 161).
 */

/** Legal counsel (platform role COUNSEL) and admins approve agendas. */
export function approvesAgendas(viewer: Viewer): boolean {
  return viewer.role === 'COUNSEL' || viewer.role === 'ADMIN';
}

/** An agenda is approved while the meeting may change and once it has items. */
export function agendaApprovable(meeting: Pick<MeetingFacts, 'status'>, agendaItems: number): boolean {
  return isChangeable(meeting) && agendaItems > 0;
}

/** The invitees acknowledge the statement, unless the meeting is cancelled. */
export function mayAcknowledge(meeting: Pick<MeetingFacts, 'status'>, invited: boolean): boolean {
  return invited && isChangeable(meeting);
}
