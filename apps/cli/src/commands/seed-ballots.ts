import { EntityManager } from 'typeorm';
import { newId, querySql, sql } from '@app/core';
import { BallotKind, BallotState, eligibleNowSql, recusedNowSql, VoteChoice } from '@app/governance';

/** The seeded ballot: open in the AI group, HammerHAI has voted, HLRS (its chair's organisation) not yet. */
export const SEED_BALLOT = {
  group: 'ai-model-development-and-data',
  title: 'Adopt the data-pooling charter',
  motion: 'The AI Model Development and Data group adopts the charter for pooled driving data: usage terms signed per pool, data kept by its hosts, results shared with the group.',
  /** Whose chair creates and opens it. */
  chair: 'HLRS',
  votes: [{ organization: 'HammerHAI', choice: VoteChoice.YES }],
  /** It closes this long after the seed ran, so a demo always finds it open. */
  openDays: 30,
} as const;

/**
 * An OPEN APPROVAL ballot of the AI group with its electorate fixed as `changeBallotState(OPEN)` fixes it
 * (the ballots' own SQL) and one vote. Idempotent: a ballot of that title in the group is left alone.
 */
export async function seedBallots(em: EntityManager, groupIds: ReadonlyMap<string, string>): Promise<{ ballots: number }> {
  const groupId = groupIds.get(SEED_BALLOT.group)!;
  const people = await querySql<{ shortName: string; organizationId: string; personId: string }>(
    em,
    sql`SELECT DISTINCT ON (o.short_name) o.short_name AS "shortName", o.id AS "organizationId", p.id AS "personId"
        FROM organizations o JOIN people p ON p.organization_id = o.id ORDER BY o.short_name, p.created_at, p.id`,
  );
  const of = (shortName: string) => {
    const found = people.find((p) => p.shortName === shortName);
    if (!found) throw new Error(`seed: no organisation ${shortName}`);
    return found;
  };
  const id = newId();
  const now = new Date();
  const inserted = await querySql(
    em,
    sql`INSERT INTO ballots (id, working_group_id, title, motion, kind, state, opens_at, closes_at, quorum_percent, majority_percent, secret, decides_proposal, created_by_id)
        SELECT ${id}, ${groupId}, ${SEED_BALLOT.title}, ${SEED_BALLOT.motion}, ${BallotKind.APPROVAL}, ${BallotState.DRAFT}, ${now},
               ${new Date(now.getTime() + SEED_BALLOT.openDays * 24 * 60 * 60 * 1000)}, 50, 50, FALSE, FALSE, ${of(SEED_BALLOT.chair).personId}
        WHERE NOT EXISTS (SELECT 1 FROM ballots WHERE working_group_id = ${groupId}::uuid AND title = ${SEED_BALLOT.title})
        RETURNING id`,
  );
  if (inserted.length === 0) return { ballots: 0 };
  await querySql(
    em,
    sql`INSERT INTO ballot_electorate (ballot_id, organization_id, recused)
        SELECT b.id, e.organization_id, FALSE FROM ballots b CROSS JOIN LATERAL (${eligibleNowSql('b')}) e WHERE b.id = ${id}::uuid
        UNION ALL SELECT b.id, r.id, TRUE FROM ballots b CROSS JOIN LATERAL (${recusedNowSql('b')}) r(id) WHERE b.id = ${id}::uuid`,
  );
  await querySql(
    em,
    sql`UPDATE ballots SET state = ${BallotState.OPEN},
          eligible_count = (SELECT count(*)::int FROM ballot_electorate WHERE ballot_id = ${id}::uuid AND NOT recused) WHERE id = ${id}::uuid`,
  );
  for (const vote of SEED_BALLOT.votes) {
    const voter = of(vote.organization);
    await querySql(
      em,
      sql`INSERT INTO ballot_votes (ballot_id, organization_id, choice, cast_by_id, cast_at) VALUES (${id}, ${voter.organizationId}, ${vote.choice}, ${voter.personId}, ${now})`,
    );
  }
  return { ballots: 1 };
}
