import { DataSource } from 'typeorm';
import { andSql, inlineSql, ListQuery, selectColumns, Sql, sql, Viewer } from '@app/core';
import { DataPoolState } from '../data-pools.enums';
import { dataPoolReadableBy } from '../data-pool.policy';
import { DataPoolEntity } from './data-pool.entity';

/**
 * The pools a viewer may read, newest first, optionally in one state: one definition for `dataPools`,
 * `WorkingGroup.dataPools` (parent `dp.working_group_id`) and, with `fromSignatories`, `Organization.dataPools`
 * (parent `s.organization_id`), so lists and counts agree.
 */
export function dataPoolListQuery(dataSource: DataSource, viewer: Viewer, state: DataPoolState | null | undefined, fromSignatories = false): ListQuery {
  const conditions: Sql[] = [dataPoolReadableBy(viewer, 'dp')];
  if (state) conditions.push(sql`dp.state = ${state}`);
  const params: unknown[] = [];
  return {
    columns: selectColumns(dataSource, DataPoolEntity, 'dp'),
    from: fromSignatories ? 'data_pool_signatories s JOIN data_pools dp ON dp.id = s.pool_id' : 'data_pools dp',
    where: [inlineSql(andSql(conditions), params)],
    params,
    orderBy: [
      { sql: 'dp.created_at', type: 'timestamptz', property: 'createdAt' },
      { sql: 'dp.id', type: 'uuid', property: 'id' },
    ],
    descending: true,
    properties: 'all',
  };
}
