import { randomBytes } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType } from 'graphql';
import { maxItemsOf } from '@app/core';
import { createProposalLoaders } from '@app/proposals';
import { Actor, insertMeeting, insertProposal, makeGroup, makeOrganization, makePerson, makePriority } from './support/factories';
import { ok, startTestApp, TestApp } from './support/test-app';

/**
 * A plain list (`@MaxItems(n)`) stops at its bound in PostgreSQL, not in memory: however many rows a
 * parent has, no statement of the request returns more than `n` of them, the answer holds the first `n`
 * in the field's documented order, and the request sends as many statements as for a parent with two.
 * (The API also truncates a longer list, so only the statements tell the two apart.)
 */
describe('Plain lists stop at their bound in SQL (e2e)', () => {
  let t: TestApp;
  let admin: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
  });
  afterAll(() => t.close());

  /** A prefix no other row's label starts with. */
  const tag = () => randomBytes(4).toString('hex');
  /** `label 001`… in SQL, for the series' `n`: text order is number order. */
  const numbered = (label: string) => `${label} ' || lpad(n::text, 3, '0')`;
  /** Rows are written last to first, so that a statement that forgot its order would not pass by luck. */
  const series = 'generate_series($2::int, 1, -1) AS n';

  /** `count` organisations, `<label> 001`…, with their number `n`, as a CTE `orgs(id, n)`. */
  const organizationsCte = (label: string) =>
    `orgs AS (INSERT INTO organizations (id, name, kind, country)
              SELECT gen_random_uuid(), '${numbered(label)}, 'OEM', 'DE' FROM ${series} RETURNING id, (right(name, 3))::int AS n)`;

  /** `count` working groups, `<label> 001`…, as a CTE `groups(id, n)`. */
  const groupsCte = (label: string) =>
    `groups AS (INSERT INTO working_groups (id, slug, name, mission, status)
                SELECT gen_random_uuid(), lower(replace('${numbered(label)}, ' ', '-')), '${numbered(label)}, 'Mission', 'ACTIVE' FROM ${series}
                RETURNING id, (right(name, 3))::int AS n)`;

  /** One minute apart, in the series' order. */
  const minute = `timestamptz '2026-01-01' + n * interval '1 minute'`;

  interface PlainList {
    field: string;
    bound: number;
    /** A new parent with `count` items numbered 1…count in the field's order; its id. */
    parent(count: number): Promise<string>;
    /** Takes `$id`. */
    query: string;
    /** The answer's item labels, in the answer's order. */
    labels(data: any): string[];
    /** The field answers the last `bound` items (history: the newest), not the first. */
    last?: boolean;
  }

  const meeting = () => insertMeeting(t, admin, null, { title: 'Bounds', startsAt: '2026-03-10T08:00:00Z', endsAt: '2026-03-10T18:00:00Z' });
  const proposal = async () => insertProposal(t, admin, (await makeGroup(t)).id, { title: `Bounds ${tag()}` });
  /** A pool without signatories, stewarded by the admin's organisation. */
  const pool = async () => {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO data_pools (id, working_group_id, title, purpose, steward_organization_id, confidentiality, terms, terms_digest, created_by_id)
       VALUES (gen_random_uuid(), $1, 'Bounds', 'Bounds', $2, 'PARTIES', '{}', 'digest', $3) RETURNING id`,
      [(await makeGroup(t)).id, admin.organizationId, admin.id],
    );
    return id as string;
  };
  /** A non-secret ballot of a new group, created by the admin; its id. */
  const ballot = async (kind: 'APPROVAL' | 'RANKING', state: 'OPEN' | 'CLOSED', proposalId: string | null = null) => {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO ballots (id, working_group_id, title, motion, kind, state, closes_at, quorum_percent, majority_percent, secret, proposal_id, decides_proposal, created_by_id)
       VALUES (gen_random_uuid(), $1, 'Bounds', 'Bounds', $2, $3, '2026-03-10T18:00:00Z', 50, 50, false, $4, false, $5) RETURNING id`,
      [(await makeGroup(t)).id, kind, state, proposalId, admin.id],
    );
    return id as string;
  };

  const lists: PlainList[] = [
    {
      field: 'Meeting.invitations',
      bound: 500,
      async parent(count) {
        const id = await meeting();
        const organization = await makeOrganization(t);
        const label = `Invitee ${tag()}`;
        await t.dataSource.query(
          `WITH p AS (INSERT INTO people (id, organization_id, name, email)
                      SELECT gen_random_uuid(), $3, '${numbered(label)}, '${label.replace(' ', '-')}-' || n || '@example.org' FROM ${series} RETURNING id)
           INSERT INTO meeting_invitations (meeting_id, person_id) SELECT $1, id FROM p`,
          [id, count, organization.id],
        );
        return id;
      },
      query: `query ($id: ID!) { meeting(id: $id) { invitations { person { name } } } }`,
      labels: (data) => data.meeting.invitations.map((i: any) => i.person.name),
    },
    {
      field: 'Meeting.actionItems',
      bound: 200,
      async parent(count) {
        const id = await meeting();
        await t.dataSource.query(
          `INSERT INTO action_items (id, meeting_id, title, created_by_id, created_at)
           SELECT gen_random_uuid(), $1, '${numbered('Action')}, $3, ${minute} FROM ${series}`,
          [id, count, admin.id],
        );
        return id;
      },
      query: `query ($id: ID!) { meeting(id: $id) { actionItems { title } } }`,
      labels: (data) => data.meeting.actionItems.map((i: any) => i.title),
    },
    {
      // Refused past its bound when set through the API; rows written otherwise still stop there.
      field: 'Meeting.agenda',
      bound: 100,
      async parent(count) {
        const id = await meeting();
        await t.dataSource.query(
          `INSERT INTO agenda_items (id, meeting_id, position, title, duration_minutes)
           SELECT gen_random_uuid(), $1, n, '${numbered('Item')}, 1 FROM ${series}`,
          [id, count],
        );
        return id;
      },
      query: `query ($id: ID!) { meeting(id: $id) { agenda { title } } }`,
      labels: (data) => data.meeting.agenda.map((i: any) => i.title),
    },
    {
      field: 'AntitrustCompliance.acknowledgedBy',
      bound: 500,
      async parent(count) {
        const id = await meeting();
        const organization = await makeOrganization(t);
        const label = `Acknowledger ${tag()}`;
        await t.dataSource.query(
          `WITH p AS (INSERT INTO people (id, organization_id, name, email)
                      SELECT gen_random_uuid(), $3, '${numbered(label)}, '${label.replace(' ', '-')}-' || n || '@example.org' FROM ${series} RETURNING id),
                i AS (INSERT INTO meeting_invitations (meeting_id, person_id) SELECT $1, id FROM p)
           INSERT INTO antitrust_acknowledgements (meeting_id, person_id) SELECT $1, id FROM p`,
          [id, count, organization.id],
        );
        return id;
      },
      query: `query ($id: ID!) { meeting(id: $id) { antitrust { acknowledgedBy { name } } } }`,
      labels: (data) => data.meeting.antitrust.acknowledgedBy.map((p: any) => p.name),
    },
    {
      // Refused past its bound when set through the API; rows written otherwise still stop there.
      field: 'Ballot.priorities',
      bound: 50,
      async parent(count) {
        const id = await ballot('RANKING', 'OPEN');
        const group = await makeGroup(t);
        await t.dataSource.query(
          `WITH pr AS (INSERT INTO priorities (id, working_group_id, title, description, rank, status, created_by_id)
                       SELECT gen_random_uuid(), $3, '${numbered('Ranked')}, 'Description', $2 + 1 - n, 'ADOPTED', $4 FROM ${series}
                       RETURNING id, (right(title, 3))::int AS n)
           INSERT INTO ballot_priorities (ballot_id, priority_id, position) SELECT $1, id, n FROM pr`,
          [id, count, group.id, admin.id],
        );
        return id;
      },
      query: `query ($id: ID!) { ballot(id: $id) { priorities { title } } }`,
      labels: (data) => data.ballot.priorities.map((p: any) => p.title),
    },
    {
      // Fixed when the ballot opened: the electorate's recused rows, not the proposal's parties now.
      field: 'Ballot.recused',
      bound: 100,
      async parent(count) {
        const id = await ballot('APPROVAL', 'OPEN', await proposal());
        await t.dataSource.query(
          `WITH ${organizationsCte(`Recused ${tag()}`)}
           INSERT INTO ballot_electorate (ballot_id, organization_id, recused) SELECT $1, id, true FROM orgs`,
          [id, count],
        );
        return id;
      },
      query: `query ($id: ID!) { ballot(id: $id) { recused { name } } }`,
      labels: (data) => data.ballot.recused.map((o: any) => o.name),
    },
    {
      // Listed only once CLOSED, and never for a secret ballot.
      field: 'Ballot.votes',
      bound: 200,
      async parent(count) {
        const id = await ballot('APPROVAL', 'CLOSED');
        await t.dataSource.query(
          `WITH ${organizationsCte(`Voter ${tag()}`)}
           INSERT INTO ballot_votes (ballot_id, organization_id, choice, cast_by_id, cast_at) SELECT $1, id, 'YES', $3, ${minute} FROM orgs`,
          [id, count, admin.id],
        );
        return id;
      },
      query: `query ($id: ID!) { ballot(id: $id) { votes { organization { name } } } }`,
      labels: (data) => data.ballot.votes.map((v: any) => v.organization.name),
    },
    {
      field: 'Priority.endorsements',
      bound: 100,
      async parent(count) {
        const { id } = await makePriority(t, null, admin);
        await t.dataSource.query(
          `WITH ${organizationsCte(`Endorser ${tag()}`)}
           INSERT INTO priority_endorsements (priority_id, organization_id, endorsed_by_id) SELECT $1, id, $3 FROM orgs`,
          [id, count, admin.id],
        );
        return id;
      },
      query: `query ($id: ID!) { priority(id: $id) { endorsements { name } } }`,
      labels: (data) => data.priority.endorsements.map((o: any) => o.name),
    },
    {
      field: 'WorkingGroup.priorities',
      bound: 100,
      async parent(count) {
        const { id } = await makeGroup(t);
        await t.dataSource.query(
          `INSERT INTO priorities (id, working_group_id, title, description, rank, status, created_by_id)
           SELECT gen_random_uuid(), $1, '${numbered('Priority')}, 'Description', n, 'ADOPTED', $3 FROM ${series}`,
          [id, count, admin.id],
        );
        return id;
      },
      query: `query ($id: ID!) { workingGroup(id: $id) { priorities { title } } }`,
      labels: (data) => data.workingGroup.priorities.map((p: any) => p.title),
    },
    {
      field: 'WorkingGroup.chairs',
      bound: 20,
      async parent(count) {
        const { id } = await makeGroup(t);
        const organization = await makeOrganization(t);
        const label = `Chair ${tag()}`;
        await t.dataSource.query(
          `WITH m AS (INSERT INTO working_group_memberships (id, working_group_id, organization_id) VALUES (gen_random_uuid(), $1, $3)),
                p AS (INSERT INTO people (id, organization_id, name, email)
                      SELECT gen_random_uuid(), $3, '${numbered(label)}, '${label.replace(' ', '-')}-' || n || '@example.org' FROM ${series}
                      RETURNING id, (right(name, 3))::int AS n)
           INSERT INTO working_group_participants (id, working_group_id, person_id, role, since)
           SELECT gen_random_uuid(), $1, id, 'CHAIR', ${minute} FROM p`,
          [id, count, organization.id],
        );
        return id;
      },
      query: `query ($id: ID!) { workingGroup(id: $id) { chairs { name } } }`,
      labels: (data) => data.workingGroup.chairs.map((p: any) => p.name),
    },
    {
      field: 'CooperationProposal.partners',
      bound: 50,
      async parent(count) {
        const id = await proposal();
        await t.dataSource.query(
          `WITH ${organizationsCte(`Partner ${tag()}`)}
           INSERT INTO proposal_partners (proposal_id, organization_id, consent, invited_by_id, invited_at)
           SELECT $1, id, 'CONSENTED', $3, ${minute} FROM orgs`,
          [id, count, admin.id],
        );
        return id;
      },
      query: `query ($id: ID!) { proposal(id: $id) { partners { organization { name } } } }`,
      labels: (data) => data.proposal.partners.map((p: any) => p.organization.name),
    },
    {
      field: 'CooperationProposal.priorities',
      bound: 50,
      async parent(count) {
        const id = await proposal();
        const group = await makeGroup(t);
        await t.dataSource.query(
          `WITH pr AS (INSERT INTO priorities (id, working_group_id, title, description, rank, status, created_by_id)
                       SELECT gen_random_uuid(), $3, '${numbered('Linked')}, 'Description', n, 'ADOPTED', $4 FROM ${series} RETURNING id)
           INSERT INTO proposal_priorities (proposal_id, priority_id) SELECT $1, id FROM pr`,
          [id, count, group.id, admin.id],
        );
        return id;
      },
      query: `query ($id: ID!) { proposal(id: $id) { priorities { title } } }`,
      labels: (data) => data.proposal.priorities.map((p: any) => p.title),
    },
    {
      field: 'CooperationProposal.supporters',
      bound: 50,
      async parent(count) {
        const id = await proposal();
        await t.dataSource.query(
          `WITH ${organizationsCte(`Supporter ${tag()}`)}
           INSERT INTO proposal_supports (proposal_id, organization_id, supported_by_id, created_at) SELECT $1, id, $3, ${minute} FROM orgs`,
          [id, count, admin.id],
        );
        return id;
      },
      query: `query ($id: ID!) { proposal(id: $id) { supporters { name } } }`,
      labels: (data) => data.proposal.supporters.map((o: any) => o.name),
    },
    {
      field: 'CooperationProposal.resourceNeeds',
      bound: 50,
      async parent(count) {
        const id = await proposal();
        await t.dataSource.query(
          `INSERT INTO resource_needs (id, organization_id, proposal_id, kind, title, sensitivity, confidentiality, created_by_id, created_at)
           SELECT gen_random_uuid(), $3, $1, 'GPU_COMPUTE', '${numbered(`Need ${tag()}`)}, 'INTERNAL', 'PUBLIC', $4, ${minute} FROM ${series}`,
          [id, count, admin.organizationId, admin.id],
        );
        return id;
      },
      query: `query ($id: ID!) { proposal(id: $id) { resourceNeeds { title } } }`,
      labels: (data) => data.proposal.resourceNeeds.map((n: any) => n.title),
    },
    {
      field: 'ResourceNeed.introductions',
      bound: 100,
      async parent(count) {
        const [need] = await t.dataSource.query(
          `INSERT INTO resource_needs (id, organization_id, kind, title, sensitivity, confidentiality, created_by_id)
           VALUES (gen_random_uuid(), $1, 'GPU_COMPUTE', 'Bounds', 'INTERNAL', 'PUBLIC', $2) RETURNING id`,
          [admin.organizationId, admin.id],
        );
        const provider = await makeOrganization(t);
        // Newest first: number 1 is the latest.
        await t.dataSource.query(
          `WITH c AS (INSERT INTO capabilities (id, organization_id, kind, title, location, max_sensitivity, access_model, confidentiality, created_by_id)
                      SELECT gen_random_uuid(), $3, 'GPU_COMPUTE', 'Capability ' || n, 'DE', 'CONFIDENTIAL', 'IN_KIND', 'PUBLIC', $4 FROM ${series}
                      RETURNING id, (split_part(title, ' ', 2))::int AS n)
           INSERT INTO introductions (id, need_id, capability_id, message, requested_by_id, created_at)
           SELECT gen_random_uuid(), $1, c.id, 'Introduction ' || lpad(c.n::text, 3, '0'), $4, timestamptz '2026-01-01' - c.n * interval '1 minute' FROM c`,
          [need.id, count, provider.id, admin.id],
        );
        return need.id;
      },
      query: `query ($id: ID!) { resourceNeed(id: $id) { introductions { message } } }`,
      labels: (data) => data.resourceNeed.introductions.map((i: any) => i.message),
    },
    {
      field: 'CooperationProposal.history',
      bound: 50,
      last: true,
      async parent(count) {
        const id = await proposal();
        await t.dataSource.query(
          `INSERT INTO proposal_events (id, proposal_id, actor_id, type, note, at)
           SELECT gen_random_uuid(), $1, $3, 'COMMENTED', '${numbered('Event')}, ${minute} FROM ${series}`,
          [id, count, admin.id],
        );
        return id;
      },
      query: `query ($id: ID!) { proposal(id: $id) { history { note } } }`,
      labels: (data) => data.proposal.history.map((e: any) => e.note),
    },
    {
      field: 'DataPool.datasets',
      bound: 200,
      async parent(count) {
        const id = await pool();
        await t.dataSource.query(
          `INSERT INTO data_pool_datasets (id, pool_id, contributor_organization_id, title, modality, sensitivity, license, location, personal_data, anonymised, created_by_id, created_at)
           SELECT gen_random_uuid(), $1, $3, '${numbered('Dataset')}, 'CAMERA', 'CONFIDENTIAL', 'CC-BY-4.0', 'DE', false, false, $4, ${minute} FROM ${series}`,
          [id, count, admin.organizationId, admin.id],
        );
        return id;
      },
      query: `query ($id: ID!) { dataPool(id: $id) { datasets { title } } }`,
      labels: (data) => data.dataPool.datasets.map((d: any) => d.title),
    },
    {
      field: 'DataPool.signatories',
      bound: 100,
      async parent(count) {
        const id = await pool();
        await t.dataSource.query(
          `WITH ${organizationsCte(`Signatory ${tag()}`)}
           INSERT INTO data_pool_signatories (pool_id, organization_id, role, invited_by_id, invited_at) SELECT $1, id, 'CONTRIBUTOR', $3, ${minute} FROM orgs`,
          [id, count, admin.id],
        );
        return id;
      },
      query: `query ($id: ID!) { dataPool(id: $id) { signatories { organization { name } } } }`,
      labels: (data) => data.dataPool.signatories.map((s: any) => s.organization.name),
    },
    {
      field: 'Organization.memberships',
      bound: 50,
      async parent(count) {
        const { id } = await makeOrganization(t);
        await t.dataSource.query(
          `WITH ${groupsCte(`Group ${tag()}`)}
           INSERT INTO working_group_memberships (id, working_group_id, organization_id, since) SELECT gen_random_uuid(), id, $1, ${minute} FROM groups`,
          [id, count],
        );
        return id;
      },
      query: `query ($id: ID!) { organization(id: $id) { memberships { workingGroup { name } } } }`,
      labels: (data) => data.organization.memberships.map((m: any) => m.workingGroup.name),
    },
    {
      field: 'Person.participations',
      bound: 50,
      async parent(count) {
        const person = await makePerson(t);
        await t.dataSource.query(
          `WITH ${groupsCte(`Group ${tag()}`)},
                m AS (INSERT INTO working_group_memberships (id, working_group_id, organization_id) SELECT gen_random_uuid(), id, $3 FROM groups)
           INSERT INTO working_group_participants (id, working_group_id, person_id, role, since)
           SELECT gen_random_uuid(), id, $1, 'MEMBER', ${minute} FROM groups`,
          [person.id, count, person.organizationId],
        );
        return person.id;
      },
      query: `query ($id: ID!) { person(id: $id) { participations { workingGroup { name } } } }`,
      labels: (data) => data.person.participations.map((s: any) => s.workingGroup.name),
    },
  ];

  /** The request's statements, and the most rows any of its reads returns (each run again, alone). */
  async function request(list: PlainList, id: string) {
    // Warm-up: the token's first use writes last_used_at, which is not part of the query's cost.
    ok(await t.gql(list.query, { id }, admin.token));
    const { result, statements, parameters } = await t.counter.measure(() => t.gql(list.query, { id }, admin.token));
    let mostRows = 0;
    for (const [i, statement] of statements.entries()) {
      if (!/^\s*(SELECT|WITH)\b/i.test(statement)) continue;
      const rows: unknown[] = await t.dataSource.query(statement, parameters[i]);
      mostRows = Math.max(mostRows, rows.length);
    }
    return { numbers: list.labels(ok(result)).map((label) => Number(label.slice(-3))), statements: statements.length, mostRows };
  }

  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  /** The bounded lists not read by a loader per parent, and what bounds their statement instead. */
  const boundedElsewhere: Record<string, string> = {
    'Query.workingGroups': 'LIMIT',
    'Query.priorities': 'LIMIT',
    'Mutation.reorderPriorities': 'LIMIT',
    'Query.myActionItems': 'LIMIT',
    'Query.myAccessTokens': 'LIMIT',
    'Query.mySessions': 'LIMIT',
    'Person.notificationPreferences': 'one row per category at most (the primary key)',
    'Mutation.updateNotificationPreferences': 'one row per category at most (the primary key)',
    'Query.myIntroductions': 'LIMIT',
    'Introduction.contacts': 'two people at most: who answered and who asked',
    'CapabilityMatch.reasons': 'computed in the service: one line per reason, at most five',
    'CapabilityMatch.reasonDetails': 'computed in the service with the reasons: one per reason, at most five',
    'MatchReason.certifications': "computed in the service: one per certification the need requires (a set of the Certification enum)",
    'Capability.certifications': 'an array column of the row, a set of the Certification enum',
    'ResourceNeed.requiredCertifications': 'an array column of the row, a set of the Certification enum',
    'ResourceNeed.allowedLocations': 'an array column of the row, distinct ISO country codes (capped at input)',
    'UsageTerms.purposes': "part of the pool's terms (a JSON column of the row), a set of the UsagePurpose enum",
    'UsageTerms.allowedLocations': "part of the pool's terms (a JSON column of the row), distinct ISO country codes (capped at input)",
    'BallotResult.ranking': "part of the ballot's stored result (a JSON column of the row), one entry per priority of the ballot (capped at input)",
    'Vote.ranking': "an array column of the vote's row, distinct priorities of the ballot (capped at input)",
  };

  it('checks every bounded list of the schema that hangs off a parent, at its declared bound', () => {
    const declared = new Map<string, number>();
    for (const type of Object.values(t.app.get(GraphQLSchemaHost).schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const max = maxItemsOf(field);
        if (max) declared.set(`${type.name}.${field.name}`, max);
      }
    }
    const checked = new Map(lists.map((l) => [l.field, l.bound]));
    for (const field of Object.keys(boundedElsewhere)) checked.set(field, declared.get(field) ?? NaN);
    expect(new Map([...checked].sort())).toEqual(new Map([...declared].sort()));
  });

  it.each(lists)('$field: at most $bound rows per parent leave PostgreSQL, the first in its order, in as many statements as for two', async (list) => {
    const few = await request(list, await list.parent(2));
    const count = list.bound + 3;
    const many = await request(list, await list.parent(count));
    expect(few.numbers).toEqual([1, 2]);
    expect(many.numbers).toEqual(list.last ? range(count - list.bound + 1, count) : range(1, list.bound));
    expect(many.mostRows).toBeLessThanOrEqual(list.bound);
    expect(many.statements).toBe(few.statements);
  });

  it("reads each key's first rows for a whole batch of keys in one statement", async () => {
    const supporters = lists.find((l) => l.field === 'CooperationProposal.supporters')!;
    const [big, small, none] = [await supporters.parent(53), await supporters.parent(2), await proposal()];
    const loader = createProposalLoaders(t.dataSource, null).supporters;
    const { result, statements, parameters } = await t.counter.measure(() => loader.loadMany([big, small, none]));
    expect(statements).toHaveLength(1);
    expect((result as { name: string }[][]).map((organizations) => organizations.map((o) => Number(o.name.slice(-3))))).toEqual([
      range(1, 50),
      [1, 2],
      [],
    ]);
    expect(((await t.dataSource.query(statements[0], parameters[0])) as unknown[]).length).toBe(52);
  });
});
