import { EntityManager } from 'typeorm';
import { canReadProposalSql } from '@app/proposals';
import { translate } from '../i18n/translate';
import { NotificationCategory } from '../notification.enums';
import { PlannedNotification, RecipientRule } from './recipient-rules';
import { asViewer, RECIPIENT_COLUMNS, RecipientPerson } from './recipient-viewer';

interface ProposalFacts {
  id: string;
  title: string;
  state: string;
  workingGroupId: string;
  groupName: string;
  leadOrganizationId: string;
  authorId: string;
  authorName: string;
}

async function proposalFacts(em: EntityManager, proposalId: unknown): Promise<ProposalFacts | undefined> {
  const [row]: ProposalFacts[] = await em.query(
    `SELECT p.id, p.title, p.state, p.working_group_id AS "workingGroupId", g.name AS "groupName",
            p.lead_organization_id AS "leadOrganizationId", p.author_id AS "authorId", a.name AS "authorName"
     FROM cooperation_proposals p JOIN working_groups g ON g.id = p.working_group_id JOIN people a ON a.id = p.author_id
     WHERE p.id = $1`,
    [proposalId],
  );
  return row;
}

/** People with a current seat in the group; only those of `organizationIds` when given. */
function seatedPeople(em: EntityManager, groupId: string, organizationIds?: string[]): Promise<RecipientPerson[]> {
  return em.query(
    `SELECT ${RECIPIENT_COLUMNS} FROM people p
     WHERE EXISTS (SELECT 1 FROM working_group_participants s WHERE s.person_id = p.id AND s.working_group_id = $1 AND s.ended_at IS NULL)
       AND ($2::uuid[] IS NULL OR p.organization_id = ANY($2::uuid[]))`,
    [groupId, organizationIds ?? null],
  );
}

/** Candidates per statement: each brings its own copy of the read condition. */
const READERS_PER_STATEMENT = 100;

/**
 * The candidates who may read the proposal now, judged by the proposals lib's own rule
 * (`canReadProposalSql`) with each candidate as the viewer — the same answer they would get signed
 * in, so a notification never tells anyone about a proposal they may not open. One statement per
 * hundred candidates: a UNION ALL of one branch per candidate.
 */
export async function mayReadProposal(em: EntityManager, proposalId: string, candidates: RecipientPerson[]): Promise<RecipientPerson[]> {
  const readable = new Set<string>();
  for (let start = 0; start < candidates.length; start += READERS_PER_STATEMENT) {
    const params: unknown[] = [proposalId];
    const branches = candidates.slice(start, start + READERS_PER_STATEMENT).map((person) => {
      params.push(person.id);
      const id = `$${params.length}::uuid`;
      return `SELECT ${id} AS id FROM cooperation_proposals p WHERE p.id = $1 AND ${canReadProposalSql(asViewer(person), 'p', params)}`;
    });
    const rows: { id: string }[] = await em.query(branches.join('\nUNION ALL\n'), params);
    for (const row of rows) readable.add(row.id);
  }
  return candidates.filter((person) => readable.has(person.id));
}

/** The lead organisation and the partners that have not declined. */
async function partyOrganizations(em: EntityManager, proposal: ProposalFacts): Promise<string[]> {
  const partners: { id: string }[] = await em.query(`SELECT organization_id AS id FROM proposal_partners WHERE proposal_id = $1 AND consent <> 'DECLINED'`, [
    proposal.id,
  ]);
  return [proposal.leadOrganizationId, ...partners.map((p) => p.id)];
}

/**
 * The people of the lead and partner organisations (not declined) who hold a seat in the group, plus
 * the author, as far as they may read the proposal now.
 */
async function partyPeople(em: EntityManager, proposal: ProposalFacts): Promise<RecipientPerson[]> {
  const seated = await seatedPeople(em, proposal.workingGroupId, await partyOrganizations(em, proposal));
  const [author]: RecipientPerson[] = await em.query(`SELECT ${RECIPIENT_COLUMNS} FROM people p WHERE p.id = $1`, [proposal.authorId]);
  const candidates = author && !seated.some((p) => p.id === author.id) ? [...seated, author] : seated;
  return mayReadProposal(em, proposal.id, candidates);
}

