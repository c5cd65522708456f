import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Connection,
  fetchCount,
  fetchPage,
  InvalidInputError,
  isId,
  lazyConnection,
  newId,
  NotFoundError,
  PageArgs,
  querySql,
  rawSql,
  selectColumns,
  sql,
  Viewer,
} from '@app/core';
import { Confidentiality } from '@app/proposals';
import { ResourceNeedFilter, ResourceNeedInput, UpdateResourceNeedInput } from '../dto/need.input';
import { ListingReferences, stale } from '../listing-references';
import { asSet, checkConfidentiality, checkQuantity, checkStatusMove, checkWindow, differs, NEED_TRANSITIONS, normalizeCertifications } from '../listing-rules';
import { MarketplaceEvents } from '../marketplace-events';
import { needListQuery } from '../marketplace-list.query';
import { NeedStatus } from '../marketplace.enums';
import { canReadNeed, MarketplacePolicy } from '../marketplace.policy';
import { ResourceNeedEntity } from './need.entity';

/** What `updateResourceNeed` may change (its organisation, proposal and kind stay). */
const EDITABLE = [
  'title',
  'description',
  'anonymous',
  'quantity',
  'unit',
  'neededFrom',
  'neededUntil',
  'sensitivity',
  'allowedLocations',
  'requiredCertifications',
  'status',
  'confidentiality',
  'workingGroupId',
] as const satisfies readonly (keyof UpdateResourceNeedInput & keyof ResourceNeedEntity)[];

/** Of those, the ones that cannot be null. */
const REQUIRED = ['title', 'anonymous', 'sensitivity', 'allowedLocations', 'requiredCertifications', 'status', 'confidentiality'] as const;

/**
 * Publishing and editing needs. Every change runs in one transaction that checks, writes and publishes its
 * MarketplaceEvent; a refused change writes nothing.
 */
