import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { InvalidInputError, Viewer } from '@app/core';
import { nextDigestSlot } from '../digests/digest-slot';
import { DeliveryMode, NotificationCategory } from '../notification.enums';
import { NotificationPreference } from '../notification.model';
import { withDefaults } from './preference-defaults';

export interface PreferenceChange {
  category: NotificationCategory;
  mode: DeliveryMode;
}

const DIGEST_MODES: readonly DeliveryMode[] = [DeliveryMode.DAILY_DIGEST, DeliveryMode.WEEKLY_DIGEST];

/**
 * Who gets which email how often. A change applies to what is still waiting, in the same transaction:
 * switching a category OFF suppresses its PENDING emails (immediate ones not yet sent and digest items
 * not yet sent); switching between daily and weekly moves waiting digest items to the new schedule;
 * switching to IMMEDIATE leaves waiting items in the digest they were planned for. Suppressed emails
 * are never revived.
 */
@Injectable()
export class NotificationPreferencesService {
  constructor(private readonly dataSource: DataSource) {}

  /** A person's own settings; admins read everyone's (the secretariat answers "why did I get this?"). */
  canRead(viewer: Viewer | null, personId: string): boolean {
    return viewer !== null && (viewer.id === personId || viewer.role === 'ADMIN');
  }

  /** Sets the viewer's modes for the given categories; returns every category. Naming a category twice is refused. */
  async update(viewer: Viewer, changes: PreferenceChange[]): Promise<NotificationPreference[]> {
    const seen = new Set<NotificationCategory>();
    changes.forEach((change, index) => {
      if (seen.has(change.category)) {
        throw new InvalidInputError(`preferences.${index}.category`, `${change.category} is named more than once`, 'DUPLICATE_CATEGORY');
      }
      seen.add(change.category);
    });
    return this.dataSource.transaction(async (em) => {
      await this.apply(em, viewer.id, changes);
      return this.read(em, viewer.id);
    });
  }

  /**
   * One category for one person, without a viewer: the one-click unsubscribe (the signed token is the
   * authority). Returns false when the person no longer exists.
   */
  async set(personId: string, category: NotificationCategory, mode: DeliveryMode): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const exists: unknown[] = await em.query(`SELECT 1 FROM people WHERE id = $1 FOR SHARE`, [personId]);
      if (exists.length === 0) return false;
      await this.apply(em, personId, [{ category, mode }]);
      return true;
    });
  }

  async forPerson(personId: string): Promise<NotificationPreference[]> {
    return this.read(this.dataSource.manager, personId);
  }

  private async read(em: EntityManager, personId: string): Promise<NotificationPreference[]> {
    const rows: { category: NotificationCategory; mode: DeliveryMode }[] = await em.query(
      `SELECT category, mode FROM notification_preferences WHERE person_id = $1`,
      [personId],
    );
    return withDefaults(new Map(rows.map((r) => [r.category, r.mode])));
  }

  private async apply(em: EntityManager, personId: string, changes: PreferenceChange[]): Promise<void> {
    if (changes.length === 0) return;
    await em.query(
      `INSERT INTO notification_preferences (person_id, category, mode, updated_at)
       SELECT $1, c.category, c.mode, now() FROM unnest($2::text[], $3::text[]) AS c(category, mode)
       ON CONFLICT (person_id, category) DO UPDATE SET mode = EXCLUDED.mode, updated_at = EXCLUDED.updated_at`,
      [personId, changes.map((c) => c.category), changes.map((c) => c.mode)],
    );
    const off = changes.filter((c) => c.mode === DeliveryMode.OFF).map((c) => c.category);
    if (off.length > 0) {
      // The email sender and the digest pass send only PENDING rows: these are now skipped.
      await em.query(
        `UPDATE notifications SET email_status = 'SUPPRESSED' WHERE person_id = $1 AND category = ANY($2::text[]) AND email_status = 'PENDING'`,
        [personId, off],
      );
    }
    const digests = changes.filter((c) => DIGEST_MODES.includes(c.mode));
    if (digests.length > 0) {
      const [{ timezone }]: { timezone: string }[] = await em.query(`SELECT timezone FROM people WHERE id = $1`, [personId]);
      for (const change of digests) {
        // Items not yet taken by a digest follow the new schedule.
        await em.query(
          `UPDATE notifications SET email_mode = $3, email_due_at = $4
           WHERE person_id = $1 AND category = $2 AND email_status = 'PENDING' AND digest_id IS NULL
             AND email_mode = ANY($5::text[]) AND email_mode <> $3`,
          [personId, change.category, change.mode, nextDigestSlot(change.mode, timezone), DIGEST_MODES],
        );
      }
    }
  }
}
