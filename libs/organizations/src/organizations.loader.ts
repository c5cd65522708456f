import { DataSource } from 'typeorm';
import { byIdLoader, selectColumns } from '@app/core';
import { OrganizationEntity } from './organization.entity';

/** Per-request batching for organisation lookups: one `= ANY($1)` statement per batch. */
export function createOrganizationLoaders(dataSource: DataSource) {
  return {
    byId: byIdLoader<OrganizationEntity>(
      dataSource,
      `SELECT ${selectColumns(dataSource, OrganizationEntity, 'o')} FROM organizations o WHERE o.id = ANY($1)`,
    ),
  };
}
