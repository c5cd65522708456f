import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { andSql, batchedConnections, Connection, groupedLoader, inlineSql, ListQuery, PageArgs, querySql, rawSql, selectColumns, Sql, sql, Viewer } from '@app/core';
import { DataAccessRequestEntity } from './access/access-request.entity';
import { AccessRequestState, DataPoolState } from './data-pools.enums';
import { accessRequestReadableBy, dataPoolReadableBy, datasetReadableBy } from './data-pool.policy';
import { DatasetEntity } from './datasets/dataset.entity';
import { DataPoolEventEntity } from './history/pool-event.entity';
import { DataPoolEntity } from './pools/data-pool.entity';
import { dataPoolListQuery } from './pools/data-pool-list.query';
import { missingSignaturesSql } from './signatories/signature-rules';
import { DataPoolSignatoryEntity } from './signatories/signatory.entity';

/** The bounds of a pool's plain lists (`@MaxItems`); inviting and adding past them is refused, so nothing is cut. */
export const LISTED_DATASETS = 200;
export const LISTED_SIGNATORIES = 100;

/** A keyset list whose conditions are composed fragments, bridged to the pagination's numbered parameters. */
function listOf(columns: string, from: string, conditions: Sql[], orderBy: ListQuery['orderBy'], descending: boolean): ListQuery {
  const params: unknown[] = [];
  return { columns, from, where: [inlineSql(andSql(conditions), params)], params, orderBy, descending, properties: 'all' };
}

