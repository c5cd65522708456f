import { applicationDecided, applicationSubmitted } from './application.rules';
import { RecipientRule } from './recipient-rules';

export * from './recipient-rules';

/** Domain event type → who is told. Event types without a rule notify nobody. */
export const RECIPIENT_RULES: Record<string, RecipientRule> = {
  APPLICATION_SUBMITTED: applicationSubmitted,
  APPLICATION_STATE_CHANGED: applicationDecided,
};
