import { Viewer } from '@app/core';
import { WorkingGroupEntity } from './working-group.entity';
import { ParticipantRole, WorkingGroupStatus } from './working-group.enums';
import { roleManages } from './working-group.policy';

/**
 * The rules of the working-group mutations as pure predicates, shared by the services and
 * `WorkingGroup.viewerCan` (decision 166).
 */
export type GroupFacts = Pick<WorkingGroupEntity, 'id' | 'status'>;

/** A closed group takes no applications, proposals or meetings. */
export function isOpenGroup(group: Pick<GroupFacts, 'status'>): boolean {
  return group.status !== WorkingGroupStatus.CLOSED;
}

/** The viewer's standing towards one group, read per request in batches. */
export interface GroupStanding {
  role: ParticipantRole | null;
  /** The viewer's organisation is an active member. */
  member: boolean;
  /** The viewer's organisation has an application SUBMITTED or UNDER_REVIEW. */
  openApplication: boolean;
}

/** An open group takes an application from an organisation that is not a member and has none open. */
export function acceptsApplication(group: Pick<GroupFacts, 'status'>, member: boolean, openApplication: boolean): boolean {
  return isOpenGroup(group) && !member && !openApplication;
}

export interface WorkingGroupActions {
  edit: boolean;
  manageSeats: boolean;
  reviewApplications: boolean;
  apply: boolean;
}

/**
 * `WorkingGroup.viewerCan`'s value: the actions, and the group and standing they were computed from, so that
 * higher libs resolve their own actions on it (proposals, meetings).
 */
export interface WorkingGroupViewerCanSource extends WorkingGroupActions {
  group: GroupFacts;
  standing: GroupStanding;
}

export function workingGroupActions(viewer: Viewer, group: GroupFacts, { role, member, openApplication }: GroupStanding): WorkingGroupActions {
  const manages = roleManages(viewer, role);
  return { edit: manages, manageSeats: manages, reviewApplications: manages, apply: acceptsApplication(group, member, openApplication) };
}
