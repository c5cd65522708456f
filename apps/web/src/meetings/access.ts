/**
 * What the viewer may do with a meeting: the API's `Meeting.viewerCan` (decision 210). Setting an action
 * item's status has no field there; it is its owner's and the organisers' (`organises`).
 */
export interface MeetingAccess {
  acknowledgeAntitrust: boolean;
  addActionItem: boolean;
  approveAgenda: boolean;
  cancel: boolean;
  downloadBrief: boolean;
  edit: boolean;
  invite: boolean;
  recordAttendance: boolean;
  rsvp: boolean;
  setAgenda: boolean;
  setAntitrustStatement: boolean;
  writeMinutes: boolean;
}

export interface Viewer {
  id: string;
  role: string;
  participations: { role: string; workingGroup: { id: string } }[];
}

const MANAGER_ROLES = ['CHAIR', 'CO_CHAIR', 'SECRETARY'];

/** The group's chairs, co-chairs and secretaries and admins; workshops (no group): admins. */
export function organises(viewer: Viewer | null | undefined, workingGroupId: string | null | undefined): boolean {
  if (!viewer) return false;
  if (viewer.role === 'ADMIN') return true;
  if (!workingGroupId) return false;
  return viewer.participations.some((p) => p.workingGroup.id === workingGroupId && MANAGER_ROLES.includes(p.role));
}
