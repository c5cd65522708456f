import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvent, DomainEvents, SqlWrite } from '@app/core';
import { auditEntryOf } from './audit-entry-of';

const texts = new Map<string, string>();

/**
 * The audit row's INSERT, its parameters numbered after `offset`; with `gate`, once per row of that CTE.
 * The actor and organisations are joined rather than referenced by value, so an id that names no row
 * leaves the column null instead of failing the change. The same few texts serve every event, so
 * prepared statements are reused.
 */
export function auditInsertSql(offset: number, gate?: string): string {
  const key = `${offset} ${gate ?? ''}`;
  let text = texts.get(key);
  if (text === undefined) {
    const $ = (n: number) => `$${offset + n}`;
    text = `INSERT INTO audit_log (actor_id, actor_organization_id, action, entity_type, entity_id, details)
      SELECT actor.id, COALESCE(named.id, actor.organization_id, concerned.id), ${$(4)}::text, ${$(5)}::text, ${$(6)}::text, ${$(7)}::jsonb
      FROM ${gate ?? '(VALUES (1)) AS audit_one(one)'}
      LEFT JOIN people actor ON actor.id = ${$(1)}::uuid
      LEFT JOIN organizations named ON named.id = ${$(2)}::uuid
      LEFT JOIN organizations concerned ON concerned.id = ${$(3)}::uuid`;
    if (texts.size >= 256) texts.clear();
    texts.set(key, text);
  }
  return text;
}

/** The write that appends `event` to the audit log, or null for a reminder. */
export function auditWrite(event: DomainEvent, offset: number, gate?: string): SqlWrite | null {
  const entry = auditEntryOf(event);
  if (!entry) return null;
  return {
    sql: auditInsertSql(offset, gate),
    params: [entry.actorId, entry.actorOrganizationId, entry.organizationId, entry.action, entry.entityType, entry.entityId, entry.details],
  };
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
