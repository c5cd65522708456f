import { DomainEvent, DomainEvents } from '@app/core';
import { BallotClosePass } from '@app/governance';
import { Actor, makeGroup, makePerson, makeProposal, moveProposal, seat } from './support/factories';
import { BALLOT, ballotInput, CREATE_BALLOT, must, openBallot, vote } from './support/ballots';
import { ok, refusal, startTestApp, TestApp } from './support/test-app';

const HOUR = 60 * 60 * 1000;

/**
 * The platform's part of a ballot's lifecycle (BallotClosePass): OPEN ballots close at closesAt, and the
 * eligible organisations that have not voted are reminded once, 24 hours before — on a clock the test sets.
 */
describe('Ballots closing on time (e2e)', () => {
  let t: TestApp;
  let pass: BallotClosePass;
  let group: string;
  let chair: Actor;
  let members: Actor[];
  const events: DomainEvent[] = [];

  beforeAll(async () => {
    // The worker runs, so the pass is also scheduled; the test drives it with its own clock.
    t = await startTestApp({ RUN_WORKER: 'true' });
    pass = t.app.get(BallotClosePass);
    group = (await makeGroup(t)).id;
    chair = await makePerson(t);
    await seat(t, group, chair, 'CHAIR');
    members = [await makePerson(t), await makePerson(t)];
    for (const member of members) await seat(t, group, member, 'MEMBER');
    t.app.get(DomainEvents).onEvent(async (event) => {
      events.push(event);
    }, (type) => type.startsWith('ballot.'));
  });
  afterAll(() => t.close());

  const stateOf = async (id: string) => ok(await t.gql(BALLOT, { id }, chair.token)).ballot;
  const at = (closesAt: string, offsetMs: number) => new Date(new Date(closesAt).getTime() + offsetMs);

  it('schedules the pass on the workers', async () => {
    const [schedule] = await t.dataSource.query(`SELECT name, cron FROM pgboss.schedule WHERE name = 'ballot-close'`);
    expect(schedule).toEqual({ name: 'ballot-close', cron: '*/5 * * * *' });
  });

  it('reminds the organisations without a vote once, 24 hours before, and closes the ballot at closesAt, not before', async () => {
    const ballot = await openBallot(t, chair, group, { closesAt: new Date(Date.now() + 72 * HOUR).toISOString() });
    ok(await vote(t, members[0], ballot.id, 'YES'));
    // Two days before: nothing yet.
    expect(await pass.run(at(ballot.closesAt, -48 * HOUR))).toEqual({ closed: 0, reminded: 0 });
    // 23 hours before: the reminder, naming the two organisations that have not voted.
    expect(await pass.run(at(ballot.closesAt, -23 * HOUR))).toMatchObject({ reminded: 1 });
    const reminders = events.filter((e) => e.type === 'ballot.closing_soon' && e.ballotId === ballot.id);
    expect(reminders).toHaveLength(1);
    expect([...(reminders[0].organizationIds as string[])].sort()).toEqual([chair.organizationId, members[1].organizationId].sort());
    expect(reminders[0].actorId).toBeNull();
    // Again an hour later: still one reminder.
    expect(await pass.run(at(ballot.closesAt, -22 * HOUR))).toMatchObject({ reminded: 0 });
    expect(events.filter((e) => e.type === 'ballot.closing_soon' && e.ballotId === ballot.id)).toHaveLength(1);
    // A second before closesAt: still OPEN.
    await pass.run(at(ballot.closesAt, -1000));
    expect((await stateOf(ballot.id)).state).toBe('OPEN');
    // At closesAt: closed, counted (1 of 3 voted: no quorum), by the platform.
    expect(await pass.run(at(ballot.closesAt, 0))).toMatchObject({ closed: 1 });
    expect(await stateOf(ballot.id)).toMatchObject({ state: 'CLOSED', votesCast: 1, result: { quorumReached: false, yes: 1, passed: false } });
    const closed = events.filter((e) => e.type === 'ballot.state_changed' && e.ballotId === ballot.id && e.to === 'CLOSED');
    expect(closed).toHaveLength(1);
    expect(closed[0].actorId).toBeNull();
    // Once closed, nothing more happens to it.
    expect(await pass.run(at(ballot.closesAt, HOUR))).toEqual({ closed: 0, reminded: 0 });
  });

  it('reminds nobody when everyone voted, and leaves DRAFT and CANCELLED ballots alone', async () => {
    const closesAt = new Date(Date.now() + 30 * HOUR).toISOString();
    const voted = await openBallot(t, chair, group, { closesAt });
    for (const voter of [chair, ...members]) ok(await vote(t, voter, voted.id, 'NO'));
    const draft = await must(t, CREATE_BALLOT, { input: ballotInput(group, { closesAt }) }, chair);
    const cancelled = await openBallot(t, chair, group, { closesAt });
    await t.gql(`mutation ($id: ID!) { changeBallotState(id: $id, state: CANCELLED, note: "Withdrawn") { state } }`, { id: cancelled.id }, chair.token);
    await pass.run(at(closesAt, -HOUR));
    const reminder = events.find((e) => e.type === 'ballot.closing_soon' && e.ballotId === voted.id);
    expect(reminder?.organizationIds).toEqual([]);
    await pass.run(at(closesAt, HOUR));
    expect((await stateOf(voted.id)).state).toBe('CLOSED');
    expect((await stateOf(draft.id)).state).toBe('DRAFT');
    expect((await stateOf(cancelled.id)).state).toBe('CANCELLED');
    expect(events.some((e) => e.type === 'ballot.closing_soon' && (e.ballotId === draft.id || e.ballotId === cancelled.id))).toBe(false);
  });

  it('refuses votes after closesAt even before the pass ran', async () => {
    const ballot = await openBallot(t, chair, group);
    await t.dataSource.query(`UPDATE ballots SET closes_at = now() - interval '1 minute' WHERE id = $1`, [ballot.id]);
    expect(refusal(await vote(t, members[1], ballot.id, 'YES'))).toMatchObject({ code: 'CONFLICT', reason: 'VOTING_ENDED' });
  });

  it("decides the proposal when the platform closes a deciding ballot, recording the platform as the actor", async () => {
    const proposal = await makeProposal(t, members[0], group);
    await moveProposal(t, proposal, 'UNDER_REVIEW', { author: members[0], manager: chair });
    const ballot = await openBallot(t, chair, group, { proposalId: proposal, decidesProposal: true });
    // The author's organisation is recused: the chair and the second member vote.
    ok(await vote(t, chair, ballot.id, 'YES'));
    await pass.run(at(ballot.closesAt, 1000));
    expect(await stateOf(ballot.id)).toMatchObject({ state: 'CLOSED', result: { passed: true, yes: 1 }, proposal: { state: 'APPROVED' } });
    const [history] = await t.dataSource.query(
      `SELECT actor_id, from_state, to_state FROM proposal_events WHERE proposal_id = $1 AND type = 'STATE_CHANGED' ORDER BY at DESC LIMIT 1`,
      [proposal],
    );
    expect(history).toEqual({ actor_id: null, from_state: 'UNDER_REVIEW', to_state: 'APPROVED' });
  });
});
