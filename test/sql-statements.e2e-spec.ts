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

  it('batches nested pages, people and their emails too', async () => {
    const query = `{ organizations(first: 50) { totalCount edges { node { name memberships { workingGroup { name } }
      people(first: 5) { totalCount edges { node { name email organization { name } participations { role workingGroup { slug } } } } } } } } }`;
    const before = await statementsFor(query);
    await addMembers(10);
    const after = await statementsFor(query);
    expect(after).toBe(before);
  });
});
