import { DomainEvent } from '@app/core';
import { auditAction, auditEntryOf } from './audit-entry-of';

const actor = '11111111-1111-4111-8111-111111111111';
const org = '22222222-2222-4222-8222-222222222222';
const id = '33333333-3333-4333-8333-333333333333';
const other = '44444444-4444-4444-8444-444444444444';

const entry = (event: { type: string; [field: string]: unknown }) => auditEntryOf({ actorId: actor, ...event } as DomainEvent);

describe(auditEntryOf.name, () => {
  it.each([
    ['PROPOSAL_STATE_CHANGED', 'PROPOSAL_STATE_CHANGED'],
    ['ballot.vote_cast', 'BALLOT_VOTE_CAST'],
    ['meeting.antitrust_acknowledged', 'MEETING_ANTITRUST_ACKNOWLEDGED'],
    ['DATA_POOL_SIGNED', 'DATA_POOL_SIGNED'],
  ])('names %s as the action %s', (type, action) => {
    expect(auditAction(type)).toBe(action);
  });

  it.each([
    ['a one-word prefix and its id', { type: 'PROPOSAL_STATE_CHANGED', proposalId: id, workingGroupId: other }, 'Proposal', 'proposalId'],
    ['a two-word prefix', { type: 'ACTION_ITEM_ADDED', meetingId: other, actionItemId: id }, 'ActionItem', 'actionItemId'],
    ["the prefix's last word (poolId)", { type: 'DATA_POOL_SIGNED', poolId: id, workingGroupId: other, organizationId: org }, 'DataPool', 'poolId'],
    ['a dotted type', { type: 'ballot.vote_cast', ballotId: id, organizationId: org }, 'Ballot', 'ballotId'],
    ['the shortest prefix before a longer one', { type: 'ballot.vote_cast', voteId: other, ballotId: id }, 'Ballot', 'ballotId'],
    ['a person', { type: 'person.erased', personId: id }, 'Person', 'personId'],
    ['no id for the prefix: the first <entity>Id field', { type: 'AGENDA_SET', meetingId: id, itemCount: 3 }, 'Meeting', 'meetingId'],
    ['a group when nothing else is named', { type: 'PRIORITIES_REORDERED', workingGroupId: id }, 'WorkingGroup', 'workingGroupId'],
  ])('derives the entity from %s', (_, event, entityType, field) => {
    const derived = entry(event)!;
    expect({ entityType: derived.entityType, entityId: derived.entityId }).toEqual({ entityType, entityId: id });
    expect(JSON.parse(derived.details ?? '{}')).not.toHaveProperty(field);
  });

  it('uses a placeholder entity when the event names none', () => {
    expect(entry({ type: 'SOMETHING_HAPPENED', note: 'x' })).toMatchObject({ entityType: 'Platform', entityId: '-' });
  });

  it('keeps the other fields as details, without the columns, secrets or tokens', () => {
    const derived = entry({ type: 'PROPOSAL_STATE_CHANGED', proposalId: id, actorOrganizationId: org, fromState: 'DRAFT', toState: 'SUBMITTED', token: 's3cret', tokenHash: 'h', secret: 'x', url: 'https://x' })!;
    expect(derived).toMatchObject({ action: 'PROPOSAL_STATE_CHANGED', actorId: actor, actorOrganizationId: org, organizationId: null });
    expect(JSON.parse(derived.details!)).toEqual({ fromState: 'DRAFT', toState: 'SUBMITTED' });
  });

  it("keeps a flag whose name reads as a secret: a ballot's `secret: true` holds nothing", () => {
    const derived = entry({ type: 'BALLOT_VOTE_CAST', ballotId: id, secret: true, token: true, password: 'p' })!;
    expect(JSON.parse(derived.details!)).toEqual({ secret: true, token: true });
  });

  it('passes the concerned organisation on for an actor without one (the system), and drops ids that are not ids', () => {
    expect(entry({ type: 'DATA_POOL_STATE_CHANGED', actorId: null, poolId: id, organizationId: org })).toMatchObject({ actorId: null, organizationId: org });
    expect(entry({ type: 'PROPOSAL_CREATED', actorId: 'system', proposalId: id })).toMatchObject({ actorId: null });
  });

  it.each(['action_item.due_tomorrow', 'data_pool.expiry_reminder', 'DATA_POOL_EXPIRY_REMINDER', 'ACTION_ITEM_DUE_TOMORROW'])('skips the reminder %s', (type) => {
    expect(entry({ type, actionItemId: id })).toBeNull();
  });
});