const link = (proposal: ProposalFacts) => `/proposals/${proposal.id}`;

function baseData(proposal: ProposalFacts): Record<string, unknown> {
  return { proposalId: proposal.id, proposalTitle: proposal.title, workingGroupId: proposal.workingGroupId, groupName: proposal.groupName };
}

/** Enum values (states, consent) in each recipient's language. */
function localised(people: RecipientPerson[], values: (locale: string) => Record<string, unknown>): Record<string, Record<string, unknown>> {
  return Object.fromEntries(people.map((person) => [person.id, values(person.locale)]));
}

const stateName = (locale: string, state: unknown) => translate(locale, `proposalState.${String(state)}`);
const consentName = (locale: string, consent: unknown) => translate(locale, `consent.${String(consent)}`);

/** partner_invited for the invited organisation's seated people who may read the proposal. */
async function invitationNotice(em: EntityManager, proposal: ProposalFacts, organization: { id: string; name: string }): Promise<PlannedNotification | null> {
  const invited = await mayReadProposal(em, proposal.id, await seatedPeople(em, proposal.workingGroupId, [organization.id]));
  if (invited.length === 0) return null;
  return {
    category: NotificationCategory.PROPOSALS,
    type: 'proposal.partner_invited',
    recipientIds: invited.map((p) => p.id),
    link: link(proposal),
    data: { ...baseData(proposal), organizationId: organization.id, organizationName: organization.name },
  };
}

/**
 * A state change. Submitted: every participant of the group who may read it (proposal.submitted),
 * the draft's invited partners and lead included (they heard of their invitation when it was made).
 * Any other move: the parties' people (proposal.state_changed).
 */
export const proposalStateChanged: RecipientRule = async (event, em) => {
  const proposal = await proposalFacts(em, event.proposalId);
  if (!proposal) return [];
  if (event.toState === 'SUBMITTED') {
    const readers = await mayReadProposal(em, proposal.id, await seatedPeople(em, proposal.workingGroupId));
    return [
      {
        category: NotificationCategory.PROPOSALS,
        type: 'proposal.submitted',
        recipientIds: readers.map((p) => p.id),
        link: link(proposal),
        data: { ...baseData(proposal), authorName: proposal.authorName },
      },
    ];
  }
  const people = await partyPeople(em, proposal);
  return [
    {
      category: NotificationCategory.PROPOSALS,
      type: 'proposal.state_changed',
      recipientIds: people.map((p) => p.id),
      link: link(proposal),
      data: { ...baseData(proposal), toState: event.toState, fromStateCode: event.fromState, note: event.note ?? null },
      perRecipient: localised(people, (locale) => ({ state: stateName(locale, event.toState), fromState: stateName(locale, event.fromState) })),
    },
  ];
};

/**
 * A partner was invited: the invited organisation's people who hold a seat in the group, at once, a
 * draft included (an invited organisation reads the draft it is asked to join).
 */
export const proposalPartnerInvited: RecipientRule = async (event, em) => {
  const proposal = await proposalFacts(em, event.proposalId);
  if (!proposal || typeof event.organizationId !== 'string') return [];
  const [organization]: { id: string; name: string }[] = await em.query(
    `SELECT o.id, o.name FROM proposal_partners pp JOIN organizations o ON o.id = pp.organization_id
     WHERE pp.proposal_id = $1 AND pp.organization_id = $2`,
    [proposal.id, event.organizationId],
  );
  if (!organization) return [];
  const notice = await invitationNotice(em, proposal, organization);
  return notice ? [notice] : [];
};

/**
 * Another organisation was named as lead of a draft: its people who hold a seat in the group, as far
 * as they may still read it (nobody once it declined, which hands the lead back to the author's).
 */
