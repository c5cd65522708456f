import { DomainEvent, isId } from '@app/core';

/** What one domain event appends to the audit log, before the database resolves the actor's organisation. */
export interface AuditDraft {
  /** The event type in UPPER_SNAKE: `ballot.vote_cast` → `BALLOT_VOTE_CAST`; `DATA_POOL_SIGNED` stays. */
  action: string;
  /** PascalCase: `Proposal`, `DataPool`, `ActionItem`, `Person`… */
  entityType: string;
  entityId: string;
  actorId: string | null;
  /** `event.actorOrganizationId`; else the database takes the actor's organisation, else `organizationId`. */
  actorOrganizationId: string | null;
  organizationId: string | null;
  /** The event's other fields, as JSON. */
  details: string | null;
}

/**
 * Reminders the platform raises on a schedule change nothing: they are notifications, not audit entries
 * (decision 123). Today they never pass through DomainEvents; the rule holds if one ever does.
 */
const REMINDER_SUFFIXES = ['_REMINDER', '_DUE_TOMORROW', '_CLOSING_SOON', '_BRIEF_READY'];

/**
 * No audit row keeps a secret: fields whose name says it holds one are dropped (decision 124), unless the
 * value is a flag (a ballot's `secret: true` says how it is run, it holds nothing).
 */
const SECRET_FIELD = /token|secret|password|hash|signature|url/i;

/** The event's own fields that are columns of the row, not details. */
const COLUMN_FIELDS = new Set(['type', 'actorId', 'actorOrganizationId']);

/** Used when an event names no entity at all. */
const NO_ENTITY = { entityType: 'Platform', entityId: '-' };

export function auditAction(type: string): string {
  return type.replace(/[.\s-]+/g, '_').toUpperCase();
}

/**
 * The audit entry of `event`, or null for a reminder. Generic, so that every lib's events (and those added
 * later) are covered without code here (decision 122): the entity is the one the type's leading words name
 * whose id the event carries — `PROPOSAL_STATE_CHANGED` and `proposalId`, `ACTION_ITEM_ADDED` and
 * `actionItemId`, `DATA_POOL_SIGNED` and `poolId` (the prefix's last word) — trying the shortest prefix
 * first; else the first `<entity>Id` field the event has (`AGENDA_SET` → its `meetingId`); else none.
 */
export function auditEntryOf(event: DomainEvent): AuditDraft | null {
  const action = auditAction(event.type);
  if (REMINDER_SUFFIXES.some((suffix) => action.endsWith(suffix))) return null;
  const entity = entityOf(action, event);
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    if (COLUMN_FIELDS.has(key) || key === entity.field || (SECRET_FIELD.test(key) && typeof value !== 'boolean') || value === undefined) continue;
    details[key] = value;
  }
  return {
    action,
    entityType: entity.entityType,
    entityId: entity.entityId,
    actorId: idOrNull(event.actorId),
    actorOrganizationId: idOrNull(event.actorOrganizationId),
    organizationId: idOrNull(event.organizationId),
    details: Object.keys(details).length > 0 ? JSON.stringify(details) : null,
  };
}

function entityOf(action: string, event: DomainEvent): { entityType: string; entityId: string; field?: string } {
  const words = action.toLowerCase().split('_').filter(Boolean);
  for (let length = 1; length < words.length; length++) {
    const prefix = words.slice(0, length);
    const candidates = [camel(prefix)];
    if (length > 1) candidates.push(words[length - 1]);
    for (const name of candidates) {
      const field = `${name}Id`;
      const value = event[field];
      if (typeof value === 'string' && value) return { entityType: pascal(prefix), entityId: value, field };
    }
  }
  for (const [field, value] of Object.entries(event)) {
    if (!field.endsWith('Id') || COLUMN_FIELDS.has(field) || field === 'Id' || typeof value !== 'string' || !value) continue;
    return { entityType: field.charAt(0).toUpperCase() + field.slice(1, -2), entityId: value, field };
  }
  return NO_ENTITY;
}

function camel(words: string[]): string {
  return words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

function pascal(words: string[]): string {
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

function idOrNull(value: unknown): string | null {
  return typeof value === 'string' && isId(value) ? value : null;
}