/** Per-request batching for pools: one statement per batch, whatever the number of parents. */
export function createDataPoolLoaders(dataSource: DataSource, viewer: Viewer | null) {
  const signedIn = (): Viewer => {
    if (!viewer) throw new Error('viewer required');
    return viewer;
  };
  const poolColumns = rawSql(selectColumns(dataSource, DataPoolEntity, 'dp'));
  const datasetColumns = rawSql(selectColumns(dataSource, DatasetEntity, 'd'));
  /** Rows of `from` (row `alias`) by id that `readable` lets through, in key order: one statement per batch. */
  const readableById = <T extends { id: string }>(columns: Sql, from: Sql, alias: string, readable: () => Sql) =>
    new DataLoader<string, T | null>(async (ids) => {
      const rows = await querySql<T>(dataSource, sql`SELECT ${columns} FROM ${from} WHERE ${rawSql(alias)}.id = ANY(${ids}::uuid[]) AND ${readable()}`);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  const connections = new Map<string, (parentId: string, args: PageArgs) => Connection<unknown>>();
  /** One batched connection per distinct list (parent kind and filter), built on first use. */
  const connectionsFor = <T>(key: string, build: () => ListQuery, parent: string) => {
    let found = connections.get(key);
    if (!found) {
      found = batchedConnections<unknown>(dataSource, build(), parent);
      connections.set(key, found);
    }
    return found as (parentId: string, args: PageArgs) => Connection<T>;
  };

  return {
    /** Pools the viewer may read, by id. */
    poolById: readableById<DataPoolEntity>(poolColumns, sql`data_pools dp`, 'dp', () => dataPoolReadableBy(signedIn(), 'dp')),

    /** Datasets of pools the viewer may read, by id (search hits). */
    datasetById: readableById<DatasetEntity>(datasetColumns, sql`data_pool_datasets d`, 'd', () => datasetReadableBy(signedIn(), 'd')),

    /** `DataPool.datasets` (of a pool the viewer read), oldest first. */
    datasetsOfPool: groupedLoader<DatasetEntity>(
      dataSource,
      { columns: datasetColumns, from: sql`data_pool_datasets d`, key: sql`d.pool_id`, orderBy: sql`d.created_at, d.id`, limit: LISTED_DATASETS },
      'poolId',
    ),

    /** `DataPool.signatories`, in the order they were invited (the steward first). */
    signatoriesOfPool: groupedLoader<DataPoolSignatoryEntity>(
      dataSource,
      {
        columns: rawSql(selectColumns(dataSource, DataPoolSignatoryEntity, 's')),
        from: sql`data_pool_signatories s`,
        key: sql`s.pool_id`,
        orderBy: sql`s.role <> 'STEWARD', s.invited_at, s.organization_id`,
        limit: LISTED_SIGNATORIES,
      },
      'poolId',
    ),

    /** The invitation of the viewer's organisation to each pool (null: never invited). */
    viewerSignatory: new DataLoader<string, DataPoolSignatoryEntity | null>(async (ids) => {
      const rows = await querySql<DataPoolSignatoryEntity>(
        dataSource,
        sql`SELECT ${rawSql(selectColumns(dataSource, DataPoolSignatoryEntity, 's'))} FROM data_pool_signatories s
            WHERE s.pool_id = ANY(${ids}::uuid[]) AND s.organization_id = ${signedIn().organizationId}::uuid`,
      );
      const byPool = new Map(rows.map((r) => [r.poolId, r]));
      return ids.map((id) => byPool.get(id) ?? null);
    }),

    /** How many binding signatures of its current terms each pool lacks (`missingSignaturesSql`). */
    missingSignatures: new DataLoader<string, number>(async (ids) => {
      const rows = await querySql<{ id: string; missing: number }>(
        dataSource,
        sql`SELECT dp.id, (SELECT count(*)::int FROM (${missingSignaturesSql('dp')}) m) AS missing FROM data_pools dp WHERE dp.id = ANY(${ids}::uuid[])`,
      );
      const byId = new Map(rows.map((r) => [r.id, r.missing]));
      return ids.map((id) => byId.get(id) ?? 0);
    }),

    /** `WorkingGroup.dataPools`: one statement per batch of groups for pages, one for counts. */
    poolsOfGroup(groupId: string, state: DataPoolState | null, args: PageArgs): Connection<DataPoolEntity> {
      return connectionsFor<DataPoolEntity>(`group:${state ?? ''}`, () => dataPoolListQuery(dataSource, signedIn(), state), 'dp.working_group_id')(groupId, args);
    },

    /** `Organization.dataPools`: the pools it was invited to that the viewer may read. */
    poolsOfOrganization(organizationId: string, args: PageArgs): Connection<DataPoolEntity> {
      return connectionsFor<DataPoolEntity>('organization', () => dataPoolListQuery(dataSource, signedIn(), null, true), 's.organization_id')(organizationId, args);
    },

    /** `DataPool.accessRequests`: those the viewer may read, newest first. */
    accessRequestsOfPool(poolId: string, state: AccessRequestState | null, args: PageArgs): Connection<DataAccessRequestEntity> {
      return connectionsFor<DataAccessRequestEntity>(
        `requests:${state ?? ''}`,
        () =>
          listOf(
            selectColumns(dataSource, DataAccessRequestEntity, 'ar'),
            'data_access_requests ar JOIN data_pools dp ON dp.id = ar.pool_id',
            [accessRequestReadableBy(signedIn(), 'ar', 'dp'), ...(state ? [sql`ar.state = ${state}`] : [])],
            [
              { sql: 'ar.created_at', type: 'timestamptz', property: 'createdAt' },
              { sql: 'ar.id', type: 'uuid', property: 'id' },
            ],
            true,
          ),
        'ar.pool_id',
      )(poolId, args);
    },

    /** `DataPool.history`: the whole trail, oldest first, in pages. */
    historyOfPool(poolId: string, args: PageArgs): Connection<DataPoolEventEntity> {
      return connectionsFor<DataPoolEventEntity>(
        'history',
        () =>
          listOf(
            selectColumns(dataSource, DataPoolEventEntity, 'e'),
            'data_pool_events e',
            [],
            [
              { sql: 'e.at', type: 'timestamptz', property: 'at' },
              { sql: 'e.id', type: 'uuid', property: 'id' },
            ],
            false,
          ),
        'e.pool_id',
      )(poolId, args);
    },
  };
}
