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

/** A person of the organisation named as a draft's lead (not the author's) accepts to lead it. */
export async function acceptLead(t: TestApp, id: string, lead: Actor): Promise<void> {
  const response = await t.gql(
    `mutation ($id: ID!) { respondToLeadInvitation(proposalId: $id, consent: CONSENTED) { leadConsent } }`,
    { id },
    lead.token,
  );
  if (response.errors) throw new Error(`respondToLeadInvitation failed: ${JSON.stringify(response.errors)}`);
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

/** Invites an organisation as partner through the API; a person of it answers when `answer` is given (set-up). */
export async function invitePartner(t: TestApp, inviter: Actor, id: string, organizationId: string, answer?: { by: Actor; consent: 'CONSENTED' | 'DECLINED' }): Promise<void> {
  const invited = await t.gql(`mutation ($id: ID!, $org: ID!) { invitePartner(proposalId: $id, organizationId: $org) { id } }`, { id, org: organizationId }, inviter.token);
  if (invited.errors) throw new Error(`invitePartner failed: ${JSON.stringify(invited.errors)}`);
  if (!answer) return;
  const answered = await t.gql(
    `mutation ($id: ID!, $consent: PartnerConsent!) { respondToPartnerInvitation(proposalId: $id, consent: $consent) { id } }`,
    { id, consent: answer.consent },
    answer.by.token,
  );
  if (answered.errors) throw new Error(`respondToPartnerInvitation failed: ${JSON.stringify(answered.errors)}`);
}

/** The proposals of the visibility tests: one per confidentiality past its draft, and two drafts. */
export type VisibilityCase = 'pub' | 'mem' | 'wg' | 'par' | 'draftLead' | 'draftPartner';

/**
 * One proposal of each `VisibilityCase` by `author` in `groupId`, through the API: PUBLIC SUBMITTED, MEMBERS
 * UNDER_REVIEW, WORKING_GROUP APPROVED and PARTIES IN_PROGRESS, led by `lead`'s organisation (which accepted),
 * each with `partner` consenting, `invited` not answering and `declined` declining; a PUBLIC draft led by
 * `lead`'s organisation (not answered), and a PUBLIC draft of the author's own with `partner` invited.
 */
export async function makeProposalsOfEveryVisibility(
  t: TestApp,
  groupId: string,
  people: { author: Actor; lead: Actor; manager: Actor; partner: Actor; invited: Actor; declined: Actor },
  fields: { body: string; summary?: (title: string) => string; priorityIds?: string[] },
): Promise<Record<VisibilityCase, string>> {
  const { author, lead, manager, partner, invited, declined } = people;
  const create = (title: string, confidentiality: string, leadOrganizationId?: string) =>
    makeProposal(t, author, groupId, { title, body: fields.body, confidentiality, leadOrganizationId, priorityIds: fields.priorityIds, ...(fields.summary ? { summary: fields.summary(title) } : {}) });
  const ids = {} as Record<VisibilityCase, string>;
  ids.pub = await create('Public pool', 'PUBLIC', lead.organizationId);
  ids.mem = await create('Members pool', 'MEMBERS', lead.organizationId);
  ids.wg = await create('Group pool', 'WORKING_GROUP', lead.organizationId);
  ids.par = await create('Parties pool', 'PARTIES', lead.organizationId);
  ids.draftLead = await create('Draft led by another organisation', 'PUBLIC', lead.organizationId);
  ids.draftPartner = await create('Draft with a partner', 'PUBLIC');
  const submitted = { pub: 'SUBMITTED', mem: 'UNDER_REVIEW', wg: 'APPROVED', par: 'IN_PROGRESS' } as const;
  // The lead accepts to lead the four it leads past their draft; the draft it leads stays unanswered.
  for (const key of Object.keys(submitted) as (keyof typeof submitted)[]) {
    await acceptLead(t, ids[key], lead);
    await moveProposal(t, ids[key], submitted[key], { author, manager });
    await invitePartner(t, lead, ids[key], partner.organizationId, { by: partner, consent: 'CONSENTED' });
    await invitePartner(t, lead, ids[key], invited.organizationId);
    await invitePartner(t, lead, ids[key], declined.organizationId, { by: declined, consent: 'DECLINED' });
  }
  // The author's organisation leads this draft, so it may invite already; the partner reads it from then on.
  await invitePartner(t, author, ids.draftPartner, partner.organizationId);
  return ids;
}

// --- Meeting-prep (test/meeting-prep.e2e-spec.ts): meetings and proposals inserted directly (set-up) ---

/** A proposal inserted directly (no state machine), with its partners and supporting organisations. */
export async function insertProposal(
  t: TestApp,
  author: Actor,
  workingGroupId: string,
  fields: {
    title: string;
    state?: string;
    confidentiality?: string;
    leadOrganizationId?: string;
    partners?: { organizationId: string; consent: string; role?: string }[];
    supporters?: Actor[];
  },
): Promise<string> {
  const id = randomUUID();
  const supporters = fields.supporters ?? [];
  await t.dataSource.query(
    `INSERT INTO cooperation_proposals (id, working_group_id, title, summary, body, kind, state, confidentiality,
       lead_organization_id, author_id, author_organization_id, support_count, submitted_at)
     VALUES ($1, $2, $3, 'Summary', 'Body', 'DATA_POOLING', $4, $5, $6, $7, $8, $9, now())`,
    [id, workingGroupId, fields.title, fields.state ?? 'UNDER_REVIEW', fields.confidentiality ?? 'WORKING_GROUP', fields.leadOrganizationId ?? author.organizationId, author.id, author.organizationId, supporters.length],
  );
  for (const partner of fields.partners ?? []) {
    await t.dataSource.query(
      `INSERT INTO proposal_partners (proposal_id, organization_id, role, consent, invited_by_id) VALUES ($1, $2, $3, $4, $5)`,
      [id, partner.organizationId, partner.role ?? null, partner.consent, author.id],
    );
  }
  for (const supporter of supporters) {
    await t.dataSource.query(`INSERT INTO proposal_supports (proposal_id, organization_id, supported_by_id) VALUES ($1, $2, $3)`, [id, supporter.organizationId, supporter.id]);
  }
  return id;
}

/** A meeting inserted directly; null group: an alliance-wide workshop. */
export async function insertMeeting(
  t: TestApp,
  createdBy: Actor,
  workingGroupId: string | null,
  fields: { title: string; startsAt: string; endsAt: string; timezone?: string; status?: string; cancelReason?: string; minutes?: string; description?: string; location?: string; onlineUrl?: string; format?: string; sequence?: number },
): Promise<string> {
  const id = randomUUID();
  await t.dataSource.query(
    `INSERT INTO meetings (id, working_group_id, title, description, format, location, online_url, starts_at, ends_at, timezone, status, cancel_reason, minutes, sequence, created_by_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      id,
      workingGroupId,
      fields.title,
      fields.description ?? null,
      fields.format ?? 'IN_PERSON',
      fields.location ?? null,
      fields.onlineUrl ?? null,
      fields.startsAt,
      fields.endsAt,
      fields.timezone ?? 'Europe/Brussels',
      fields.status ?? 'SCHEDULED',
      fields.cancelReason ?? null,
      fields.minutes ?? null,
      fields.sequence ?? 0,
      createdBy.id,
    ],
  );
  return id;
}

/** Replaces a meeting's agenda with these items, in order (set-up). */
export async function insertAgenda(
  t: TestApp,
  meetingId: string,
  items: { title: string; durationMinutes: number; description?: string; presenterId?: string; proposalId?: string; priorityId?: string }[],
): Promise<void> {
  await t.dataSource.query(`DELETE FROM agenda_items WHERE meeting_id = $1`, [meetingId]);
  for (const [i, item] of items.entries()) {
    await t.dataSource.query(
      `INSERT INTO agenda_items (id, meeting_id, position, title, description, duration_minutes, presenter_id, proposal_id, priority_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [randomUUID(), meetingId, i + 1, item.title, item.description ?? null, item.durationMinutes, item.presenterId ?? null, item.proposalId ?? null, item.priorityId ?? null],
    );
  }
}

/** Invites a person with an answer already given (INVITED: none yet) (set-up). */
export async function insertInvitation(t: TestApp, meetingId: string, person: Actor, status = 'INVITED', attended: boolean | null = null): Promise<void> {
  await t.dataSource.query(
    `INSERT INTO meeting_invitations (meeting_id, person_id, status, attended, responded_at) VALUES ($1, $2, $3, $4, CASE WHEN $3 = 'INVITED' THEN NULL ELSE now() END)`,
    [meetingId, person.id, status, attended],
  );
}

/** An action item recorded at a meeting (set-up). */
export async function insertActionItem(t: TestApp, meetingId: string, createdBy: Actor, fields: { title: string; owner?: Actor; dueDate?: string; status?: string }): Promise<string> {
  const id = randomUUID();
  await t.dataSource.query(
    `INSERT INTO action_items (id, meeting_id, title, owner_id, due_date, status, created_by_id, done_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $6 = 'DONE' THEN now() END)`,
    [id, meetingId, fields.title, fields.owner?.id ?? null, fields.dueDate ?? null, fields.status ?? 'OPEN', createdBy.id],
  );
  return id;
}
