import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { selectColumns, Viewer } from '@app/core';
import { OrganizationEntity } from '@app/organizations';
import { PriorityEntity } from './priority.entity';
import { PriorityStatus } from './priority.enums';

/** Rows grouped by a key column, answered in key order. */
function groupRows<T, K extends keyof T>(keys: readonly string[], rows: T[], key: K): T[][] {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const id = String(row[key]);
    const list = grouped.get(id);
    if (list) list.push(row);
    else grouped.set(id, [row]);
  }
  return keys.map((id) => grouped.get(id) ?? []);
}

/**
 * Per-request batching for priorities and their endorsements: one `= ANY($1)` statement per batch.
 * `Priority.proposals` (in the proposals lib) can use `byId` for `CooperationProposal.priorities`.
 */
export function createPriorityLoaders(dataSource: DataSource, viewer: Viewer | null) {
  const columns = selectColumns(dataSource, PriorityEntity, 'p');
  const organizationColumns = selectColumns(dataSource, OrganizationEntity, 'o');
  const ofGroupByStatus = new Map<string, DataLoader<string, PriorityEntity[]>>();

  return {
    byId: new DataLoader<string, PriorityEntity | null>(async (ids) => {
      const rows: PriorityEntity[] = await dataSource.query(`SELECT ${columns} FROM priorities p WHERE p.id = ANY($1)`, [ids]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /** `WorkingGroup.priorities`: each group's priorities by rank, optionally in one status. */
    ofGroup(workingGroupId: string, status: PriorityStatus | null): Promise<PriorityEntity[]> {
      const key = status ?? '';
      let loader = ofGroupByStatus.get(key);
      if (!loader) {
        loader = new DataLoader<string, PriorityEntity[]>(async (groupIds) => {
          const rows: PriorityEntity[] = await dataSource.query(
            `SELECT ${columns} FROM priorities p
             WHERE p.working_group_id = ANY($1) AND ($2::text IS NULL OR p.status = $2)
             ORDER BY p.working_group_id, p.rank`,
            [groupIds, status],
          );
          return groupRows(groupIds, rows, 'workingGroupId');
        });
        ofGroupByStatus.set(key, loader);
      }
      return loader.load(workingGroupId);
    },

    /** The endorsing organisations of each priority, by name. */
    endorsements: new DataLoader<string, OrganizationEntity[]>(async (priorityIds) => {
      const rows: (OrganizationEntity & { priorityId: string })[] = await dataSource.query(
        `SELECT e.priority_id AS "priorityId", ${organizationColumns}
         FROM priority_endorsements e JOIN organizations o ON o.id = e.organization_id
         WHERE e.priority_id = ANY($1)
         ORDER BY lower(o.name), o.id`,
        [priorityIds],
      );
      return groupRows(priorityIds, rows, 'priorityId').map((group) => group.map(({ priorityId: _, ...organization }) => organization));
    }),

    endorsementCount: new DataLoader<string, number>(async (priorityIds) => {
      const rows: { priorityId: string; count: number }[] = await dataSource.query(
        `SELECT priority_id AS "priorityId", count(*)::int AS count FROM priority_endorsements
         WHERE priority_id = ANY($1) GROUP BY priority_id`,
        [priorityIds],
      );
      const counts = new Map(rows.map((r) => [r.priorityId, r.count]));
      return priorityIds.map((id) => counts.get(id) ?? 0);
    }),

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
