import { randomUUID } from 'node:crypto';
import { OrganizationsService } from '@app/organizations';
import { PeopleService, PlatformRole } from '@app/people';
import { TestApp, tokenFor } from './test-app';

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence += 1)}`;

export interface Actor {
  id: string;
  organizationId: string;
  email: string;
  token: string;
}

/** An organisation, created through the service (set-up). */
export async function makeOrganization(t: TestApp, overrides: { name?: string; kind?: string; country?: string } = {}) {
  return t.app.get(OrganizationsService).insert({
    name: overrides.name ?? `Org ${next()}`,
    kind: (overrides.kind ?? 'OEM') as never,
    country: overrides.country ?? 'DE',
  });
}

/** A person with an access token; a new organisation unless one is given. */
export async function makePerson(t: TestApp, options: { organizationId?: string; admin?: boolean; name?: string } = {}): Promise<Actor> {
  const organizationId = options.organizationId ?? (await makeOrganization(t)).id;
  const email = `person-${next()}@example.org`;
  const person = await t.app.get(PeopleService).create({
    email,
    name: options.name ?? `Person ${next()}`,
    organizationId,
    role: options.admin ? PlatformRole.ADMIN : PlatformRole.MEMBER,
  });
  return { id: person.id, organizationId, email, token: await tokenFor(t, person.id) };
}

/** A working group, inserted directly (set-up). */
export async function makeGroup(t: TestApp, status = 'ACTIVE'): Promise<{ id: string; slug: string }> {
  const id = randomUUID();
  const slug = `group-${next()}`;
  await t.dataSource.query(`INSERT INTO working_groups (id, slug, name, mission, status) VALUES ($1, $2, $3, 'Mission', $4)`, [
    id,
    slug,
    `Group ${slug}`,
    status,
  ]);
  return { id, slug };
}

/** Makes the person's organisation an active member and gives the person a seat (set-up). */
export async function seat(t: TestApp, groupId: string, person: Actor, role: string): Promise<void> {
  await t.dataSource.query(
    `INSERT INTO working_group_memberships (id, working_group_id, organization_id) VALUES ($1, $2, $3)
     ON CONFLICT (working_group_id, organization_id) DO UPDATE SET status = 'ACTIVE', ended_at = NULL`,
    [randomUUID(), groupId, person.organizationId],
  );
  await t.dataSource.query(`INSERT INTO working_group_participants (id, working_group_id, person_id, role) VALUES ($1, $2, $3, $4)`, [
    randomUUID(),
    groupId,
    person.id,
    role,
  ]);
}

// --- Proposals (test/proposals*.e2e-spec.ts) ---

/** A priority inserted directly, ranked last in its scope (null group: alliance-wide) (set-up). */
export async function makePriority(t: TestApp, workingGroupId: string | null, createdBy: Actor, title = `Priority ${next()}`): Promise<{ id: string; title: string }> {
  const id = randomUUID();
  await t.dataSource.query(
    `INSERT INTO priorities (id, working_group_id, title, description, rank, status, created_by_id)
     SELECT $1, $2::uuid, $3, 'Description', COALESCE(MAX(rank), 0) + 1, 'ADOPTED', $4 FROM priorities WHERE working_group_id IS NOT DISTINCT FROM $2::uuid`,
    [id, workingGroupId, title, createdBy.id],
  );
  return { id, title };
}

/** A DRAFT proposal created through the API by `author`; returns its id. */
export async function makeProposal(
  t: TestApp,
  author: Actor,
  workingGroupId: string,
  input: { title?: string; summary?: string; body?: string; kind?: string; confidentiality?: string; leadOrganizationId?: string; priorityIds?: string[] } = {},
): Promise<string> {
  const response = await t.gql(
    `mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id } }`,
    { input: { title: `Proposal ${next()}`, summary: 'Summary', body: 'Body', kind: 'DATA_POOLING', workingGroupId, ...input } },
    author.token,
  );
  if (response.errors) throw new Error(`createProposal failed: ${JSON.stringify(response.errors)}`);
  return response.data.createProposal.id;
}

/** The moves from DRAFT to each state, as the contract allows them. */
export const PROPOSAL_PATHS: Record<string, string[]> = {
  DRAFT: [],
  SUBMITTED: ['SUBMITTED'],
  UNDER_REVIEW: ['SUBMITTED', 'UNDER_REVIEW'],
  APPROVED: ['SUBMITTED', 'UNDER_REVIEW', 'APPROVED'],
  REJECTED: ['SUBMITTED', 'UNDER_REVIEW', 'REJECTED'],
  IN_PROGRESS: ['SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'IN_PROGRESS'],
  COMPLETED: ['SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'IN_PROGRESS', 'COMPLETED'],
  WITHDRAWN: ['WITHDRAWN'],
};

/** Moves a DRAFT proposal to `state` through the API: the author's organisation submits and withdraws, `manager` does the rest. */
export async function moveProposal(t: TestApp, id: string, state: string, actors: { author: Actor; manager: Actor }): Promise<void> {
  for (const step of PROPOSAL_PATHS[state]) {
    const actor = step === 'SUBMITTED' || step === 'WITHDRAWN' ? actors.author : actors.manager;
    const response = await t.gql(
      `mutation ($id: ID!, $state: ProposalState!, $note: String) { changeProposalState(id: $id, state: $state, note: $note) { state } }`,
      { id, state: step, note: step === 'REJECTED' ? 'Out of scope' : null },
      actor.token,
    );
    if (response.errors) throw new Error(`changeProposalState(${step}) failed: ${JSON.stringify(response.errors)}`);
  }
}
