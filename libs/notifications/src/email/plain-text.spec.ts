import { loadConfig } from '@app/core';
import { digestContent } from '../digests/digest-email';
import { en } from '../i18n/en';
import { translate } from '../i18n/translate';
import { DeliveryMode, NotificationCategory } from '../notification.enums';
import { EmailSender } from './email-sender.service';

/** Words that point at the HTML part: a plain-text reader has no button to use. */
const POINTS_AT_HTML = /button|below|click|Schaltfläche|unten|klicken/i;

/** A value for every placeholder the templates use. */
const DATA = {
  abstain: 1,
  actionTitle: 'Circulate the term sheet',
  authorName: 'Katrin Müller',
  ballotTitle: 'Adopt the data charter',
  closesAt: '14 March 2031 at 16:00 GMT',
  eligibleCount: 12,
  capabilityTitle: 'Hawk AI partition',
  consent: 'consented',
  count: 30,
  due: '12 February 2026',
  expiredOn: '31 March 2031',
  fromState: 'submitted',
  groupName: 'AI Model Development and Data',
  justification: 'Pre-training a perception backbone.',
  meetingTitle: 'Launch workshop',
  motion: 'The group adopts the charter.',
  nextStep: 'Read the usage terms (version 2) and sign them for your organisation, or withdraw.',
  needTitle: 'Training a driving foundation model',
  no: 3,
  note: 'Note: from March',
  outcome: 'passed',
  organizationName: 'HLRS',
  poolTitle: 'Highway lidar pool',
  priorityTitle: 'Access to HPC',
  proposalTitle: 'Pooled sensor data',
  providerName: 'HLRS',
  purpose: 'model training',
  ranking: '1. Access to HPC (24 points)',
  reason: 'Venue unavailable.',
  requester: 'Autoworks Europa',
  requesterName: 'Uma User',
  role: 'contributor',
  scope: 'the alliance',
  secret: 'The ballot is secret: only the tallies are ever shown.',
  state: 'approved',
  stewardName: 'Autoworks Europa',
  termsDigest: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  termsVersion: 2,
  until: ' until 31 March 2031',
  validUntil: '20 April 2027',
  votesCast: 10,
  when: 'Thursday, 5 February 2026, 09:00 CET',
  yes: 6,
};

describe('the plain-text part of notification emails', () => {
  const config = loadConfig({ PUBLIC_URL: 'https://wg.ecava.test' });
  // compose() needs only the settings: no database or mail transport is touched.
  const sender = new EmailSender(null as never, null as never, config);
  const recipient = (locale: string) => ({
    personId: '00000000-0000-4000-8000-000000000001',
    email: 'ada@example.org',
    name: 'Ada Admin',
    locale,
  });
  // A plural form (`…_one`) is the same type's title for a count of one, not a type of its own.
  const types = Object.keys(en.title).filter((key) => !key.endsWith('_one'));
  const cases = ['EN', 'DE'].flatMap((locale) => types.map((type) => [locale, type] as const));

  it.each(cases)(
    'reads on its own in %s for %s: the text, the link itself and how to stop such emails',
    (locale, type) => {
      const url = `https://wg.ecava.test/things/${type}`;
      const title = translate(locale, `title.${type}`, DATA);
      const body = translate(locale, `body.${type}`, DATA);
      const mail = sender.compose(recipient(locale), NotificationCategory.PROPOSALS, title, [
        { title, body, url },
      ]);
      const text = String(mail.text);
      expect(text).toContain(title);
      expect(text).toContain(body);
      expect(text).toContain(`${translate(locale, 'common.open')}: ${url}`);
      expect(text).toContain(`/unsubscribe?token=`);
      expect(text).not.toContain('{{');
      expect(text).not.toMatch(POINTS_AT_HTML);
    },
  );

  it.each(['EN', 'DE'])('reads on its own in a %s digest, with every item’s link', (locale) => {
    const entries = types.map((type, i) => ({
      id: `n${i}`,
      category: NotificationCategory.PROPOSALS,
      type,
      title: translate(locale, `title.${type}`, DATA),
      link: `/things/${i}`,
      data: DATA,
      createdAt: new Date(Date.UTC(2026, 1, 1, 8, i)),
    }));
    const digest = digestContent(locale, DeliveryMode.DAILY_DIGEST, entries, config.publicUrl);
    const text = String(
      sender.compose(recipient(locale), digest.unsubscribeCategory, digest.subject, digest.items)
        .text,
    );
    for (const entry of entries) expect(text).toContain(`https://wg.ecava.test${entry.link}`);
    expect(text).not.toMatch(POINTS_AT_HTML);
  });
});
