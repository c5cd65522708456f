import { makeGroup, makeOrganization, makePerson, seat } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const NESTED = `{ workingGroups { memberships { edges { node { organization { people { totalCount } } } } } } }`;

/**
 * No N+1: the statements one request sends are bounded by the query's depth, not by the number of
 * rows (DataLoaders batch every relation field).
 */
describe('SQL statements per request (e2e)', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof makePerson>>;
  const groups: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
    for (let i = 0; i < 3; i += 1) groups.push((await makeGroup(t)).id);
  });
  afterAll(() => t.close());

  async function addMembers(count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      const organization = await makeOrganization(t);
      for (let j = 0; j < 2; j += 1) {
        const person = await makePerson(t, { organizationId: organization.id });
        if (j === 0) await seat(t, groups[i % groups.length], person, 'MEMBER');
      }
    }
  }

  async function statementsFor(query: string): Promise<number> {
    // Warm-up: the token's first use writes last_used_at once, which is not part of the query's cost.
    await t.gql(query, {}, admin.token);
    const { result, statements } = await t.counter.measure(() => t.gql(query, {}, admin.token));
    expect(result.errors).toBeUndefined();
    return statements.length;
  }

  it('does not grow with the number of organisations and people', async () => {
    await addMembers(3);
    const small = await statementsFor(NESTED);
    await addMembers(15);
    const large = await statementsFor(NESTED);
    const rows = await t.gql(NESTED, {}, admin.token);
    const memberships = rows.data.workingGroups.flatMap((g: any) => g.memberships.edges);
    expect(memberships.length).toBe(18);
    expect(memberships.every((e: any) => e.node.organization.people.totalCount === 2)).toBe(true);
    expect(large).toBe(small);
    // auth lookup + groups + memberships page + organisations + people counts
    expect(large).toBeLessThanOrEqual(5);
  });

  it('reads a nested page\'s own rows from the table, however many rows its parent has', async () => {
    const query = `{ workingGroups { id proposals(first: 3) { edges { node { id } } } } }`;
    const addProposals = (count: number) =>
      t.dataSource.query(
        `INSERT INTO cooperation_proposals (id, working_group_id, title, summary, body, kind, lead_organization_id, author_id, author_organization_id, created_at, updated_at)
         SELECT gen_random_uuid(), g.id, 'P', 'S', 'B', 'OTHER', $2, $3, $2, now() - n * interval '1 minute', now()
         FROM unnest($1::uuid[]) AS g(id), generate_series(1, $4::int) AS n`,
        [groups, admin.organizationId, admin.id, count],
      );
    /** Rows the nested page's statement read from cooperation_proposals, from its plan as executed. */
    const rowsRead = async () => {
      await t.gql(query, {}, admin.token);
      const { result, statements, parameters } = await t.counter.measure(() => t.gql(query, {}, admin.token));
      expect(result.data.workingGroups.filter((g: any) => groups.includes(g.id)).map((g: any) => g.proposals.edges.length)).toEqual([3, 3, 3]);
      const at = statements.findIndex((sql) => sql.includes('FROM cooperation_proposals'));
      const [{ 'QUERY PLAN': [explained] }] = await t.dataSource.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${statements[at]}`, parameters[at]);
      const read = (node: any): number =>
        (node['Relation Name'] === 'cooperation_proposals' ? (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'] : 0) +
        (node.Plans ?? []).reduce((sum: number, child: any) => sum + read(child), 0);
      return read(explained.Plan);
    };
    // Statistics as autovacuum would keep them.
    await addProposals(10);
    await t.dataSource.query('ANALYZE cooperation_proposals');
    const few = await rowsRead();
    await addProposals(500);
    await t.dataSource.query('ANALYZE cooperation_proposals');
    const many = await rowsRead();
    // Each group's first 3 and one more (to tell whether there is a next page), not all of its rows; with
    // 10 rows a group, reading the whole small table can be the cheaper plan.
    expect(many).toBeLessThanOrEqual(groups.length * 4);
    expect(many).toBeLessThanOrEqual(few);
  });

  it('batches nested pages, people and their emails too', async () => {
    const query = `{ organizations(first: 50) { totalCount edges { node { name memberships { workingGroup { name } }
      people(first: 5) { totalCount edges { node { name email organization { name } participations { role workingGroup { slug } } } } } } } } }`;
    const before = await statementsFor(query);
    await addMembers(10);
    const after = await statementsFor(query);
    expect(after).toBe(before);
  });

  it('sends the same statements for a sign-in link to a known address as to an unknown one, and no mail', async () => {
    const person = await makePerson(t);
    const request = (email: string) =>
      t.counter.measure(() => t.gql(`mutation ($email: String!) { requestSignInLink(email: $email) }`, { email }));
    const known = await request(person.email);
    const unknown = await request('nobody-known@nowhere.example');
    expect(known.result).toEqual({ data: { requestSignInLink: true } });
    expect(unknown.result).toEqual({ data: { requestSignInLink: true } });
    expect(known.statements).toEqual(unknown.statements);
    // The known address got a link and a queued email (sent later by a worker; RUN_WORKER is off here).
    const queued = await t.dataSource.query(
      `SELECT l.person_id AS "personId" FROM pgboss.job j JOIN sign_in_links l ON l.id = (j.data->>'linkId')::uuid WHERE j.name = 'sign-in-email'`,
    );
    expect(queued).toEqual([{ personId: person.id }]);
    expect(await t.mails()).toEqual([]);
  });
});
