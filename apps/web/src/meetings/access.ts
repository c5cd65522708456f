/**
 * What the viewer may do with a meeting, in the shape of the API's `Meeting.viewerCan` (decision 210): until
 * that field is on main, the same answers from the role information the API already exposes (the platform
 * role and the viewer's seats). The API still decides; every refusal is shown with ErrorMessage.
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

export function meetingAccess(
  viewer: Viewer | null | undefined,
  meeting: { status: string; startsAt: string; workingGroup?: { id: string } | null; invitations: { person: { id: string } }[]; agenda: unknown[] },
  now = Date.now(),
): MeetingAccess {
  const live = meeting.status !== 'CANCELLED';
  const organiser = organises(viewer, meeting.workingGroup?.id) && live;
  const invited = !!viewer && meeting.invitations.some((i) => i.person.id === viewer.id) && live;
  return {
    acknowledgeAntitrust: invited,
    addActionItem: organiser,
    approveAgenda: live && (viewer?.role === 'COUNSEL' || viewer?.role === 'ADMIN') && meeting.agenda.length > 0,
    cancel: organiser && meeting.status !== 'HELD',
    downloadBrief: true,
    edit: organiser,
    invite: organiser,
    recordAttendance: organiser && Date.parse(meeting.startsAt) <= now,
    rsvp: invited,
    setAgenda: organiser,
    setAntitrustStatement: organiser,
    writeMinutes: organiser,
  };
}