export const proposalLeadInvited: RecipientRule = async (event, em) => {
  const proposal = await proposalFacts(em, event.proposalId);
  if (!proposal || typeof event.organizationId !== 'string') return [];
  const [organization]: { id: string; name: string }[] = await em.query(`SELECT id, name FROM organizations WHERE id = $1`, [event.organizationId]);
  if (!organization) return [];
  const invited = await mayReadProposal(em, proposal.id, await seatedPeople(em, proposal.workingGroupId, [organization.id]));
  if (invited.length === 0) return [];
  return [
    {
      category: NotificationCategory.PROPOSALS,
      type: 'proposal.lead_invited',
      recipientIds: invited.map((p) => p.id),
      link: link(proposal),
      data: { ...baseData(proposal), organizationId: organization.id, organizationName: organization.name, authorName: proposal.authorName },
    },
  ];
};

/**
 * An organisation answered an invitation (`type` names which): the parties' people as they now are (the
 * lead, partners not declined, the author), so a lead that declined and handed the lead back is not told.
 */
function answerRule(type: 'proposal.partner_responded' | 'proposal.lead_responded'): RecipientRule {
  return async (event, em) => {
    const proposal = await proposalFacts(em, event.proposalId);
    if (!proposal) return [];
    const [organization]: { name: string }[] = await em.query(`SELECT name FROM organizations WHERE id = $1`, [event.organizationId]);
    const people = await partyPeople(em, proposal);
    return [
      {
        category: NotificationCategory.PROPOSALS,
        type,
        recipientIds: people.map((p) => p.id),
        link: link(proposal),
        data: { ...baseData(proposal), organizationId: event.organizationId, organizationName: organization?.name ?? '', consentCode: event.note },
        perRecipient: localised(people, (locale) => ({ consent: consentName(locale, event.note) })),
      },
    ];
  };
}

/** A partner answered. */
export const proposalPartnerResponded = answerRule('proposal.partner_responded');

/** The organisation named as lead answered. */
export const proposalLeadResponded = answerRule('proposal.lead_responded');

/** A comment: the proposal's author and everyone who commented before, as far as they may still read it. */
export const proposalCommented: RecipientRule = async (event, em) => {
  const proposal = await proposalFacts(em, event.proposalId);
  if (!proposal) return [];
  const [comment]: { authorName: string; createdAt: Date }[] = await em.query(
    `SELECT a.name AS "authorName", c.created_at AS "createdAt" FROM proposal_comments c JOIN people a ON a.id = c.author_id WHERE c.id = $1`,
    [event.commentId],
  );
  if (!comment) return [];
  const candidates: RecipientPerson[] = await em.query(
    `SELECT ${RECIPIENT_COLUMNS} FROM people p
     WHERE p.id = $2 OR EXISTS (SELECT 1 FROM proposal_comments c WHERE c.proposal_id = $1 AND c.author_id = p.id AND c.id <> $3 AND c.created_at <= $4)`,
    [proposal.id, proposal.authorId, event.commentId, comment.createdAt],
  );
  const people = await mayReadProposal(em, proposal.id, candidates);
  return [
    {
      category: NotificationCategory.COMMENTS,
      type: 'proposal.commented',
      recipientIds: people.map((p) => p.id),
      link: `${link(proposal)}#comment-${String(event.commentId)}`,
      data: { ...baseData(proposal), commentId: event.commentId, authorName: comment.authorName },
    },
  ];
};

export const PROPOSAL_RULES: Record<string, RecipientRule> = {
  PROPOSAL_STATE_CHANGED: proposalStateChanged,
  PROPOSAL_PARTNER_INVITED: proposalPartnerInvited,
  PROPOSAL_LEAD_INVITED: proposalLeadInvited,
  PROPOSAL_LEAD_RESPONDED: proposalLeadResponded,
  PROPOSAL_PARTNER_RESPONDED: proposalPartnerResponded,
  PROPOSAL_COMMENTED: proposalCommented,
};
