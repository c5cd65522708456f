import { EntityManager } from 'typeorm';
import { querySql, rawSql, sql } from '@app/core';
import { translate } from '../i18n/translate';
import { recordMatchesOfNeed, recordNewMatchesOfCapability } from '../marketplace/match-notices';
import { NotificationCategory } from '../notification.enums';
import { PlannedNotification, RecipientRule } from './recipient-rules';
import { RECIPIENT_COLUMNS, RecipientPerson } from './recipient-viewer';

/** The people of these organisations: the marketplace speaks to organisations, any of whose people act for them. */
function peopleOf(em: EntityManager, organizationIds: string[]): Promise<RecipientPerson[]> {
  return querySql<RecipientPerson>(em, sql`SELECT ${rawSql(RECIPIENT_COLUMNS)} FROM people p WHERE p.organization_id = ANY(${organizationIds}::uuid[])`);
}

/**
 * A capability was published or changed: each OPEN need it now matches, and whose owner was never told of
 * this pair, is announced to the need's organisation's people — one notification per need (the plan's key),
 * in the MARKETPLACE digest. Nobody else hears of any need, anonymous or not.
 */
export const capabilityMatched: RecipientRule = async (event, em) => {
  const [capability] = await querySql<{ title: string; providerName: string }>(
    em,
    sql`SELECT c.title, o.name AS "providerName" FROM capabilities c JOIN organizations o ON o.id = c.organization_id
        WHERE c.id = ${String(event.capabilityId)}::uuid AND c.status = 'ACTIVE'`,
  );
  if (!capability) return [];
  const matches = await recordNewMatchesOfCapability(em, String(event.capabilityId));
  if (matches.length === 0) return [];
  const people = await peopleOf(em, [...new Set(matches.map((m) => m.organizationId))]);
  return matches.map(
    (match): PlannedNotification => ({
      category: NotificationCategory.MARKETPLACE,
      type: 'marketplace.capability_matched',
      recipientIds: people.filter((p) => p.organizationId === match.organizationId).map((p) => p.id),
      link: `/resource-needs/${match.needId}`,
      data: { needId: match.needId, needTitle: match.needTitle, capabilityId: event.capabilityId, capabilityTitle: capability.title, providerName: capability.providerName },
      key: `need:${match.needId}`,
    }),
  );
};

/** A need was published or changed: the matches its people see on it now are recorded as known; nobody is told. */
export const needPublished: RecipientRule = async (event, em) => {
  await recordMatchesOfNeed(em, String(event.needId));
  return [];
};

interface IntroductionFacts {
  id: string;
  requestedById: string;
  answerNote: string | null;
  needId: string;
  needTitle: string;
  needOrganizationId: string;
  /** The owner's name: for its own people, and for the provider's only when the need is not anonymous. */
  ownerName: string;
  anonymous: boolean;
  capabilityTitle: string;
  providerOrganizationId: string;
  providerName: string;
}

async function introductionFacts(em: EntityManager, introductionId: unknown): Promise<IntroductionFacts | undefined> {
  const [row] = await querySql<IntroductionFacts>(
    em,
    sql`SELECT i.id, i.requested_by_id AS "requestedById", i.answer_note AS "answerNote",
               n.id AS "needId", n.title AS "needTitle", n.organization_id AS "needOrganizationId", owner.name AS "ownerName", n.anonymous,
               c.title AS "capabilityTitle", c.organization_id AS "providerOrganizationId", provider.name AS "providerName"
        FROM introductions i JOIN resource_needs n ON n.id = i.need_id JOIN organizations owner ON owner.id = n.organization_id
             JOIN capabilities c ON c.id = i.capability_id JOIN organizations provider ON provider.id = c.organization_id
        WHERE i.id = ${String(introductionId)}::uuid`,
  );
  return row;
}

const link = (facts: IntroductionFacts) => `/introductions/${facts.id}`;

