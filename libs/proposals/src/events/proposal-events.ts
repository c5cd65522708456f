import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvent, DomainEvents, SqlWrite, newId, valuesRows } from '@app/core';
import { ProposalEntity } from '../proposal.entity';
import { ProposalState } from '../proposal.enums';

export type ProposalEventType =
  | 'CREATED'
  | 'UPDATED'
  | 'STATE_CHANGED'
  | 'LEAD_INVITED'
  | 'LEAD_RESPONDED'
  | 'PARTNER_INVITED'
  | 'PARTNER_RESPONDED'
  | 'SUPPORTED'
  | 'SUPPORT_WITHDRAWN'
  | 'COMMENTED';

export interface ProposalHistoryEntry {
  /** The group travels with the event (not stored in the trail): live updates filter by it without a query. */
  proposal: Pick<ProposalEntity, 'id' | 'workingGroupId'>;
  /** Null: the platform (a ballot closed at its time). */
  actorId: string | null;
  type: ProposalEventType;
  fromState?: ProposalState;
  toState?: ProposalState;
  note?: string | null;
  /** For consumers only (not stored in the trail): e.g. the partner organisation, the comment. */
  details?: Record<string, unknown>;
}

/**
 * Appends to a proposal's audit trail in the caller's transaction and publishes the same change as a
 * domain event (`PROPOSAL_<TYPE>`) for notifications and live updates.
 */
@Injectable()
export class ProposalHistory {
  constructor(private readonly events: DomainEvents) {}

  /** Appends `entry` to the trail and publishes it, in the caller's transaction. */
  async record(em: EntityManager, entry: ProposalHistoryEntry): Promise<void> {
    await em.query(trailSql(0, 1), trailValues(entry));
    await this.events.publish(em, eventOf(entry));
  }

  /**
   * The trail rows of `entries` and their events' outbox writes as CTEs for the change's own statement,
   * their parameters numbered after `offset`. An entry is written only if the CTE `gate` returns its
   * proposal's id, so a proposal the statement did not write gets neither. Once that statement has
   * committed, call `announceEmbedded` for each entry it wrote.
   */
  embed(entries: ProposalHistoryEntry[], offset: number, gate: string): SqlWrite {
    const params = entries.flatMap(trailValues);
    const ctes = [trailSql(offset, entries.length, gate)];
    entries.forEach((entry, i) => {
      const entryGate = `${gate}_${i + 1}`;
      const event = this.events.embed(eventOf(entry), offset + params.length + 1, entryGate, `event_${i + 1}_write`);
      if (!event.sql) return;
      ctes.push(`${entryGate} AS (SELECT id FROM ${gate} WHERE id = $${offset + params.length + 1}::uuid)`, event.sql);
      params.push(entry.proposal.id, ...event.params);
    });
    // Without event writes, the trail's cached text itself: the statement cache's lookup keys on it.
    return { sql: ctes.length === 1 ? ctes[0] : ctes.join(',\n'), params };
  }

  announceEmbedded(entry: ProposalHistoryEntry): void {
    this.events.announceEmbedded([eventOf(entry)]);
  }
}

function trailValues(entry: ProposalHistoryEntry): unknown[] {
  return [newId(), entry.proposal.id, entry.actorId, entry.type, entry.fromState ?? null, entry.toState ?? null, entry.note ?? null, new Date()];
}

const TRAIL_COLUMNS = 'id, proposal_id, actor_id, type, from_state, to_state, note, at';
const TRAIL_TYPES = ['uuid', 'uuid', 'uuid', 'text', 'text', 'text', 'text', 'timestamptz'];
const trailTexts = new Map<string, string>();

/**
 * The trail's INSERT of `rows` rows, their parameters numbered after `offset`; with `gate`, the name of a
 * CTE returning proposal ids, as the CTE `trail` writing only the rows of those proposals. The same few
 * texts serve every change.
 */
function trailSql(offset: number, rows: number, gate?: string): string {
  const key = `${offset} ${rows} ${gate ?? ''}`;
  let sql = trailTexts.get(key);
  if (sql === undefined) {
    const values = valuesRows(TRAIL_TYPES, rows, offset);
    const insert = `INSERT INTO proposal_events (${TRAIL_COLUMNS})`;
    sql = gate
      ? `trail AS (${insert} SELECT t.* FROM (VALUES ${values}) AS t(${TRAIL_COLUMNS}) JOIN ${gate} ON ${gate}.id = t.proposal_id)`
      : `${insert} VALUES ${values}`;
    if (trailTexts.size >= 256) trailTexts.clear();
    trailTexts.set(key, sql);
  }
  return sql;
}

/** `entry` as the domain event `PROPOSAL_<TYPE>` that notifications and live updates consume. */
function eventOf(entry: ProposalHistoryEntry): DomainEvent {
  return {
    type: `PROPOSAL_${entry.type}`,
    actorId: entry.actorId,
    proposalId: entry.proposal.id,
    workingGroupId: entry.proposal.workingGroupId,
    fromState: entry.fromState ?? null,
    toState: entry.toState ?? null,
    note: entry.note ?? null,
    ...entry.details,
  };
}
