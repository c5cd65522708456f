import { Actor, makeGroup, makePerson, seat } from './support/factories';
import { activePool, ADD_DATASET, datasetInput, DECIDE_ACCESS, must, REQUEST_ACCESS, SIGN } from './support/data-pools';
import { startTestApp, TestApp } from './support/test-app';

const QUERY = `{
  dataPools(first: 100) { totalCount edges { node { title termsDigest workingGroup { name } steward { name } proposal { title }
    datasets { title contributor { name } hostedBy { name } pool { title } }
    signatories { role state organization { name } signedBy { name } }
    accessRequests(first: 5) { totalCount edges { node { state organization { name } requestedBy { name } decidedBy { name } } } }
    history(first: 5) { totalCount edges { node { type actor { name } organization { name } } } } } } }
  workingGroups { name dataPools(first: 5) { totalCount edges { node { title } } } }
}`;

/**
 * No N+1 in the pools: the statements of one request are bounded by the query's depth, not by the number of
 * pools, datasets, signatories and requests (DataLoaders batch every relation; plain lists are one LATERAL
 * statement per batch of pools).
 */
describe('Data pool SQL statements per request (e2e)', () => {
  let t: TestApp;
  let admin: Actor;
  let steward: Actor;
  let group: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
    steward = await makePerson(t);
    group = (await makeGroup(t)).id;
    await seat(t, group, steward, 'MEMBER');
  });
  afterAll(() => t.close());

  /** `count` ACTIVE pools, each with three contributors (two datasets each, one hosted), a host and a user with a decided request. */
  async function grow(count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      const contributors = [await makePerson(t), await makePerson(t), await makePerson(t)];
      const [host, user] = [await makePerson(t), await makePerson(t)];
      const pool = await activePool(t, steward, group, [...contributors.map((c): [Actor, string] => [c, 'CONTRIBUTOR']), [host, 'HOST'], [user, 'USER']]);
      for (const contributor of contributors) {
        await must(t, ADD_DATASET, { input: datasetInput(pool.id, contributor.organizationId, { hostedByOrganizationId: host.organizationId }) }, contributor);
        await must(t, ADD_DATASET, { input: datasetInput(pool.id, contributor.organizationId) }, contributor);
      }
      await must(t, SIGN, { pool: pool.id, org: user.organizationId, v: 1 }, user);
      const request = await must(t, REQUEST_ACCESS, { pool: pool.id, org: user.organizationId, purpose: 'RESEARCH', why: 'Benchmarks' }, user);
      await must(t, DECIDE_ACCESS, { id: request.id, state: 'APPROVED' }, steward);
    }
  }

  async function statementsFor(viewer: Actor): Promise<number> {
    await t.gql(QUERY, {}, viewer.token);
    const { result, statements } = await t.counter.measure(() => t.gql(QUERY, {}, viewer.token));
    expect(result.errors).toBeUndefined();
    return statements.length;
  }

  it('does not grow with pools, datasets, signatories and requests, for an admin and for the steward', async () => {
    await grow(2);
    const small = { admin: await statementsFor(admin), steward: await statementsFor(steward) };
    await grow(8);
    const large = { admin: await statementsFor(admin), steward: await statementsFor(steward) };
    const answer = (await t.gql(QUERY, {}, steward.token)).data;
    expect(answer.dataPools.totalCount).toBe(10);
    expect(answer.dataPools.edges[0].node.datasets).toHaveLength(6);
    expect(answer.dataPools.edges[0].node.signatories).toHaveLength(6);
    expect(answer.dataPools.edges[0].node.accessRequests.totalCount).toBe(1);
    // Per level of the query, one statement per loader and batch: the groups, each list's page and count, the
    // datasets and signatories of all pools (one LATERAL each), the pool of each dataset, and a batch of
    // organisations (at most 6 fields ask: steward, contributor, hostedBy, signatory, requester, history) and of
    // people (at most 4: signedBy, requestedBy, decidedBy, actor). Which of those fields' loads share a batch
    // depends on which page PostgreSQL answers first, so the count may move within that bound, never with rows:
    // one statement per pool, dataset or signatory would make it 60 or more here.
    const STRUCTURAL_BOUND = 1 + 2 + 2 + 1 + 6 + 1 + 1 + 2 + 2 + 1 + 4;
    for (const count of [...Object.values(small), ...Object.values(large)]) expect(count).toBeLessThanOrEqual(STRUCTURAL_BOUND);
  });
});
