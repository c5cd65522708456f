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
import { CapabilityFilter, CapabilityInput, UpdateCapabilityInput } from '../dto/capability.input';
import { CAPABILITY_TRANSITIONS, checkConfidentiality, checkQuantity, checkStatusMove, checkWindow, differs, normalizeCertifications } from '../listing-rules';
import { MarketplaceEvents } from '../marketplace-events';
import { capabilityListQuery } from '../marketplace-list.query';
import { CapabilityStatus } from '../marketplace.enums';
import { canReadCapability, MarketplacePolicy } from '../marketplace.policy';
import { ListingReferences, stale } from '../listing-references';
import { CapabilityEntity } from './capability.entity';

/** What `updateCapability` may change. */
const EDITABLE = [
  'title',
  'description',
  'quantity',
  'unit',
  'availableFrom',
  'availableUntil',
  'location',
  'maxSensitivity',
  'certifications',
  'accessModel',
  'status',
  'confidentiality',
  'workingGroupId',
] as const satisfies readonly (keyof UpdateCapabilityInput & keyof CapabilityEntity)[];

/** Of those, the ones that cannot be null. */
const REQUIRED = ['title', 'location', 'maxSensitivity', 'certifications', 'accessModel', 'status', 'confidentiality'] as const;

/**
 * Publishing and editing capabilities. Every change runs in one transaction that checks, writes and
 * publishes its MarketplaceEvent; a refused change writes nothing.
 */
@Injectable()
export class CapabilitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: MarketplacePolicy,
    private readonly references: ListingReferences,
    private readonly events: MarketplaceEvents,
  ) {}

  /** The organisation's people and admins publish; it starts ACTIVE. */
  add(viewer: Viewer, input: CapabilityInput): Promise<CapabilityEntity> {
    this.policy.assertSpeaksFor(viewer, input.organizationId, 'publish its capabilities');
    const now = new Date();
    const capability: CapabilityEntity = {
      id: newId(),
      organizationId: input.organizationId,
      kind: input.kind,
      title: input.title,
      description: input.description?.trim() ? input.description : null,
      quantity: input.quantity ?? null,
      unit: input.unit ?? null,
      availableFrom: input.availableFrom ?? null,
      availableUntil: input.availableUntil ?? null,
      location: input.location,
      maxSensitivity: input.maxSensitivity,
      certifications: normalizeCertifications(input.certifications),
      accessModel: input.accessModel,
      status: CapabilityStatus.ACTIVE,
      confidentiality: input.confidentiality ?? Confidentiality.MEMBERS,
      workingGroupId: input.workingGroupId ?? null,
      createdById: viewer.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    checkCapability(capability);
    return this.dataSource.transaction(async (em) => {
      await this.references.assertExist(em, { organizationId: capability.organizationId, workingGroupId: capability.workingGroupId });
      await em.getRepository(CapabilityEntity).insert(capability);
      await this.events.publish(em, {
        type: 'CAPABILITY_CREATED',
        capabilityId: capability.id,
        organizationId: capability.organizationId,
        kind: capability.kind,
        actorId: viewer.id,
      });
      return capability;
    });
  }

  /**
   * Optimistic concurrency: the change applies only if `expectedVersion` is still current. Sending the values
   * it already has changes nothing (no new version, no event).
   */
  update(viewer: Viewer, id: string, expectedVersion: number, input: UpdateCapabilityInput): Promise<CapabilityEntity> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.lockReadable(em, viewer, id);
      this.policy.assertSpeaksFor(viewer, current.organizationId, 'edit its capabilities');
      if (current.version !== expectedVersion) throw stale('capability', current.version);
      for (const field of REQUIRED) {
        if (input[field] === null) throw new InvalidInputError(field, `${field} cannot be null`);
      }
      const next: CapabilityEntity = { ...current };
      for (const field of EDITABLE) {
        if (input[field] !== undefined) Object.assign(next, { [field]: input[field] });
      }
      next.certifications = normalizeCertifications(next.certifications);
      if (next.description !== null && !next.description.trim()) next.description = null;
      // Leaving WORKING_GROUP leaves its group too, unless the client names one (which is then refused).
      if (input.confidentiality && input.confidentiality !== Confidentiality.WORKING_GROUP && input.workingGroupId === undefined) {
        next.workingGroupId = null;
      }
      const changed = EDITABLE.filter((field) => differs(current[field], next[field]));
      checkStatusMove(CAPABILITY_TRANSITIONS, current.status, next.status, changed.some((f) => f !== 'status'), 'capability');
      checkCapability(next);
      if (changed.length === 0) return current;
      if (changed.includes('workingGroupId')) await this.references.assertExist(em, { workingGroupId: next.workingGroupId });
      next.version = current.version + 1;
      next.updatedAt = new Date();
      const changes = Object.fromEntries(changed.map((field) => [field, next[field]]));
      await em.getRepository(CapabilityEntity).update({ id: current.id }, { ...changes, version: next.version, updatedAt: next.updatedAt });
      await this.events.publish(em, {
        type: 'CAPABILITY_UPDATED',
        capabilityId: current.id,
        organizationId: current.organizationId,
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

  async findVisible(viewer: Viewer, id: string): Promise<CapabilityEntity | null> {
    if (!isId(id)) return null;
    const [row] = await querySql<CapabilityEntity>(
      this.dataSource,
      sql`SELECT ${rawSql(selectColumns(this.dataSource, CapabilityEntity, 'c'))} FROM capabilities c WHERE c.id = ${id}::uuid AND ${canReadCapability(viewer, 'c')}`,
    );
    return row ?? null;
  }

  list(viewer: Viewer, filter: CapabilityFilter | null | undefined, args: PageArgs): Connection<CapabilityEntity> {
    const query = capabilityListQuery(this.dataSource, viewer, filter);
    return lazyConnection(
      () => fetchPage<CapabilityEntity>(this.dataSource, query, args),
      () => fetchCount(this.dataSource, query),
    );
  }

  /** Locks the row for a change; one the viewer may not read is NOT_FOUND, so a mutation reveals nothing. */
  private async lockReadable(em: EntityManager, viewer: Viewer, id: string): Promise<CapabilityEntity> {
    if (!isId(id)) throw new NotFoundError('capability');
    const [row] = await querySql<CapabilityEntity>(
      em,
      sql`SELECT ${rawSql(selectColumns(this.dataSource, CapabilityEntity, 'c'))} FROM capabilities c
          WHERE c.id = ${id}::uuid AND ${canReadCapability(viewer, 'c')} FOR UPDATE OF c`,
    );
    if (!row) throw new NotFoundError('capability');
    return row;
  }
}

/** The rules a capability obeys after any change. */
function checkCapability(capability: CapabilityEntity): void {
  checkQuantity(capability);
  checkWindow(capability.availableFrom, capability.availableUntil, 'availableUntil', 'availableFrom');
  checkConfidentiality(capability);
}