/** Per recipient: who asked, in their language — the organisation, or for an anonymous need a phrase that names nobody. */
function requesterFor(people: RecipientPerson[], facts: IntroductionFacts, anonymous: boolean): Record<string, Record<string, unknown>> {
  return Object.fromEntries(people.map((p) => [p.id, { requester: anonymous ? translate(p.locale, 'common.anonymousRequester') : facts.ownerName }]));
}

/** Per recipient: the answer's note as a line in their language, or nothing. */
function noteFor(people: RecipientPerson[], note: string | null): Record<string, Record<string, unknown>> {
  return Object.fromEntries(people.map((p) => [p.id, { note: note ? translate(p.locale, 'common.note', { note }) : '' }]));
}

/**
 * What the provider's people are told (asked; withdrawn): the need and capability by title, the owner only
 * when the need is not anonymous — then not in the data, the title, the body or the link. The event says
 * whether the need was anonymous when it happened; a need made anonymous since is treated as anonymous too.
 */
async function toProvider(em: EntityManager, event: Record<string, unknown>, type: string): Promise<PlannedNotification[]> {
  const facts = await introductionFacts(em, event.introductionId);
  if (!facts) return [];
  const anonymous = facts.anonymous || event.anonymous === true;
  const people = await peopleOf(em, [facts.providerOrganizationId]);
  const requester = requesterFor(people, facts, anonymous);
  const note = type === 'marketplace.introduction_withdrawn' ? noteFor(people, facts.answerNote) : {};
  return [
    {
      category: NotificationCategory.MARKETPLACE,
      type,
      recipientIds: people.map((p) => p.id),
      link: link(facts),
      data: { introductionId: facts.id, needId: facts.needId, needTitle: facts.needTitle, capabilityTitle: facts.capabilityTitle, anonymous },
      perRecipient: Object.fromEntries(people.map((p) => [p.id, { ...requester[p.id], ...note[p.id] }])),
      immediate: true,
    },
  ];
}

/** Asked for: the provider's people, at once. */
export const introductionRequested: RecipientRule = (event, em) => toProvider(em, event, 'marketplace.introduction_requested');

/**
 * Answered: ACCEPTED or DECLINED tells the requester and the need's organisation's people; WITHDRAWN tells
 * the provider's people. At once, unless they turned MARKETPLACE off.
 */
export const introductionAnswered: RecipientRule = async (event, em) => {
  if (event.toState === 'WITHDRAWN') return toProvider(em, event, 'marketplace.introduction_withdrawn');
  if (event.toState !== 'ACCEPTED' && event.toState !== 'DECLINED') return [];
  const facts = await introductionFacts(em, event.introductionId);
  if (!facts) return [];
  const owners = await peopleOf(em, [facts.needOrganizationId]);
  const recipientIds = [...owners.map((p) => p.id), facts.requestedById];
  const people = owners.some((p) => p.id === facts.requestedById)
    ? owners
    : [...owners, ...(await querySql<RecipientPerson>(em, sql`SELECT p.id, p.locale FROM people p WHERE p.id = ${facts.requestedById}::uuid`))];
  return [
    {
      category: NotificationCategory.MARKETPLACE,
      type: event.toState === 'ACCEPTED' ? 'marketplace.introduction_accepted' : 'marketplace.introduction_declined',
      recipientIds,
      link: link(facts),
      data: { introductionId: facts.id, needId: facts.needId, needTitle: facts.needTitle, capabilityTitle: facts.capabilityTitle, providerName: facts.providerName },
      perRecipient: noteFor(people, facts.answerNote),
      immediate: true,
    },
  ];
};

export const MARKETPLACE_RULES: Record<string, RecipientRule> = {
  CAPABILITY_CREATED: capabilityMatched,
  CAPABILITY_UPDATED: capabilityMatched,
  NEED_CREATED: needPublished,
  NEED_UPDATED: needPublished,
  INTRODUCTION_REQUESTED: introductionRequested,
  INTRODUCTION_STATE_CHANGED: introductionAnswered,
};
