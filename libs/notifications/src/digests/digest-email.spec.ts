import { DeliveryMode, NotificationCategory } from '../notification.enums';
import { DigestEntry, digestContent, unsubscribeCategoryOf } from './digest-email';

function entry(id: string, category: NotificationCategory, groupName: string | null, minute: number): DigestEntry {
  return {
    id,
    category,
    type: 'application.submitted',
    title: `Title ${id}`,
    link: `/x/${id}`,
    data: groupName ? { groupName, organizationName: 'Org' } : { organizationName: 'Org' },
    createdAt: new Date(Date.UTC(2026, 1, 5, 9, minute)),
  };
}

describe(digestContent.name, () => {
  const entries = [
    entry('b1', NotificationCategory.APPLICATIONS, 'Software-defined vehicles', 3),
    entry('a1', NotificationCategory.PROPOSALS, 'AI models and data', 2),
    entry('n1', NotificationCategory.PRIORITIES, null, 4),
    entry('b0', NotificationCategory.APPLICATIONS, 'Software-defined vehicles', 1),
  ];

  it('groups by working group: alliance-wide first, then groups by name, oldest first within a group', () => {
    const content = digestContent('EN', DeliveryMode.DAILY_DIGEST, entries, 'https://wg.example');
    expect(content.items.map((i) => [i.group, i.title])).toEqual([
      ['Alliance-wide', 'Title n1'],
      ['AI models and data', 'Title a1'],
      ['Software-defined vehicles', 'Title b0'],
      ['Software-defined vehicles', 'Title b1'],
    ]);
    expect(content.items[0].url).toBe('https://wg.example/x/n1');
    expect(content.subject).toBe('Your daily ECAVA digest: 4 updates');
  });

  it('writes the subject in the reader locale, singular for one item', () => {
    expect(digestContent('DE', DeliveryMode.WEEKLY_DIGEST, entries.slice(0, 1), 'https://wg.example').subject).toBe('Ihre wöchentliche ECAVA-Zusammenfassung: 1 Neuigkeit');
    expect(digestContent('FR', DeliveryMode.WEEKLY_DIGEST, entries, 'https://wg.example').subject).toBe('Your weekly ECAVA digest: 4 updates');
    expect(digestContent('DE', DeliveryMode.DAILY_DIGEST, entries, 'https://wg.example').items[0].group).toBe('Allianzweit');
  });
});

describe(unsubscribeCategoryOf.name, () => {
  it('is the category with the most items, ties broken by the enum order', () => {
    expect(unsubscribeCategoryOf([{ category: NotificationCategory.COMMENTS }, { category: NotificationCategory.PROPOSALS }, { category: NotificationCategory.COMMENTS }])).toBe(
      NotificationCategory.COMMENTS,
    );
    expect(unsubscribeCategoryOf([{ category: NotificationCategory.COMMENTS }, { category: NotificationCategory.PROPOSALS }])).toBe(NotificationCategory.PROPOSALS);
  });
});
