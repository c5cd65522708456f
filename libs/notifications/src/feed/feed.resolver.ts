import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, pageArgs, Viewer } from '@app/core';
import { Notification, NotificationConnection } from '../notification.model';
import { MarkNotificationsReadArgs, MyNotificationsArgs } from './feed.args';
import { FeedService } from './feed.service';

@Resolver(() => Notification)
export class FeedResolver {
  constructor(private readonly feed: FeedService) {}

  @Query(() => NotificationConnection, { description: "The viewer's notifications, newest first, with the unread count." })
  myNotifications(@CurrentViewer() viewer: Viewer, @Args() args: MyNotificationsArgs) {
    return this.feed.mine(viewer, pageArgs(args), args.unreadOnly ?? false);
  }

  @Mutation(() => Int, { description: "Marks the viewer's own notifications read; returns how many were unread. Other ids are ignored." })
  markNotificationsRead(@CurrentViewer() viewer: Viewer, @Args() { ids }: MarkNotificationsReadArgs) {
    return this.feed.markRead(viewer, ids);
  }
}
