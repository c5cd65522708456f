/**
 * What erasure does with each foreign key that references people (test/privacy.e2e-spec.ts reads the
 * keys from pg_constraint and fails on one missing here, so a new table that points at people has to
 * decide). `deleted`: the rows go; `nulled`: the column is cleared; `ended`: the row stays, closed;
 * `kept`: the row stays, pointing at the erased person's row, which now reads "Former member".
 */
export type ErasureTreatment = 'deleted' | 'nulled' | 'ended' | 'kept';

export const ERASURE_FOREIGN_KEYS: Readonly<Record<string, { treatment: ErasureTreatment; why: string }>> = {
  'sessions.person_id': { treatment: 'deleted', why: 'a credential' },
  'access_tokens.person_id': { treatment: 'deleted', why: 'a credential' },
  'sign_in_links.person_id': { treatment: 'deleted', why: 'a credential' },
  'notifications.person_id': { treatment: 'deleted', why: 'their inbox and undelivered emails: an erased person receives nothing' },
  'notification_digests.person_id': { treatment: 'deleted', why: 'their pending digest emails' },
  'notification_preferences.person_id': { treatment: 'deleted', why: 'their preferences' },
  'export_files.person_id': { treatment: 'deleted', why: 'their personal-data exports' },
  'export_files.requested_by_id': { treatment: 'deleted', why: 'files they generated (briefs list their meetings\' attendees)' },
  'audit_log.actor_id': { treatment: 'nulled', why: 'contract: AuditEntry.actor is null once the actor has been erased' },
  'working_group_participants.person_id': { treatment: 'ended', why: 'their seats end; who sat where stays as the group\'s history' },
  'meeting_invitations.person_id': { treatment: 'kept', why: 'past attendance stays in the minutes\' record; invitations to future meetings are deleted' },
  'membership_applications.submitted_by_id': { treatment: 'kept', why: 'the organisation\'s application, not the person\'s' },
  'membership_applications.decided_by_id': { treatment: 'kept', why: 'who decided is part of the group\'s record' },
  'priorities.created_by_id': { treatment: 'kept', why: 'authored content stays, attributed to "Former member"' },
  'priority_endorsements.endorsed_by_id': { treatment: 'kept', why: 'an organisation\'s endorsement' },
  'cooperation_proposals.author_id': { treatment: 'kept', why: 'authored content stays, attributed to "Former member"' },
  'proposal_comments.author_id': { treatment: 'kept', why: 'authored content stays, attributed to "Former member"' },
  'proposal_supports.supported_by_id': { treatment: 'kept', why: 'an organisation\'s support' },
  'proposal_partners.invited_by_id': { treatment: 'kept', why: 'an organisation\'s partnership record' },
  'proposal_partners.responded_by_id': { treatment: 'kept', why: 'an organisation\'s consent' },
  'proposal_events.actor_id': { treatment: 'kept', why: 'the proposal\'s history; the actor reads "Former member"' },
  'meetings.created_by_id': { treatment: 'kept', why: 'the meeting belongs to the group' },
  'agenda_items.presenter_id': { treatment: 'kept', why: 'the agenda as held; the presenter reads "Former member"' },
  'action_items.created_by_id': { treatment: 'kept', why: 'the meeting\'s record' },
  'action_items.owner_id': { treatment: 'kept', why: 'the meeting\'s record; the chair reassigns open items' },
  'data_pools.created_by_id': { treatment: 'kept', why: 'the pool belongs to its steward organisation' },
  'data_pool_datasets.created_by_id': { treatment: 'kept', why: 'a contributor organisation\'s dataset' },
  'data_pool_signatories.invited_by_id': { treatment: 'kept', why: 'the agreement\'s evidence' },
  'data_pool_signatories.signed_by_id': { treatment: 'kept', why: 'the agreement\'s evidence: the organisation signed (Art. 17(3)(e))' },
  'data_pool_events.actor_id': { treatment: 'kept', why: 'the append-only agreement log; the actor reads "Former member"' },
  'data_access_requests.requested_by_id': { treatment: 'kept', why: 'an organisation\'s request' },
  'data_access_requests.decided_by_id': { treatment: 'kept', why: 'the steward\'s decision' },
  'capabilities.created_by_id': { treatment: 'kept', why: 'an organisation\'s marketplace offer' },
  'resource_needs.created_by_id': { treatment: 'kept', why: 'an organisation\'s marketplace need' },
  'introductions.requested_by_id': { treatment: 'kept', why: 'the organisations\' introduction' },
  'introductions.answered_by_id': { treatment: 'kept', why: 'the organisations\' introduction' },
  'ballots.created_by_id': { treatment: 'kept', why: 'the ballot belongs to the group' },
  'ballot_votes.cast_by_id': { treatment: 'kept', why: 'the organisation\'s vote; the result must not change' },
  'antitrust_acknowledgements.person_id': { treatment: 'kept', why: 'compliance evidence of a past meeting (Art. 17(3)(e))' },
  'meeting_antitrust.approved_by_id': { treatment: 'kept', why: 'compliance evidence: who approved the agenda' },
};
