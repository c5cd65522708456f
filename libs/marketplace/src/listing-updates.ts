import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget } from 'typeorm';
import { Connection, fetchCount, fetchPage, InvalidInputError, isId, lazyConnection, ListQuery, NotFoundError, PageArgs, querySql, rawSql, selectColumns, Sql, sql, Viewer } from '@app/core';
import { Confidentiality } from '@app/proposals';
import { ListingReferences, stale } from './listing-references';
import { checkStatusMove, differs } from './listing-rules';
import { MarketplacePolicy } from './marketplace.policy';

/** What capabilities and needs have in common for an update. */
export interface ListingRow {
  id: string;
  organizationId: string;
  description: string | null;
  confidentiality: Confidentiality;
  workingGroupId: string | null;
  status: string;
  version: number;
  updatedAt: Date;
}

/** How one kind of listing is updated: its fields, its status moves and its rules. */
export interface ListingUpdateRules<T extends ListingRow, F extends keyof T & string> {
  /** 'capability', 'need': in messages. */
  what: string;
  /** 'capabilities', 'needs': in messages. */
  plural: string;
  /** What an update may change. */
  editable: readonly F[];
  /** Of those, the ones that cannot be null. */
  required: readonly F[];
  transitions: Readonly<Record<string, readonly string[]>>;
  /** Puts merged values in their stored form (sets sorted, codes upper case). */
  normalize(next: T): void;
  /** The rules the listing obeys after any change; throws a coded error naming the field. */
  check(next: T): void;
}

/**
 * The listing `current` would become with `input`, and the fields that really change: null is refused on
 * required fields and clears the others; blank descriptions are none; leaving WORKING_GROUP leaves its
 * group unless the client names one (which the rules then refuse); the status move and the merged listing
 * are checked. Nothing is written here.
 */
export function mergeUpdate<T extends ListingRow, F extends keyof T & string>(
  current: T,
  input: Partial<Record<F, unknown>>,
  rules: ListingUpdateRules<T, F>,
): { next: T; changed: F[] } {
  for (const field of rules.required) {
    if (input[field] === null) throw new InvalidInputError(field, `${field} cannot be null`);
  }
  const next: T = { ...current };
  for (const field of rules.editable) {
    if (input[field] !== undefined) Object.assign(next, { [field]: input[field] });
  }
  rules.normalize(next);
  if (next.description !== null && !next.description.trim()) next.description = null;
  const confidentiality = (input as { confidentiality?: Confidentiality | null }).confidentiality;
  if (confidentiality && confidentiality !== Confidentiality.WORKING_GROUP && (input as { workingGroupId?: unknown }).workingGroupId === undefined) {
    next.workingGroupId = null;
  }
  const changed = rules.editable.filter((field) => differs(current[field], next[field]));
  checkStatusMove(rules.transitions, current.status, next.status, changed.some((field) => field !== 'status'), rules.what);
  rules.check(next);
  return { next, changed };
}

/** Writes the changed fields of `next` with a new version and time; returns the listing as stored. */
export async function writeUpdate<T extends ListingRow, F extends keyof T & string>(em: EntityManager, entity: EntityTarget<T>, next: T, changed: readonly F[]): Promise<T> {
  const written: T = { ...next, version: next.version + 1, updatedAt: new Date() };
  const changes = Object.fromEntries(changed.map((field) => [field, written[field]]));
  await em.getRepository(entity).update(written.id, { ...changes, version: written.version, updatedAt: written.updatedAt } as never);
  return written;
}

/** Where a kind of listing is stored, and what a missing one is called (NOT_FOUND's reason). */
export interface ListingTable<T extends ListingRow> {
  entity: EntityTarget<T>;
  table: string;
  alias: string;
  what: string;
}

/** One listing by id that `readable` (a condition over the table's alias) admits, or null; `lock` takes its row lock for a change. */
export async function readListing<T extends ListingRow>(
  db: DataSource | EntityManager,
  dataSource: DataSource,
  { entity, table, alias }: ListingTable<T>,
  id: string,
  readable: Sql,
  lock = false,
): Promise<T | null> {
  if (!isId(id)) return null;
  const [row] = await querySql<T>(
    db,
    sql`SELECT ${rawSql(selectColumns(dataSource, entity, alias))} FROM ${rawSql(`${table} ${alias}`)}
        WHERE ${rawSql(alias)}.id = ${id}::uuid AND ${readable}${rawSql(lock ? ` FOR UPDATE OF ${alias}` : '')}`,
  );
  return row ?? null;
}

/** `readListing` with its lock, NOT_FOUND when it is missing or not readable: a mutation reveals nothing. */
export async function lockListing<T extends ListingRow>(em: EntityManager, dataSource: DataSource, table: ListingTable<T>, id: string, readable: Sql): Promise<T> {
  const row = await readListing(em, dataSource, table, id, readable, true);
  if (!row) throw new NotFoundError(table.what);
  return row;
}

/** A list's lazy connection: the page and the count each run only if the client asks for them. */
export function listConnection<T>(dataSource: DataSource, query: ListQuery, args: PageArgs): Connection<T> {
  return lazyConnection(
    () => fetchPage<T>(dataSource, query, args),
    () => fetchCount(dataSource, query),
  );
}

/** A listing before and after an update, and the fields that changed (none: nothing was written). */
export interface ListingChange<T extends ListingRow, F extends keyof T & string> {
  current: T;
  written: T;
  changed: F[];
}

/**
 * The update both kinds of listing share, inside the caller's transaction: lock the row (NOT_FOUND unless
 * readable), the organisation's people and admins only (FORBIDDEN), the current version only (CONFLICT
 * STALE_VERSION), merge and check (`mergeUpdate`), check a newly named working group, write. Publishing the
 * change is the caller's: its event differs by kind.
 */
@Injectable()
export class ListingUpdater {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: MarketplacePolicy,
    private readonly references: ListingReferences,
  ) {}

  async update<T extends ListingRow, F extends keyof T & string>(
    em: EntityManager,
    viewer: Viewer,
    table: ListingTable<T>,
    readable: Sql,
    id: string,
    expectedVersion: number,
    input: Partial<Record<F, unknown>>,
    rules: ListingUpdateRules<T, F>,
  ): Promise<ListingChange<T, F>> {
    const current = await lockListing(em, this.dataSource, table, id, readable);
    this.policy.assertSpeaksFor(viewer, current.organizationId, `edit its ${rules.plural}`);
    if (current.version !== expectedVersion) throw stale(rules.what, current.version);
    const { next, changed } = mergeUpdate(current, input, rules);
    if (changed.length === 0) return { current, written: current, changed };
    if (changed.includes('workingGroupId' as F)) await this.references.assertExist(em, { workingGroupId: next.workingGroupId });
    return { current, written: await writeUpdate(em, table.entity, next, changed), changed };
  }
}
