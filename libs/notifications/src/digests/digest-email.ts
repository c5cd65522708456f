import { EmailItem } from '../email/email-layout';
import { translate } from '../i18n/translate';
import { DeliveryMode, NotificationCategory } from '../notification.enums';

/** A notification taken into a digest. */
export interface DigestEntry {
  id: string;
  category: NotificationCategory;
  type: string;
  title: string;
  link: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

export interface DigestContent {
  subject: string;
  /** Grouped by working group: alliance-wide items first, then groups by name; oldest first within a group. */
  items: EmailItem[];
  /** The category the email's one-click unsubscribe turns OFF. */
  unsubscribeCategory: NotificationCategory;
}

const CATEGORY_ORDER = Object.values(NotificationCategory);

/**
 * The category a digest's List-Unsubscribe turns OFF. RFC 8058 gives one URL per message, and a
 * token names one category: the one with the most items in this digest (ties: the enum's order), the
 * category the reader is most likely tired of. The other categories stay as they are.
 */
export function unsubscribeCategoryOf(entries: Pick<DigestEntry, 'category'>[]): NotificationCategory {
  const counts = new Map<NotificationCategory, number>();
  for (const entry of entries) counts.set(entry.category, (counts.get(entry.category) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || CATEGORY_ORDER.indexOf(a[0]) - CATEGORY_ORDER.indexOf(b[0]))[0][0];
}

/** The working group an entry belongs to, as the rules recorded it (`groupName`), else null (alliance-wide). */
function groupOf(entry: DigestEntry): string | null {
  const name = entry.data.groupName;
  return typeof name === 'string' && name.trim() !== '' ? name : null;
}

/** Subject and items of one digest in the recipient's locale. `entries` must not be empty. */
export function digestContent(locale: string, mode: DeliveryMode, entries: DigestEntry[], publicUrl: string): DigestContent {
  const alliance = translate(locale, 'common.alliance');
  const sorted = [...entries].sort((a, b) => {
    const ga = groupOf(a);
    const gb = groupOf(b);
    if (ga !== gb) {
      if (ga === null) return -1;
      if (gb === null) return 1;
      const byName = ga.localeCompare(gb, locale.toLowerCase());
      if (byName !== 0) return byName;
    }
    return a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
  });
  const items: EmailItem[] = sorted.map((entry) => ({
    group: groupOf(entry) ?? alliance,
    title: entry.title,
    body: translate(locale, `body.${entry.type}`, entry.data),
    url: entry.link ? `${publicUrl}${entry.link}` : null,
  }));
  const period = translate(locale, mode === DeliveryMode.WEEKLY_DIGEST ? 'common.weekly' : 'common.daily');
  return {
    subject: translate(locale, 'common.digestSubject', { period, count: entries.length }),
    items,
    unsubscribeCategory: unsubscribeCategoryOf(entries),
  };
}
