import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { selectColumns } from '@app/core';
import { OrganizationEntity } from './organization.entity';

/** Per-request batching for organisation lookups: one `= ANY($1)` statement per batch. */
export function createOrganizationLoaders(dataSource: DataSource) {
  return {
    byId: new DataLoader<string, OrganizationEntity | null>(async (ids) => {
      const rows: OrganizationEntity[] = await dataSource.query(
        `SELECT ${selectColumns(dataSource, OrganizationEntity, 'o')} FROM organizations o WHERE o.id = ANY($1)`,
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
