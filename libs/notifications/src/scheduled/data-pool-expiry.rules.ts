import { NotificationCategory } from '../notification.enums';
import { formatDay } from '../recipients/meeting.rules';
import { dataPoolFacts, poolReaders } from '../recipients/data-pool.rules';
import { RecipientRule } from '../recipients/recipient-rules';
import { daysLeft } from './days-left';

/** Raised by the data-pool expiry pass (DataPoolExpiryReminders), actor: the system. */
export const DATA_POOL_EXPIRY_REMINDER = 'DATA_POOL_EXPIRY_REMINDER';

/** The pool states whose signatories are reminded: running or about to run, not a DRAFT and not ended. */
export const REMINDED_POOL_STATES: readonly string[] = ['OPEN_FOR_SIGNATURE', 'ACTIVE', 'SUSPENDED'];

/**
 * "Expires in N days": the people the pass found due (`personIds`), as far as they are still people of a
 * signatory that has not withdrawn and may read the pool, while the pool still ends when the pass saw it end
 * (a validity moved since is reminded under its own event) and is still running.
 */
export const dataPoolExpiryReminder: RecipientRule = async (event, em) => {
  const pool = await dataPoolFacts(em, event.poolId);
  if (!pool?.validUntil || new Date(pool.validUntil).toISOString() !== event.validUntil || !REMINDED_POOL_STATES.includes(pool.state)) return [];
  const due = new Set(Array.isArray(event.personIds) ? event.personIds : []);
  const people = (await poolReaders(em, pool.id, { signatories: true })).filter((p) => due.has(p.id));
  if (people.length === 0) return [];
  const asOf = new Date(String(event.asOf));
  return [
    {
      category: NotificationCategory.DATA_POOLS,
      type: 'data_pool.expiry_reminder',
      recipientIds: people.map((p) => p.id),
      link: `/data-pools/${pool.id}`,
      data: {
        poolId: pool.id,
        poolTitle: pool.title,
        workingGroupId: pool.workingGroupId,
        groupName: pool.groupName,
        stewardName: pool.stewardName,
        lead: event.lead,
        validUntilAt: event.validUntil,
      },
      perRecipient: Object.fromEntries(
        people.map((p) => [
          p.id,
          {
            count: daysLeft(asOf, pool.validUntil!, p.timezone),
            validUntil: formatDay(pool.validUntil!, p.timezone, p.locale),
          },
        ]),
      ),
    },
  ];
};

export const DATA_POOL_REMINDER_RULES: Record<string, RecipientRule> = {
  [DATA_POOL_EXPIRY_REMINDER]: dataPoolExpiryReminder,
};
