/** English strings. Keys must match de.ts exactly (a unit test checks). `{{name}}` is interpolated. */
export const en = {
  common: {
    greeting: 'Hello {{name}},',
    open: 'Open in the platform',
    footer: 'You receive this because of your notification settings in the ECAVA Working-Group Platform.',
    unsubscribe: 'Stop emails about {{category}}',
    digestSubject: 'Your {{period}} ECAVA digest: {{count}} updates',
    /** i18next picks `_one` for a count of 1 (Intl plural rules), the plain key otherwise. */
    digestSubject_one: 'Your {{period}} ECAVA digest: {{count}} update',
    digestIntro: 'Here is what happened in your working groups.',
    daily: 'daily',
    weekly: 'weekly',
    alliance: 'Alliance-wide',
    /** A priority's scope when it is alliance-wide (steering committee). */
    allianceScope: 'the alliance',
    noDueDate: 'no due date',
    /** Who asked for an introduction on an anonymous need, as its provider is told (nobody is named). */
    anonymousRequester: 'An anonymous member',
    /** The note given with an introduction's answer or withdrawal. */
    note: 'Note: {{note}}',
  },
  /** The pages behind the one-click unsubscribe link. */
  unsubscribe: {
    confirm: 'Do you want to stop receiving emails about {{category}}? You can turn them on again at any time in your notification settings.',
    button: 'Stop these emails',
    done: 'Done: you will no longer receive emails about {{category}}. You can turn them on again at any time in your notification settings.',
    invalidTitle: 'Invalid unsubscribe link',
    invalid: 'This unsubscribe link is not valid. Nothing was changed. Please use the link from the most recent email, or change your notification settings in the platform.',
  },
  category: {
    APPLICATIONS: 'applications',
    PROPOSALS: 'proposals',
    COMMENTS: 'comments',
    PRIORITIES: 'priorities',
    MEETINGS: 'meetings',
    ACTION_ITEMS: 'action items',
    MARKETPLACE: 'marketplace matches and introductions',
    DATA_POOLS: 'data pools',
    BALLOTS: 'ballots',
  },
  dataPoolRole: {
    STEWARD: 'steward',
    CONTRIBUTOR: 'contributor',
    HOST: 'host',
    USER: 'user',
  },
  usagePurpose: {
    RESEARCH: 'research',
    MODEL_TRAINING: 'model training',
    MODEL_EVALUATION: 'model evaluation',
    SAFETY_VALIDATION: 'safety validation',
    SYNTHETIC_DATA_GENERATION: 'synthetic data generation',
    STANDARDISATION: 'standardisation',
    COMMERCIAL_PRODUCT: 'a commercial product',
  },
  dataPool: {
    /** Appended to an approval that has an end. */
    until: ' until {{date}}',
    /** What an invited organisation does next: sign, or wait while the pool is a draft. */
    signNow: 'Read the usage terms (version {{termsVersion}}) and sign them for your organisation, or withdraw.',
    signLater: 'The pool is still a draft: you will be told when its terms are open for signature.',
  },
  ballot: {
    /** Appended to a ballot opened: a secret ballot says so. */
    secret: 'The ballot is secret: only the tallies are ever shown.',
    passed: 'passed',
    failed: 'not passed',
    noQuorum: 'no quorum',
    ranked: 'ranking decided',
    /** One line of a RANKING result. */
    rankedLine: '{{position}}. {{priorityTitle}} ({{points}} points)',
  },
  proposalState: {
    DRAFT: 'draft',
    SUBMITTED: 'submitted',
    UNDER_REVIEW: 'under review',
    APPROVED: 'approved',
    REJECTED: 'rejected',
    IN_PROGRESS: 'in progress',
    COMPLETED: 'completed',
    WITHDRAWN: 'withdrawn',
  },
  consent: {
    INVITED: 'invited',
    CONSENTED: 'consented',
    DECLINED: 'declined',
  },
  title: {
    'application.submitted': '{{organizationName}} applied to join {{groupName}}',
    'application.accepted': 'Your application to {{groupName}} was accepted',
    'application.rejected': 'Your application to {{groupName}} was rejected',
    'proposal.submitted': 'New proposal in {{groupName}}: {{proposalTitle}}',
    'proposal.state_changed': '"{{proposalTitle}}" is now {{state}}',
    'proposal.partner_invited': '{{organizationName}} is invited as partner of "{{proposalTitle}}"',
    'proposal.partner_responded': '{{organizationName}} answered "{{consent}}" on "{{proposalTitle}}"',
    'proposal.lead_invited': '{{organizationName}} is asked to lead "{{proposalTitle}}"',
    'proposal.lead_responded': '{{organizationName}} answered "{{consent}}" to leading "{{proposalTitle}}"',
    'proposal.commented': 'New comment on "{{proposalTitle}}"',
    'priority.adopted': 'Priority adopted in {{scope}}: {{priorityTitle}}',
    'priority.reranked': 'The priorities of {{scope}} were re-ranked',
    'meeting.scheduled': 'Invitation: {{meetingTitle}} on {{when}}',
    'meeting.changed': 'Updated: {{meetingTitle}} on {{when}}',
    'meeting.cancelled': 'Cancelled: {{meetingTitle}} on {{when}}',
    'meeting.brief_ready': 'Brief for {{meetingTitle}} ({{when}})',
    'meeting.agenda_approval_cleared': 'Agenda changed, approval needed: {{meetingTitle}} on {{when}}',
    'action_item.assigned': 'Action item for you: {{actionTitle}}',
    'action_item.due_tomorrow': 'Due tomorrow: {{actionTitle}}',
    'marketplace.capability_matched': 'New match for "{{needTitle}}": {{capabilityTitle}}',
    'marketplace.introduction_requested': 'Introduction requested: "{{capabilityTitle}}"',
    'marketplace.introduction_accepted': '{{providerName}} accepted your introduction: "{{needTitle}}"',
    'marketplace.introduction_declined': '{{providerName}} declined your introduction: "{{needTitle}}"',
    'marketplace.introduction_withdrawn': 'Introduction withdrawn: "{{capabilityTitle}}"',
    'data_pool.invited': '{{organizationName}} is invited to the data pool "{{poolTitle}}"',
    'data_pool.terms_changed': 'New terms for "{{poolTitle}}": please sign version {{termsVersion}}',
    'data_pool.opened': 'The terms of "{{poolTitle}}" are open for signature',
    'data_pool.reopened': 'The data pool "{{poolTitle}}" waits for a new party to sign',
    'data_pool.activated': 'The data pool "{{poolTitle}}" is active',
    'data_pool.suspended': 'The data pool "{{poolTitle}}" is suspended',
    'data_pool.closed': 'The data pool "{{poolTitle}}" is closed',
    'data_pool.expired': 'The data pool "{{poolTitle}}" has expired',
    'data_pool.access_requested': '{{organizationName}} requests access to "{{poolTitle}}"',
    'data_pool.access_approved': 'Access to "{{poolTitle}}" approved',
    'data_pool.access_rejected': 'Access to "{{poolTitle}}" rejected',
    'data_pool.access_revoked': 'Access to "{{poolTitle}}" revoked',
    'data_pool.access_expired': 'Access to "{{poolTitle}}" expired',
    'data_pool.expiry_reminder': 'The data pool "{{poolTitle}}" expires in {{count}} days',
    'data_pool.expiry_reminder_one': 'The data pool "{{poolTitle}}" expires in {{count}} day',
    'ballot.opened': 'Vote open until {{closesAt}}: "{{ballotTitle}}"',
    'ballot.closing_soon': 'Your organisation has not voted yet: "{{ballotTitle}}" closes {{closesAt}}',
    'ballot.result': 'Result of "{{ballotTitle}}": {{outcome}}',
  },
  body: {
    'application.submitted': '{{organizationName}} has applied to join the working group {{groupName}}. Please review the application.',
    'application.accepted': 'Welcome: {{organizationName}} is now a member of {{groupName}}.',
    'application.rejected': 'The application of {{organizationName}} to {{groupName}} was not accepted. Reason: {{reason}}',
    'proposal.submitted': '{{authorName}} submitted the proposal "{{proposalTitle}}" in {{groupName}}.',
    'proposal.state_changed': 'The proposal "{{proposalTitle}}" moved from {{fromState}} to {{state}}.',
    'proposal.partner_invited': '{{organizationName}} has been invited as a partner of "{{proposalTitle}}". A person of the organisation can consent or decline.',
    'proposal.partner_responded': '{{organizationName}} answered "{{consent}}" on the proposal "{{proposalTitle}}".',
    'proposal.lead_invited':
      '{{authorName}} named {{organizationName}} as the lead organisation of the draft "{{proposalTitle}}". A person of the organisation can accept or decline; it is submitted only once accepted.',
    'proposal.lead_responded':
      '{{organizationName}} answered "{{consent}}" to leading the proposal "{{proposalTitle}}". If it declined, the author\'s organisation leads it now.',
    'proposal.commented': '{{authorName}} commented on "{{proposalTitle}}".',
    'priority.adopted': 'The priority "{{priorityTitle}}" was adopted in {{scope}}.',
    'priority.reranked': 'The priorities of {{scope}} have a new order.',
    'meeting.scheduled': 'You are invited to {{meetingTitle}} on {{when}}. The calendar invitation is attached.',
    'meeting.changed': 'The meeting {{meetingTitle}} changed: it is now on {{when}}. The updated calendar invitation is attached.',
    'meeting.cancelled': 'The meeting {{meetingTitle}} on {{when}} was cancelled. {{reason}}',
    'meeting.brief_ready': 'The brief for {{meetingTitle}} on {{when}} is attached.',
    'meeting.agenda_approval_cleared':
      'The agenda of {{meetingTitle}} on {{when}} changed after it was approved, so the approval was withdrawn. Please review the agenda and approve it again.',
    'action_item.assigned': 'You own the action item "{{actionTitle}}" from {{meetingTitle}}. Due: {{due}}.',
    'action_item.due_tomorrow': 'The action item "{{actionTitle}}" from {{meetingTitle}} is due tomorrow.',
    'marketplace.capability_matched':
      '{{providerName}} offers "{{capabilityTitle}}", which meets every requirement of your open need "{{needTitle}}". The need lists it among its matches, with the score and the reasons.',
    'marketplace.introduction_requested':
      '{{requester}} asks to talk about your capability "{{capabilityTitle}}" for the need "{{needTitle}}". Accept to exchange contacts (an anonymous member is named to you then), or decline.',
    'marketplace.introduction_accepted':
      '{{providerName}} accepted to talk about "{{needTitle}}" through "{{capabilityTitle}}". The introduction names the contacts of both sides; a compute-access proposal can be started from it. {{note}}',
    'marketplace.introduction_declined': '{{providerName}} declined to talk about "{{needTitle}}" through "{{capabilityTitle}}". {{note}}',
    'marketplace.introduction_withdrawn': '{{requester}} withdrew the request to talk about "{{capabilityTitle}}" for the need "{{needTitle}}". {{note}}',
    'data_pool.invited':
      '{{stewardName}} invites {{organizationName}} to the data pool "{{poolTitle}}" in {{groupName}} as {{role}}. {{nextStep}}',
    'data_pool.reopened':
      '{{organizationName}} was invited to the data pool "{{poolTitle}}" as {{role}}: the pool is open for signature again and takes no access requests until every steward, contributor and host, the new one included, has signed version {{termsVersion}} of its terms. Your signature stands.',
    'data_pool.opened':
      'The data pool "{{poolTitle}}" is open for signature: read version {{termsVersion}} of its usage terms (SHA-256 {{termsDigest}}) and sign them for your organisation. The pool is active once every steward, contributor and host has signed.',
    'data_pool.terms_changed':
      'The usage terms of the data pool "{{poolTitle}}" changed to version {{termsVersion}} (SHA-256 {{termsDigest}}). Every signature is pending again: the pool is active only once every steward, contributor and host has signed the new version.',
    'data_pool.activated': 'The data pool "{{poolTitle}}" is active under version {{termsVersion}} of its terms. Signatories may request access for the purposes the terms allow. {{note}}',
    'data_pool.suspended': 'The data pool "{{poolTitle}}" was suspended: it takes no access requests until it is active again. {{note}}',
    'data_pool.closed': 'The data pool "{{poolTitle}}" was closed. {{note}}',
    'data_pool.expired': 'The data pool "{{poolTitle}}" reached the end of its validity ({{validUntil}}) and has expired. It takes no access requests any more.',
    'data_pool.access_requested':
      '{{requesterName}} of {{organizationName}} asks to use the data pool "{{poolTitle}}" for {{purpose}}: {{justification}} As its steward, approve or reject the request.',
    'data_pool.access_approved': 'The request of {{organizationName}} to use the data pool "{{poolTitle}}" for {{purpose}} was approved{{until}}. {{note}}',
    'data_pool.access_rejected': 'The request of {{organizationName}} to use the data pool "{{poolTitle}}" for {{purpose}} was rejected. {{note}}',
    'data_pool.access_revoked': 'The access of {{organizationName}} to the data pool "{{poolTitle}}" for {{purpose}} was revoked. {{note}}',
    'data_pool.access_expired':
      'The approval for {{organizationName}} to use the data pool "{{poolTitle}}" for {{purpose}} ended on {{expiredOn}}. To go on using the data, request access again.',
    'data_pool.expiry_reminder':
      'The data pool "{{poolTitle}}" is valid until {{validUntil}}. Then the platform marks it expired and it takes no access requests any more; to go on, its steward extends the validity with new terms, which every party signs again.',
    'ballot.opened':
      'The ballot "{{ballotTitle}}" ({{groupName}}) is open until {{closesAt}}: {{motion}} Your organisation has one vote; any of its participants (not observers) may cast or change it until then. {{secret}}',
    'ballot.closing_soon':
      'The ballot "{{ballotTitle}}" ({{groupName}}) closes on {{closesAt}} and your organisation has not voted yet. Any of its participants (not observers) may cast its vote.',
    'ballot.result':
      'The ballot "{{ballotTitle}}" ({{groupName}}) closed: {{outcome}}. {{votesCast}} of {{eligibleCount}} organisations voted; {{yes}} yes, {{no}} no, {{abstain}} abstain. {{ranking}}',
  },
};

export type Messages = typeof en;
