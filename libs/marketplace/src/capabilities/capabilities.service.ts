import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Connection, newId, PageArgs, Viewer } from '@app/core';
import { Confidentiality } from '@app/proposals';
import { CapabilityFilter, CapabilityInput, UpdateCapabilityInput } from '../dto/capability.input';
import { ListingReferences } from '../listing-references';
import { CAPABILITY_TRANSITIONS, checkConfidentiality, checkQuantity, checkWindow, normalizeCertifications } from '../listing-rules';
import { listConnection, ListingTable, ListingUpdater, ListingUpdateRules, readListing } from '../listing-updates';
import { MarketplaceEvents } from '../marketplace-events';
import { capabilityListQuery } from '../marketplace-list.query';
import { CapabilityStatus } from '../marketplace.enums';
import { canReadCapability, MarketplacePolicy } from '../marketplace.policy';
import { CapabilityEntity } from './capability.entity';

const CAPABILITIES: ListingTable<CapabilityEntity> = { entity: CapabilityEntity, table: 'capabilities', alias: 'c', what: 'capability' };

type Editable = keyof UpdateCapabilityInput & keyof CapabilityEntity;

/** What `updateCapability` may change (its organisation and kind stay), and the rules every capability obeys. */
const UPDATE_RULES: ListingUpdateRules<CapabilityEntity, Editable> = {
  what: 'capability',
  plural: 'capabilities',
  editable: ['title', 'description', 'quantity', 'unit', 'availableFrom', 'availableUntil', 'location', 'maxSensitivity', 'certifications', 'accessModel', 'status', 'confidentiality', 'workingGroupId'],
  required: ['title', 'location', 'maxSensitivity', 'certifications', 'accessModel', 'status', 'confidentiality'],
  transitions: CAPABILITY_TRANSITIONS,
  normalize(next) {
    next.certifications = normalizeCertifications(next.certifications);
  },
  check(capability) {
    checkQuantity(capability);
    checkWindow(capability.availableFrom, capability.availableUntil, 'availableUntil', 'availableFrom');
    checkConfidentiality(capability);
  },
};

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
    private readonly updater: ListingUpdater,
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
    UPDATE_RULES.check(capability);
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
      const { current, written, changed } = await this.updater.update(em, viewer, CAPABILITIES, canReadCapability(viewer, 'c'), id, expectedVersion, input, UPDATE_RULES);
      if (changed.length > 0) {
        await this.events.publish(em, {
          type: 'CAPABILITY_UPDATED',
          capabilityId: current.id,
          organizationId: current.organizationId,
          kind: current.kind,
          actorId: viewer.id,
          changed,
          fromStatus: current.status,
          toStatus: written.status,
          version: written.version,
        });
      }
      return written;
    });
  }

  findVisible(viewer: Viewer, id: string): Promise<CapabilityEntity | null> {
    return readListing(this.dataSource, this.dataSource, CAPABILITIES, id, canReadCapability(viewer, 'c'));
  }

  list(viewer: Viewer, filter: CapabilityFilter | null | undefined, args: PageArgs): Connection<CapabilityEntity> {
    return listConnection(this.dataSource, capabilityListQuery(this.dataSource, viewer, filter), args);
  }
}
