import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { Viewer } from '@app/core';
import { DeliveryMode, NotificationCategory } from '../notification.enums';
import { NotificationPreference } from '../notification.model';
import { withDefaults } from './preference-defaults';

/** Per-request batching: every person's preferences (defaults filled in), one statement per batch. */
export function createNotificationPreferenceLoaders(dataSource: DataSource, _viewer: Viewer | null) {
  return {
    ofPerson: new DataLoader<string, NotificationPreference[]>(async (personIds) => {
      const rows: { personId: string; category: NotificationCategory; mode: DeliveryMode }[] = await dataSource.query(
        `SELECT person_id AS "personId", category, mode FROM notification_preferences WHERE person_id = ANY($1::uuid[])`,
        [personIds],
      );
      const stored = new Map<string, Map<NotificationCategory, DeliveryMode>>();
      for (const row of rows) {
        const modes = stored.get(row.personId) ?? new Map<NotificationCategory, DeliveryMode>();
        modes.set(row.category, row.mode);
        stored.set(row.personId, modes);
      }
      return personIds.map((id) => withDefaults(stored.get(id)));
    }),
  };
}
