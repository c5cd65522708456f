import { Viewer } from '@app/core';
import { ParticipantRole, roleManages } from '@app/working-groups';
import { MeetingEntity } from './meeting.entity';
import { MeetingStatus } from './meeting.enums';

/**
 * The rules of the meeting mutations as pure predicates over a meeting's row and the viewer's standing
 * towards it. The services call them before they write, and `Meeting.viewerCan` combines them, so what a
 * client offers cannot drift from what the mutations accept (decision 161).
 */
export type MeetingFacts = Pick<MeetingEntity, 'workingGroupId' | 'status' | 'startsAt'>;

/** The viewer's standing towards one meeting, read per request in batches. */
export interface MeetingStanding {
  /** The viewer's seat role in the meeting's group; null without a seat or for a workshop. */
  role: ParticipantRole | null;
  /** Whether the viewer is invited to the meeting. */
  invited: boolean;
}

/** A group's meetings are organised by its chairs, co-chairs, secretaries and admins; workshops by admins. */
export function organises(viewer: Viewer, workingGroupId: string | null, role: ParticipantRole | null): boolean {
  if (viewer.role === 'ADMIN') return true;
  return workingGroupId !== null && roleManages(viewer, role);
}

/** A cancelled meeting no longer changes (its action items' statuses excepted). */
export function isChangeable(meeting: Pick<MeetingFacts, 'status'>): boolean {
  return meeting.status !== MeetingStatus.CANCELLED;
}

/** A meeting that was held is not cancelled. */
export function isCancellable(meeting: Pick<MeetingFacts, 'status'>): boolean {
  return meeting.status !== MeetingStatus.HELD;
}

/** Attendance is recorded once the meeting has started. */
export function hasStarted(meeting: Pick<MeetingFacts, 'startsAt'>, now = Date.now()): boolean {
  return meeting.startsAt.getTime() <= now;
}

/**
 * An action item's status is set by its owner and by the organisers of its meeting, also once the meeting
 * is cancelled. `role` is the viewer's seat role in the meeting's group (null without one or for a workshop).
 */
export function setsActionItemStatus(viewer: Viewer, item: { ownerId: string | null }, workingGroupId: string | null, role: ParticipantRole | null): boolean {
  return item.ownerId === viewer.id || organises(viewer, workingGroupId, role);
}

/** What the meetings lib's mutations let the viewer do with a meeting they read. */
export interface MeetingActions {
  edit: boolean;
  cancel: boolean;
  setAgenda: boolean;
  invite: boolean;
  recordAttendance: boolean;
  writeMinutes: boolean;
  addActionItem: boolean;
  rsvp: boolean;
}

/**
 * `Meeting.viewerCan`'s value: the actions, and the meeting and standing they were computed from, so that
 * higher libs resolve their own actions on it (governance's antitrust, meeting-prep's brief).
 */
export interface MeetingViewerCanSource extends MeetingActions {
  meeting: MeetingEntity;
  standing: MeetingStanding;
}

export function meetingActions(viewer: Viewer, meeting: MeetingFacts, { role, invited }: MeetingStanding): MeetingActions {
  const change = organises(viewer, meeting.workingGroupId, role) && isChangeable(meeting);
  return {
    edit: change,
    cancel: change && isCancellable(meeting),
    setAgenda: change,
    invite: change,
    recordAttendance: change && hasStarted(meeting),
    writeMinutes: change,
    addActionItem: change,
    rsvp: invited && isChangeable(meeting),
  };
}
