import { DomainEvent, DomainEvents } from '@app/core';
import { BallotClosePass } from '@app/governance';
import { Actor, acceptLead, invitePartner, makeGroup, makePerson, makePriority, makeProposal, moveProposal, seat } from './support/factories';
import { BALLOT, ballotInput, CAST_VOTE, CHANGE_BALLOT_STATE, CREATE_BALLOT, must, openBallot, vote } from './support/ballots';
import { ok, refusal, startTestApp, TestApp } from './support/test-app';

/**
 * Ballots (contract 07): who creates, opens and closes them, who votes for which organisation, the electorate
 * fixed at opening, the tallies at their thresholds, Borda rankings, deciding a proposal, and secret ballots.
 */
describe('Ballots (e2e)', () => {
  let t: TestApp;
  let admin: Actor;
  const events: DomainEvent[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
    t.app.get(DomainEvents).onEvent(async (event) => {
      events.push(event);
    }, (type) => type.startsWith('ballot.'));
  });
  afterAll(() => t.close());

  /** A fresh group: a CHAIR and `voters` MEMBERs, each of their own organisation (all active members). */
  async function electorate(voters: number) {
    const group = (await makeGroup(t)).id;
    const chair = await makePerson(t);
    await seat(t, group, chair, 'CHAIR');
    const members: Actor[] = [];
    for (let i = 0; i < voters; i += 1) {
      const member = await makePerson(t);
      await seat(t, group, member, 'MEMBER');
      members.push(member);
    }
    return { group, chair, members };
  }

  const closeEarly = (manager: Actor, id: string) => t.gql(CHANGE_BALLOT_STATE, { id, state: 'CLOSED' }, manager.token);

  describe('who creates and reads ballots', () => {
    it("lets a group's chairs and secretaries and admins create ballots in it, and nobody else", async () => {
      const { group, chair, members } = await electorate(1);
      const secretary = await makePerson(t);
      await seat(t, group, secretary, 'SECRETARY');
      const observer = await makePerson(t);
      await seat(t, group, observer, 'OBSERVER');
      for (const manager of [chair, secretary, admin]) {
        expect(await must(t, CREATE_BALLOT, { input: ballotInput(group) }, manager)).toMatchObject({ state: 'DRAFT', workingGroup: { id: group }, quorumPercent: 50, majorityPercent: 50, secret: false });
      }
      for (const other of [members[0], observer, await makePerson(t)]) {
        expect(refusal(await t.gql(CREATE_BALLOT, { input: ballotInput(group) }, other.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_GROUP_MANAGER' });
      }
    });

    it('keeps alliance-wide ballots to admins', async () => {
      const { chair } = await electorate(0);
      expect(refusal(await t.gql(CREATE_BALLOT, { input: ballotInput(null) }, chair.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ADMIN' });
      const ballot = await must(t, CREATE_BALLOT, { input: ballotInput(null) }, admin);
      expect(ballot.workingGroup).toBeNull();
    });

    it("shows a DRAFT to the group's managers only, an opened ballot to the group's members, an alliance-wide one to everyone", async () => {
      const { group, chair, members } = await electorate(1);
      const outsider = await makePerson(t);
      const draft = await must(t, CREATE_BALLOT, { input: ballotInput(group) }, chair);
      expect(ok(await t.gql(BALLOT, { id: draft.id }, members[0].token)).ballot).toBeNull();
      expect(ok(await t.gql(BALLOT, { id: draft.id }, chair.token)).ballot).toMatchObject({ id: draft.id });
      await must(t, CHANGE_BALLOT_STATE, { id: draft.id, state: 'OPEN' }, chair);
      expect(ok(await t.gql(BALLOT, { id: draft.id }, members[0].token)).ballot).toMatchObject({ state: 'OPEN' });
      expect(ok(await t.gql(BALLOT, { id: draft.id }, outsider.token)).ballot).toBeNull();
      const list = `query ($state: BallotState) { ballots(state: $state, first: 100) { totalCount edges { node { id } } } }`;
      expect(ok(await t.gql(list, { state: 'OPEN' }, outsider.token)).ballots.edges.map((e: any) => e.node.id)).not.toContain(draft.id);
      const groupList = `query ($id: ID!) { workingGroup(id: $id) { ballots(state: OPEN) { totalCount edges { node { id } } } } }`;
      expect(ok(await t.gql(groupList, { id: group }, members[0].token)).workingGroup.ballots).toMatchObject({ totalCount: 1, edges: [{ node: { id: draft.id } }] });
      expect(ok(await t.gql(groupList, { id: group }, outsider.token)).workingGroup.ballots.totalCount).toBe(0);
      const wide = await openBallot(t, admin, null);
      expect(ok(await t.gql(BALLOT, { id: wide.id }, outsider.token)).ballot).toMatchObject({ id: wide.id, workingGroup: null });
      const seen = ok(await t.gql(list, { state: 'OPEN' }, outsider.token)).ballots;
      expect(seen.edges.map((e: any) => e.node.id)).toContain(wide.id);
      // A non-reader's mutation finds nothing.
      expect(refusal(await vote(t, outsider, draft.id, 'YES'))).toMatchObject({ code: 'NOT_FOUND', reason: 'BALLOT_NOT_FOUND' });
    });

    it('refuses bad input with the field, writing nothing', async () => {
      const { group, chair } = await electorate(1);
      const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM ballots`))[0].n;
      const cases: [Record<string, unknown>, string, string][] = [
        [{ closesAt: new Date(Date.now() - 1000).toISOString() }, 'closesAt', 'CLOSES_AT_PASSED'],
        [{ kind: 'RANKING' }, 'priorityIds', 'PRIORITIES_REQUIRED'],
        [{ priorityIds: [(await makePriority(t, group, chair)).id] }, 'priorityIds', 'PRIORITIES_NOT_ALLOWED'],
        [{ decidesProposal: true }, 'decidesProposal', 'CANNOT_DECIDE'],
        [{ quorumPercent: 0 }, 'quorumPercent', 'INVALID_INPUT'],
        [{ majorityPercent: 100 }, 'majorityPercent', 'INVALID_INPUT'],
      ];
      for (const [input, field, reason] of cases) {
        const refused = refusal(await t.gql(CREATE_BALLOT, { input: ballotInput(group, input) }, chair.token));
        expect(refused.code).toBe('BAD_USER_INPUT');
        expect(refused.field).toBe(field);
        if (reason !== 'INVALID_INPUT') expect(refused.reason).toBe(reason);
      }
      const otherGroup = (await makeGroup(t)).id;
      const foreign = [(await makePriority(t, otherGroup, chair)).id, (await makePriority(t, group, chair)).id];
      expect(refusal(await t.gql(CREATE_BALLOT, { input: ballotInput(group, { kind: 'RANKING', priorityIds: foreign }) }, chair.token))).toMatchObject({ field: 'priorityIds', reason: 'PRIORITY_NOT_FOUND' });
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM ballots`))[0].n).toBe(before);
    });
  });

  describe('the electorate', () => {
    it('is fixed when the ballot opens: an organisation joining later may not vote, one leaving still may', async () => {
      const { group, chair, members } = await electorate(2);
      const draft = await must(t, CREATE_BALLOT, { input: ballotInput(group) }, chair);
      expect(draft).toMatchObject({ eligibleCount: 3, votesCast: 0 });
      const opened = await must(t, CHANGE_BALLOT_STATE, { id: draft.id, state: 'OPEN' }, chair);
      expect(opened).toMatchObject({ state: 'OPEN', eligibleCount: 3 });
      expect(opened.opensAt).not.toBeNull();
      const latecomer = await makePerson(t);
      await seat(t, group, latecomer, 'MEMBER');
      expect(refusal(await vote(t, latecomer, draft.id, 'YES'))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ELIGIBLE' });
      await t.dataSource.query(`UPDATE working_group_memberships SET status = 'ENDED', ended_at = now() WHERE organization_id = $1`, [members[0].organizationId]);
      ok(await vote(t, members[0], draft.id, 'NO'));
      const ballot = ok(await t.gql(BALLOT, { id: draft.id }, chair.token)).ballot;
      expect(ballot).toMatchObject({ eligibleCount: 3, votesCast: 1 });
      const stored = await t.dataSource.query(`SELECT organization_id AS id FROM ballot_electorate WHERE ballot_id = $1 AND NOT recused ORDER BY 1`, [draft.id]);
      expect(stored.map((r: any) => r.id)).toEqual([chair.organizationId, ...members.map((m) => m.organizationId)].sort());
    });

    it("recuses the proposal's author, lead and consenting partners, not a partner that declined", async () => {
      const { group, chair, members } = await electorate(4);
      const [author, lead, partner, decliner] = members;
      const proposal = await makeProposal(t, author, group, { leadOrganizationId: lead.organizationId });
      await acceptLead(t, proposal, lead);
      await invitePartner(t, lead, proposal, partner.organizationId, { by: partner, consent: 'CONSENTED' });
      await invitePartner(t, lead, proposal, decliner.organizationId, { by: decliner, consent: 'DECLINED' });
      await moveProposal(t, proposal, 'UNDER_REVIEW', { author, manager: chair });
      const draft = await must(t, CREATE_BALLOT, { input: ballotInput(group, { proposalId: proposal }) }, chair);
      const parties = [author, lead, partner].map((m) => m.organizationId).sort();
      expect(draft.recused.map((o: any) => o.id).sort()).toEqual(parties);
      expect(draft.eligibleCount).toBe(2);
      const opened = await must(t, CHANGE_BALLOT_STATE, { id: draft.id, state: 'OPEN' }, chair);
      expect(opened.recused.map((o: any) => o.id).sort()).toEqual(parties);
      for (const party of [author, lead, partner]) {
        expect(refusal(await vote(t, party, draft.id, 'YES'))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ELIGIBLE' });
      }
      ok(await vote(t, decliner, draft.id, 'YES'));
      ok(await vote(t, chair, draft.id, 'YES'));
      expect(ok(await closeEarly(chair, draft.id)).changeBallotState).toMatchObject({ state: 'CLOSED', eligibleCount: 2, votesCast: 2 });
    });
  });

  describe('voting', () => {
    it("refuses observers, people without a seat, and votes for another organisation", async () => {
      const { group, chair, members } = await electorate(1);
      const ballot = await openBallot(t, chair, group);
      const colleagueObserver = await makePerson(t, { organizationId: members[0].organizationId });
      await seat(t, group, colleagueObserver, 'OBSERVER');
      expect(refusal(await vote(t, colleagueObserver, ballot.id, 'YES'))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_SEATED_VOTER' });
      const unseatedColleague = await makePerson(t, { organizationId: members[0].organizationId });
      expect(refusal(await vote(t, unseatedColleague, ballot.id, 'YES'))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_SEATED_VOTER' });
      const forOther = await t.gql(CAST_VOTE, { ballot: ballot.id, org: chair.organizationId, choice: 'YES' }, members[0].token);
      expect(refusal(forOther)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_ORGANIZATION' });
      expect(ok(await t.gql(BALLOT, { id: ballot.id }, chair.token)).ballot.votesCast).toBe(0);
    });

    it('keeps exactly one vote when 20 people of one organisation vote at once', async () => {
      const { group, chair, members } = await electorate(1);
      const ballot = await openBallot(t, chair, group);
      const colleagues = [members[0]];
      for (let i = 0; i < 19; i += 1) {
        const colleague = await makePerson(t, { organizationId: members[0].organizationId });
        await seat(t, group, colleague, 'MEMBER');
        colleagues.push(colleague);
      }
      const answers = await Promise.all(colleagues.map((c, i) => vote(t, c, ballot.id, i % 2 === 0 ? 'YES' : 'NO')));
      for (const answer of answers) ok(answer);
      const rows = await t.dataSource.query(`SELECT organization_id, cast_by_id FROM ballot_votes WHERE ballot_id = $1`, [ballot.id]);
      expect(rows).toHaveLength(1);
      expect(colleagues.map((c) => c.id)).toContain(rows[0].cast_by_id);
      expect(ok(await t.gql(BALLOT, { id: ballot.id }, chair.token)).ballot.votesCast).toBe(1);
    });

    it("replaces the organisation's vote while OPEN and shows it only as the viewer's own; votes stay hidden until CLOSED", async () => {
      const { group, chair, members } = await electorate(1);
      const colleague = await makePerson(t, { organizationId: members[0].organizationId });
      await seat(t, group, colleague, 'MEMBER');
      const ballot = await openBallot(t, chair, group);
      ok(await vote(t, members[0], ballot.id, 'YES'));
      const replaced = ok(await vote(t, colleague, ballot.id, 'NO')).castVote;
      expect(replaced).toMatchObject({ votesCast: 1, votes: [], viewerVote: { organization: { id: members[0].organizationId }, castBy: { id: colleague.id }, choice: 'NO' } });
      expect(ok(await t.gql(BALLOT, { id: ballot.id }, chair.token)).ballot).toMatchObject({ votesCast: 1, viewerVote: null, votes: [], result: null });
      const voteEvents = events.filter((e) => e.type === 'ballot.vote_cast' && e.ballotId === ballot.id);
      expect(voteEvents.map((e) => [e.organizationId, e.choice, e.replaced])).toEqual([
        [members[0].organizationId, 'YES', false],
        [members[0].organizationId, 'NO', true],
      ]);
      ok(await vote(t, chair, ballot.id, 'YES'));
      const closed = ok(await closeEarly(chair, ballot.id)).changeBallotState;
      expect(closed.votes.map((v: any) => [v.organization.id, v.choice]).sort()).toEqual(
        [
          [chair.organizationId, 'YES'],
          [members[0].organizationId, 'NO'],
        ].sort(),
      );
    });

    it('refuses votes unless the ballot is OPEN, and the wrong kind of vote', async () => {
      const { group, chair, members } = await electorate(1);
      const draft = await must(t, CREATE_BALLOT, { input: ballotInput(group) }, chair);
      expect(refusal(await vote(t, members[0], draft.id, 'YES'))).toMatchObject({ code: 'NOT_FOUND' });
      expect(refusal(await vote(t, chair, draft.id, 'YES'))).toMatchObject({ code: 'CONFLICT', reason: 'BALLOT_NOT_OPEN' });
      await must(t, CHANGE_BALLOT_STATE, { id: draft.id, state: 'OPEN' }, chair);
      expect(refusal(await vote(t, chair, draft.id, null))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'choice', reason: 'CHOICE_REQUIRED' });
      expect(refusal(await vote(t, chair, draft.id, 'YES', [draft.id]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ranking' });
      ok(await vote(t, chair, draft.id, 'YES'));
      ok(await vote(t, members[0], draft.id, 'ABSTAIN'));
      await must(t, CHANGE_BALLOT_STATE, { id: draft.id, state: 'CLOSED' }, chair);
      expect(refusal(await vote(t, chair, draft.id, 'NO'))).toMatchObject({ code: 'CONFLICT', reason: 'BALLOT_NOT_OPEN' });
      const cancelled = await openBallot(t, chair, group);
      await must(t, CHANGE_BALLOT_STATE, { id: cancelled.id, state: 'CANCELLED', note: 'Wrong motion' }, chair);
      expect(refusal(await vote(t, chair, cancelled.id, 'NO'))).toMatchObject({ code: 'CONFLICT', reason: 'BALLOT_NOT_OPEN' });
    });
  });

  describe('state changes', () => {
    it('refuses illegal moves, an early close with votes missing, a cancel without a note, and members (codes)', async () => {
      const { group, chair, members } = await electorate(1);
      const ballot = await openBallot(t, chair, group);
      expect(refusal(await t.gql(CHANGE_BALLOT_STATE, { id: ballot.id, state: 'DRAFT' }, chair.token))).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
      expect(refusal(await t.gql(CHANGE_BALLOT_STATE, { id: ballot.id, state: 'OPEN' }, chair.token))).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
      ok(await vote(t, chair, ballot.id, 'YES'));
      expect(refusal(await closeEarly(chair, ballot.id))).toMatchObject({ code: 'CONFLICT', reason: 'VOTES_MISSING' });
      expect(refusal(await closeEarly(members[0], ballot.id))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_GROUP_MANAGER' });
      expect(refusal(await t.gql(CHANGE_BALLOT_STATE, { id: ballot.id, state: 'CANCELLED', note: '  ' }, chair.token))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'note',
        reason: 'REASON_REQUIRED',
      });
      expect(ok(await t.gql(BALLOT, { id: ballot.id }, chair.token)).ballot.state).toBe('OPEN');
      const cancelled = await must(t, CHANGE_BALLOT_STATE, { id: ballot.id, state: 'CANCELLED', note: 'Superseded' }, chair);
      expect(cancelled).toMatchObject({ state: 'CANCELLED', result: null, votes: [] });
      expect(refusal(await t.gql(CHANGE_BALLOT_STATE, { id: ballot.id, state: 'CLOSED' }, chair.token))).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
      const changes = events.filter((e) => e.type === 'ballot.state_changed' && e.ballotId === ballot.id);
      expect(changes.map((e) => [e.from, e.to, e.actorId, e.workingGroupId])).toEqual([
        ['DRAFT', 'OPEN', chair.id, group],
        ['OPEN', 'CANCELLED', chair.id, group],
      ]);
    });
  });

  describe('results', () => {
    /** A ballot of `eligible` organisations with these votes (null: none), closed at once (all voted) or by the pass. */
    async function decided(choices: (string | null)[], options: Record<string, unknown> = {}) {
      const { group, chair, members } = await electorate(choices.length - 1);
      const voters = [chair, ...members];
      const ballot = await openBallot(t, chair, group, options);
      for (const [i, choice] of choices.entries()) if (choice) ok(await vote(t, voters[i], ballot.id, choice));
      if (choices.every(Boolean)) return ok(await closeEarly(chair, ballot.id)).changeBallotState.result;
      await t.dataSource.query(`UPDATE ballots SET closes_at = now() - interval '1 second' WHERE id = $1`, [ballot.id]);
      await t.app.get(BallotClosePass).run(new Date());
      return ok(await t.gql(BALLOT, { id: ballot.id }, chair.token)).ballot.result;
    }

    it('reaches quorum exactly at quorumPercent, abstentions counting', async () => {
      expect(await decided(['YES', 'ABSTAIN', null, null])).toMatchObject({ quorumReached: true, yes: 1, no: 0, abstain: 1, passed: true });
      expect(await decided(['YES', null, null, null])).toMatchObject({ quorumReached: false, passed: false });
      expect(await decided(['YES', 'YES', null], { quorumPercent: 67 })).toMatchObject({ quorumReached: false, passed: false });
      expect(await decided(['YES', 'YES', null], { quorumPercent: 66 })).toMatchObject({ quorumReached: true, passed: true });
    });

    it('passes only when YES exceeds majorityPercent of YES + NO', async () => {
      expect(await decided(['YES', 'NO'])).toMatchObject({ yes: 1, no: 1, passed: false });
      expect(await decided(['YES', 'YES', 'NO'], { majorityPercent: 67 })).toMatchObject({ passed: false });
      expect(await decided(['YES', 'YES', 'NO'], { majorityPercent: 66 })).toMatchObject({ passed: true });
      expect(await decided(['ABSTAIN', 'ABSTAIN'])).toMatchObject({ quorumReached: true, abstain: 2, passed: false });
    });

    it('ranks priorities by Borda count, ties by their current rank', async () => {
      const { group, chair, members } = await electorate(1);
      // Ranked in this order in the group: p1 (best rank) … p3.
      const [p1, p2, p3] = [await makePriority(t, group, chair), await makePriority(t, group, chair), await makePriority(t, group, chair)];
      const ballot = await openBallot(t, chair, group, { kind: 'RANKING', priorityIds: [p3.id, p2.id, p1.id] });
      expect(ballot.priorities.map((p: any) => p.id)).toEqual([p3.id, p2.id, p1.id]);
      expect(refusal(await vote(t, chair, ballot.id, 'YES'))).toMatchObject({ field: 'choice', reason: 'CHOICE_NOT_ALLOWED' });
      expect(refusal(await vote(t, chair, ballot.id, null, [p1.id, p1.id]))).toMatchObject({ field: 'ranking', reason: 'RANKING_REPEATS' });
      const stranger = await makePriority(t, group, chair);
      expect(refusal(await vote(t, chair, ballot.id, null, [stranger.id]))).toMatchObject({ field: 'ranking', reason: 'PRIORITY_NOT_ON_BALLOT' });
      // p3: 3 + 0 = 3; p2: 2 + 1 = 3... make a tie between p3 and p2 and leave p1 last:
      ok(await vote(t, chair, ballot.id, null, [p3.id, p2.id]));
      ok(await vote(t, members[0], ballot.id, null, [p2.id, p1.id, p3.id]));
      // p3: 3 + 1 = 4; p2: 2 + 3 = 5; p1: 0 + 2 = 2. Then the member replaces its vote to tie p2 and p3.
      ok(await vote(t, members[0], ballot.id, null, [p2.id, p3.id]));
      // p3: 3 + 2 = 5; p2: 2 + 3 = 5; p1: 0 — p2 ranks better than p3 in the group.
      const closed = ok(await closeEarly(chair, ballot.id)).changeBallotState;
      expect(closed.result.ranking.map((r: any) => [r.priority.id, r.points, r.position])).toEqual([
        [p2.id, 5, 1],
        [p3.id, 5, 2],
        [p1.id, 0, 3],
      ]);
      expect(closed.votes.find((v: any) => v.organization.id === members[0].organizationId).ranking.map((p: any) => p.id)).toEqual([p2.id, p3.id]);
    });
  });

  describe('deciding a proposal', () => {
    async function underReview() {
      const { group, chair, members } = await electorate(3);
      const proposal = await makeProposal(t, members[0], group);
      await moveProposal(t, proposal, 'UNDER_REVIEW', { author: members[0], manager: chair });
      return { group, chair, voters: [chair, members[1], members[2]], proposal };
    }

    it('moves the proposal to APPROVED when the ballot passes, with its history', async () => {
      const { group, chair, voters, proposal } = await underReview();
      const ballot = await openBallot(t, chair, group, { proposalId: proposal, decidesProposal: true });
      expect(ballot).toMatchObject({ decidesProposal: true, eligibleCount: 3, proposal: { id: proposal, state: 'UNDER_REVIEW' } });
      for (const [i, voter] of voters.entries()) ok(await vote(t, voter, ballot.id, i < 2 ? 'YES' : 'NO'));
      const closed = ok(await closeEarly(chair, ballot.id)).changeBallotState;
      expect(closed).toMatchObject({ result: { passed: true, yes: 2, no: 1 }, proposal: { state: 'APPROVED' } });
      const history = await t.dataSource.query(`SELECT actor_id, from_state, to_state, note FROM proposal_events WHERE proposal_id = $1 AND type = 'STATE_CHANGED' ORDER BY at DESC LIMIT 1`, [proposal]);
      expect(history[0]).toMatchObject({ actor_id: chair.id, from_state: 'UNDER_REVIEW', to_state: 'APPROVED' });
      expect(history[0].note).toContain('2 yes, 1 no');
    });

    it('moves it to REJECTED when the ballot fails', async () => {
      const { group, chair, voters, proposal } = await underReview();
      const ballot = await openBallot(t, chair, group, { proposalId: proposal, decidesProposal: true });
      for (const voter of voters) ok(await vote(t, voter, ballot.id, 'NO'));
      expect(ok(await closeEarly(chair, ballot.id)).changeBallotState).toMatchObject({ result: { passed: false }, proposal: { state: 'REJECTED' } });
      const [{ decided_at }] = await t.dataSource.query(`SELECT decided_at FROM cooperation_proposals WHERE id = $1`, [proposal]);
      expect(decided_at).not.toBeNull();
    });

    it('refuses to decide a proposal that is not UNDER_REVIEW', async () => {
      const { group, chair, members } = await electorate(1);
      const proposal = await makeProposal(t, members[0], group);
      await moveProposal(t, proposal, 'SUBMITTED', { author: members[0], manager: chair });
      const refused = refusal(await t.gql(CREATE_BALLOT, { input: ballotInput(group, { proposalId: proposal, decidesProposal: true }) }, chair.token));
      expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decidesProposal', reason: 'PROPOSAL_NOT_UNDER_REVIEW' });
    });
  });

  describe('secret ballots', () => {
    it('never show which organisation voted how: not in votes, viewerVote, events or the stored votes after closing', async () => {
      const { group, chair, members } = await electorate(2);
      const ballot = await openBallot(t, chair, group, { secret: true });
      ok(await vote(t, chair, ballot.id, 'YES'));
      ok(await vote(t, members[0], ballot.id, 'NO'));
      const own = ok(await vote(t, members[1], ballot.id, 'YES')).castVote;
      expect(own.viewerVote).toMatchObject({ organization: { id: members[1].organizationId }, castBy: { id: members[1].id }, choice: null, ranking: null });
      expect(own.votes).toEqual([]);
      const castEvents = events.filter((e) => e.type === 'ballot.vote_cast' && e.ballotId === ballot.id);
      expect(castEvents).toHaveLength(3);
      for (const event of castEvents) {
        expect(event).not.toHaveProperty('choice');
        expect(event).not.toHaveProperty('ranking');
        expect(event.secret).toBe(true);
      }
      const closed = ok(await closeEarly(chair, ballot.id)).changeBallotState;
      expect(closed).toMatchObject({ state: 'CLOSED', votes: [], votesCast: 3, result: { yes: 2, no: 1, passed: true }, viewerVote: { choice: null } });
      for (const reader of [admin, chair, members[0]]) {
        const seen = ok(await t.gql(BALLOT, { id: ballot.id }, reader.token)).ballot;
        expect(seen.votes).toEqual([]);
        expect(seen.viewerVote?.choice ?? null).toBeNull();
        expect(seen.viewerVote?.ranking ?? null).toBeNull();
      }
      const stored = await t.dataSource.query(`SELECT choice, ranking FROM ballot_votes WHERE ballot_id = $1`, [ballot.id]);
      expect(stored).toEqual([
        { choice: null, ranking: null },
        { choice: null, ranking: null },
        { choice: null, ranking: null },
      ]);
      const closedEvent = events.find((e) => e.type === 'ballot.state_changed' && e.ballotId === ballot.id && e.to === 'CLOSED');
      expect(JSON.stringify(closedEvent)).not.toMatch(/organizationId/);
    });
  });

  describe('nested reads', () => {
    it('answers a list of ballots with votes, priorities and results in statements bounded by the depth, not the rows', async () => {
      const { group, chair, members } = await electorate(2);
      const priorities = [await makePriority(t, group, chair), await makePriority(t, group, chair)];
      const grow = async (n: number) => {
        for (let i = 0; i < n; i += 1) {
          const ballot = await openBallot(t, chair, group, i % 2 ? { kind: 'RANKING', priorityIds: priorities.map((p) => p.id) } : {});
          for (const voter of [chair, ...members]) ok(await vote(t, voter, ballot.id, i % 2 ? null : 'YES', i % 2 ? [priorities[1].id, priorities[0].id] : undefined));
          ok(await closeEarly(chair, ballot.id));
        }
      };
      const query = `query { ballots(first: 100) { totalCount edges { node { ${'id state workingGroup { id } priorities { id } recused { id } eligibleCount votesCast'}
        result { yes ranking { priority { id } points } } viewerVote { choice castBy { id } } votes { organization { id } castBy { id } choice ranking { id } } } } } }`;
      const measure = async () => {
        const { result, statements } = await t.counter.measure(() => t.gql(query, {}, chair.token));
        expect(result.errors).toBeUndefined();
        return { statements: statements.length, ballots: result.data.ballots.totalCount as number };
      };
      await grow(2);
      const small = await measure();
      await grow(4);
      const large = await measure();
      expect(large.ballots).toBeGreaterThanOrEqual(small.ballots + 4);
      // One statement per loader and batch: the count and the page, the groups, the ballots' priorities, the vote
      // counts, the viewer's votes, the votes, the organisations, priorities by id (result and vote rankings: one
      // or two batches) and people (viewerVote and votes: one or two). Which loads share a batch depends on the
      // order PostgreSQL answers in, so the count may move within that bound, never with the rows: one statement
      // per ballot or vote would be 30 or more here.
      const STRUCTURAL_BOUND = 2 + 1 + 1 + 1 + 1 + 1 + 1 + 2 + 2;
      for (const count of [small.statements, large.statements]) expect(count).toBeLessThanOrEqual(STRUCTURAL_BOUND);
    });
  });
});
