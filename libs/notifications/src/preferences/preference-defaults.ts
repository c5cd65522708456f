import { DEFAULT_MODES, DeliveryMode, NotificationCategory } from '../notification.enums';
import { NotificationPreference } from '../notification.model';

/** Every category in the enum's order: the stored mode, else the default. */
export function withDefaults(stored: ReadonlyMap<NotificationCategory, DeliveryMode> = new Map()): NotificationPreference[] {
  return Object.values(NotificationCategory).map((category) => ({ category, mode: stored.get(category) ?? DEFAULT_MODES[category] }));
}
