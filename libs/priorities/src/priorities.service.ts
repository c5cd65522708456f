import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, DomainEvents, InvalidInputError, NotFoundError, Viewer, isId, selectColumns, writeReturning, newId } from '@app/core';
import { CreatePriorityInput, UpdatePriorityInput } from './dto/priority.input';
import { LISTED_PRIORITIES } from './priorities.loader';
import { orderingProblem } from './priority-order';
import { PriorityEntity } from './priority.entity';
import { PriorityStatus } from './priority.enums';
import { isEndorsable } from './priority-permissions';
import { PriorityPolicy } from './priority.policy';

type Db = EntityManager | DataSource;

const NIL_UUID = `'00000000-0000-0000-0000-000000000000'::uuid`;

/**
 * `p` belongs to the scope named by a parameter (a group id, or null for alliance-wide). Written as
 * the unique index's expression, so the index serves it.
 */
const inScope = (param: string) => `COALESCE(p.working_group_id, ${NIL_UUID}) = COALESCE(${param}::uuid, ${NIL_UUID})`;

/** Ranks are moved out of the way by this much during a reorder (far above any real rank). */
const RANK_OFFSET = 1_000_000;

/**
 * Strategic priorities. Ranks in a scope are 1..n without gaps: every rank change runs in a
 * transaction that first takes the scope's advisory lock, so concurrent creates and reorders of one
 * scope run one after another; the unique (scope, rank) index backs the invariant. Inside a
 * transaction only its EntityManager is used: the embedded database's pool has one connection.
 */
