import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, ForbiddenError, InvalidInputError, querySql, sql, Viewer } from '@app/core';
import { BallotEntity } from './ballot.entity';
import { BallotEvents, BALLOT_EVENTS } from './ballot-events';
import { lockBallot } from './ballot-store';
import { voteRightSql } from './ballot.policy';
import { BallotKind, BallotState } from './ballots.enums';
import { CastVoteArgs } from './dto/ballot.input';

/** Votes: one per eligible organisation and ballot, cast or replaced while the ballot is OPEN. */
@Injectable()
export class VotesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: BallotEvents,
  ) {}

  /**
   * A person with a current seat other than OBSERVER in the ballot's group (alliance-wide: in any group) casts
   * their own organisation's vote, if it is eligible; a later cast replaces it. The ballot is locked FOR SHARE
   * (organisations vote in parallel; a close waits for them) and the vote is an upsert on the
   * (ballot, organisation) key, so parallel casts of one organisation leave exactly one vote: the last.
   */
  cast(viewer: Viewer, args: CastVoteArgs): Promise<BallotEntity> {
    return this.dataSource.transaction(async (em) => {
      const ballot = await lockBallot(em, this.dataSource, viewer, args.ballotId, 'SHARE');
      if (args.organizationId !== viewer.organizationId) throw new ForbiddenError("You vote only for your own organisation", 'NOT_OWN_ORGANIZATION');
      if (ballot.state !== BallotState.OPEN) throw new ConflictError('BALLOT_NOT_OPEN', `The ballot is ${ballot.state}: it takes no votes`);
      const now = new Date();
      if (ballot.closesAt <= now) throw new ConflictError('VOTING_ENDED', 'The ballot reached closesAt: it takes no more votes');
      const ranking = await this.checkVote(em, ballot, args);
      const { eligible, seated } = voteRightSql(viewer, 'b');
      const [right] = await querySql<{ eligible: boolean; seated: boolean }>(
        em,
        sql`SELECT ${eligible} AS eligible, ${seated} AS seated FROM ballots b WHERE b.id = ${ballot.id}::uuid`,
      );
      if (!right.eligible) throw new ForbiddenError('Your organisation is not eligible to vote on this ballot', 'NOT_ELIGIBLE');
      if (!right.seated) throw new ForbiddenError('Only a seated participant other than an observer votes for the organisation', 'NOT_SEATED_VOTER');
      const [{ replaced }] = await querySql<{ replaced: boolean }>(
        em,
        sql`INSERT INTO ballot_votes (ballot_id, organization_id, choice, ranking, cast_by_id, cast_at)
            VALUES (${ballot.id}::uuid, ${viewer.organizationId}::uuid, ${args.choice ?? null}, ${ranking}::uuid[], ${viewer.id}::uuid, ${now})
            ON CONFLICT (ballot_id, organization_id) DO UPDATE
              SET choice = EXCLUDED.choice, ranking = EXCLUDED.ranking, cast_by_id = EXCLUDED.cast_by_id, cast_at = EXCLUDED.cast_at
            RETURNING (xmax <> 0) AS replaced`,
      );
      const content = ballot.secret ? {} : { choice: args.choice ?? null, ranking };
      await this.events.publish(em, BALLOT_EVENTS.VOTE_CAST, ballot, viewer.id, { organizationId: viewer.organizationId, replaced, ...content });
      return ballot;
    });
  }

  /** The choice or ranking the ballot's kind asks for (BAD_USER_INPUT otherwise); the ranking to store. */
  private async checkVote(em: EntityManager, ballot: BallotEntity, args: CastVoteArgs): Promise<string[] | null> {
    if (ballot.kind === BallotKind.APPROVAL) {
      if (!args.choice) throw new InvalidInputError('choice', 'An APPROVAL ballot takes a choice: YES, NO or ABSTAIN', 'CHOICE_REQUIRED');
      if (args.ranking) throw new InvalidInputError('ranking', 'An APPROVAL ballot takes no ranking', 'RANKING_NOT_ALLOWED');
      return null;
    }
    if (args.choice) throw new InvalidInputError('choice', 'A RANKING ballot takes a ranking, not a choice', 'CHOICE_NOT_ALLOWED');
    const ranking = args.ranking ?? [];
    if (ranking.length === 0) throw new InvalidInputError('ranking', "A RANKING ballot takes a ranking of its priorities", 'RANKING_REQUIRED');
    if (new Set(ranking).size !== ranking.length) throw new InvalidInputError('ranking', 'ranking names each priority at most once', 'RANKING_REPEATS');
    const [{ known }] = await querySql<{ known: number }>(
      em,
      sql`SELECT count(*)::int AS known FROM ballot_priorities WHERE ballot_id = ${ballot.id}::uuid AND priority_id = ANY(${ranking}::uuid[])`,
    );
    if (known !== ranking.length) throw new InvalidInputError('ranking', "ranking may name only the ballot's priorities", 'PRIORITY_NOT_ON_BALLOT');
    return ranking;
  }
}
