import { DATA_POOL_REMINDER_RULES } from '../scheduled/data-pool-expiry.rules';
import { REMINDER_RULES } from '../scheduled/reminder.rules';
import { ANTITRUST_RULES } from './antitrust.rules';
import { applicationDecided, applicationSubmitted } from './application.rules';
import { BALLOT_RULES } from './ballot.rules';
import { DATA_ACCESS_RULES } from './data-pool-access.rules';
import { DATA_POOL_RULES } from './data-pool.rules';
import { MARKETPLACE_RULES } from './marketplace.rules';
import { MEETING_RULES } from './meeting.rules';
import { PRIORITY_RULES } from './priority.rules';
import { PROPOSAL_RULES } from './proposal.rules';
import { RecipientRule } from './recipient-rules';

export * from './recipient-rules';

/** Domain event type → who is told. Event types without a rule notify nobody. */
const RECIPIENT_RULES: Record<string, RecipientRule> = {
  APPLICATION_SUBMITTED: applicationSubmitted,
  APPLICATION_STATE_CHANGED: applicationDecided,
  ...PROPOSAL_RULES,
  ...PRIORITY_RULES,
  ...MEETING_RULES,
  ...MARKETPLACE_RULES,
  ...DATA_POOL_RULES,
  ...DATA_ACCESS_RULES,
  ...BALLOT_RULES,
  ...ANTITRUST_RULES,
  // Raised by the reminder pass (scheduled/), not by a domain service.
  ...REMINDER_RULES,
  ...DATA_POOL_REMINDER_RULES,
};

/** Who is told of events of `type`, or undefined when nobody is (no outbox job is queued for them). */
export function recipientRuleFor(type: string): RecipientRule | undefined {
  return Object.hasOwn(RECIPIENT_RULES, type) ? RECIPIENT_RULES[type] : undefined;
}