@Injectable()
export class PrioritiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PriorityPolicy,
    private readonly events: DomainEvents,
  ) {}

  /** Appends the priority at rank n+1 of its scope. */
  create(viewer: Viewer, input: CreatePriorityInput): Promise<PriorityEntity> {
    const workingGroupId = input.workingGroupId ?? null;
    return this.dataSource.transaction(async (em) => {
      await this.assertCanManageScope(em, viewer, workingGroupId);
      await this.lockScope(em, workingGroupId);
      const [{ next }]: { next: number }[] = await em.query(`SELECT COALESCE(max(p.rank), 0) + 1 AS next FROM priorities p WHERE ${inScope('$1')}`, [
        workingGroupId,
      ]);
      const now = new Date();
      const priority: PriorityEntity = {
        id: newId(),
        workingGroupId,
        title: input.title,
        description: input.description,
        rank: next,
        status: input.status ?? PriorityStatus.PROPOSED,
        createdById: viewer.id,
        createdAt: now,
        updatedAt: now,
      };
      await em.getRepository(PriorityEntity).insert(priority);
      return priority;
    });
  }

  /** Title, description and status (adopting and archiving are status changes); the rank stays. */
  async update(viewer: Viewer, id: string, input: UpdatePriorityInput): Promise<PriorityEntity> {
    const current = await this.findById(id);
    if (!current) throw new NotFoundError('priority');
    await this.policy.assertCanManage(viewer, current.workingGroupId);
    for (const field of ['title', 'description', 'status'] as const) {
      if (input[field] === null) throw new InvalidInputError(field, `${field} cannot be null`);
    }
    return this.dataSource.transaction(async (em) => {
      // Returns the row as it is now: a concurrent reorder may have moved its rank.
      const [updated] = await writeReturning<PriorityEntity>(
        em,
        `UPDATE priorities p SET title = COALESCE($2, p.title), description = COALESCE($3, p.description),
                status = COALESCE($4, p.status), updated_at = now()
         WHERE p.id = $1 RETURNING ${this.columns()}`,
        [current.id, input.title ?? null, input.description ?? null, input.status ?? null],
      );
      if (updated.status === PriorityStatus.ADOPTED && current.status !== PriorityStatus.ADOPTED) {
        await this.events.publish(em, { type: 'PRIORITY_ADOPTED', actorId: viewer.id, priorityId: updated.id, workingGroupId: updated.workingGroupId });
      }
      return updated;
    });
  }

  /**
   * Sets ranks 1..n in the order given, which must list every priority of the scope exactly once.
   * The unique index is not deferrable, so the ranks first move to a disjoint range and then take
   * their final values in one statement: no two rows ever share a rank.
   */
  reorder(viewer: Viewer, workingGroupId: string | null, orderedIds: string[]): Promise<PriorityEntity[]> {
    return this.dataSource.transaction(async (em) => {
      await this.assertCanManageScope(em, viewer, workingGroupId);
      await this.lockScope(em, workingGroupId);
      const current: { id: string }[] = await em.query(`SELECT p.id FROM priorities p WHERE ${inScope('$1')}`, [workingGroupId]);
      const problem = orderingProblem(
        current.map((row) => row.id),
        orderedIds,
      );
      if (problem) throw new InvalidInputError('orderedIds', problem, 'INVALID_ORDERING');
      if (orderedIds.length > 0) {
        await em.query(`UPDATE priorities p SET rank = p.rank + ${RANK_OFFSET} WHERE ${inScope('$1')}`, [workingGroupId]);
        await em.query(
          `UPDATE priorities p
           SET rank = o.ord,
               updated_at = CASE WHEN p.rank - ${RANK_OFFSET} = o.ord THEN p.updated_at ELSE now() END
           FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord)
           WHERE p.id = o.id`,
          [orderedIds],
        );
        await this.events.publish(em, { type: 'PRIORITIES_REORDERED', actorId: viewer.id, workingGroupId });
      }
      return this.list(em, workingGroupId, null);
    });
  }

  /**
   * Endorses for the viewer's organisation; endorsing again changes nothing. The priority's row is
   * share-locked so it cannot be archived between the check and the insert.
   */
  endorse(viewer: Viewer, id: string): Promise<PriorityEntity> {
    return this.dataSource.transaction(async (em) => {
      const priority = await this.findById(id, em, 'FOR SHARE');
      if (!priority) throw new NotFoundError('priority');
      await this.policy.assertCanEndorse(viewer, priority.workingGroupId, em);
      if (!isEndorsable(priority)) {
        throw new ConflictError('PRIORITY_ARCHIVED', 'An archived priority cannot be endorsed');
      }
      await em.query(
        `INSERT INTO priority_endorsements (priority_id, organization_id, endorsed_by_id) VALUES ($1, $2, $3)
         ON CONFLICT (priority_id, organization_id) DO NOTHING`,
        [priority.id, viewer.organizationId, viewer.id],
      );
      return priority;
    });
  }

  /** Removes the viewer's organisation's endorsement, if there is one. */
  async withdrawEndorsement(viewer: Viewer, id: string): Promise<PriorityEntity> {
    const priority = await this.findById(id);
    if (!priority) throw new NotFoundError('priority');
    await this.policy.assertCanEndorse(viewer, priority.workingGroupId);
    await this.dataSource.query(`DELETE FROM priority_endorsements WHERE priority_id = $1 AND organization_id = $2`, [
      priority.id,
      viewer.organizationId,
    ]);
    return priority;
  }

  async findById(id: string, db: Db = this.dataSource, lock: '' | 'FOR SHARE' = ''): Promise<PriorityEntity | null> {
    if (!isId(id)) return null;
    const rows: PriorityEntity[] = await db.query(`SELECT ${this.columns()} FROM priorities p WHERE p.id = $1 ${lock}`, [id]);
    return rows[0] ?? null;
  }

  /** A scope's priorities by rank; an unknown working group is NOT_FOUND. */
  async findInScope(workingGroupId: string | null, status: PriorityStatus | null): Promise<PriorityEntity[]> {
    if (workingGroupId !== null) await this.assertGroupExists(this.dataSource, workingGroupId);
    return this.list(this.dataSource, workingGroupId, status);
  }

  /** The first LISTED_PRIORITIES of a scope by rank (`priorities`, `reorderPriorities`). */
  private list(db: Db, workingGroupId: string | null, status: PriorityStatus | null): Promise<PriorityEntity[]> {
    return db.query(
      `SELECT ${this.columns()} FROM priorities p WHERE ${inScope('$1')} AND ($2::text IS NULL OR p.status = $2) ORDER BY p.rank LIMIT $3`,
      [workingGroupId, status, LISTED_PRIORITIES],
    );
  }

  /** Unknown group: NOT_FOUND; then the scope's managers only (FORBIDDEN). */
  private async assertCanManageScope(em: EntityManager, viewer: Viewer, workingGroupId: string | null): Promise<void> {
    if (workingGroupId !== null) await this.assertGroupExists(em, workingGroupId);
    await this.policy.assertCanManage(viewer, workingGroupId, em);
  }

  private async assertGroupExists(db: Db, workingGroupId: string): Promise<void> {
    const rows: unknown[] = isId(workingGroupId) ? await db.query(`SELECT 1 FROM working_groups WHERE id = $1`, [workingGroupId]) : [];
    if (rows.length === 0) throw new NotFoundError('working group');
  }

  /** Serialises rank changes in one scope until the transaction ends. */
  private async lockScope(em: EntityManager, workingGroupId: string | null): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`priorities:${workingGroupId ?? 'alliance'}`]);
  }

  private columns(): string {
    return selectColumns(this.dataSource, PriorityEntity, 'p');
  }
}
