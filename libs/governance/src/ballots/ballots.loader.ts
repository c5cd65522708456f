import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { batchedConnections, Connection, groupedLoader, PageArgs, querySql, rawSql, selectColumns, sql, Viewer } from '@app/core';
import { OrganizationEntity } from '@app/organizations';
import { PriorityEntity } from '@app/priorities';
import { BallotEntity } from './ballot.entity';
import { ballotListQuery } from './ballot-list.query';
import { ballotReadableBy, eligibleNowSql, recusedNowSql, voteRightSql } from './ballot.policy';
import { BallotState } from './ballots.enums';
import { MAX_BALLOT_PRIORITIES } from './dto/ballot.input';
import { VoteEntity } from './vote.entity';

/** The bounds of a ballot's plain lists (`@MaxItems`). */
export const LISTED_BALLOT_PRIORITIES = MAX_BALLOT_PRIORITIES;
export const LISTED_VOTES = 200;
export const LISTED_RECUSED = 100;

/** Per-request batching for ballots: one statement per batch, whatever the number of ballots or votes. */
export function createBallotLoaders(dataSource: DataSource, viewer: Viewer | null) {
  const signedIn = (): Viewer => {
    if (!viewer) throw new Error('viewer required');
    return viewer;
  };
  const groupPages = new Map<string, (parentId: string, args: PageArgs) => Connection<BallotEntity>>();
  const voteColumns = rawSql(selectColumns(dataSource, VoteEntity, 'v'));
  const countBy = (statement: (ids: readonly string[]) => ReturnType<typeof sql>) =>
    new DataLoader<string, number>(async (ids) => {
      const rows = await querySql<{ id: string; count: number }>(dataSource, statement(ids));
      const byId = new Map(rows.map((r) => [r.id, r.count]));
      return ids.map((id) => byId.get(id) ?? 0);
    });

  return {
    /** Ballots the viewer may read, by id. */
    byId: new DataLoader<string, BallotEntity | null>(async (ids) => {
      const rows = await querySql<BallotEntity>(
        dataSource,
        sql`SELECT ${rawSql(selectColumns(dataSource, BallotEntity, 'b'))} FROM ballots b WHERE b.id = ANY(${ids}::uuid[]) AND ${ballotReadableBy(signedIn(), 'b')}`,
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /** `Ballot.priorities`, in the order the ballot names them. */
    priorities: groupedLoader<PriorityEntity & { ballotId: string }>(
      dataSource,
      {
        columns: sql`${rawSql(selectColumns(dataSource, PriorityEntity, 'p'))}, bp.ballot_id AS "ballotId"`,
        from: sql`ballot_priorities bp JOIN priorities p ON p.id = bp.priority_id`,
        key: sql`bp.ballot_id`,
        orderBy: sql`bp.position, bp.priority_id`,
        limit: LISTED_BALLOT_PRIORITIES,
      },
      'ballotId',
    ),

    /** `Ballot.recused`: fixed when the ballot opened; for a DRAFT, the proposal's parties as they are now. */
    recused: groupedLoader<OrganizationEntity & { ballotId: string }>(
      dataSource,
      {
        columns: sql`${rawSql(selectColumns(dataSource, OrganizationEntity, 'o'))}, b.id AS "ballotId"`,
        from: sql`ballots b CROSS JOIN LATERAL (
            SELECT e.organization_id FROM ballot_electorate e WHERE e.ballot_id = b.id AND e.recused AND b.state <> 'DRAFT'
            UNION SELECT r.id FROM (${recusedNowSql('b')}) r(id) WHERE b.state = 'DRAFT') x(organization_id)
          JOIN organizations o ON o.id = x.organization_id`,
        key: sql`b.id`,
        orderBy: sql`o.name, o.id`,
        limit: LISTED_RECUSED,
      },
      'ballotId',
    ),

    /** `Ballot.eligibleCount` of a DRAFT: who could vote if it opened now. */
    eligibleNow: countBy(
      (ids) => sql`SELECT b.id, (SELECT count(*)::int FROM (${eligibleNowSql('b')}) x) AS count FROM ballots b WHERE b.id = ANY(${ids}::uuid[])`,
    ),

    /** `Ballot.votesCast`. */
    votesCast: countBy((ids) => sql`SELECT v.ballot_id AS id, count(*)::int AS count FROM ballot_votes v WHERE v.ballot_id = ANY(${ids}::uuid[]) GROUP BY v.ballot_id`),

    /** `Ballot.votes`: only of a CLOSED ballot that is not secret (the SQL says so, whatever the caller asks). */
    votes: groupedLoader<VoteEntity>(
      dataSource,
      {
        columns: voteColumns,
        from: sql`ballot_votes v JOIN ballots b ON b.id = v.ballot_id JOIN organizations o ON o.id = v.organization_id`,
        key: sql`v.ballot_id`,
        where: sql`b.state = ${BallotState.CLOSED} AND NOT b.secret`,
        orderBy: sql`o.name, v.organization_id`,
        limit: LISTED_VOTES,
      },
      'ballotId',
    ),

    /** The viewer's right to vote on each ballot (`voteRightSql`, as `castVote` checks it). */
    viewerVoteRight: new DataLoader<string, { eligible: boolean; seated: boolean }>(async (ids) => {
      const { eligible, seated } = voteRightSql(signedIn(), 'b');
      const rows = await querySql<{ id: string; eligible: boolean; seated: boolean }>(
        dataSource,
        sql`SELECT b.id, ${eligible} AS eligible, ${seated} AS seated FROM ballots b WHERE b.id = ANY(${ids}::uuid[])`,
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? { eligible: false, seated: false });
    }),

    /** `Ballot.viewerVote`: the vote of the viewer's own organisation, by ballot. */
    viewerVote: new DataLoader<string, VoteEntity | null>(async (ids) => {
      const rows = await querySql<VoteEntity>(
        dataSource,
        sql`SELECT ${voteColumns} FROM ballot_votes v WHERE v.ballot_id = ANY(${ids}::uuid[]) AND v.organization_id = ${signedIn().organizationId}::uuid`,
      );
      const byId = new Map(rows.map((r) => [r.ballotId, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /** `WorkingGroup.ballots`: one statement per batch of groups for pages, one for counts. */
    ofGroup(groupId: string, state: BallotState | null, args: PageArgs): Connection<BallotEntity> {
      const key = state ?? '';
      let found = groupPages.get(key);
      if (!found) {
        found = batchedConnections<BallotEntity>(dataSource, ballotListQuery(dataSource, signedIn(), state), 'b.working_group_id');
        groupPages.set(key, found);
      }
      return found(groupId, args);
    },
  };
}
