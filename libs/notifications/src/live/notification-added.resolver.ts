import { Logger } from '@nestjs/common';
import { Resolver, Subscription } from '@nestjs/graphql';
import { CurrentViewer, GqlContext, PubSubService, Viewer } from '@app/core';
import { Notification } from '../notification.model';
import { LiveNotifications } from './live-notifications.service';
import { filtered, NOTIFICATION_ADDED, NotificationAddedMessage, renewLoaders } from './live-triggers';

@Resolver(() => Notification)
export class NotificationAddedResolver {
  private readonly logger = new Logger(NotificationAddedResolver.name);

  constructor(
    private readonly pubsub: PubSubService,
    private readonly notifications: LiveNotifications,
  ) {}

  @Subscription(() => Notification, {
    description: "A notification for the viewer, as soon as it is created (the same entry as in myNotifications). Nobody else's.",
    resolve(this: NotificationAddedResolver, message: NotificationAddedMessage, _args: unknown, ctx: GqlContext) {
      renewLoaders(ctx);
      return this.notifications.findOwn(ctx.viewer!, message.notificationId);
    },
  })
  notificationAdded(@CurrentViewer() viewer: Viewer) {
    // Each subscriber receives only its own notifications: decided on the message, without a query.
    return filtered(
      this.pubsub.subscribe<NotificationAddedMessage>(NOTIFICATION_ADDED),
      (message) => message.personId === viewer.id,
      (error) => this.logger.warn(`notificationAdded dropped for a subscriber: ${error.message}`),
    );
  }
}
