import { randomUUID } from 'node:crypto';
import { DomainEvents, QueueService } from '@app/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { SeatsService } from '@app/working-groups';
import { getNamedType, GraphQLObjectType, isLeafType } from 'graphql';
import { acceptLead, Actor, makeGroup, makePerson, makePriority, makeProposal, moveProposal, seat } from './support/factories';
import { GqlResponse, ok, refusal, startTestApp, TestApp } from './support/test-app';

const PROPOSAL_FIELDS = `id title summary body kind state confidentiality leadConsent version supportCount viewerHasSupported
  createdAt updatedAt submittedAt decidedAt workingGroup { id } leadOrganization { id } author { id } priorities { id }
  partners { organization { id } role consent respondedAt } supporters { id }
  history { type fromState toState note at actor { id } }`;

const CREATE = `mutation ($input: CreateProposalInput!) { createProposal(input: $input) { ${PROPOSAL_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateProposalInput!) {
  updateProposal(id: $id, expectedVersion: $v, input: $input) { ${PROPOSAL_FIELDS} } }`;
const CHANGE = `mutation ($id: ID!, $state: ProposalState!, $note: String) {
  changeProposalState(id: $id, state: $state, note: $note) { ${PROPOSAL_FIELDS} } }`;
const INVITE = `mutation ($id: ID!, $org: ID!, $role: String) {
  invitePartner(proposalId: $id, organizationId: $org, role: $role) { ${PROPOSAL_FIELDS} } }`;
const RESPOND = `mutation ($id: ID!, $consent: PartnerConsent!) {
  respondToPartnerInvitation(proposalId: $id, consent: $consent) { ${PROPOSAL_FIELDS} } }`;
const SUPPORT = `mutation ($id: ID!) { supportProposal(id: $id) { ${PROPOSAL_FIELDS} } }`;
const WITHDRAW_SUPPORT = `mutation ($id: ID!) { withdrawSupport(id: $id) { ${PROPOSAL_FIELDS} } }`;
const COMMENT = `mutation ($id: ID!, $body: String!, $parentId: ID) {
  addComment(proposalId: $id, body: $body, parentId: $parentId) { id body parentId createdAt editedAt author { id } } }`;
const PROPOSAL = `query ($id: ID!) { proposal(id: $id) { ${PROPOSAL_FIELDS} } }`;
const COMMENTS = `query ($id: ID!, $first: Int, $after: String) { proposal(id: $id) {
  comments(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id body parentId author { id } } } } } }`;

const STATES = ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'IN_PROGRESS', 'COMPLETED', 'WITHDRAWN'] as const;
type State = (typeof STATES)[number];

/** The contract's state machine, written out independently of the product code. */
const LEGAL_MOVES: [State, State][] = [
  ['DRAFT', 'SUBMITTED'],
  ['DRAFT', 'WITHDRAWN'],
  ['SUBMITTED', 'UNDER_REVIEW'],
  ['SUBMITTED', 'WITHDRAWN'],
  ['UNDER_REVIEW', 'APPROVED'],
  ['UNDER_REVIEW', 'REJECTED'],
  ['UNDER_REVIEW', 'WITHDRAWN'],
  ['APPROVED', 'IN_PROGRESS'],
  ['IN_PROGRESS', 'COMPLETED'],
  ['IN_PROGRESS', 'WITHDRAWN'],
];
const isLegal = (from: State, to: State) => LEGAL_MOVES.some(([f, s]) => f === from && s === to);
const ALL_PAIRS = STATES.flatMap((from) => STATES.map((to) => [from, to, isLegal(from, to)] as const));

const ROLES = ['admin', 'chair', 'coChair', 'secretary', 'author', 'colleague', 'member', 'observer', 'outsider', 'anonymous'] as const;
type Role = (typeof ROLES)[number];
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';

