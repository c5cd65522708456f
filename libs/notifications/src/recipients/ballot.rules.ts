import { EntityManager } from 'typeorm';
import { querySql, rawSql, Sql, sql } from '@app/core';
import { BALLOT_EVENTS, BallotOutcome } from '@app/governance';
import { translate } from '../i18n/translate';
import { NotificationCategory } from '../notification.enums';
import { formatMoment } from './meeting.rules';
import { PlannedNotification, RecipientRule } from './recipient-rules';
import { RECIPIENT_COLUMNS, RecipientPerson } from './recipient-viewer';

/** What every ballot notification says about its ballot. */
interface BallotFacts {
  id: string;
  title: string;
  motion: string;
  kind: string;
  state: string;
  secret: boolean;
  workingGroupId: string | null;
  groupName: string | null;
  closesAt: Date;
  eligibleCount: number | null;
  result: BallotOutcome | null;
}

async function ballotFacts(em: EntityManager, ballotId: unknown): Promise<BallotFacts | undefined> {
  const [row] = await querySql<BallotFacts>(
    em,
    sql`SELECT b.id, b.title, b.motion, b.kind, b.state, b.secret, b.working_group_id AS "workingGroupId", g.name AS "groupName",
               b.closes_at AS "closesAt", b.eligible_count AS "eligibleCount", b.result
        FROM ballots b LEFT JOIN working_groups g ON g.id = b.working_group_id WHERE b.id = ${String(ballotId)}::uuid`,
  );
  return row;
}

/**
 * People with a current seat in the ballot's group (alliance-wide: in any group) meeting `who` (over `p` and
 * the seat `s`): every reader of the ballot by its read rule. `voters` keeps those who may cast their
 * organisation's vote (not observers).
 */
function seated(em: EntityManager, ballot: BallotFacts, who: Sql, voters: boolean): Promise<RecipientPerson[]> {
  return querySql<RecipientPerson>(
    em,
    sql`SELECT ${rawSql(RECIPIENT_COLUMNS)} FROM people p
        WHERE EXISTS (SELECT 1 FROM working_group_participants s WHERE s.person_id = p.id AND s.ended_at IS NULL
                      AND (${ballot.workingGroupId}::uuid IS NULL OR s.working_group_id = ${ballot.workingGroupId}::uuid)
                      ${rawSql(voters ? "AND s.role <> 'OBSERVER'" : '')})
          AND ${who}`,
  );
}

/** The eligible organisations' voters, as fixed when the ballot opened; `organizationIds` narrows them. */
function voters(em: EntityManager, ballot: BallotFacts, organizationIds?: string[]): Promise<RecipientPerson[]> {
  const among = organizationIds ? sql`AND e.organization_id = ANY(${organizationIds}::uuid[])` : sql``;
  return seated(
    em,
    ballot,
    sql`EXISTS (SELECT 1 FROM ballot_electorate e WHERE e.ballot_id = ${ballot.id}::uuid AND e.organization_id = p.organization_id AND NOT e.recused ${among})`,
    true,
  );
}

function plan(type: string, ballot: BallotFacts, people: RecipientPerson[], data: Record<string, unknown>, each: (p: RecipientPerson) => Record<string, unknown>): PlannedNotification[] {
  if (people.length === 0) return [];
  return [
    {
      category: NotificationCategory.BALLOTS,
      type,
      recipientIds: people.map((p) => p.id),
      link: `/ballots/${ballot.id}`,
      data: { ballotId: ballot.id, ballotTitle: ballot.title, workingGroupId: ballot.workingGroupId, groupName: ballot.groupName, ...data },
      perRecipient: Object.fromEntries(
        people.map((p) => [
          p.id,
          { closesAt: formatMoment(ballot.closesAt, p.timezone, p.locale), groupName: ballot.groupName ?? translate(p.locale, 'common.alliance'), ...each(p) },
        ]),
      ),
    },
  ];
}

/** The outcome of a closed ballot, in words of the recipient's language. */
function outcome(locale: string, ballot: BallotFacts, result: BallotOutcome): string {
  if (!result.quorumReached) return translate(locale, 'ballot.noQuorum');
  if (ballot.kind === 'RANKING') return translate(locale, 'ballot.ranked');
  return translate(locale, result.passed ? 'ballot.passed' : 'ballot.failed');
}

/**
 * Opened: the people who may vote for an eligible organisation. Closed: the result to the group's members
 * (alliance-wide: everyone seated anywhere) — tallies only, never who voted how.
 */
export const ballotStateChanged: RecipientRule = async (event, em) => {
  if (event.to !== 'OPEN' && event.to !== 'CLOSED') return [];
  const ballot = await ballotFacts(em, event.ballotId);
  if (!ballot) return [];
  if (event.to === 'OPEN') {
    if (ballot.state !== 'OPEN') return [];
    return plan('ballot.opened', ballot, await voters(em, ballot), { motion: ballot.motion }, (p) => ({ secret: ballot.secret ? translate(p.locale, 'ballot.secret') : '' }));
  }
  const result = ballot.result;
  if (!result) return [];
  const titles = new Map(
    (await querySql<{ id: string; title: string }>(em, sql`SELECT id, title FROM priorities WHERE id = ANY(${result.ranking.map((r) => r.priorityId)}::uuid[])`)).map((r) => [r.id, r.title]),
  );
  const [{ cast }] = await querySql<{ cast: number }>(em, sql`SELECT count(*)::int AS cast FROM ballot_votes WHERE ballot_id = ${ballot.id}::uuid`);
  const members = await seated(em, ballot, sql`TRUE`, false);
  const data = { yes: result.yes, no: result.no, abstain: result.abstain, passed: result.passed, votesCast: cast, eligibleCount: ballot.eligibleCount ?? 0 };
  return plan('ballot.result', ballot, members, data, (p) => ({
    outcome: outcome(p.locale, ballot, result),
    ranking: result.ranking
      .map((r) => translate(p.locale, 'ballot.rankedLine', { position: r.position, points: r.points, priorityTitle: titles.get(r.priorityId) ?? '' }))
      .join('; '),
  }));
};

/** 24 hours before closing: the voters of the organisations the pass found without a vote, unless they voted since. */
export const ballotClosingSoon: RecipientRule = async (event, em) => {
  const ballot = await ballotFacts(em, event.ballotId);
  if (!ballot || ballot.state !== 'OPEN' || !Array.isArray(event.organizationIds)) return [];
  const [{ voted }] = await querySql<{ voted: string[] }>(
    em,
    sql`SELECT coalesce(array_agg(organization_id), '{}') AS voted FROM ballot_votes WHERE ballot_id = ${ballot.id}::uuid`,
  );
  const waiting = (event.organizationIds as string[]).filter((id) => !voted.includes(id));
  if (waiting.length === 0) return [];
  return plan('ballot.closing_soon', ballot, await voters(em, ballot, waiting), {}, () => ({}));
};

export const BALLOT_RULES: Record<string, RecipientRule> = {
  [BALLOT_EVENTS.STATE_CHANGED]: ballotStateChanged,
  [BALLOT_EVENTS.CLOSING_SOON]: ballotClosingSoon,
};
