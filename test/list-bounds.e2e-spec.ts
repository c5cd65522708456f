import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNullableType, isListType, isObjectType, parse, specifiedRules, validate } from 'graphql';
import { maxItemsOf } from '@app/core';
import { costLimitRule } from '../apps/api/src/graphql/cost-limit.rule';
import { QUERY_LIMITS } from '../apps/api/src/graphql/graphql-options';
import { insertProposal, makeGroup, makePerson } from './support/factories';
import { ok, startTestApp, TestApp } from './support/test-app';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { workloads } = require('../bench/workloads') as { workloads(f: object): { name: string; platform: { body(): string } }[] };

describe('Bounded lists (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const schema = () => t.app.get(GraphQLSchemaHost).schema;

  it('gives every plain list field of the schema a declared bound, stated in its description (connections page instead)', () => {
    const undeclared: string[] = [];
    const undocumented: string[] = [];
    let lists = 0;
    for (const type of Object.values(schema().getTypeMap())) {
      // A connection's `edges` is its page, bounded by `first`.
      if (!isObjectType(type) || type.name.startsWith('__') || type.name.endsWith('Connection')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type))) continue;
        lists += 1;
        const max = maxItemsOf(field);
        if (!max || !Number.isInteger(max)) undeclared.push(`${type.name}.${field.name}`);
        else if (!field.description?.includes(String(max))) undocumented.push(`${type.name}.${field.name} (${max})`);
      }
    }
    expect(lists).toBeGreaterThanOrEqual(19);
    expect(undeclared).toEqual([]);
    expect(undocumented).toEqual([]);
  });

  const costErrors = (query: string) => validate(schema(), parse(query), [...specifiedRules, costLimitRule(QUERY_LIMITS.cost)]).map((e) => e.message);

  it('costs what is selected under a plain list once per item of its bound: the attack on history is refused before it runs', () => {
    const attack = `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: proposal(id: "00000000-0000-0000-0000-000000000000") { history { actor { participations { workingGroup { priorities { endorsements { name } } } } } } }`).join(' ')} }`;
    expect(costErrors(attack)[0]).toMatch(/may cost \d+/);
    const one = `{ proposal(id: "00000000-0000-0000-0000-000000000000") { history { actor { participations { workingGroup { priorities { endorsements { name } } } } } } } }`;
    expect(costErrors(one)[0]).toMatch(/may cost \d+/);
  });

  it("admits the benchmark's queries, the heaviest the clients run", async () => {
    const fixtures = { working_group_id: '00000000-0000-0000-0000-000000000000', organization_id: '00000000-0000-0000-0000-000000000000' };
    for (const workload of workloads(fixtures)) {
      const { query } = JSON.parse(workload.platform.body()) as { query: string };
      expect({ workload: workload.name, errors: costErrors(query) }).toEqual({ workload: workload.name, errors: [] });
    }
  });

  it('answers the newest events as history, oldest first, and all of them through events', async () => {
    const author = await makePerson(t, { admin: true });
    const group = await makeGroup(t);
    const proposalId = await insertProposal(t, author, group.id, { title: 'Long history' });
    await t.dataSource.query(
      `INSERT INTO proposal_events (id, proposal_id, actor_id, type, at)
       SELECT gen_random_uuid(), $1, $2, 'COMMENTED', timestamptz '2026-01-01' + n * interval '1 minute' FROM generate_series(1, 130) AS n`,
      [proposalId, author.id],
    );
    const all: string[] = (
      await t.dataSource.query(`SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM proposal_events WHERE proposal_id = $1 ORDER BY at, id`, [
        proposalId,
      ])
    ).map((r: { at: string }) => r.at);
    expect(all).toHaveLength(130);

    const { proposal } = ok(await t.gql(`query ($id: ID!) { proposal(id: $id) { history { at } } }`, { id: proposalId }, author.token));
    expect(proposal.history.map((e: { at: string }) => e.at)).toEqual(all.slice(-50));

    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = ok(
        await t.gql(
          `query ($id: ID!, $after: String) { proposal(id: $id) { events(first: 100, after: $after) { totalCount edges { node { at } } pageInfo { hasNextPage endCursor } } } }`,
          { id: proposalId, after },
          author.token,
        ),
      ).proposal.events;
      expect(page.totalCount).toBe(130);
      paged.push(...page.edges.map((e: { node: { at: string } }) => e.node.at));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(all);
  });
});
