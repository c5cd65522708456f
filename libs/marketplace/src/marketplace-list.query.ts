import { DataSource } from 'typeorm';
import { andSql, inlineSql, ListQuery, rawSql, searchQueryInBothLanguages, selectColumns, Sql, sql, Viewer } from '@app/core';
import { CapabilityEntity } from './capabilities/capability.entity';
import { CapabilityFilter } from './dto/capability.input';
import { ResourceNeedFilter } from './dto/need.input';
import { certificationsHeld } from './matching/matching.query';
import { sensitivitiesFrom } from './marketplace.enums';
import { canReadCapability, canReadNeed, canSeeNeedOwner } from './marketplace.policy';
import { ResourceNeedEntity } from './needs/need.entity';

/**
 * Either language's stemming may match, accents ignored, over the listing's stored `search_document` (title
 * and description; migration 1795900600000), as in the proposals' filter; the web-search syntax applies.
 */
function searchCondition(alias: string, search: string | null | undefined): Sql | null {
  const text = search?.trim();
  if (!text) return null;
  return sql`${rawSql(alias)}.search_document @@ ${searchQueryInBothLanguages('websearch_to_tsquery', text)}`;
}

/** Newest first, ties by id: served by the (created_at, id) indexes. */
const newestFirst = (alias: string): Pick<ListQuery, 'orderBy' | 'descending' | 'properties'> => ({
  orderBy: [
    { sql: `${alias}.created_at`, type: 'timestamptz', property: 'createdAt' },
    { sql: `${alias}.id`, type: 'uuid', property: 'id' },
  ],
  descending: true,
  properties: 'all',
});

/** A keyset list whose conditions are composed fragments (bridged to the pagination's numbered parameters). */
function listQuery(columns: string, from: string, conditions: Sql[], alias: string): ListQuery {
  const params: unknown[] = [];
  return { columns, from, where: [inlineSql(andSql(conditions), params)], params, ...newestFirst(alias) };
}

/**
 * The capabilities a viewer may read, filtered, newest first: one definition for `capabilities` and
 * `Organization.capabilities`, so lists and counts agree.
 */
export function capabilityListQuery(dataSource: DataSource, viewer: Viewer, filter: CapabilityFilter | null | undefined): ListQuery {
  const conditions: (Sql | null)[] = [canReadCapability(viewer, 'c')];
  if (filter?.kind) conditions.push(sql`c.kind = ${filter.kind}`);
  if (filter?.organizationId) conditions.push(sql`c.organization_id = ${filter.organizationId}::uuid`);
  if (filter?.location) conditions.push(sql`c.location = ${filter.location}`);
  if (filter?.handles) conditions.push(sql`c.max_sensitivity = ANY(${sensitivitiesFrom(filter.handles)}::text[])`);
  if (filter?.certifications?.length) conditions.push(sql`${[...new Set(filter.certifications)]}::text[] <@ ${certificationsHeld('c')}`);
  if (filter?.status) conditions.push(sql`c.status = ${filter.status}`);
  conditions.push(searchCondition('c', filter?.search));
  return listQuery(selectColumns(dataSource, CapabilityEntity, 'c'), 'capabilities c', conditions.filter((c) => c !== null), 'c');
}

/**
 * The needs a viewer may read, filtered, newest first. Filtering by organisation, and `ownersOnly` (an
 * organisation's `needs`), keep only the needs whose owner the viewer may see: an anonymous need is never
 * found, nor counted, by its organisation.
 */
export function needListQuery(
  dataSource: DataSource,
  viewer: Viewer,
  filter: ResourceNeedFilter | null | undefined,
  ownersOnly = false,
): ListQuery {
  const conditions: (Sql | null)[] = [canReadNeed(viewer, 'n')];
  if (ownersOnly || filter?.organizationId) conditions.push(canSeeNeedOwner(viewer, 'n'));
  if (filter?.kind) conditions.push(sql`n.kind = ${filter.kind}`);
  if (filter?.organizationId) conditions.push(sql`n.organization_id = ${filter.organizationId}::uuid`);
  if (filter?.status) conditions.push(sql`n.status = ${filter.status}`);
  conditions.push(searchCondition('n', filter?.search));
  return listQuery(selectColumns(dataSource, ResourceNeedEntity, 'n'), 'resource_needs n', conditions.filter((c) => c !== null), 'n');
}
