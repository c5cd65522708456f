import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Viewer } from '@app/core';
import { Notification, toNotification } from '../notification.model';

/** Loads a notification for the live feed: the viewer's own only, as in `myNotifications`. */
@Injectable()
export class LiveNotifications {
  constructor(private readonly dataSource: DataSource) {}

  async findOwn(viewer: Viewer, id: string): Promise<Notification | null> {
    const rows: Parameters<typeof toNotification>[0][] = await this.dataSource.query(
      `SELECT n.id, n.category, n.type, n.title, n.link, n.created_at AS "createdAt", n.read_at AS "readAt", n.email_status AS "emailStatus"
       FROM notifications n WHERE n.id = $1 AND n.person_id = $2`,
      [id, viewer.id],
    );
    return rows[0] ? toNotification(rows[0]) : null;
  }
}
