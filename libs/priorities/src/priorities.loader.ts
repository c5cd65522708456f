import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byIdLoader, groupedLoader, rawSql, selectColumns, sql, Viewer } from '@app/core';
import { OrganizationEntity } from '@app/organizations';
import { PriorityEntity } from './priority.entity';
import { PriorityStatus } from './priority.enums';
import { SEATED_ANYWHERE_SQL } from './priority-permissions';

/** The bounds of the priority lists (`@MaxItems`): a scope's priorities, a priority's endorsing organisations. */
export const LISTED_PRIORITIES = 100;
export const LISTED_ENDORSEMENTS = 100;

/**
 * Per-request batching for priorities and their endorsements: one `= ANY($1)` statement per batch.
 * The proposals lib reuses `byId` for the priorities it links to.
 */
export function createPriorityLoaders(dataSource: DataSource, viewer: Viewer | null) {
  const columns = selectColumns(dataSource, PriorityEntity, 'p');
  const ofGroupByStatus = new Map<string, DataLoader<string, PriorityEntity[]>>();
  let seatedAnywhere: Promise<boolean> | undefined;

  return {
    byId: byIdLoader<PriorityEntity>(dataSource, `SELECT ${columns} FROM priorities p WHERE p.id = ANY($1)`),

    /** `WorkingGroup.priorities`: each group's priorities by rank, optionally in one status. */
    ofGroup(workingGroupId: string, status: PriorityStatus | null): Promise<PriorityEntity[]> {
      const key = status ?? '';
      let loader = ofGroupByStatus.get(key);
      if (!loader) {
        loader = groupedLoader<PriorityEntity>(
          dataSource,
          {
            columns: rawSql(columns),
            from: sql`priorities p`,
            key: sql`p.working_group_id`,
            where: status ? sql`p.status = ${status}` : undefined,
            orderBy: sql`p.rank`,
            limit: LISTED_PRIORITIES,
          },
          'workingGroupId',
        );
        ofGroupByStatus.set(key, loader);
      }
      return loader.load(workingGroupId);
    },

    /** The endorsing organisations of each priority, by name. */
    endorsements: groupedLoader<OrganizationEntity & { priorityId: string }>(
      dataSource,
      {
        columns: sql`e.priority_id AS "priorityId", ${rawSql(selectColumns(dataSource, OrganizationEntity, 'o'))}`,
        from: sql`priority_endorsements e JOIN organizations o ON o.id = e.organization_id`,
        key: sql`e.priority_id`,
        orderBy: sql`lower(o.name), o.id`,
        limit: LISTED_ENDORSEMENTS,
      },
      'priorityId',
    ),

    endorsementCount: new DataLoader<string, number>(async (priorityIds) => {
      const rows: { priorityId: string; count: number }[] = await dataSource.query(
        `SELECT priority_id AS "priorityId", count(*)::int AS count FROM priority_endorsements
         WHERE priority_id = ANY($1) GROUP BY priority_id`,
        [priorityIds],
      );
      const counts = new Map(rows.map((r) => [r.priorityId, r.count]));
      return priorityIds.map((id) => counts.get(id) ?? 0);
    }),

    /**
     * Whether the viewer holds a seat other than OBSERVER in any group (who endorses alliance-wide
     * priorities): one statement per request, however many priorities ask.
     */
    viewerSeatedAnywhere(): Promise<boolean> {
      if (!viewer) return Promise.resolve(false);
      seatedAnywhere ??= dataSource.query(SEATED_ANYWHERE_SQL, [viewer.id]).then((rows: { seated: boolean }[]) => rows[0].seated);
      return seatedAnywhere;
    },

    /** Whether the viewer's organisation endorses each priority. */
    viewerHasEndorsed: new DataLoader<string, boolean>(async (priorityIds) => {
      if (!viewer) return priorityIds.map(() => false);
      const rows: { priorityId: string }[] = await dataSource.query(
        `SELECT priority_id AS "priorityId" FROM priority_endorsements WHERE priority_id = ANY($1) AND organization_id = $2`,
        [priorityIds, viewer.organizationId],
      );
      const endorsed = new Set(rows.map((r) => r.priorityId));
      return priorityIds.map((id) => endorsed.has(id));
    }),
  };
}
