/**
 * What the viewer may do with a meeting: the API's `Meeting.viewerCan` (decision 210). Setting an action
 * item's status is the item's own `ActionItem.viewerCan.setStatus` (decision 247).
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
