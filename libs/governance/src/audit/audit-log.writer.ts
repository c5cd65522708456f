import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvent, DomainEvents, rawSql, sql, SqlWrite } from '@app/core';
import { auditEntryOf } from './audit-entry-of';

/**
 * The write that appends `event` to the audit log, or null for a reminder; its parameters numbered after
 * `offset` and, with `gate`, once per row of that CTE. The actor and the organisations are joined rather
 * than referenced by value, so an id that names no row leaves its column null instead of failing the change.
 * The text depends only on `offset` and `gate`: every event reuses the same prepared statements.
 */
export function auditWrite(event: DomainEvent, offset: number, gate?: string): SqlWrite | null {
  const entry = auditEntryOf(event);
  if (!entry) return null;
  const insert = sql`INSERT INTO audit_log (actor_id, actor_organization_id, action, entity_type, entity_id, details)
    SELECT actor.id, COALESCE(named.id, actor.organization_id, concerned.id), ${entry.action}::text, ${entry.entityType}::text,
           ${entry.entityId}::text, ${entry.details}::jsonb
    FROM ${rawSql(gate ?? '(VALUES (1)) AS audit_one(one)')}
    LEFT JOIN people actor ON actor.id = ${entry.actorId}::uuid
    LEFT JOIN organizations named ON named.id = ${entry.actorOrganizationId}::uuid
    LEFT JOIN organizations concerned ON concerned.id = ${entry.organizationId}::uuid`;
  return { sql: insert.text(offset), params: [...insert.values] };
}

/**
 * Appends every published domain event to the audit log, in the change's transaction and, where the change
 * embeds its events' writes (`DomainEvents.embed`), in the change's own statement (decision 121).
 */
@Injectable()
export class AuditLogWriter implements OnModuleInit {
  constructor(private readonly events: DomainEvents) {}

  onModuleInit(): void {
    this.events.onEventWrite(auditWrite);
  }
}
