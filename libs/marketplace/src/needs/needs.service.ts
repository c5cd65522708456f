import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Connection, newId, PageArgs, Viewer } from '@app/core';
import { Confidentiality } from '@app/proposals';
import { ResourceNeedFilter, ResourceNeedInput, UpdateResourceNeedInput } from '../dto/need.input';
import { ListingReferences } from '../listing-references';
import { asSet, checkConfidentiality, checkQuantity, checkWindow, NEED_TRANSITIONS, normalizeCertifications } from '../listing-rules';
import { listConnection, ListingTable, ListingUpdater, ListingUpdateRules, readListing } from '../listing-updates';
import { MarketplaceEvents } from '../marketplace-events';
import { needListQuery } from '../marketplace-list.query';
import { NeedStatus } from '../marketplace.enums';
import { canReadNeed, MarketplacePolicy } from '../marketplace.policy';
import { ResourceNeedEntity } from './need.entity';

const NEEDS: ListingTable<ResourceNeedEntity> = { entity: ResourceNeedEntity, table: 'resource_needs', alias: 'n', what: 'resource need' };

type Editable = keyof UpdateResourceNeedInput & keyof ResourceNeedEntity;

/** What `updateResourceNeed` may change (its organisation, proposal and kind stay), and the rules every need obeys. */
const UPDATE_RULES: ListingUpdateRules<ResourceNeedEntity, Editable> = {
  what: 'need',
  plural: 'needs',
  editable: ['title', 'description', 'anonymous', 'quantity', 'unit', 'neededFrom', 'neededUntil', 'sensitivity', 'allowedLocations', 'requiredCertifications', 'status', 'confidentiality', 'workingGroupId'],
  required: ['title', 'anonymous', 'sensitivity', 'allowedLocations', 'requiredCertifications', 'status', 'confidentiality'],
  transitions: NEED_TRANSITIONS,
  normalize(next) {
    next.allowedLocations = asSet(next.allowedLocations);
    next.requiredCertifications = normalizeCertifications(next.requiredCertifications);
  },
  check(need) {
    checkQuantity(need);
    checkWindow(need.neededFrom, need.neededUntil, 'neededUntil', 'neededFrom');
    checkConfidentiality(need);
  },
};

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
    private readonly updater: ListingUpdater,
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
    UPDATE_RULES.check(need);
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
      const { current, written, changed } = await this.updater.update(em, viewer, NEEDS, canReadNeed(viewer, 'n'), id, expectedVersion, input, UPDATE_RULES);
      if (changed.length > 0) {
        await this.events.publish(em, {
          type: 'NEED_UPDATED',
          needId: current.id,
          organizationId: current.organizationId,
          anonymous: written.anonymous,
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

  findVisible(viewer: Viewer, id: string): Promise<ResourceNeedEntity | null> {
    return readListing(this.dataSource, this.dataSource, NEEDS, id, canReadNeed(viewer, 'n'));
  }

  list(viewer: Viewer, filter: ResourceNeedFilter | null | undefined, args: PageArgs): Connection<ResourceNeedEntity> {
    return listConnection(this.dataSource, needListQuery(this.dataSource, viewer, filter), args);
  }
}
