import { EntityManager } from 'typeorm';

/**
 * One section of a person's data export: the rows of one table that are about the person, as JSON.
 * `from` is the rest of the statement after `SELECT …`, with `$1` the person's id; `x` is the row.
 */
interface Section {
  name: string;
  from: string;
}

/** Columns never exported: credentials' hashes, files' bytes and search indexes (derived, not data). */
const WITHHELD = ['token_hash', 'content', 'search_document'];

const SECTIONS: readonly Section[] = [
  { name: 'seats', from: `working_group_participants x JOIN working_groups g ON g.id = x.working_group_id WHERE x.person_id = $1` },
  { name: 'membershipApplications', from: `membership_applications x WHERE x.submitted_by_id = $1 OR x.decided_by_id = $1` },
  { name: 'prioritiesCreated', from: `priorities x WHERE x.created_by_id = $1` },
  { name: 'priorityEndorsements', from: `priority_endorsements x WHERE x.endorsed_by_id = $1` },
  { name: 'proposalsAuthored', from: `cooperation_proposals x WHERE x.author_id = $1` },
  { name: 'proposalComments', from: `proposal_comments x WHERE x.author_id = $1` },
  { name: 'proposalSupports', from: `proposal_supports x WHERE x.supported_by_id = $1` },
  { name: 'proposalPartnerAnswers', from: `proposal_partners x WHERE x.invited_by_id = $1 OR x.responded_by_id = $1` },
  { name: 'proposalEvents', from: `proposal_events x WHERE x.actor_id = $1` },
  { name: 'ballotsCreated', from: `ballots x WHERE x.created_by_id = $1` },
  { name: 'votes', from: `ballot_votes x WHERE x.cast_by_id = $1` },
  { name: 'meetingsCreated', from: `meetings x WHERE x.created_by_id = $1` },
  { name: 'meetingInvitations', from: `meeting_invitations x JOIN meetings m ON m.id = x.meeting_id WHERE x.person_id = $1` },
  { name: 'antitrustAcknowledgements', from: `antitrust_acknowledgements x WHERE x.person_id = $1` },
  { name: 'agendaApprovals', from: `meeting_antitrust x WHERE x.approved_by_id = $1` },
  { name: 'agendaItemsPresented', from: `agenda_items x WHERE x.presenter_id = $1` },
  { name: 'actionItems', from: `action_items x WHERE x.owner_id = $1 OR x.created_by_id = $1` },
  { name: 'notifications', from: `notifications x WHERE x.person_id = $1` },
  { name: 'notificationDigests', from: `notification_digests x WHERE x.person_id = $1` },
  { name: 'notificationPreferences', from: `notification_preferences x WHERE x.person_id = $1` },
  { name: 'sessions', from: `sessions x WHERE x.person_id = $1` },
  { name: 'accessTokens', from: `access_tokens x WHERE x.person_id = $1` },
  { name: 'signInLinks', from: `sign_in_links x WHERE x.person_id = $1` },
  { name: 'signInRequests', from: `sign_in_requests x WHERE lower(x.email) = (SELECT lower(email) FROM people WHERE id = $1)` },
  { name: 'dataPoolsCreated', from: `data_pools x WHERE x.created_by_id = $1` },
  { name: 'dataPoolDatasets', from: `data_pool_datasets x WHERE x.created_by_id = $1` },
  { name: 'dataPoolSignatures', from: `data_pool_signatories x WHERE x.signed_by_id = $1 OR x.invited_by_id = $1` },
  { name: 'dataPoolEvents', from: `data_pool_events x WHERE x.actor_id = $1` },
  { name: 'dataAccessRequests', from: `data_access_requests x WHERE x.requested_by_id = $1 OR x.decided_by_id = $1` },
  { name: 'capabilitiesCreated', from: `capabilities x WHERE x.created_by_id = $1` },
  { name: 'resourceNeedsCreated', from: `resource_needs x WHERE x.created_by_id = $1` },
  { name: 'introductions', from: `introductions x WHERE x.requested_by_id = $1 OR x.answered_by_id = $1` },
  { name: 'exportFiles', from: `export_files x WHERE x.requested_by_id = $1 OR x.person_id = $1` },
  { name: 'auditLog', from: `audit_log x WHERE x.actor_id = $1` },
];

/** Extra columns some sections carry, so the file reads without looking ids up. */
const EXTRA: Record<string, string> = {
  seats: `jsonb_build_object('workingGroupName', g.name)`,
  meetingInvitations: `jsonb_build_object('meetingTitle', m.title, 'meetingStartsAt', m.starts_at)`,
};

export interface PersonalData {
  exportedAt: string;
  profile: Record<string, unknown>;
  [section: string]: unknown;
}

/** The sections every export holds, in order (docs/privacy.md lists them). */
export const PERSONAL_DATA_SECTIONS = ['profile', ...SECTIONS.map((s) => s.name)];

/**
 * Everything the platform holds about one person (GDPR Art. 15/20), read in one repeatable-read
 * snapshot: their profile and, per table, the rows about them, without secrets (hashes) and without
 * other people's data (rows are selected by the person's own id; joined columns are titles and names
 * of groups and meetings, not people). Holds the person's row FOR SHARE for the rest of the
 * transaction, so an erasure waits for the export. Null when the person does not exist.
 */
export async function gatherPersonalData(em: EntityManager, personId: string): Promise<PersonalData | null> {
  const [profile]: { profile: Record<string, unknown> }[] = await em.query(
    `SELECT to_jsonb(p) - $2::text[] || jsonb_build_object('organizationName', o.name) AS profile
     FROM people p JOIN organizations o ON o.id = p.organization_id WHERE p.id = $1 FOR SHARE OF p`,
    [personId, WITHHELD],
  );
  if (!profile) return null;
  const [sections]: Record<string, unknown[]>[] = await em.query(SECTIONS_STATEMENT, [personId, WITHHELD]);
  return { exportedAt: new Date().toISOString(), profile: profile.profile, ...sections };
}

/** Every section in one statement: one column per section, each the JSON array of its rows. */
const SECTIONS_STATEMENT = `SELECT ${SECTIONS.map((section) => {
  const extra = EXTRA[section.name] ? ` || ${EXTRA[section.name]}` : '';
  return `(SELECT coalesce(jsonb_agg(to_jsonb(x) - $2::text[]${extra}), '[]'::jsonb) FROM ${section.from}) AS "${section.name}"`;
}).join(',\n  ')}`;
