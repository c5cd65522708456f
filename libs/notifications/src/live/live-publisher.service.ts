import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvent, DomainEvents, PubSubService } from '@app/core';
import { NOTIFICATION_ADDED, NotificationAddedMessage, PROPOSAL_CHANGED, ProposalChangedMessage } from './live-triggers';

/**
 * Publishes live updates, only for what has committed: `proposalChanged` for every PROPOSAL_* event
 * (once per proposal and transaction), `notificationAdded` for rows the worker created, after its
 * transaction. Best effort: the feed (`myNotifications`) and the proposal itself are the record.
 */
@Injectable()
export class LivePublisher implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly pubsub: PubSubService,
  ) {}

  onModuleInit(): void {
    this.events.onCommitted((events) => this.proposalsChanged(events));
  }

  notificationsAdded(created: { id: string; personId: string }[]): void {
    for (const { id, personId } of created) {
      const message: NotificationAddedMessage = { notificationId: id, personId };
      this.pubsub.publish(NOTIFICATION_ADDED, message);
    }
  }

  /** The group travels with each PROPOSAL_* event, and so with the message: subscribers filtering by group skip it without a query. */
  private proposalsChanged(events: DomainEvent[]): void {
    const groups = new Map<string, string>();
    for (const e of events) {
      if (e.type.startsWith('PROPOSAL_') && typeof e.proposalId === 'string' && typeof e.workingGroupId === 'string') groups.set(e.proposalId, e.workingGroupId);
    }
    for (const [proposalId, workingGroupId] of groups) {
      const message: ProposalChangedMessage = { proposalId, workingGroupId };
      this.pubsub.publish(PROPOSAL_CHANGED, message);
    }
  }
}
