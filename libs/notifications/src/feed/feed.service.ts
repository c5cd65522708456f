import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Edge, fetchCount, fetchPage, LazyConnection, ListQuery, Page, PageArgs, Viewer, writeReturning } from '@app/core';
import { Notification, NotificationList, toNotification } from '../notification.model';

/**
 * A feed page's edge: the notification, with the keyset edge's cursor still encoded only if a client
 * asks for it. A class rather than a literal with a getter (see LazyConnection).
 */
class FeedEdge implements Edge<Notification> {
  constructor(
    private readonly source: Edge<unknown>,
    readonly node: Notification,
  ) {}

  get cursor(): string {
    return this.source.cursor;
  }
}

/** The viewer's feed: a lazy connection with its unread count, counted only if asked for. */
class Feed extends LazyConnection<Notification> implements NotificationList {
  private unread?: Promise<number>;

  constructor(
    loadPage: () => Promise<Page<Notification>>,
    loadCount: () => Promise<number>,
    private readonly loadUnread: () => Promise<number>,
  ) {
    super(loadPage, loadCount);
  }

  get unreadCount(): Promise<number> {
    return (this.unread ??= this.loadUnread());
  }
}

const FEED_COLUMNS = `n.id, n.category, n.type, n.title, n.link, n.created_at AS "createdAt", n.read_at AS "readAt", n.email_status AS "emailStatus"`;

/**
 * The in-app feed: the viewer's own notifications, newest first. Nobody reads another person's feed,
 * admins included (a feed is personal; admins see preferences, not what people were told).
 */
@Injectable()
export class FeedService {
  constructor(private readonly dataSource: DataSource) {}

  mine(viewer: Viewer, args: PageArgs, unreadOnly: boolean): NotificationList {
    const where = ['n.person_id = $1', ...(unreadOnly ? ['n.read_at IS NULL'] : [])];
    const query: ListQuery = {
      columns: FEED_COLUMNS,
      from: 'notifications n',
      where,
      params: [viewer.id],
      // Served by IDX_notifications_person_created; the id breaks ties within a millisecond.
      orderBy: [
        { sql: 'n.created_at', type: 'timestamptz', property: 'createdAt' },
        { sql: 'n.id', type: 'uuid', property: 'id' },
      ],
      descending: true,
      properties: 'all',
    };
    const unread: ListQuery = { ...query, where: ['n.person_id = $1', 'n.read_at IS NULL'] };
    return new Feed(
      async () => {
        const page = await fetchPage<Parameters<typeof toNotification>[0]>(this.dataSource, query, args);
        return { ...page, edges: page.edges.map((edge) => new FeedEdge(edge, toNotification(edge.node))) };
      },
      () => fetchCount(this.dataSource, query),
      () => fetchCount(this.dataSource, unread),
    );
  }

  /** Marks the viewer's own notifications read; returns how many were unread before. Others' ids are ignored. */
  async markRead(viewer: Viewer, ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = await writeReturning<{ id: string }>(
      this.dataSource,
      `UPDATE notifications SET read_at = now() WHERE id = ANY($1::uuid[]) AND person_id = $2 AND read_at IS NULL RETURNING id`,
      [[...new Set(ids)], viewer.id],
    );
    return rows.length;
  }
}