@Injectable()
export class NeedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: MarketplacePolicy,
    private readonly references: ListingReferences,
    private readonly events: MarketplaceEvents,
  ) {}

  /** The organisation's people and admins publish; it starts OPEN. */
  add(viewer: Viewer, input: ResourceNeedInput): Promise<ResourceNeedEntity> {
    this.policy.assertSpeaksFor(viewer, input.organizationId, 'publish its needs');
    const now = new Date();
    const need: ResourceNeedEntity = {
      id: newId(),
      organizationId: input.organizationId,
      proposalId: input.proposalId ?? null,
      anonymous: input.anonymous ?? false,
      kind: input.kind,
      title: input.title,
      description: input.description?.trim() ? input.description : null,
      quantity: input.quantity ?? null,
      unit: input.unit ?? null,
      neededFrom: input.neededFrom ?? null,
      neededUntil: input.neededUntil ?? null,
      sensitivity: input.sensitivity,
      allowedLocations: asSet(input.allowedLocations),
      requiredCertifications: normalizeCertifications(input.requiredCertifications),
      status: NeedStatus.OPEN,
      confidentiality: input.confidentiality ?? Confidentiality.MEMBERS,
      workingGroupId: input.workingGroupId ?? null,
      createdById: viewer.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    checkNeed(need);
    return this.dataSource.transaction(async (em) => {
      await this.references.assertExist(em, {
        organizationId: need.organizationId,
        workingGroupId: need.workingGroupId,
        proposal: need.proposalId ? { id: need.proposalId, viewer, organizationId: need.organizationId } : null,
      });
      await em.getRepository(ResourceNeedEntity).insert(need);
      await this.events.publish(em, {
        type: 'NEED_CREATED',
        needId: need.id,
        organizationId: need.organizationId,
        anonymous: need.anonymous,
        kind: need.kind,
        actorId: viewer.id,
      });
      return need;
    });
  }

  /**
   * Optimistic concurrency: the change applies only if `expectedVersion` is still current. Sending the values
   * it already has changes nothing (no new version, no event).
   */
  update(viewer: Viewer, id: string, expectedVersion: number, input: UpdateResourceNeedInput): Promise<ResourceNeedEntity> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.lockReadable(em, viewer, id);
      this.policy.assertSpeaksFor(viewer, current.organizationId, 'edit its needs');
      if (current.version !== expectedVersion) throw stale('need', current.version);
      for (const field of REQUIRED) {
        if (input[field] === null) throw new InvalidInputError(field, `${field} cannot be null`);
      }
      const next: ResourceNeedEntity = { ...current };
      for (const field of EDITABLE) {
        if (input[field] !== undefined) Object.assign(next, { [field]: input[field] });
      }
      next.allowedLocations = asSet(next.allowedLocations);
      next.requiredCertifications = normalizeCertifications(next.requiredCertifications);
      if (next.description !== null && !next.description.trim()) next.description = null;
      // Leaving WORKING_GROUP leaves its group too, unless the client names one (which is then refused).
      if (input.confidentiality && input.confidentiality !== Confidentiality.WORKING_GROUP && input.workingGroupId === undefined) {
        next.workingGroupId = null;
      }
      const changed = EDITABLE.filter((field) => differs(current[field], next[field]));
      checkStatusMove(NEED_TRANSITIONS, current.status, next.status, changed.some((f) => f !== 'status'), 'need');
      checkNeed(next);
      if (changed.length === 0) return current;
      if (changed.includes('workingGroupId')) await this.references.assertExist(em, { workingGroupId: next.workingGroupId });
      next.version = current.version + 1;
      next.updatedAt = new Date();
      const changes = Object.fromEntries(changed.map((field) => [field, next[field]]));
      await em.getRepository(ResourceNeedEntity).update({ id: current.id }, { ...changes, version: next.version, updatedAt: next.updatedAt });
      await this.events.publish(em, {
        type: 'NEED_UPDATED',
        needId: current.id,
        organizationId: current.organizationId,
        anonymous: next.anonymous,
        kind: current.kind,
        actorId: viewer.id,
        changed,
        fromStatus: current.status,
        toStatus: next.status,
        version: next.version,
      });
      return next;
    });
  }

  async findVisible(viewer: Viewer, id: string): Promise<ResourceNeedEntity | null> {
    if (!isId(id)) return null;
    const [row] = await querySql<ResourceNeedEntity>(
      this.dataSource,
      sql`SELECT ${rawSql(selectColumns(this.dataSource, ResourceNeedEntity, 'n'))} FROM resource_needs n WHERE n.id = ${id}::uuid AND ${canReadNeed(viewer, 'n')}`,
    );
    return row ?? null;
  }

  list(viewer: Viewer, filter: ResourceNeedFilter | null | undefined, args: PageArgs): Connection<ResourceNeedEntity> {
    const query = needListQuery(this.dataSource, viewer, filter);
    return lazyConnection(
      () => fetchPage<ResourceNeedEntity>(this.dataSource, query, args),
      () => fetchCount(this.dataSource, query),
    );
  }

  /** Locks the row for a change; one the viewer may not read is NOT_FOUND, so a mutation reveals nothing. */
  private async lockReadable(em: EntityManager, viewer: Viewer, id: string): Promise<ResourceNeedEntity> {
    if (!isId(id)) throw new NotFoundError('resource need');
    const [row] = await querySql<ResourceNeedEntity>(
      em,
      sql`SELECT ${rawSql(selectColumns(this.dataSource, ResourceNeedEntity, 'n'))} FROM resource_needs n
          WHERE n.id = ${id}::uuid AND ${canReadNeed(viewer, 'n')} FOR UPDATE OF n`,
    );
    if (!row) throw new NotFoundError('resource need');
    return row;
  }
}

/** The rules a need obeys after any change. */
function checkNeed(need: ResourceNeedEntity): void {
  checkQuantity(need);
  checkWindow(need.neededFrom, need.neededUntil, 'neededUntil', 'neededFrom');
  checkConfidentiality(need);
}
