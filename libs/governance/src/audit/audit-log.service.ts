import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { andSql, Connection, fetchCount, fetchPage, ForbiddenError, inlineSql, lazyConnection, ListQuery, PageArgs, Sql, sql, Viewer } from '@app/core';
import { AuditFilter } from './dto/audit-log.args';

/** A row of `audit_log` as read for the API: `details` is already JSON text. */
export interface AuditEntryRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorOrganizationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details: string | null;
}

const COLUMNS = `a.id::text AS id, a.at, a.actor_id AS "actorId", a.actor_organization_id AS "actorOrganizationId", a.action,
  a.entity_type AS "entityType", a.entity_id AS "entityId", a.details::text AS details`;

/** Reads the audit log: admins only, newest first (by id, the order entries were appended in). */
@Injectable()
export class AuditLogService {
  constructor(private readonly dataSource: DataSource) {}

  list(viewer: Viewer, filter: AuditFilter | null | undefined, args: PageArgs): Connection<AuditEntryRow> {
    if (viewer.role !== 'ADMIN') throw new ForbiddenError('Only admins read the audit log', 'NOT_ADMIN');
    const query = auditListQuery(filter ?? {});
    return lazyConnection(
      () => fetchPage<AuditEntryRow>(this.dataSource, query, args),
      () => fetchCount(this.dataSource, query),
    );
  }
}

/** The entries `filter` keeps, each condition served by an index ending in the id (migration 1797000000000). */
export function auditListQuery(filter: AuditFilter): ListQuery {
  const conditions: Sql[] = [];
  if (filter.actorId) conditions.push(sql`a.actor_id = ${filter.actorId}::uuid`);
  if (filter.organizationId) conditions.push(sql`a.actor_organization_id = ${filter.organizationId}::uuid`);
  if (filter.entityType) conditions.push(sql`a.entity_type = ${filter.entityType}::text`);
  if (filter.entityId) conditions.push(sql`a.entity_id = ${filter.entityId}::text`);
  if (filter.action) conditions.push(sql`a.action = ${filter.action}::text`);
  if (filter.from) conditions.push(sql`a.at >= ${filter.from}::timestamptz`);
  if (filter.to) conditions.push(sql`a.at < ${filter.to}::timestamptz`);
  const params: unknown[] = [];
  return {
    columns: COLUMNS,
    from: 'audit_log a',
    where: conditions.length > 0 ? [inlineSql(andSql(conditions), params)] : [],
    params,
    orderBy: [{ sql: 'a.id', type: 'bigint', property: 'id' }],
    descending: true,
    properties: 'all',
  };
}