describe('Cooperation proposals (e2e)', () => {
  let t: TestApp;
  let admin: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
  });
  afterAll(() => t.close());



  /**
   * A group with one person per role, each from their own organisation; the author's colleague (same
   * organisation, no seat) and an outsider without any seat.
   */
  async function fixture() {
    const group = await makeGroup(t);
    const people = {
      chair: await makePerson(t),
      coChair: await makePerson(t),
      secretary: await makePerson(t),
      author: await makePerson(t),
      member: await makePerson(t),
      observer: await makePerson(t),
    };
    await seat(t, group.id, people.chair, 'CHAIR');
    await seat(t, group.id, people.coChair, 'CO_CHAIR');
    await seat(t, group.id, people.secretary, 'SECRETARY');
    await seat(t, group.id, people.author, 'MEMBER');
    await seat(t, group.id, people.member, 'MEMBER');
    await seat(t, group.id, people.observer, 'OBSERVER');
    const colleague = await makePerson(t, { organizationId: people.author.organizationId });
    const outsider = await makePerson(t);
    const actors: Record<Exclude<Role, 'anonymous'>, Actor> = { admin, ...people, colleague, outsider };
    const token = (role: Role) => (role === 'anonymous' ? undefined : actors[role].token);
    return { group, ...actors, token };
  }
  type Fixture = Awaited<ReturnType<typeof fixture>>;

  /** A proposal by the fixture's author, moved to `state` through the API. */
  async function proposalIn(f: Fixture, state: State, input: Parameters<typeof makeProposal>[3] = {}): Promise<string> {
    const id = await makeProposal(t, f.author, f.group.id, input);
    await moveProposal(t, id, state, { author: f.author, manager: f.chair });
    return id;
  }

  async function stored(id: string) {
    const [row] = await t.dataSource.query(
      `SELECT state, version, title, summary, body, kind, confidentiality, support_count AS "supportCount",
              lead_organization_id AS "leadOrganizationId", author_id AS "authorId", author_organization_id AS "authorOrganizationId",
              submitted_at AS "submittedAt", decided_at AS "decidedAt"
       FROM cooperation_proposals WHERE id = $1`,
      [id],
    );
    return row;
  }

  async function events(id: string): Promise<{ type: string; fromState: string | null; toState: string | null; note: string | null; actorId: string }[]> {
    return t.dataSource.query(
      `SELECT type, from_state AS "fromState", to_state AS "toState", note, actor_id AS "actorId" FROM proposal_events WHERE proposal_id = $1 ORDER BY at, id`,
      [id],
    );
  }

  async function count(table: string, proposalId: string): Promise<number> {
    const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE proposal_id = $1`, [proposalId]);
    return row.n;
  }

  /**
   * What createProposal wrote for a group: proposals, their CREATED trail rows, and outbox jobs for those
   * events (none: no rule notifies anyone of a draft, so no job is queued to expand to nothing).
   */
  async function createdIn(groupId: string): Promise<{ proposals: number; trail: number; outboxJobs: number }> {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM cooperation_proposals WHERE working_group_id = $1::uuid) AS proposals,
              (SELECT count(*)::int FROM proposal_events e JOIN cooperation_proposals p ON p.id = e.proposal_id
                WHERE p.working_group_id = $1::uuid AND e.type = 'CREATED') AS trail,
              (SELECT count(*)::int FROM (SELECT data FROM pgboss.job UNION ALL SELECT data FROM pgboss.archive) j
                WHERE j.data->'event'->>'type' = 'PROPOSAL_CREATED' AND j.data->'event'->>'workingGroupId' = $1::uuid::text) AS "outboxJobs"`,
      [groupId],
    );
    return row;
  }

  /** Everything a refused mutation must leave as it was. */
  async function snapshot(id: string) {
    return {
      proposal: await stored(id),
      events: await count('proposal_events', id),
      partners: await count('proposal_partners', id),
      supports: await count('proposal_supports', id),
      comments: await count('proposal_comments', id),
      priorities: await count('proposal_priorities', id),
    };
  }

  function expectOutcome(response: GqlResponse, outcome: Outcome) {
    if (outcome === 'ok') ok(response);
    else expect(refusal(response).code).toBe(outcome);
  }

  describe('createProposal', () => {
    it('drafts a proposal led by the author’s organisation, version 1, with a CREATED event', async () => {
      const f = await fixture();
      const own = await makePriority(t, f.group.id, f.chair);
      const allianceWide = await makePriority(t, null, admin);
      const input = {
        workingGroupId: f.group.id,
        title: 'Pooling validation drives',
        summary: 'Share labelled drives',
        body: '# Plan',
        kind: 'DATA_POOLING',
        priorityIds: [own.id, allianceWide.id],
      };
      const proposal = ok(await t.gql(CREATE, { input }, f.author.token)).createProposal;
      expect(proposal).toMatchObject({
        title: input.title,
        summary: input.summary,
        body: input.body,
        kind: 'DATA_POOLING',
        state: 'DRAFT',
        confidentiality: 'WORKING_GROUP',
        version: 1,
        supportCount: 0,
        submittedAt: null,
        decidedAt: null,
        workingGroup: { id: f.group.id },
        leadOrganization: { id: f.author.organizationId },
        author: { id: f.author.id },
        partners: [],
        supporters: [],
      });
      expect(proposal.priorities.map((p: { id: string }) => p.id).sort()).toEqual([own.id, allianceWide.id].sort());
      expect(proposal.history).toEqual([{ type: 'CREATED', fromState: null, toState: 'DRAFT', note: null, at: expect.any(String), actor: { id: f.author.id } }]);
      expect(await stored(proposal.id)).toMatchObject({
        state: 'DRAFT',
        version: 1,
        leadOrganizationId: f.author.organizationId,
        authorId: f.author.id,
        authorOrganizationId: f.author.organizationId,
      });
      expect(await count('proposal_priorities', proposal.id)).toBe(2);
      expect(await events(proposal.id)).toEqual([{ type: 'CREATED', fromState: null, toState: 'DRAFT', note: null, actorId: f.author.id }]);
    });

    const CREATE_MATRIX: [Role, Outcome][] = [
      ['admin', 'ok'],
      ['chair', 'ok'],
      ['coChair', 'ok'],
      ['secretary', 'ok'],
      ['author', 'ok'],
      ['member', 'ok'],
      ['colleague', 'FORBIDDEN'],
      ['observer', 'FORBIDDEN'],
      ['outsider', 'FORBIDDEN'],
      ['anonymous', 'UNAUTHENTICATED'],
    ];
    it.each(CREATE_MATRIX)('%s → %s', async (role, outcome) => {
      const f = await fixture();
      // An admin's own organisation is no member here, so the admin names a lead that is.
      const leadOrganizationId = role === 'admin' ? f.member.organizationId : undefined;
      const input = { workingGroupId: f.group.id, title: 'T', summary: 'S', body: 'B', kind: 'OTHER', leadOrganizationId };
      const response = await t.gql(CREATE, { input }, f.token(role));
      expectOutcome(response, outcome);
      const written = outcome === 'ok' ? 1 : 0;
      expect(await createdIn(f.group.id)).toEqual({ proposals: written, trail: written, outboxJobs: 0 });
      if (outcome === 'ok') {
        const actor = role as Exclude<Role, 'anonymous'>;
        const created = await stored(response.data.createProposal.id);
        expect(created.leadOrganizationId).toBe(leadOrganizationId ?? f[actor].organizationId);
        expect(created.authorOrganizationId).toBe(f[actor].organizationId);
      }
    });

    it('lets the author name another active member organisation as lead', async () => {
      const f = await fixture();
      const input = { workingGroupId: f.group.id, title: 'T', summary: 'S', body: 'B', kind: 'OTHER', leadOrganizationId: f.member.organizationId };
      const proposal = ok(await t.gql(CREATE, { input }, f.author.token)).createProposal;
      expect(proposal.leadOrganization.id).toBe(f.member.organizationId);
      expect(await stored(proposal.id)).toMatchObject({ leadOrganizationId: f.member.organizationId, authorOrganizationId: f.author.organizationId });
    });

    it('refuses a lead organisation that is not an active member of the group', async () => {
      const f = await fixture();
      const ended = await makePerson(t);
      await seat(t, f.group.id, ended, 'MEMBER');
      await t.dataSource.query(`UPDATE working_group_memberships SET status = 'ENDED', ended_at = now() WHERE organization_id = $1`, [ended.organizationId]);
      for (const leadOrganizationId of [f.outsider.organizationId, ended.organizationId, randomUUID()]) {
        const input = { workingGroupId: f.group.id, title: 'T', summary: 'S', body: 'B', kind: 'OTHER', leadOrganizationId };
        expect(refusal(await t.gql(CREATE, { input }, f.author.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'leadOrganizationId' });
      }
      // An admin whose organisation is no member must name a lead.
      const input = { workingGroupId: f.group.id, title: 'T', summary: 'S', body: 'B', kind: 'OTHER' };
      expect(refusal(await t.gql(CREATE, { input }, admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'leadOrganizationId' });
      expect(await createdIn(f.group.id)).toEqual({ proposals: 0, trail: 0, outboxJobs: 0 });
    });

    it('refuses priorities of another group and unknown ones, storing nothing', async () => {
      const f = await fixture();
      const other = await makeGroup(t);
      const foreign = await makePriority(t, other.id, admin);
      const own = await makePriority(t, f.group.id, f.chair);
      for (const priorityIds of [[foreign.id], [own.id, foreign.id], [randomUUID()]]) {
        const input = { workingGroupId: f.group.id, title: 'T', summary: 'S', body: 'B', kind: 'OTHER', priorityIds };
        expect(refusal(await t.gql(CREATE, { input }, f.author.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'priorityIds' });
      }
      expect(await createdIn(f.group.id)).toEqual({ proposals: 0, trail: 0, outboxJobs: 0 });
    });

    it('refuses an unknown group and a closed one', async () => {
      const f = await fixture();
      const input = { workingGroupId: randomUUID(), title: 'T', summary: 'S', body: 'B', kind: 'OTHER' };
      expect(refusal(await t.gql(CREATE, { input }, f.author.token)).code).toBe('NOT_FOUND');
      await t.dataSource.query(`UPDATE working_groups SET status = 'CLOSED' WHERE id = $1`, [f.group.id]);
      const closed = { ...input, workingGroupId: f.group.id };
      expect(refusal(await t.gql(CREATE, { input: closed }, f.author.token)).code).toBe('CONFLICT');
      expect(await createdIn(f.group.id)).toEqual({ proposals: 0, trail: 0, outboxJobs: 0 });
    });
  });

  describe('createProposal under load (drafts written together, decision 59)', () => {
    /**
     * Sends `blockers`, holds every draft statement back (a SHARE lock on the proposals' table) until both
     * of the batcher's lanes wait on it with theirs, then sends `together`, which queue behind the lanes and
     * go in one statement once the lock is released. Answers both lists' responses, in their order.
     */
    async function sendTogether(blockers: () => Promise<GqlResponse>[], together: () => Promise<GqlResponse>[]) {
      const locker = t.dataSource.createQueryRunner();
      await locker.connect();
      await locker.startTransaction();
      let pending: { blocked: Promise<GqlResponse>[]; sent: Promise<GqlResponse>[] };
      try {
        await locker.query('LOCK TABLE cooperation_proposals IN SHARE MODE');
        const blocked = blockers();
        await lanesBlocked();
        const sent = together();
        // Time for those requests to reach the batcher (they need no statement that waits).
        await new Promise((resolve) => setTimeout(resolve, 500));
        pending = { blocked, sent };
      } finally {
        await locker.rollbackTransaction();
        await locker.release();
      }
      return { blockers: await Promise.all(pending.blocked), together: await Promise.all(pending.sent) };
    }

    async function lanesBlocked() {
      for (let tries = 0; tries < 200; tries++) {
        const [{ n }] = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (n === 2) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error('the two draft lanes never waited on the lock');
    }

    /** Transactions that wrote these proposals: drafts written in one statement share one. */
    async function writingTransactions(ids: string[]): Promise<number> {
      const [{ n }] = await t.dataSource.query(`SELECT count(DISTINCT xmin::text)::int AS n FROM cooperation_proposals WHERE id = ANY($1::uuid[])`, [ids]);
      return n;
    }

    it('checks each of the drafts sent together on its own: refused ones store nothing, the others everything', async () => {
      const f = await fixture();
      const own = await makePriority(t, f.group.id, f.chair);
      const foreign = await makePriority(t, (await makeGroup(t)).id, admin);
      const draft = (title: string, extra: Record<string, unknown> = {}) => ({ workingGroupId: f.group.id, title, summary: 'S', body: 'B', kind: 'OTHER', ...extra });
      const answers = await sendTogether(
        () => [t.gql(CREATE, { input: draft('blocker 1') }, f.author.token), t.gql(CREATE, { input: draft('blocker 2') }, f.member.token)],
        () => [
          t.gql(CREATE, { input: draft('valid 1') }, f.author.token),
          t.gql(CREATE, { input: draft('valid 2', { priorityIds: [own.id] }) }, f.member.token),
          t.gql(CREATE, { input: draft('lead not a member', { leadOrganizationId: f.outsider.organizationId }) }, f.author.token),
          t.gql(CREATE, { input: draft('valid 3', { leadOrganizationId: f.member.organizationId }) }, f.chair.token),
          t.gql(CREATE, { input: draft('observer') }, f.observer.token),
          t.gql(CREATE, { input: draft('foreign priority', { priorityIds: [own.id, foreign.id] }) }, f.author.token),
          t.gql(CREATE, { input: { ...draft('unknown group'), workingGroupId: randomUUID() } }, f.author.token),
          t.gql(CREATE, { input: draft('valid 4', { priorityIds: [own.id] }) }, f.secretary.token),
        ],
      );
      const [valid1, valid2, leadNotMember, valid3, observer, foreignPriority, unknownGroup, valid4] = answers.together;
      const created = [...answers.blockers, valid1, valid2, valid3, valid4].map((r) => ok(r).createProposal);
      expect(refusal(leadNotMember)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'leadOrganizationId' });
      expect(refusal(observer).code).toBe('FORBIDDEN');
      expect(refusal(foreignPriority)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'priorityIds' });
      expect(refusal(unknownGroup).code).toBe('NOT_FOUND');
      expect(created.map((p) => p.title)).toEqual(['blocker 1', 'blocker 2', 'valid 1', 'valid 2', 'valid 3', 'valid 4']);
      expect(created.map((p) => p.history.map((e: { type: string; actor: { id: string } }) => [e.type, e.actor.id]))).toEqual(
        // 'valid 3' names another organisation as lead, which is asked in the same statement (LEAD_INVITED).
        [f.author, f.member, f.author, f.member, f.chair, f.secretary].map((actor, i) => [['CREATED', actor.id], ...(i === 4 ? [['LEAD_INVITED', actor.id]] : [])]),
      );
      expect(created[4].leadConsent).toBe('INVITED');
      const [{ n: leadInvitations }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM proposal_events e JOIN cooperation_proposals p ON p.id = e.proposal_id WHERE p.working_group_id = $1 AND e.type = 'LEAD_INVITED'`,
        [f.group.id],
      );
      expect(leadInvitations).toBe(1);
      expect(created.map((p) => p.priorities.map((pr: { id: string }) => pr.id))).toEqual([[], [], [], [own.id], [], [own.id]]);
      expect(created[4].leadOrganization.id).toBe(f.member.organizationId);
      expect(await createdIn(f.group.id)).toEqual({ proposals: 6, trail: 6, outboxJobs: 0 });
      // The four valid drafts that queued behind the lanes were written by fewer statements than drafts.
      expect(await writingTransactions(created.slice(2).map((p) => p.id))).toBeLessThan(4);
    });

    it('carries each written draft\'s event writes in the statement, gated on that draft alone', async () => {
      const f = await fixture();
      const queue = t.app.get(QueueService);
      await queue.createQueue('drafts-written');
      // An outbox write for drafts, as a notification rule about them would add.
      const stop = t.app.get(DomainEvents).onEventWrite((event, offset, gate) =>
        event.type === 'PROPOSAL_CREATED' ? queue.jobWrite('drafts-written', { proposalId: event.proposalId }, offset, gate) : null,
      );
      try {
        const draft = (extra: Record<string, unknown> = {}) => ({ workingGroupId: f.group.id, title: 'T', summary: 'S', body: 'B', kind: 'OTHER', ...extra });
        const answers = await sendTogether(
          () => [t.gql(CREATE, { input: draft() }, f.author.token), t.gql(CREATE, { input: draft() }, f.author.token)],
          () => [
            t.gql(CREATE, { input: draft() }, f.member.token),
            t.gql(CREATE, { input: draft() }, f.observer.token),
            t.gql(CREATE, { input: draft({ leadOrganizationId: f.outsider.organizationId }) }, f.author.token),
            t.gql(CREATE, { input: draft() }, f.chair.token),
          ],
        );
        const [member, observer, outsiderLead, chair] = answers.together;
        expect([refusal(observer).code, refusal(outsiderLead).code]).toEqual(['FORBIDDEN', 'BAD_USER_INPUT']);
        const created = [...answers.blockers, member, chair].map((r) => ok(r).createProposal.id as string);
        const jobs: { proposalId: string }[] = await t.dataSource.query(`SELECT data->>'proposalId' AS "proposalId" FROM pgboss.job WHERE name = 'drafts-written'`);
        expect(jobs.map((j) => j.proposalId).sort()).toEqual([...created].sort());
        expect(await writingTransactions(created.slice(2))).toBe(1);
      } finally {
        stop();
      }
    });

    it('writes a draft while a change to the group\'s seats holds the group', async () => {
      const f = await fixture();
      const seatChange = t.dataSource.createQueryRunner();
      await seatChange.connect();
      await seatChange.startTransaction();
      try {
        await t.app.get(SeatsService).lockGroup(seatChange.manager, f.group.id);
        const input = { workingGroupId: f.group.id, title: 'During a seat change', summary: 'S', body: 'B', kind: 'OTHER' };
        const answer = await Promise.race([
          t.gql(CREATE, { input }, f.author.token),
          new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 5000)),
        ]);
        expect(answer === 'waited' ? answer : ok(answer).createProposal.title).toBe(input.title);
      } finally {
        await seatChange.rollbackTransaction();
        await seatChange.release();
      }
    });

    it('writes again one by one the drafts of a statement that failed, so only the bad one fails', async () => {
      const f = await fixture();
      // A constraint no check foresees, as a trigger that refuses one title.
      await t.dataSource.query(`CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.title = 'poison' THEN RAISE EXCEPTION 'poisoned draft'; END IF; RETURN NEW; END $$`);
      await t.dataSource.query(`CREATE TRIGGER refuse_poison BEFORE INSERT ON cooperation_proposals FOR EACH ROW EXECUTE FUNCTION refuse_poison()`);
      try {
        const draft = (title: string) => ({ workingGroupId: f.group.id, title, summary: 'S', body: 'B', kind: 'OTHER' });
        const answers = await sendTogether(
          () => [t.gql(CREATE, { input: draft('blocker 1') }, f.author.token), t.gql(CREATE, { input: draft('blocker 2') }, f.author.token)],
          () => ['good 1', 'poison', 'good 2', 'good 3'].map((title) => t.gql(CREATE, { input: draft(title) }, f.author.token)),
        );
        const [good1, poison, good2, good3] = answers.together;
        answers.blockers.forEach((r) => ok(r));
        expect(refusal(poison).code).toBe('INTERNAL_SERVER_ERROR');
        expect([good1, good2, good3].map((r) => ok(r).createProposal.title)).toEqual(['good 1', 'good 2', 'good 3']);
        expect(await createdIn(f.group.id)).toEqual({ proposals: 5, trail: 5, outboxJobs: 0 });
      } finally {
        await t.dataSource.query(`DROP TRIGGER refuse_poison ON cooperation_proposals; DROP FUNCTION refuse_poison()`);
      }
    });
  });

  describe('updateProposal', () => {
    it('applies the changes, bumps the version, replaces priorities and appends UPDATED', async () => {
      const f = await fixture();
      const first = await makePriority(t, f.group.id, f.chair);
      const second = await makePriority(t, null, admin);
      const id = await makeProposal(t, f.author, f.group.id, { priorityIds: [first.id] });
      const input = { title: 'Synthetic corner cases', body: 'New body', kind: 'SYNTHETIC_DATA', confidentiality: 'PUBLIC', priorityIds: [second.id] };
      const updated = ok(await t.gql(UPDATE, { id, v: 1, input }, f.author.token)).updateProposal;
      const { priorityIds: _, ...fields } = input;
      expect(updated).toMatchObject({ ...fields, priorities: [{ id: second.id }], summary: 'Summary', version: 2, state: 'DRAFT' });
      expect(await stored(id)).toMatchObject({ title: input.title, body: 'New body', summary: 'Summary', kind: 'SYNTHETIC_DATA', confidentiality: 'PUBLIC', version: 2 });
      const history = await events(id);
      expect(history.map((e) => e.type)).toEqual(['CREATED', 'UPDATED']);
      expect(history[1]).toMatchObject({ actorId: f.author.id, note: expect.stringContaining('title') });
      const again = ok(await t.gql(UPDATE, { id, v: 2, input: { summary: 'Shorter' } }, f.author.token)).updateProposal;
      expect(again).toMatchObject({ version: 3, summary: 'Shorter', title: input.title, priorities: [{ id: second.id }] });
      expect((await events(id)).map((e) => e.type)).toEqual(['CREATED', 'UPDATED', 'UPDATED']);
    });

    const UPDATE_MATRIX: [Role, Outcome][] = [
      ['admin', 'ok'],
      ['author', 'ok'],
      ['colleague', 'ok'],
      ['chair', 'FORBIDDEN'],
      ['coChair', 'FORBIDDEN'],
      ['secretary', 'FORBIDDEN'],
      ['member', 'FORBIDDEN'],
      ['observer', 'FORBIDDEN'],
      ['outsider', 'NOT_FOUND'],
      ['anonymous', 'UNAUTHENTICATED'],
    ];
    it.each(UPDATE_MATRIX)('on a SUBMITTED proposal: %s → %s', async (role, outcome) => {
      const f = await fixture();
      const id = await proposalIn(f, 'SUBMITTED');
      const before = await snapshot(id);
      const response = await t.gql(UPDATE, { id, v: 2, input: { title: 'Changed' } }, f.token(role));
      expectOutcome(response, outcome);
      if (outcome === 'ok') {
        expect(await stored(id)).toMatchObject({ title: 'Changed', version: 3, state: 'SUBMITTED' });
      } else {
        expect(await snapshot(id)).toEqual(before);
      }
    });

    it.each(['chair', 'member', 'observer'] as const)('hides a DRAFT from the %s (NOT_FOUND)', async (role) => {
      const f = await fixture();
      const id = await proposalIn(f, 'DRAFT');
      expect(refusal(await t.gql(UPDATE, { id, v: 1, input: { title: 'Changed' } }, f[role].token)).code).toBe('NOT_FOUND');
      expect((await stored(id)).version).toBe(1);
    });

    it.each(['UNDER_REVIEW', 'APPROVED', 'REJECTED', 'IN_PROGRESS', 'COMPLETED', 'WITHDRAWN'] as const)('refuses edits in %s (CONFLICT NOT_EDITABLE)', async (state) => {
      const f = await fixture();
      const id = await proposalIn(f, state);
      const before = await snapshot(id);
      const response = await t.gql(UPDATE, { id, v: before.proposal.version, input: { title: 'Changed' } }, f.author.token);
      expect(refusal(response)).toMatchObject({ code: 'CONFLICT', reason: 'NOT_EDITABLE' });
      expect(await snapshot(id)).toEqual(before);
    });

    it('refuses a stale expectedVersion (CONFLICT STALE_VERSION) and keeps the stored fields', async () => {
      const f = await fixture();
      const id = await proposalIn(f, 'DRAFT');
      ok(await t.gql(UPDATE, { id, v: 1, input: { title: 'First' } }, f.author.token));
      const before = await snapshot(id);
      const response = await t.gql(UPDATE, { id, v: 1, input: { title: 'Second' } }, f.colleague.token);
      expect(refusal(response)).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
      expect(await snapshot(id)).toEqual(before);
      expect(before.proposal).toMatchObject({ title: 'First', version: 2 });
      expect(refusal(await t.gql(UPDATE, { id, v: 3, input: { title: 'Future' } }, f.author.token))).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    });

    it('lets exactly one of two parallel edits with the same expectedVersion win', async () => {
      const f = await fixture();
      for (let round = 0; round < 5; round += 1) {
        const id = await proposalIn(f, 'DRAFT');
        const titles = ['Edit by the author', 'Edit by the colleague'];
        const responses = await Promise.all([
          t.gql(UPDATE, { id, v: 1, input: { title: titles[0], summary: 'author' } }, f.author.token),
          t.gql(UPDATE, { id, v: 1, input: { title: titles[1], summary: 'colleague' } }, f.colleague.token),
        ]);
        const winners = responses.filter((r) => !r.errors);
        const losers = responses.filter((r) => r.errors);
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(1);
        expect(refusal(losers[0])).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
        const winner = winners[0].data!.updateProposal;
        expect(await stored(id)).toMatchObject({ title: winner.title, summary: winner.summary, version: 2 });
        expect((await events(id)).filter((e) => e.type === 'UPDATED')).toHaveLength(1);
      }
    });

    it('refuses null for a required field', async () => {
      const f = await fixture();
      const id = await proposalIn(f, 'DRAFT');
      expect(refusal(await t.gql(UPDATE, { id, v: 1, input: { title: null } }, f.author.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
      expect((await stored(id)).version).toBe(1);
    });
  });

  describe('changeProposalState', () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await fixture();
    });

    it.each(ALL_PAIRS)('%s → %s (legal: %s), by an admin', async (from, to, legal) => {
      const id = await proposalIn(f, from);
      const before = await snapshot(id);
      const response = await t.gql(CHANGE, { id, state: to, note: 'Reason' }, admin.token);
      if (legal) {
        const changed = ok(response).changeProposalState;
        expect(changed).toMatchObject({ state: to, version: before.proposal.version + 1 });
        expect(await stored(id)).toMatchObject({ state: to, version: before.proposal.version + 1 });
        expect((await events(id)).at(-1)).toEqual({ type: 'STATE_CHANGED', fromState: from, toState: to, note: 'Reason', actorId: admin.id });
      } else {
        expect(refusal(response)).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
        expect(await snapshot(id)).toEqual(before);
      }
    });

    /** Who may make each legal move on a WORKING_GROUP proposal (a draft is seen by its author's organisation only). */
    function expected(from: State, to: State, role: Role): Outcome {
      if (role === 'anonymous') return 'UNAUTHENTICATED';
      if (role === 'admin') return 'ok';
      if (from === 'DRAFT') return role === 'author' || role === 'colleague' ? 'ok' : 'NOT_FOUND';
      if (role === 'outsider') return 'NOT_FOUND';
      const authorMove = to === 'SUBMITTED' || to === 'WITHDRAWN';
      const authorOrganization = role === 'author' || role === 'colleague';
      const manager = role === 'chair' || role === 'coChair' || role === 'secretary';
      return (authorMove ? authorOrganization : manager) ? 'ok' : 'FORBIDDEN';
    }
    const MOVE_MATRIX = LEGAL_MOVES.flatMap(([from, to]) => ROLES.map((role) => [from, to, role, expected(from, to, role)] as const));

    it.each(MOVE_MATRIX)('%s → %s by the %s: %s', async (from, to, role, outcome) => {
      const id = await proposalIn(f, from);
      const before = await snapshot(id);
      const response = await t.gql(CHANGE, { id, state: to, note: to === 'REJECTED' ? 'Out of scope' : null }, f.token(role));
      expectOutcome(response, outcome);
      if (outcome === 'ok') {
        expect(response.data.changeProposalState.state).toBe(to);
        expect((await stored(id)).state).toBe(to);
        expect((await events(id)).at(-1)).toMatchObject({ type: 'STATE_CHANGED', fromState: from, toState: to, actorId: f[role as Exclude<Role, 'anonymous'>].id });
      } else {
        expect(await snapshot(id)).toEqual(before);
      }
    });

    /** An impossible move, asked by someone who may read the proposal but could not make that move anyway. */
    const ILLEGAL_BY_READERS: [State, State, Role, 'CONFLICT' | 'NOT_FOUND'][] = [
      ['SUBMITTED', 'DRAFT', 'author', 'CONFLICT'],
      ['SUBMITTED', 'DRAFT', 'colleague', 'CONFLICT'],
      ['UNDER_REVIEW', 'SUBMITTED', 'author', 'CONFLICT'],
      ['SUBMITTED', 'APPROVED', 'author', 'CONFLICT'],
      ['SUBMITTED', 'APPROVED', 'member', 'CONFLICT'],
      ['APPROVED', 'WITHDRAWN', 'observer', 'CONFLICT'],
      ['REJECTED', 'UNDER_REVIEW', 'member', 'CONFLICT'],
      // Who cannot read it learns nothing, not even that the move is impossible.
      ['SUBMITTED', 'DRAFT', 'outsider', 'NOT_FOUND'],
      ['DRAFT', 'APPROVED', 'member', 'NOT_FOUND'],
    ];
    it.each(ILLEGAL_BY_READERS)('%s → %s by the %s: %s (the move before the role)', async (from, to, role, code) => {
      const id = await proposalIn(f, from);
      const before = await snapshot(id);
      const answer = refusal(await t.gql(CHANGE, { id, state: to, note: 'Reason' }, f.token(role)));
      expect(answer).toMatchObject(code === 'CONFLICT' ? { code, reason: 'ILLEGAL_TRANSITION' } : { code });
      expect(await snapshot(id)).toEqual(before);
    });

    it('refuses a chair of another group on a PUBLIC proposal it can read (FORBIDDEN)', async () => {
      const other = await makeGroup(t);
      const otherChair = await makePerson(t);
      await seat(t, other.id, otherChair, 'CHAIR');
      const id = await proposalIn(f, 'SUBMITTED', { confidentiality: 'PUBLIC' });
      expect(ok(await t.gql(PROPOSAL, { id }, otherChair.token)).proposal.id).toBe(id);
      expect(refusal(await t.gql(CHANGE, { id, state: 'UNDER_REVIEW' }, otherChair.token)).code).toBe('FORBIDDEN');
      expect((await stored(id)).state).toBe('SUBMITTED');
    });

    it('requires a note to reject, and records it', async () => {
      const id = await proposalIn(f, 'UNDER_REVIEW');
      const before = await snapshot(id);
      for (const note of [null, '', '   ']) {
        expect(refusal(await t.gql(CHANGE, { id, state: 'REJECTED', note }, f.chair.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
      }
      expect(await snapshot(id)).toEqual(before);
      const rejected = ok(await t.gql(CHANGE, { id, state: 'REJECTED', note: '  Duplicates an existing pool  ' }, f.chair.token)).changeProposalState;
      expect(rejected.state).toBe('REJECTED');
      expect(rejected.decidedAt).not.toBeNull();
      expect(rejected.history.at(-1)).toMatchObject({ type: 'STATE_CHANGED', fromState: 'UNDER_REVIEW', toState: 'REJECTED', note: 'Duplicates an existing pool', actor: { id: f.chair.id } });
    });

    it('stamps submittedAt on submission and decidedAt on the decision, and keeps a full trail', async () => {
      const id = await proposalIn(f, 'DRAFT');
      const startedAt = Date.now();
      const submitted = ok(await t.gql(CHANGE, { id, state: 'SUBMITTED' }, f.author.token)).changeProposalState;
      expect(Date.parse(submitted.submittedAt)).toBeGreaterThanOrEqual(startedAt - 1000);
      expect(submitted.decidedAt).toBeNull();
      ok(await t.gql(CHANGE, { id, state: 'UNDER_REVIEW', note: 'Looks promising' }, f.secretary.token));
      const approved = ok(await t.gql(CHANGE, { id, state: 'APPROVED' }, f.coChair.token)).changeProposalState;
      expect(approved.submittedAt).toBe(submitted.submittedAt);
      expect(Date.parse(approved.decidedAt)).toBeGreaterThanOrEqual(Date.parse(submitted.submittedAt));
      const row = await stored(id);
      expect(row.submittedAt.toISOString()).toBe(submitted.submittedAt);
      expect(row.decidedAt.toISOString()).toBe(approved.decidedAt);
      expect(approved.history.map((e: any) => [e.type, e.fromState, e.toState, e.note, e.actor.id])).toEqual([
        ['CREATED', null, 'DRAFT', null, f.author.id],
        ['STATE_CHANGED', 'DRAFT', 'SUBMITTED', null, f.author.id],
        ['STATE_CHANGED', 'SUBMITTED', 'UNDER_REVIEW', 'Looks promising', f.secretary.id],
        ['STATE_CHANGED', 'UNDER_REVIEW', 'APPROVED', null, f.coChair.id],
      ]);
    });
  });

  describe('partners', () => {
    it('lets the lead organisation invite a partner, recording PARTNER_INVITED', async () => {
      const f = await fixture();
      const partner = await makePerson(t);
      const id = await proposalIn(f, 'SUBMITTED');
      const invited = ok(await t.gql(INVITE, { id, org: partner.organizationId, role: 'data provider' }, f.author.token)).invitePartner;
      expect(invited.partners).toEqual([{ organization: { id: partner.organizationId }, role: 'data provider', consent: 'INVITED', respondedAt: null }]);
      expect(invited.version).toBe(3);
      expect((await stored(id)).version).toBe(3);
      const [{ name }] = await t.dataSource.query(`SELECT name FROM organizations WHERE id = $1`, [partner.organizationId]);
      expect((await events(id)).at(-1)).toEqual({ type: 'PARTNER_INVITED', fromState: null, toState: null, note: name, actorId: f.author.id });
    });

    const INVITE_MATRIX: [Role, Outcome][] = [
      ['admin', 'ok'],
      ['author', 'ok'],
      ['colleague', 'ok'],
      ['chair', 'FORBIDDEN'],
      ['secretary', 'FORBIDDEN'],
      ['member', 'FORBIDDEN'],
      ['observer', 'FORBIDDEN'],
      ['outsider', 'NOT_FOUND'],
      ['anonymous', 'UNAUTHENTICATED'],
    ];
    it.each(INVITE_MATRIX)('invitation by the %s → %s', async (role, outcome) => {
      const f = await fixture();
      const partner = await makePerson(t);
      const id = await proposalIn(f, 'SUBMITTED');
      const before = await snapshot(id);
      expectOutcome(await t.gql(INVITE, { id, org: partner.organizationId }, f.token(role)), outcome);
      if (outcome === 'ok') expect(await count('proposal_partners', id)).toBe(1);
      else expect(await snapshot(id)).toEqual(before);
    });

    it('leaves invitations to the lead, not the author, when they differ', async () => {
      const f = await fixture();
      const partner = await makePerson(t);
      const id = await makeProposal(t, f.author, f.group.id, { leadOrganizationId: f.member.organizationId });
      await acceptLead(t, id, f.member);
      await moveProposal(t, id, 'SUBMITTED', { author: f.author, manager: f.chair });
      expect(refusal(await t.gql(INVITE, { id, org: partner.organizationId }, f.author.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_LEAD_ORGANIZATION' });
      ok(await t.gql(INVITE, { id, org: partner.organizationId }, f.member.token));
      expect(await count('proposal_partners', id)).toBe(1);
    });

    it('refuses the lead itself, a duplicate and an unknown organisation', async () => {
      const f = await fixture();
      const partner = await makePerson(t);
      const id = await proposalIn(f, 'SUBMITTED');
      expect(refusal(await t.gql(INVITE, { id, org: f.author.organizationId }, f.author.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
      ok(await t.gql(INVITE, { id, org: partner.organizationId }, f.author.token));
      const before = await snapshot(id);
      expect(refusal(await t.gql(INVITE, { id, org: partner.organizationId }, f.colleague.token))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_PARTNER' });
      expect(refusal(await t.gql(INVITE, { id, org: randomUUID() }, f.author.token)).code).toBe('NOT_FOUND');
      expect(await snapshot(id)).toEqual(before);
    });

    it.each(['REJECTED', 'COMPLETED', 'WITHDRAWN'] as const)('takes no partners once %s (CONFLICT)', async (state) => {
      const f = await fixture();
      const partner = await makePerson(t);
      const id = await proposalIn(f, state);
      const before = await snapshot(id);
      expect(refusal(await t.gql(INVITE, { id, org: partner.organizationId }, f.author.token))).toMatchObject({ code: 'CONFLICT', reason: 'PROPOSAL_CLOSED' });
      expect(await snapshot(id)).toEqual(before);
    });

    it('lets a person of the invited organisation consent or decline, recording PARTNER_RESPONDED', async () => {
      const f = await fixture();
      const partner = await makePerson(t);
      const partnerColleague = await makePerson(t, { organizationId: partner.organizationId });
      const id = await proposalIn(f, 'SUBMITTED', { confidentiality: 'PARTIES' });
      ok(await t.gql(INVITE, { id, org: partner.organizationId, role: 'compute' }, f.author.token));
      // Invited: the partner reads the PARTIES proposal without any seat.
      expect(ok(await t.gql(PROPOSAL, { id }, partner.token)).proposal.id).toBe(id);
      expect(refusal(await t.gql(RESPOND, { id, consent: 'INVITED' }, partner.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'consent' });
      const consented = ok(await t.gql(RESPOND, { id, consent: 'CONSENTED' }, partner.token)).respondToPartnerInvitation;
      expect(consented.partners).toEqual([{ organization: { id: partner.organizationId }, role: 'compute', consent: 'CONSENTED', respondedAt: expect.any(String) }]);
      expect((await events(id)).at(-1)).toMatchObject({ type: 'PARTNER_RESPONDED', note: 'CONSENTED', actorId: partner.id });
      const declined = ok(await t.gql(RESPOND, { id, consent: 'DECLINED' }, partnerColleague.token)).respondToPartnerInvitation;
      expect(declined.partners[0].consent).toBe('DECLINED');
      const [row] = await t.dataSource.query(`SELECT consent, responded_by_id AS "by" FROM proposal_partners WHERE proposal_id = $1`, [id]);
      expect(row).toEqual({ consent: 'DECLINED', by: partnerColleague.id });
      expect((await events(id)).filter((e) => e.type === 'PARTNER_RESPONDED').map((e) => e.note)).toEqual(['CONSENTED', 'DECLINED']);
      // Declined: no longer a party, so no longer a reader of a PARTIES proposal.
      expect(ok(await t.gql(PROPOSAL, { id }, partner.token)).proposal).toBeNull();
    });

    it('refuses an answer from an organisation that was not invited (FORBIDDEN)', async () => {
      const f = await fixture();
      const id = await proposalIn(f, 'SUBMITTED');
      const before = await snapshot(id);
      expect(refusal(await t.gql(RESPOND, { id, consent: 'CONSENTED' }, f.member.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_INVITED' });
      expect(refusal(await t.gql(RESPOND, { id, consent: 'CONSENTED' }, f.outsider.token)).code).toBe('NOT_FOUND');
      expect(await snapshot(id)).toEqual(before);
    });
  });

  describe('an organisation named as lead by another organisation (its consent)', () => {
    const RESPOND_LEAD = `mutation ($id: ID!, $consent: PartnerConsent!) {
      respondToLeadInvitation(proposalId: $id, consent: $consent) { ${PROPOSAL_FIELDS} leadConsent } }`;
    const LEAD = `query ($id: ID!) { proposal(id: $id) { id leadConsent leadOrganization { id } history { type note actor { id } } } }`;

    async function ledByMember(f: Fixture) {
      const input = { workingGroupId: f.group.id, title: 'Led by another', summary: 'S', body: 'B', kind: 'OTHER', leadOrganizationId: f.member.organizationId };
      const created = ok(await t.gql(`mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id leadConsent } }`, { input }, f.author.token)).createProposal;
      expect(created.leadConsent).toBe('INVITED');
      return created.id as string;
    }

    it('asks the named organisation, whose people read the draft; nobody else outside the author’s organisation does', async () => {
      const f = await fixture();
      const id = await ledByMember(f);
      const leadColleague = await makePerson(t, { organizationId: f.member.organizationId });
      for (const reader of [f.member, leadColleague, f.author, f.colleague]) {
        expect(ok(await t.gql(LEAD, { id }, reader.token)).proposal).toMatchObject({ id, leadConsent: 'INVITED', leadOrganization: { id: f.member.organizationId } });
      }
      for (const stranger of [f.chair, f.secretary, f.observer, f.outsider]) expect(ok(await t.gql(LEAD, { id }, stranger.token)).proposal).toBeNull();
      expect((await events(id)).map((e) => e.type)).toEqual(['CREATED', 'LEAD_INVITED']);
      // Its own organisation as lead needs no answer.
      const own = await makeProposal(t, f.author, f.group.id, { leadOrganizationId: f.author.organizationId });
      expect(ok(await t.gql(LEAD, { id: own }, f.author.token)).proposal.leadConsent).toBe('CONSENTED');
    });

    it('refuses submission until the lead consented (CONFLICT LEAD_NOT_CONSENTED), and the pending lead cannot invite partners', async () => {
      const f = await fixture();
      const partner = await makePerson(t);
      const id = await ledByMember(f);
      const before = await snapshot(id);
      for (const actor of [f.author, admin]) {
        expect(refusal(await t.gql(CHANGE, { id, state: 'SUBMITTED' }, actor.token))).toMatchObject({ code: 'CONFLICT', reason: 'LEAD_NOT_CONSENTED' });
      }
      expect(refusal(await t.gql(INVITE, { id, org: partner.organizationId }, f.member.token))).toMatchObject({ code: 'CONFLICT', reason: 'LEAD_NOT_CONSENTED' });
      expect(await snapshot(id)).toEqual(before);

      const accepted = ok(await t.gql(RESPOND_LEAD, { id, consent: 'CONSENTED' }, f.member.token)).respondToLeadInvitation;
      expect(accepted).toMatchObject({ leadConsent: 'CONSENTED', leadOrganization: { id: f.member.organizationId }, version: 2 });
      ok(await t.gql(INVITE, { id, org: partner.organizationId }, f.member.token));
      expect(ok(await t.gql(CHANGE, { id, state: 'SUBMITTED' }, f.author.token)).changeProposalState.state).toBe('SUBMITTED');
      // Settled once submitted.
      expect(refusal(await t.gql(RESPOND_LEAD, { id, consent: 'DECLINED' }, f.member.token))).toMatchObject({ code: 'CONFLICT', reason: 'NOT_A_DRAFT' });
      expect((await events(id)).map((e) => [e.type, e.note])).toEqual([
        ['CREATED', null],
        ['LEAD_INVITED', null],
        ['LEAD_RESPONDED', 'CONSENTED'],
        ['PARTNER_INVITED', expect.any(String)],
        ['STATE_CHANGED', null],
      ]);
    });

    it('hands the lead back to the author’s organisation when the named one declines, which then no longer reads the draft', async () => {
      const f = await fixture();
      const id = await ledByMember(f);
      const declined = ok(await t.gql(RESPOND_LEAD, { id, consent: 'DECLINED' }, f.member.token)).respondToLeadInvitation;
      expect(declined).toMatchObject({ leadConsent: 'CONSENTED', leadOrganization: { id: f.author.organizationId } });
      expect(await stored(id)).toMatchObject({ leadOrganizationId: f.author.organizationId, version: 2 });
      expect(ok(await t.gql(LEAD, { id }, f.member.token)).proposal).toBeNull();
      expect(ok(await t.gql(LEAD, { id }, f.author.token)).proposal.history.at(-1)).toEqual({ type: 'LEAD_RESPONDED', note: 'DECLINED', actor: { id: f.member.id } });
      expect(refusal(await t.gql(RESPOND_LEAD, { id, consent: 'CONSENTED' }, f.member.token)).code).toBe('NOT_FOUND');
      // The author's organisation now leads and may submit; the organisation that declined may support it.
      ok(await t.gql(CHANGE, { id, state: 'SUBMITTED' }, f.author.token));
      expect(ok(await t.gql(SUPPORT, { id }, f.member.token)).supportProposal.supportCount).toBe(1);
    });

    it('is answered only by a person of the named organisation; others who read the draft are FORBIDDEN', async () => {
      const f = await fixture();
      const id = await ledByMember(f);
      const before = await snapshot(id);
      for (const actor of [f.author, f.colleague, admin]) {
        expect(refusal(await t.gql(RESPOND_LEAD, { id, consent: 'CONSENTED' }, actor.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_INVITED' });
      }
      expect(refusal(await t.gql(RESPOND_LEAD, { id, consent: 'CONSENTED' }, f.chair.token)).code).toBe('NOT_FOUND');
      expect(refusal(await t.gql(RESPOND_LEAD, { id, consent: 'INVITED' }, f.member.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'consent' });
      expect(await snapshot(id)).toEqual(before);
    });
  });

  describe('supports', () => {
    const SUPPORT_MATRIX: [Role, Outcome | 'OWN_PROPOSAL'][] = [
      ['admin', 'ok'],
      ['chair', 'ok'],
      ['coChair', 'ok'],
      ['secretary', 'ok'],
      ['member', 'ok'],
      ['observer', 'FORBIDDEN'],
      ['author', 'OWN_PROPOSAL'],
      ['colleague', 'OWN_PROPOSAL'],
      ['outsider', 'NOT_FOUND'],
      ['anonymous', 'UNAUTHENTICATED'],
    ];
    it.each(SUPPORT_MATRIX)('support by the %s → %s', async (role, outcome) => {
      const f = await fixture();
      const id = await proposalIn(f, 'SUBMITTED');
      const before = await snapshot(id);
      const response = await t.gql(SUPPORT, { id }, f.token(role));
      if (outcome === 'ok') {
        const actor = f[role as Exclude<Role, 'anonymous'>];
        const supported = ok(response).supportProposal;
        expect(supported).toMatchObject({ supportCount: 1, viewerHasSupported: true, supporters: [{ id: actor.organizationId }] });
        expect((await stored(id)).supportCount).toBe(1);
        expect(await count('proposal_supports', id)).toBe(1);
        expect((await events(id)).at(-1)).toMatchObject({ type: 'SUPPORTED', actorId: actor.id });
      } else {
        expect(refusal(response)).toMatchObject(outcome === 'OWN_PROPOSAL' ? { code: 'FORBIDDEN', reason: 'OWN_PROPOSAL' } : { code: outcome });
        expect(await snapshot(id)).toEqual(before);
      }
    });

    it('refuses the lead organisation when it is not the author’s (OWN_PROPOSAL)', async () => {
      const f = await fixture();
      const id = await makeProposal(t, f.author, f.group.id, { leadOrganizationId: f.member.organizationId });
      await acceptLead(t, id, f.member);
      await moveProposal(t, id, 'SUBMITTED', { author: f.author, manager: f.chair });
      expect(refusal(await t.gql(SUPPORT, { id }, f.member.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_PROPOSAL' });
      expect(await count('proposal_supports', id)).toBe(0);
    });

    it('refuses a signed-in person without a seat in the group on a PUBLIC proposal', async () => {
      const f = await fixture();
      const id = await proposalIn(f, 'SUBMITTED', { confidentiality: 'PUBLIC' });
      expect(refusal(await t.gql(SUPPORT, { id }, f.outsider.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_GROUP_PARTICIPANT' });
      expect(await count('proposal_supports', id)).toBe(0);
    });

    it.each(STATES.map((s) => [s, ['SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'IN_PROGRESS'].includes(s)] as const))(
      'in %s supportable: %s',
      async (state, supportable) => {
        const f = await fixture();
        const id = await proposalIn(f, state);
        const before = await snapshot(id);
        // The admin reads drafts too, so the state decides.
        const response = await t.gql(SUPPORT, { id }, admin.token);
        if (supportable) {
          expect(ok(response).supportProposal.supportCount).toBe(1);
          expect((await stored(id)).supportCount).toBe(1);
        } else {
          expect(refusal(response)).toMatchObject({ code: 'CONFLICT', reason: 'NOT_SUPPORTABLE' });
          expect(await snapshot(id)).toEqual(before);
        }
      },
    );

    it('counts one support per organisation, is idempotent, and withdraws idempotently', async () => {
      const f = await fixture();
      const memberColleague = await makePerson(t, { organizationId: f.member.organizationId });
      await seat(t, f.group.id, memberColleague, 'MEMBER');
      const id = await proposalIn(f, 'UNDER_REVIEW');
      ok(await t.gql(SUPPORT, { id }, f.member.token));
      const twice = ok(await t.gql(SUPPORT, { id }, f.member.token)).supportProposal;
      const colleagueToo = ok(await t.gql(SUPPORT, { id }, memberColleague.token)).supportProposal;
      expect(twice.supportCount).toBe(1);
      expect(colleagueToo).toMatchObject({ supportCount: 1, viewerHasSupported: true, supporters: [{ id: f.member.organizationId }] });
      const withChair = ok(await t.gql(SUPPORT, { id }, f.chair.token)).supportProposal;
      expect(withChair.supportCount).toBe(2);
      expect(withChair.supporters.map((s: { id: string }) => s.id)).toEqual([f.member.organizationId, f.chair.organizationId]);
      expect(await count('proposal_supports', id)).toBe(2);
      expect((await events(id)).filter((e) => e.type === 'SUPPORTED')).toHaveLength(2);

      // The viewer's organisation decides viewerHasSupported.
      expect(ok(await t.gql(PROPOSAL, { id }, f.secretary.token)).proposal).toMatchObject({ supportCount: 2, viewerHasSupported: false });
      const withdrawn = ok(await t.gql(WITHDRAW_SUPPORT, { id }, memberColleague.token)).withdrawSupport;
      expect(withdrawn).toMatchObject({ supportCount: 1, viewerHasSupported: false, supporters: [{ id: f.chair.organizationId }] });
      const again = ok(await t.gql(WITHDRAW_SUPPORT, { id }, f.member.token)).withdrawSupport;
      expect(again.supportCount).toBe(1);
      const never = ok(await t.gql(WITHDRAW_SUPPORT, { id }, f.secretary.token)).withdrawSupport;
      expect(never.supportCount).toBe(1);
      expect((await stored(id)).supportCount).toBe(1);
      expect(await count('proposal_supports', id)).toBe(1);
      expect((await events(id)).filter((e) => e.type === 'SUPPORT_WITHDRAWN')).toHaveLength(1);
    });

    it('lets only those who may support withdraw a support: observers and people without a seat are FORBIDDEN', async () => {
      const f = await fixture();
      const id = await proposalIn(f, 'SUBMITTED', { confidentiality: 'PUBLIC' });
      // An observer of the supporting organisation, and a colleague of it without any seat.
      const observerColleague = await makePerson(t, { organizationId: f.member.organizationId });
      await seat(t, f.group.id, observerColleague, 'OBSERVER');
      const unseatedColleague = await makePerson(t, { organizationId: f.member.organizationId });
      ok(await t.gql(SUPPORT, { id }, f.member.token));
      const before = await snapshot(id);
      for (const actor of [observerColleague, unseatedColleague, f.observer, f.outsider]) {
        expect(ok(await t.gql(PROPOSAL, { id }, actor.token)).proposal.id).toBe(id);
        expect(refusal(await t.gql(WITHDRAW_SUPPORT, { id }, actor.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_GROUP_PARTICIPANT' });
      }
      expect(await snapshot(id)).toEqual(before);
      expect(ok(await t.gql(WITHDRAW_SUPPORT, { id }, f.member.token)).withdrawSupport.supportCount).toBe(0);
      expect((await events(id)).filter((e) => e.type === 'SUPPORT_WITHDRAWN').map((e) => e.actorId)).toEqual([f.member.id]);
    });

    it('freezes supports once the proposal is closed: withdrawing is CONFLICT NOT_SUPPORTABLE', async () => {
      const f = await fixture();
      const id = await proposalIn(f, 'UNDER_REVIEW');
      ok(await t.gql(SUPPORT, { id }, f.member.token));
      ok(await t.gql(CHANGE, { id, state: 'REJECTED', note: 'Out of scope' }, f.chair.token));
      const before = await snapshot(id);
      expect(refusal(await t.gql(WITHDRAW_SUPPORT, { id }, f.member.token))).toMatchObject({ code: 'CONFLICT', reason: 'NOT_SUPPORTABLE' });
      expect(await snapshot(id)).toEqual(before);
    });

    it('lets a partner that supported before it consented take its support back', async () => {
      const f = await fixture();
      const id = await proposalIn(f, 'SUBMITTED');
      ok(await t.gql(SUPPORT, { id }, f.member.token));
      ok(await t.gql(INVITE, { id, org: f.member.organizationId }, f.author.token));
      ok(await t.gql(RESPOND, { id, consent: 'CONSENTED' }, f.member.token));
      expect(ok(await t.gql(WITHDRAW_SUPPORT, { id }, f.member.token)).withdrawSupport.supportCount).toBe(0);
    });

    it('keeps one support per organisation under parallel requests', async () => {
      const f = await fixture();
      const id = await proposalIn(f, 'SUBMITTED');
      const orgA = [f.member, await makePerson(t, { organizationId: f.member.organizationId })];
      const orgB = [f.chair, await makePerson(t, { organizationId: f.chair.organizationId })];
      await seat(t, f.group.id, orgA[1], 'MEMBER');
      await seat(t, f.group.id, orgB[1], 'MEMBER');
      const people = [...orgA, ...orgB];
      const responses = await Promise.all([...people, ...people].map((p) => t.gql(SUPPORT, { id }, p.token)));
      for (const response of responses) ok(response);
      expect((await stored(id)).supportCount).toBe(2);
      const rows = await t.dataSource.query(`SELECT organization_id AS "organizationId" FROM proposal_supports WHERE proposal_id = $1 ORDER BY 1`, [id]);
      expect(rows.map((r: { organizationId: string }) => r.organizationId)).toEqual([f.member.organizationId, f.chair.organizationId].sort());
      expect((await events(id)).filter((e) => e.type === 'SUPPORTED')).toHaveLength(2);
      expect(ok(await t.gql(PROPOSAL, { id }, f.author.token)).proposal.supportCount).toBe(2);
    });
  });

  describe('comments', () => {
    const COMMENT_MATRIX: [Role, Outcome][] = [
      ['admin', 'ok'],
      ['chair', 'ok'],
      ['coChair', 'ok'],
      ['secretary', 'ok'],
      ['member', 'ok'],
      ['author', 'ok'],
      ['colleague', 'ok'],
      ['observer', 'FORBIDDEN'],
      ['outsider', 'NOT_FOUND'],
      ['anonymous', 'UNAUTHENTICATED'],
    ];
    it.each(COMMENT_MATRIX)('comment by the %s → %s', async (role, outcome) => {
      const f = await fixture();
      const id = await proposalIn(f, 'SUBMITTED');
      const before = await snapshot(id);
      const response = await t.gql(COMMENT, { id, body: 'Count us in' }, f.token(role));
      expectOutcome(response, outcome);
      if (outcome === 'ok') {
        const actor = f[role as Exclude<Role, 'anonymous'>];
        expect(response.data.addComment).toMatchObject({ body: 'Count us in', parentId: null, editedAt: null, author: { id: actor.id } });
        expect(await count('proposal_comments', id)).toBe(1);
        expect((await events(id)).at(-1)).toMatchObject({ type: 'COMMENTED', actorId: actor.id });
      } else {
        expect(await snapshot(id)).toEqual(before);
      }
    });

    it('lets a partner without a seat comment, but not a signed-in stranger on a PUBLIC proposal', async () => {
      const f = await fixture();
      const partner = await makePerson(t);
      const id = await proposalIn(f, 'SUBMITTED', { confidentiality: 'PUBLIC' });
      ok(await t.gql(INVITE, { id, org: partner.organizationId }, f.author.token));
      ok(await t.gql(COMMENT, { id, body: 'We can host the pool' }, partner.token));
      expect(refusal(await t.gql(COMMENT, { id, body: 'Me too' }, f.outsider.token))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await count('proposal_comments', id)).toBe(1);
    });

    it('threads replies within the same proposal only, oldest first', async () => {
      const f = await fixture();
      const id = await proposalIn(f, 'SUBMITTED');
      const other = await proposalIn(f, 'SUBMITTED');
      const root = ok(await t.gql(COMMENT, { id, body: 'First' }, f.member.token)).addComment;
      const reply = ok(await t.gql(COMMENT, { id, body: 'Second', parentId: root.id }, f.author.token)).addComment;
      expect(reply.parentId).toBe(root.id);
      const elsewhere = ok(await t.gql(COMMENT, { id: other, body: 'Elsewhere' }, f.member.token)).addComment;
      for (const parentId of [elsewhere.id, randomUUID()]) {
        expect(refusal(await t.gql(COMMENT, { id, body: 'Bad', parentId }, f.member.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
      }
      ok(await t.gql(COMMENT, { id, body: 'Third' }, f.chair.token));
      expect(await count('proposal_comments', id)).toBe(3);

      const page1 = ok(await t.gql(COMMENTS, { id, first: 2 }, f.observer.token)).proposal.comments;
      expect(page1.totalCount).toBe(3);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = ok(await t.gql(COMMENTS, { id, first: 2, after: page1.pageInfo.endCursor }, f.observer.token)).proposal.comments;
      expect(page2.pageInfo.hasNextPage).toBe(false);
      const bodies = [...page1.edges, ...page2.edges].map((e: any) => e.node.body);
      expect(bodies).toEqual(['First', 'Second', 'Third']);
      expect((await events(id)).filter((e) => e.type === 'COMMENTED')).toHaveLength(3);
    });
  });

  describe('answers and races', () => {
    it('answers every mutation with the proposal as stored (version, updatedAt, state, supportCount)', async () => {
      const f = await fixture();
      const partner = await makePerson(t);
      const id = await proposalIn(f, 'DRAFT');
      const steps: [string, Record<string, unknown>, Actor][] = [
        [UPDATE, { id, v: 1, input: { title: 'Edited' } }, f.author],
        [CHANGE, { id, state: 'SUBMITTED' }, f.author],
        [INVITE, { id, org: partner.organizationId }, f.author],
        [RESPOND, { id, consent: 'CONSENTED' }, partner],
        [SUPPORT, { id }, f.member],
        [WITHDRAW_SUPPORT, { id }, f.member],
        [CHANGE, { id, state: 'UNDER_REVIEW' }, f.chair],
      ];
      for (const [query, variables, actor] of steps) {
        const answer: any = Object.values(ok(await t.gql(query, variables, actor.token)))[0];
        const [row] = await t.dataSource.query(`SELECT version, updated_at, state, support_count FROM cooperation_proposals WHERE id = $1`, [id]);
        expect(answer).toMatchObject({ version: row.version, updatedAt: row.updated_at.toISOString(), state: row.state, supportCount: row.support_count });
      }
      expect((await stored(id)).version).toBe(6);
    });

    it('decides a race between approving and rejecting once', async () => {
      const f = await fixture();
      for (let round = 0; round < 3; round += 1) {
        const id = await proposalIn(f, 'UNDER_REVIEW');
        const responses = await Promise.all([
          t.gql(CHANGE, { id, state: 'APPROVED' }, f.chair.token),
          t.gql(CHANGE, { id, state: 'REJECTED', note: 'No budget' }, f.coChair.token),
        ]);
        const winners = responses.filter((r) => !r.errors);
        expect(winners).toHaveLength(1);
        expect(refusal(responses.find((r) => r.errors)!)).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
        expect((await stored(id)).state).toBe(winners[0].data!.changeProposalState.state);
        expect((await events(id)).filter((e) => e.fromState === 'UNDER_REVIEW')).toHaveLength(1);
      }
    });

    it('invites an organisation once under parallel requests', async () => {
      const f = await fixture();
      const partner = await makePerson(t);
      const id = await proposalIn(f, 'SUBMITTED');
      const responses = await Promise.all([f.author, f.colleague, f.author].map((a) => t.gql(INVITE, { id, org: partner.organizationId }, a.token)));
      expect(responses.filter((r) => !r.errors)).toHaveLength(1);
      for (const r of responses.filter((r) => r.errors)) expect(refusal(r)).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_PARTNER' });
      expect(await count('proposal_partners', id)).toBe(1);
      expect((await stored(id)).version).toBe(3);
      expect((await events(id)).filter((e) => e.type === 'PARTNER_INVITED')).toHaveLength(1);
    });

    it('rolls back an edit whose priorities are refused, keeping the old links', async () => {
      const f = await fixture();
      const own = await makePriority(t, f.group.id, f.chair);
      const foreign = await makePriority(t, (await makeGroup(t)).id, admin);
      const id = await makeProposal(t, f.author, f.group.id, { priorityIds: [own.id] });
      const before = await snapshot(id);
      const response = await t.gql(UPDATE, { id, v: 1, input: { title: 'Changed', priorityIds: [foreign.id] } }, f.author.token);
      expect(refusal(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'priorityIds' });
      expect(await snapshot(id)).toEqual(before);
      expect(ok(await t.gql(PROPOSAL, { id }, f.author.token)).proposal.priorities).toEqual([{ id: own.id }]);
    });
  });

  describe('history', () => {
    it('records every kind of change, oldest first, and the database refuses to edit or delete it', async () => {
      const f = await fixture();
      const partner = await makePerson(t);
      const id = await proposalIn(f, 'DRAFT');
      ok(await t.gql(UPDATE, { id, v: 1, input: { title: 'Edited' } }, f.author.token));
      ok(await t.gql(CHANGE, { id, state: 'SUBMITTED' }, f.author.token));
      ok(await t.gql(INVITE, { id, org: partner.organizationId }, f.author.token));
      ok(await t.gql(RESPOND, { id, consent: 'CONSENTED' }, partner.token));
      ok(await t.gql(SUPPORT, { id }, f.member.token));
      ok(await t.gql(WITHDRAW_SUPPORT, { id }, f.member.token));
      ok(await t.gql(COMMENT, { id, body: 'Hello' }, f.chair.token));
      const history = ok(await t.gql(PROPOSAL, { id }, f.author.token)).proposal.history;
      expect(history.map((e: any) => [e.type, e.actor.id])).toEqual([
        ['CREATED', f.author.id],
        ['UPDATED', f.author.id],
        ['STATE_CHANGED', f.author.id],
        ['PARTNER_INVITED', f.author.id],
        ['PARTNER_RESPONDED', partner.id],
        ['SUPPORTED', f.member.id],
        ['SUPPORT_WITHDRAWN', f.member.id],
        ['COMMENTED', f.chair.id],
      ]);

      const read = () => t.dataSource.query(`SELECT * FROM proposal_events WHERE proposal_id = $1 ORDER BY at, id`, [id]);
      const before = await read();
      await expect(t.dataSource.query(`UPDATE proposal_events SET note = 'forged' WHERE proposal_id = $1`, [id])).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query(`UPDATE proposal_events SET actor_id = NULL WHERE id = $1`, [before[0].id])).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query(`DELETE FROM proposal_events WHERE proposal_id = $1`, [id])).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query(`DELETE FROM proposal_events WHERE id = $1`, [before[0].id])).rejects.toThrow(/append-only/);
      expect(await read()).toEqual(before);
      expect(before).toHaveLength(8);
    });
  });

  describe('rules refined after review', () => {
    it('keeps a draft withdrawn before submission private to the author\'s organisation', async () => {
      const f = await fixture();
      const id = await proposalIn(f, 'DRAFT', { confidentiality: 'PUBLIC' });
      ok(await t.gql(CHANGE, { id, state: 'WITHDRAWN' }, f.author.token));
      expect(ok(await t.gql(PROPOSAL, { id }, f.member.token)).proposal).toBeNull();
      expect(ok(await t.gql(PROPOSAL, { id }, f.outsider.token)).proposal).toBeNull();
      expect(ok(await t.gql(PROPOSAL, { id }, f.colleague.token)).proposal.state).toBe('WITHDRAWN');
      // Once submitted, a withdrawal leaves it readable by its confidentiality.
      const submitted = await proposalIn(f, 'SUBMITTED', { confidentiality: 'PUBLIC' });
      ok(await t.gql(CHANGE, { id: submitted, state: 'WITHDRAWN' }, f.author.token));
      expect(ok(await t.gql(PROPOSAL, { id: submitted }, f.outsider.token)).proposal.state).toBe('WITHDRAWN');
    });

    it('lets a secretary read and review a PARTIES proposal', async () => {
      const f = await fixture();
      const id = await proposalIn(f, 'SUBMITTED', { confidentiality: 'PARTIES' });
      expect(ok(await t.gql(PROPOSAL, { id }, f.secretary.token)).proposal.id).toBe(id);
      expect(ok(await t.gql(CHANGE, { id, state: 'UNDER_REVIEW' }, f.secretary.token)).changeProposalState.state).toBe('UNDER_REVIEW');
      expect(ok(await t.gql(PROPOSAL, { id }, f.member.token)).proposal).toBeNull();
    });

    it('refuses support from a consenting partner (its own proposal) but not from one that declined', async () => {
      const f = await fixture();
      const id = await proposalIn(f, 'SUBMITTED', { confidentiality: 'WORKING_GROUP' });
      ok(await t.gql(INVITE, { id, org: f.member.organizationId }, f.author.token));
      ok(await t.gql(INVITE, { id, org: f.secretary.organizationId }, f.author.token));
      ok(await t.gql(RESPOND, { id, consent: 'CONSENTED' }, f.member.token));
      ok(await t.gql(RESPOND, { id, consent: 'DECLINED' }, f.secretary.token));
      expect(refusal(await t.gql(SUPPORT, { id }, f.member.token))).toEqual({ code: 'FORBIDDEN', reason: 'OWN_PROPOSAL' });
      expect(ok(await t.gql(SUPPORT, { id }, f.secretary.token)).supportProposal.supportCount).toBe(1);
      expect(await count('proposal_supports', id)).toBe(1);
    });

    it('treats an update without changes as a no-op: no new version, no event', async () => {
      const f = await fixture();
      const id = await proposalIn(f, 'DRAFT');
      const before = await snapshot(id);
      const answer = ok(await t.gql(UPDATE, { id, v: 1, input: {} }, f.author.token)).updateProposal;
      expect(answer.version).toBe(1);
      expect(await snapshot(id)).toEqual(before);
    });

    it('treats an update with the values already stored as a no-op, and records only what really changed', async () => {
      const f = await fixture();
      const [p1, p2] = [await makePriority(t, f.group.id, f.chair), await makePriority(t, f.group.id, f.chair)];
      const values = { title: 'Same title', summary: 'Same summary', body: 'Same body', kind: 'DATA_POOLING', confidentiality: 'MEMBERS' };
      const id = await proposalIn(f, 'SUBMITTED', { ...values, priorityIds: [p1.id, p2.id] });
      const before = await snapshot(id);
      const sameAgain = [{ title: 'Same title' }, values, { ...values, priorityIds: [p2.id, p1.id, p2.id] }, { priorityIds: [p1.id, p2.id] }];
      for (const input of sameAgain) {
        const answer = ok(await t.gql(UPDATE, { id, v: 2, input }, f.colleague.token)).updateProposal;
        expect([input, answer.version]).toEqual([input, 2]);
        expect(await snapshot(id)).toEqual(before);
      }
      // Still a stale version and still only the author's organisation, even when nothing would change.
      expect(refusal(await t.gql(UPDATE, { id, v: 1, input: { title: 'Same title' } }, f.author.token))).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
      expect(refusal(await t.gql(UPDATE, { id, v: 2, input: { title: 'Same title' } }, f.member.token)).code).toBe('FORBIDDEN');
      expect(await snapshot(id)).toEqual(before);

      const partly = ok(await t.gql(UPDATE, { id, v: 2, input: { title: 'Same title', summary: 'New summary', priorityIds: [p1.id, p2.id] } }, f.author.token)).updateProposal;
      expect(partly).toMatchObject({ version: 3, title: 'Same title', summary: 'New summary' });
      const priorities = ok(await t.gql(UPDATE, { id, v: 3, input: { kind: 'DATA_POOLING', priorityIds: [p2.id] } }, f.author.token)).updateProposal;
      expect(priorities.version).toBe(4);
      expect(priorities.priorities).toEqual([{ id: p2.id }]);
      expect((await events(id)).filter((e) => e.type === 'UPDATED').map((e) => e.note)).toEqual(['Changed: summary', 'Changed: priorityIds']);
    });

    it('filters by partner organisation without counting a partner that declined', async () => {
      const f = await fixture();
      const id = await proposalIn(f, 'SUBMITTED', { confidentiality: 'PUBLIC' });
      ok(await t.gql(INVITE, { id, org: f.member.organizationId }, f.author.token));
      const query = `query ($org: ID!) { proposals(filter: { partnerOrganizationId: $org }) { totalCount edges { node { id } } } }`;
      expect(ok(await t.gql(query, { org: f.member.organizationId }, admin.token)).proposals.totalCount).toBe(1);
      ok(await t.gql(RESPOND, { id, consent: 'DECLINED' }, f.member.token));
      expect(ok(await t.gql(query, { org: f.member.organizationId }, admin.token)).proposals.totalCount).toBe(0);
    });

    it('refuses TRUNCATE of the audit trail', async () => {
      const f = await fixture();
      const id = await proposalIn(f, 'SUBMITTED');
      const before = await count('proposal_events', id);
      await expect(t.dataSource.query(`TRUNCATE proposal_events CASCADE`)).rejects.toThrow(/append-only/);
      expect(await count('proposal_events', id)).toBe(before);
    });
  });

  describe('lists read only the columns a client asks for', () => {
    /** Every field of CooperationProposal, from the running schema: objects by id (or count), so new fields are covered too. */
    function everyProposalField(): string {
      const type = t.app.get(GraphQLSchemaHost).schema.getType('CooperationProposal') as GraphQLObjectType;
      return Object.values(type.getFields())
        .map((field) => {
          const named = getNamedType(field.type);
          if (isLeafType(named)) return field.name;
          const fields = (named as GraphQLObjectType).getFields();
          return `${field.name} { ${'id' in fields ? 'id' : 'totalCount' in fields ? 'totalCount' : '__typename'} }`;
        })
        .join(' ');
    }

    it('answers every field of a listed proposal exactly as the single proposal does', async () => {
      const f = await fixture();
      const priority = await makePriority(t, f.group.id, f.chair);
      const id = await proposalIn(f, 'APPROVED', { priorityIds: [priority.id], summary: 'A long summary', body: '# Plan' });
      ok(await t.gql(SUPPORT, { id }, f.member.token));
      const fields = everyProposalField();
      const single = ok(await t.gql(`query ($id: ID!) { proposal(id: $id) { ${fields} } }`, { id }, f.chair.token)).proposal;
      expect(single).toMatchObject({ id, summary: 'A long summary', body: '# Plan', supportCount: 1, author: { id: f.author.id } });
      const lists = ok(
        await t.gql(
          `query ($g: ID!, $p: ID!) {
             proposals(filter: { workingGroupId: $g }) { edges { node { ${fields} } } }
             workingGroup(id: $g) { proposals { edges { node { ${fields} } } } }
             priority(id: $p) { proposals { edges { node { ${fields} } } } } }`,
          { g: f.group.id, p: priority.id },
          f.chair.token,
        ),
      );
      for (const connection of [lists.proposals, lists.workingGroup.proposals, lists.priority.proposals]) {
        expect(connection.edges.map((edge: { node: unknown }) => edge.node)).toEqual([single]);
      }
    });

    it('serves scalar fields without a resolver call each (read inline by the compiled executor), lazy parts with one', () => {
      const schema = t.app.get(GraphQLSchemaHost).schema;
      const fields = (name: string) => (schema.getType(name) as GraphQLObjectType).getFields();
      expect(fields('CooperationProposal').title.resolve).toBeUndefined();
      expect(fields('CooperationProposal').createdAt.resolve).toBeUndefined();
      expect(fields('CooperationProposal').author.resolve).toBeDefined();
      expect(fields('CooperationProposalConnection').totalCount.resolve).toBeDefined();
      expect(fields('CooperationProposalConnection').edges.resolve).toBeDefined();
    });

    it('does not read the texts and dates a list does not ask for', async () => {
      const f = await fixture();
      await makeProposal(t, f.author, f.group.id);
      const listStatement = async (nodeFields: string) => {
        const query = `query ($g: ID!) { proposals(filter: { workingGroupId: $g }) { edges { node { ${nodeFields} } } } }`;
        const { statements } = await t.counter.measure(() => t.gql(query, { g: f.group.id }, f.chair.token));
        return statements.find((sql) => /FROM cooperation_proposals p/.test(sql)) ?? '';
      };
      const lean = await listStatement('id title state createdAt');
      expect(lean).toContain('"title"');
      for (const column of ['summary', 'body', 'updated_at', 'submitted_at', 'decided_at', 'version']) expect(lean).not.toContain(`"${column}"`);
      const full = await listStatement('id body decidedAt');
      expect(full).toContain('"body"');
      expect(full).toContain('"decided_at"');
    });
  });
});
