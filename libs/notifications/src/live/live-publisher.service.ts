import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainEvent, DomainEvents, PubSubService } from '@app/core';
import { NOTIFICATION_ADDED, NotificationAddedMessage, PROPOSAL_CHANGED, ProposalChangedMessage } from './live-triggers';

/**
 * Publishes live updates, only for what has committed: `proposalChanged` for every PROPOSAL_* event
 * (once per proposal and transaction), `notificationAdded` for rows the worker created, after its
 * transaction. Best effort: the feed (`myNotifications`) and the proposal itself are the record.
 */
@Injectable()
export class LivePublisher implements OnModuleInit {
  private readonly logger = new Logger(LivePublisher.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly pubsub: PubSubService,
  ) {}

  onModuleInit(): void {
    this.events.onCommitted((events) => {
      this.proposalsChanged(events).catch((error: Error) => this.logger.warn(`proposalChanged not published: ${error.message}`));
    });
  }

  async notificationsAdded(created: { id: string; personId: string }[]): Promise<void> {
    for (const { id, personId } of created) {
      const message: NotificationAddedMessage = { notificationId: id, personId };
      await this.pubsub.publish(NOTIFICATION_ADDED, message);
    }
  }

  private async proposalsChanged(events: DomainEvent[]): Promise<void> {
    const ids = [
      ...new Set(events.filter((e) => e.type.startsWith('PROPOSAL_') && typeof e.proposalId === 'string').map((e) => e.proposalId as string)),
    ];
    if (ids.length === 0) return;
    // The group travels with the message so that subscribers filtering by group skip it without a query.
    const rows: { id: string; workingGroupId: string }[] = await this.dataSource.query(
      `SELECT id, working_group_id AS "workingGroupId" FROM cooperation_proposals WHERE id = ANY($1)`,
      [ids],
    );
    for (const row of rows) {
      const message: ProposalChangedMessage = { proposalId: row.id, workingGroupId: row.workingGroupId };
      await this.pubsub.publish(PROPOSAL_CHANGED, message);
    }
  }
}
