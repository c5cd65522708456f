// Row-level security for the PostGraphile-with-RLS reference (issue 21): the platform's proposal read
// rule (libs/proposals/src/proposal.policy.ts, `canReadProposal`, for a viewer who is not an admin) and its
// draft rule, as PostgreSQL policies over the viewer PostGraphile sets per request through `pgSettings`
// (`ecava.person_id`, `ecava.organization_id`, role `ecava_bench_member`). Without it PostGraphile does no
// visibility work at all, so a member's list on the platform would be compared with nobody's.
// test/bench-rls.e2e-spec.ts checks the policies return the same rows as the platform for the same viewer.

const ROLE = 'ecava_bench_member';

const person = `current_setting('ecava.person_id')::uuid`;
const organization = `current_setting('ecava.organization_id')::uuid`;
/** A current seat of the viewer, optionally in the row's group and with `extra`. */
const seat = (extra = '') =>
  `EXISTS (SELECT 1 FROM working_group_participants vs WHERE vs.person_id = ${person} AND vs.ended_at IS NULL${extra})`;
const inGroup = ` AND vs.working_group_id = cooperation_proposals.working_group_id`;

/** The statements that set the policies up; idempotent (the role is the cluster's, the rest the database's). */
const RLS_SQL = [
  `DO $$ BEGIN
     IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}') THEN CREATE ROLE ${ROLE} NOLOGIN; END IF;
   END $$`,
  `GRANT USAGE ON SCHEMA public TO ${ROLE}`,
  `GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${ROLE}`,
  `GRANT INSERT ON cooperation_proposals TO ${ROLE}`,
  `ALTER TABLE cooperation_proposals ENABLE ROW LEVEL SECURITY`,
  `DROP POLICY IF EXISTS bench_member_read ON cooperation_proposals`,
  // The parties read it in every state, a draft included; everyone else only once it has been submitted.
  `CREATE POLICY bench_member_read ON cooperation_proposals FOR SELECT TO ${ROLE} USING (
     author_organization_id = ${organization} OR lead_organization_id = ${organization}
     OR EXISTS (SELECT 1 FROM proposal_partners vp WHERE vp.proposal_id = cooperation_proposals.id AND vp.organization_id = ${organization} AND vp.consent <> 'DECLINED')
     OR (submitted_at IS NOT NULL AND (
       confidentiality = 'PUBLIC'
       OR (confidentiality = 'MEMBERS' AND ${seat()})
       OR (confidentiality = 'WORKING_GROUP' AND ${seat(inGroup)})
       OR (confidentiality = 'PARTIES' AND ${seat(`${inGroup} AND vs.role IN ('CHAIR', 'CO_CHAIR', 'SECRETARY')`)})
     )))`,
  `DROP POLICY IF EXISTS bench_member_draft ON cooperation_proposals`,
  // A draft as the platform's createProposal allows it: by the viewer, for their organisation, in a group where they take part.
  `CREATE POLICY bench_member_draft ON cooperation_proposals FOR INSERT TO ${ROLE} WITH CHECK (
     author_id = ${person} AND author_organization_id = ${organization} AND state = 'DRAFT'
     AND ${seat(`${inGroup} AND vs.role <> 'OBSERVER'`)})`,
];

/** Applies the policies to the database `client` is connected to (as its owner). */
async function applyRls(client) {
  for (const statement of RLS_SQL) await client.query(statement);
}

/** The `pgSettings` of one request as the viewer: what PostGraphile sets with `set_config(…, true)` in its transaction. */
function viewerSettings(personId, organizationId) {
  return { role: ROLE, 'ecava.person_id': personId, 'ecava.organization_id': organizationId };
}

module.exports = { ROLE, RLS_SQL, applyRls, viewerSettings };
