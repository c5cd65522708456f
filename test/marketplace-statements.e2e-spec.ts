import { Actor, insertProposal, makeGroup, makePerson, seat } from './support/factories';
import { addCapability, addNeed, insertIntroduction } from './support/marketplace';
import { startTestApp, TestApp } from './support/test-app';

const QUERY = `{
  resourceNeeds(first: 100) { totalCount edges { node { title organization { name } proposal { title } workingGroup { name }
    matches(first: 5) { totalCount edges { node { score reasons capability { title organization { name } workingGroup { name } } } } } } } }
  capabilities(first: 100) { totalCount edges { node { title workingGroup { name }
    organization { name capabilities(first: 3) { totalCount edges { node { title } } } needs(first: 3) { totalCount edges { node { title } } } } } } }
  proposals(first: 100) { edges { node { title resourceNeeds { title organization { name } } } } }
}`;

/**
 * No N+1 in the marketplace: the statements of one request are bounded by the query's depth, not by the
 * number of capabilities, needs and matches (DataLoaders batch every relation, matching is one statement
 * per batch of needs).
 */
describe('Marketplace SQL statements per request (e2e)', () => {
  let t: TestApp;
  let admin: Actor;
  let member: Actor;
  let group: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
    member = await makePerson(t);
    group = (await makeGroup(t)).id;
    await seat(t, group, member, 'MEMBER');
  });
  afterAll(() => t.close());

  /** `count` providers with a capability each and `count` organisations with two needs each (one anonymous), linked to proposals, all matching. */
  async function grow(count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      const provider = await makePerson(t);
      const capability = await addCapability(t, provider, { confidentiality: i % 2 ? 'PUBLIC' : 'WORKING_GROUP', workingGroupId: i % 2 ? null : group, quantity: 100 * (i + 1), unit: 'GPU_HOURS' });
      const industry = await makePerson(t);
      await seat(t, group, industry, 'MEMBER');
      const proposal = await insertProposal(t, industry, group, { title: `Proposal ${i}`, confidentiality: 'MEMBERS' });
      await addNeed(t, industry, { proposalId: proposal, quantity: 1000, unit: 'GPU_HOURS' });
      const anonymous = await addNeed(t, industry, { anonymous: true, proposalId: proposal, confidentiality: 'WORKING_GROUP', workingGroupId: group });
      if (i % 3 === 0) await insertIntroduction(t, anonymous.id, capability.id, industry);
    }
  }

  async function statementsFor(viewer: Actor): Promise<number> {
    await t.gql(QUERY, {}, viewer.token);
    const { result, statements } = await t.counter.measure(() => t.gql(QUERY, {}, viewer.token));
    expect(result.errors).toBeUndefined();
    return statements.length;
  }

  it('does not grow with capabilities, needs and matches, for an admin and for a member', async () => {
    await grow(3);
    const small = { admin: await statementsFor(admin), member: await statementsFor(member) };
    await grow(27);
    const large = { admin: await statementsFor(admin), member: await statementsFor(member) };
    const answer = (await t.gql(QUERY, {}, admin.token)).data;
    expect(answer.resourceNeeds.totalCount).toBe(60);
    expect(answer.capabilities.totalCount).toBe(30);
    expect(answer.resourceNeeds.edges[0].node.matches.totalCount).toBe(30);
    console.info(`statements per request: ${JSON.stringify(small)} small, ${JSON.stringify(large)} large`);
    expect(large).toEqual(small);
    // Per level of the query: the auth lookup, each list's page and count, one per batch of relations
    // (organisations, groups, proposals, an organisation's lists), one for matches (the page with its count,
    // decision 111). A member reads no matches of others' needs but asks once whose anonymous needs' owners it
    // may see.
    expect(large.admin).toBeLessThanOrEqual(15);
    expect(large.member).toBeLessThanOrEqual(15);
  });
});
