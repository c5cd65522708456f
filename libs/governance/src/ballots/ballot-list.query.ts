import { DataSource } from 'typeorm';
import { andSql, inlineSql, ListQuery, selectColumns, Sql, sql, Viewer } from '@app/core';
import { BallotEntity } from './ballot.entity';
import { ballotReadableBy } from './ballot.policy';
import { BallotState } from './ballots.enums';

/**
 * The ballots a viewer may read, newest first, optionally in one state: one definition for `ballots` and
 * `WorkingGroup.ballots` (parent `b.working_group_id`), so lists and counts agree.
 */
export function ballotListQuery(dataSource: DataSource, viewer: Viewer, state: BallotState | null | undefined): ListQuery {
  const conditions: Sql[] = [ballotReadableBy(viewer, 'b')];
  if (state) conditions.push(sql`b.state = ${state}`);
  const params: unknown[] = [];
  return {
    columns: selectColumns(dataSource, BallotEntity, 'b'),
    from: 'ballots b',
    where: [inlineSql(andSql(conditions), params)],
    params,
    orderBy: [
      { sql: 'b.created_at', type: 'timestamptz', property: 'createdAt' },
      { sql: 'b.id', type: 'uuid', property: 'id' },
    ],
    descending: true,
    properties: 'all',
  };
}
