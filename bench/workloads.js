// The three workloads of the side-by-side benchmark (issue 6), as the same logical operation on this
// platform and on PostGraphile v5. Shared by bench/run.js and test/bench-workloads.e2e-spec.ts, which
// guards the platform's SQL statements per request for exactly these operations.
const { randomUUID } = require('node:crypto');
const { Client } = require('pg');

/**
 * Seeded ids the workloads need: a group, a member organisation of it, and a person of that organisation
 * seated in the group as a MEMBER — the viewer of the member rows (issue 21), who may also draft there.
 */
async function fixtures(url) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT s.working_group_id, p.organization_id, p.id AS person_id, p.email
         FROM working_group_participants s
         JOIN people p ON p.id = s.person_id
         JOIN working_group_memberships m ON m.working_group_id = s.working_group_id AND m.organization_id = p.organization_id
        WHERE s.role = 'MEMBER' AND s.ended_at IS NULL AND m.status = 'ACTIVE' AND m.ended_at IS NULL
        ORDER BY s.id LIMIT 1`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

/** The same logical operation on both servers; `count` returns the rows a response holds (to compare). */
function workloads(f) {
  const flatPlatform = `{ proposals(first: 50) { edges { node { id title state kind supportCount createdAt } } } }`;
  const flatPgl = `{ allCooperationProposals(first: 50, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) { nodes { rowId title state kind supportCount createdAt } } }`;
  const nestedPlatform = `{ organizations(first: 10) { edges { node { id name memberships { id status workingGroup { id name
      proposals(first: 20) { edges { node { id title leadOrganization { id name } supporters { id name } } } } } } } } } }`;
  const nestedPgl = `{ allOrganizations(first: 10, orderBy: PRIMARY_KEY_ASC) { nodes { rowId name
      workingGroupMembershipsByOrganizationId(orderBy: PRIMARY_KEY_ASC) { nodes { rowId status workingGroupByWorkingGroupId { rowId name
        cooperationProposalsByWorkingGroupId(first: 20, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) { nodes { rowId title
          organizationByLeadOrganizationId { rowId name }
          proposalSupportsByProposalId { nodes { organizationByOrganizationId { rowId name } } } } } } } } } } }`;
  const draft = { title: 'Bench draft', summary: 'A draft created by the benchmark.', body: 'Body of the benchmark draft.', kind: 'DATA_POOLING' };
  const mutationPlatform = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id title state } }`;
  const mutationPgl = `mutation($input: CreateCooperationProposalInput!) { createCooperationProposal(input: $input) { cooperationProposal { rowId title state } } }`;
  const nestedCount = (orgs, memberships, group, proposals, supporters) => {
    let n = 0;
    for (const o of orgs) {
      n++;
      for (const m of memberships(o)) {
        n += 2;
        for (const p of proposals(group(m))) n += 2 + supporters(p).length;
      }
    }
    return n;
  };
  return [
    {
      name: 'flat',
      title: 'flat: 50 proposals × 6 scalar fields',
      platform: { body: () => JSON.stringify({ query: flatPlatform }), count: (d) => d.proposals.edges.length },
      postgraphile: { body: () => JSON.stringify({ query: flatPgl }), count: (d) => d.allCooperationProposals.nodes.length },
      // bench/floor-server.js answers the platform's JSON to any POST, running the platform's own statement.
      floor: { body: () => JSON.stringify({ query: flatPlatform }), count: (d) => d.proposals.edges.length },
    },
    {
      name: 'nested',
      title: 'nested: 10 organisations → memberships → group → 20 proposals → lead + supporters',
      platform: {
        body: () => JSON.stringify({ query: nestedPlatform }),
        count: (d) =>
          nestedCount(d.organizations.edges.map((e) => e.node), (o) => o.memberships, (m) => m.workingGroup, (g) => g.proposals.edges.map((e) => e.node), (p) => p.supporters),
      },
      postgraphile: {
        body: () => JSON.stringify({ query: nestedPgl }),
        count: (d) =>
          nestedCount(
            d.allOrganizations.nodes,
            (o) => o.workingGroupMembershipsByOrganizationId.nodes,
            (m) => m.workingGroupByWorkingGroupId,
            (g) => g.cooperationProposalsByWorkingGroupId.nodes,
            (p) => p.proposalSupportsByProposalId.nodes,
          ),
      },
    },
    {
      name: 'mutation',
      title: 'mutation: create a proposal draft',
      platform: {
        body: () => JSON.stringify({ query: mutationPlatform, variables: { input: { ...draft, workingGroupId: f.working_group_id, leadOrganizationId: f.organization_id } } }),
        count: (d) => (d.createProposal.state === 'DRAFT' ? 1 : 0),
      },
      postgraphile: {
        // PostGraphile's generated create needs the primary key (no default in the schema) and the
        // columns the platform fills from the viewer; one fresh id per request.
        body: () =>
          JSON.stringify({
            query: mutationPgl,
            variables: {
              input: {
                cooperationProposal: {
                  ...draft,
                  rowId: randomUUID(),
                  workingGroupId: f.working_group_id,
                  leadOrganizationId: f.organization_id,
                  authorId: f.person_id,
                  authorOrganizationId: f.organization_id,
                },
              },
            },
          }),
        count: (d) => (d.createCooperationProposal.cooperationProposal.state === 'DRAFT' ? 1 : 0),
      },
    },
  ];
}

module.exports = { fixtures, workloads };
