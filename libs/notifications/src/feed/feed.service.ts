import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fetchCount, fetchPage, lazyConnection, ListQuery, PageArgs, Viewer, writeReturning } from '@app/core';
import { NotificationList, toNotification } from '../notification.model';

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
    let unreadCount: Promise<number> | undefined;
    const connection = lazyConnection(
      async () => {
        const page = await fetchPage<Parameters<typeof toNotification>[0]>(this.dataSource, query, args);
        // The cursor stays a getter: it is encoded only if the client asks for it, as on every keyset page.
        const edges = page.edges.map((edge) => ({ get cursor() { return edge.cursor; }, node: toNotification(edge.node) }));
        return { ...page, edges };
      },
      () => fetchCount(this.dataSource, query),
    );
    return Object.defineProperty(connection, 'unreadCount', {
      get: () => (unreadCount ??= fetchCount(this.dataSource, unread)),
      enumerable: true,
    }) as NotificationList;
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
