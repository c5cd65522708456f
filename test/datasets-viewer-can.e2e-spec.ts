import { Actor, makeGroup, makePerson, seat } from './support/factories';
import { activePool, ADD_DATASET, CHANGE_STATE, datasetInput, must } from './support/data-pools';
import { ok, startTestApp, TestApp } from './support/test-app';
import { expectMutationsAgree, statementsOf } from './support/viewer-can';

const REMOVE = `mutation ($id: ID!) { removeDataset(id: $id) }`;
const DATASETS = `query ($id: ID!) { dataPool(id: $id) { id datasets { id viewerCan { remove } } } }`;

/**
 * contributor: the person who registered the dataset; colleague: another person of that organisation;
 * steward: a person of the steward organisation (not the contributor); party: a USER organisation of the pool;
 * member: seated in the group, not invited; admin: of an unrelated organisation.
 */
const ROLES = ['contributor', 'colleague', 'steward', 'party', 'member', 'admin'] as const;
type Role = (typeof ROLES)[number];

/** The spec, written out independently of the product code: who may remove a dataset of an open pool. */
const MAY_REMOVE: Record<Role, boolean> = { contributor: true, colleague: true, steward: true, party: false, member: false, admin: true };

describe('Dataset.viewerCan (e2e)', () => {
  let t: TestApp;
  let group: string;
  let people: Record<Role, Actor>;

  beforeAll(async () => {
    t = await startTestApp();
    group = (await makeGroup(t)).id;
    const contributor = await makePerson(t);
    people = {
      contributor,
      colleague: await makePerson(t, { organizationId: contributor.organizationId }),
      steward: await makePerson(t),
      party: await makePerson(t),
      member: await makePerson(t),
      admin: await makePerson(t, { admin: true }),
    };
    for (const role of ['contributor', 'colleague', 'steward', 'party', 'member'] as const) await seat(t, group, people[role], 'MEMBER');
  });
  afterAll(() => t.close());

  /** An ACTIVE pool (the steward's), the contributor and the party signed; `datasets` registered by the contributor. */
  async function poolWith(datasets: number): Promise<{ poolId: string; datasetIds: string[] }> {
    const { steward, contributor, party } = people;
    const pool = await activePool(
      t,
      steward,
      group,
      [
        [contributor, 'CONTRIBUTOR'],
        [party, 'USER'],
      ],
      { confidentiality: 'WORKING_GROUP' },
    );
    const datasetIds: string[] = [];
    for (let i = 0; i < datasets; i += 1) datasetIds.push((await addDataset(pool.id)).id);
    return { poolId: pool.id, datasetIds };
  }
  const addDataset = (poolId: string) => must(t, ADD_DATASET, { input: datasetInput(poolId, people.contributor.organizationId, { title: `Camera ${Math.random()}` }) }, people.contributor);
  const flagsOf = async (poolId: string, who: Actor) =>
    (ok(await t.gql(DATASETS, { id: poolId }, who.token)).dataPool.datasets as { id: string; viewerCan: { remove: boolean } }[]).map((d) => d.viewerCan);

  it("answers remove for the contributor's and the steward's people and admins only, and removeDataset agrees", async () => {
    const { poolId, datasetIds } = await poolWith(1);
    const answers = {} as Record<Role, { remove: boolean }>;
    for (const role of ROLES) [answers[role]] = await flagsOf(poolId, people[role]);
    expect(answers).toEqual(Object.fromEntries(ROLES.map((role) => [role, { remove: MAY_REMOVE[role] }])));

    await expectMutationsAgree({
      id: datasetIds[0],
      answers,
      flags: ['remove'] as const,
      attempt: (_flag, id, role) => t.gql(REMOVE, { id }, people[role].token),
      // A removal succeeds once: each allowed role removes a dataset of its own in the same pool.
      fresh: async () => (await addDataset(poolId)).id,
    });
  });

  it('answers false for everyone once the pool has ended, and removeDataset refuses them all', async () => {
    const { poolId, datasetIds } = await poolWith(1);
    await must(t, CHANGE_STATE, { id: poolId, state: 'CLOSED', note: 'Done' }, people.steward);
    const answers = {} as Record<Role, { remove: boolean }>;
    for (const role of ROLES) [answers[role]] = await flagsOf(poolId, people[role]);
    expect(answers).toEqual(Object.fromEntries(ROLES.map((role) => [role, { remove: false }])));
    await expectMutationsAgree({
      id: datasetIds[0],
      answers,
      flags: ['remove'] as const,
      attempt: (_flag, id, role) => t.gql(REMOVE, { id }, people[role].token),
      fresh: () => Promise.reject(new Error('nothing may be removed')),
    });
  });

  it('sends as many statements for many datasets as for a few', async () => {
    const few = await poolWith(2);
    const many = await poolWith(12);
    for (const role of ['contributor', 'steward', 'party'] as const) {
      const a = await statementsOf(t, DATASETS, { id: few.poolId }, people[role].token);
      const b = await statementsOf(t, DATASETS, { id: many.poolId }, people[role].token);
      expect(b.data.dataPool.datasets).toHaveLength(12);
      expect({ role, statements: b.statements }).toEqual({ role, statements: a.statements });
    }
  });
});
