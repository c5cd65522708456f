import { Viewer } from '@app/core';
import { ParticipantRole, roleManages } from '@app/working-groups';
import { PriorityStatus } from './priority.enums';

/**
 * The rules of the priority mutations as pure predicates, shared by `PriorityPolicy` (which the service
 * asks before it writes) and the viewerCan fields (decision 225). A scope is a working group's id, or
 * null for the alliance-wide priorities; `role` is the viewer's seat in that group (null: none).
 */

/**
 * createPriority, updatePriority, reorderPriorities: alliance-wide, admins; a group's, its chairs,
 * co-chairs, secretaries and admins (the group's manager rule, `roleManages`).
 */
export function managesPriorities(viewer: Viewer, workingGroupId: string | null, role: ParticipantRole | null): boolean {
  if (workingGroupId === null) return viewer.role === 'ADMIN';
  return roleManages(viewer, role);
}

/**
 * endorsePriority, withdrawPriorityEndorsement (before the status): admins; for a group's priority its
 * participants other than observers; for an alliance-wide one anyone holding such a seat in any group
 * (`seatedAnywhere`, read with `SEATED_ANYWHERE_SQL`).
 */
export function endorsesPriorities(viewer: Viewer, workingGroupId: string | null, role: ParticipantRole | null, seatedAnywhere: boolean): boolean {
  if (viewer.role === 'ADMIN') return true;
  if (workingGroupId !== null) return role !== null && role !== ParticipantRole.OBSERVER;
  return seatedAnywhere;
}

/** endorsePriority also needs a priority that is not ARCHIVED (withdrawing does not). */
export function isEndorsable(priority: { status: PriorityStatus }): boolean {
  return priority.status !== PriorityStatus.ARCHIVED;
}

/** Whether person $1 holds a current seat other than OBSERVER in any group: the alliance-wide endorsement rule. */
export const SEATED_ANYWHERE_SQL = `SELECT EXISTS (SELECT 1 FROM working_group_participants
                  WHERE person_id = $1 AND ended_at IS NULL AND role <> '${ParticipantRole.OBSERVER}') AS seated`;
