import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvents } from '@app/core';
import { CapabilityStatus, IntroductionState, NeedStatus, ResourceKind } from './marketplace.enums';

/**
 * What happened in the marketplace, for whoever must be told later (notifications match a new or changed
 * capability against open needs). Each carries the ids a consumer needs to decide recipients; consumers
 * load the rest. A need's and an introduction's event name the need's organisation and whether it is
 * anonymous: a consumer must tell nobody but the owner's people about an anonymous need's owner.
 */
export type MarketplaceEvent =
  | { type: 'CAPABILITY_CREATED'; capabilityId: string; organizationId: string; kind: ResourceKind; actorId: string }
  | {
      type: 'CAPABILITY_UPDATED';
      capabilityId: string;
      organizationId: string;
      kind: ResourceKind;
      actorId: string;
      /** The input fields whose values changed, e.g. `['quantity', 'status']`. */
      changed: string[];
      fromStatus: CapabilityStatus;
      toStatus: CapabilityStatus;
      version: number;
    }
  | { type: 'NEED_CREATED'; needId: string; organizationId: string; anonymous: boolean; kind: ResourceKind; actorId: string }
  | {
      type: 'NEED_UPDATED';
      needId: string;
      organizationId: string;
      anonymous: boolean;
      kind: ResourceKind;
      actorId: string;
      changed: string[];
      fromStatus: NeedStatus;
      toStatus: NeedStatus;
      version: number;
    }
  | ({ type: 'INTRODUCTION_REQUESTED'; actorId: string } & IntroductionParties)
  | ({ type: 'INTRODUCTION_STATE_CHANGED'; actorId: string; fromState: IntroductionState; toState: IntroductionState } & IntroductionParties);

/**
 * Who an introduction is between. `needOrganizationId` is for choosing recipients only: while `anonymous`
 * and not ACCEPTED, nothing told to the provider's people may name it.
 */
export type IntroductionParties = {
  introductionId: string;
  needId: string;
  capabilityId: string;
  needOrganizationId: string;
  providerOrganizationId: string;
  anonymous: boolean;
};

/** Runs inside the change's transaction, with its EntityManager: what it writes commits or rolls back with the change. */
export type MarketplaceEventHandler = (event: MarketplaceEvent, em: EntityManager) => Promise<void>;

export const MARKETPLACE_EVENT_TYPES: ReadonlySet<string> = new Set<string>([
  'CAPABILITY_CREATED',
  'CAPABILITY_UPDATED',
  'NEED_CREATED',
  'NEED_UPDATED',
  'INTRODUCTION_REQUESTED',
  'INTRODUCTION_STATE_CHANGED',
] satisfies MarketplaceEvent['type'][]);

/**
 * Typed publishing for the marketplace on top of the platform's DomainEvents: every marketplace mutation
 * publishes here inside its transaction; consumers (notifications) subscribe and are never imported here.
 */
@Injectable()
export class MarketplaceEvents {
  constructor(private readonly events: DomainEvents) {}

  /** Returns a function that unsubscribes. */
  subscribe(handler: MarketplaceEventHandler): () => void {
    return this.events.onEvent(
      (event, em) => handler(event as unknown as MarketplaceEvent, em),
      (type) => MARKETPLACE_EVENT_TYPES.has(type),
    );
  }

  publish(em: EntityManager, event: MarketplaceEvent): Promise<void> {
    return this.events.publish(em, event);
  }
}
