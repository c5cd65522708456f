import { Actor, makeGroup, makePerson, seat } from './support/factories';
import { activePool, ADD_DATASET, datasetInput, must } from './support/data-pools';
import { ok, refusal, startTestApp, TestApp } from './support/test-app';

const SEARCH = `query ($query: String!, $kinds: [SearchKind!]) {
  search(query: $query, kinds: $kinds, first: 100) {
    totalCount
    edges { node { kind rank snippet node {
      __typename
      ... on DataPool { id title confidentiality }
      ... on Dataset { id title pool { id } }
      ... on Organization { id }
    } } } } }`;

interface Hit {
  kind: string;
  id: string;
  type: string;
  snippet: string | null;
}

/**
 * Data pools and datasets in global search (decision 104, issue 18): found by their text in English and
 * German, and only by those who may read the pool (`dataPoolReadableBy`; a dataset exactly when its pool):
 * no hit, no count and no snippet for anyone else.
 */
describe('Data pool search (e2e)', () => {
  let t: TestApp;
  let admin: Actor;
  /** In `group`: `steward` and `member` are MEMBERs, `chair` CHAIR. `party` is invited to both pools without a seat; `outsider` has neither. */
  let steward: Actor;
  let member: Actor;
  let chair: Actor;
  let party: Actor;
  let outsider: Actor;
  let group: string;
  const w = {} as Record<'partiesPool' | 'partiesDataset' | 'groupPool' | 'groupDataset', string>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
    [steward, member, chair, party, outsider] = [await makePerson(t), await makePerson(t), await makePerson(t), await makePerson(t), await makePerson(t)];
    group = (await makeGroup(t)).id;
    await seat(t, group, steward, 'MEMBER');
    await seat(t, group, member, 'MEMBER');
    await seat(t, group, chair, 'CHAIR');

    const parties = await activePool(t, steward, group, [[party, 'CONTRIBUTOR']], {
      title: 'Vorndale highway perception pool',
      purpose: 'Pooling recordings of autonomous vehicles for the Vorndale benchmark',
      confidentiality: 'PARTIES',
    });
    w.partiesPool = parties.id;
    w.partiesDataset = (
      await must(
        t,
        ADD_DATASET,
        { input: datasetInput(parties.id, party.organizationId, { title: 'Vorndale Kreuzungen München', description: 'Aufnahmen von Fahrzeugen an Kreuzungen', modality: 'LIDAR' }) },
        party,
      )
    ).id;

    const wg = await activePool(t, steward, group, [[party, 'CONTRIBUTOR']], {
      title: 'Skellmoor Fahrzeugdaten',
      purpose: 'Gemeinsame Messfahrten der Skellmoor Flotte',
      confidentiality: 'WORKING_GROUP',
    });
    w.groupPool = wg.id;
    w.groupDataset = (
      await must(
        t,
        ADD_DATASET,
        { input: datasetInput(wg.id, party.organizationId, { title: 'Skellmoor night drives', description: 'Recordings of delivery vehicles in Düsseldorf', modality: 'HD_MAP' }) },
        party,
      )
    ).id;
  });
  afterAll(() => t.close());

  async function search(actor: Actor, query: string, kinds?: string[]) {
    return ok(await t.gql(SEARCH, { query, kinds }, actor.token)).search;
  }

  async function hits(actor: Actor, query: string, kinds?: string[]): Promise<Hit[]> {
    const connection = await search(actor, query, kinds);
    return connection.edges.map((e: any) => ({ kind: e.node.kind, id: e.node.node.id, type: e.node.node.__typename, snippet: e.node.snippet }));
  }

  const ids = (found: Hit[]) => found.map((h) => h.id).sort();

  describe('what it finds', () => {
    it('finds a pool by title and purpose and a dataset by title, as DataPool and Dataset nodes with snippets', async () => {
      const found = await hits(steward, 'Vorndale');
      expect(found.map((h) => [h.kind, h.id, h.type]).sort()).toEqual(
        [
          ['DATASET', w.partiesDataset, 'Dataset'],
          ['DATA_POOL', w.partiesPool, 'DataPool'],
        ].sort(),
      );
      expect(found.every((h) => h.snippet?.includes('«Vorndale»'))).toBe(true);
      const dataset = (await search(steward, 'Vorndale', ['DATASET'])).edges[0].node.node;
      expect(dataset).toEqual({ __typename: 'Dataset', id: w.partiesDataset, title: 'Vorndale Kreuzungen München', pool: { id: w.partiesPool } });
    });

    it('stems English: "vehicle" finds "vehicles" in a purpose and a description', async () => {
      expect(ids(await hits(steward, 'Vorndale vehicle'))).toEqual([w.partiesPool]);
      expect(ids(await hits(steward, 'Skellmoor vehicle'))).toEqual([w.groupDataset]);
    });

    it('stems German: "Kreuzung" finds "Kreuzungen", "Messfahrt" finds "Messfahrten"', async () => {
      expect(ids(await hits(steward, 'Vorndale Kreuzung'))).toEqual([w.partiesDataset]);
      expect(ids(await hits(steward, 'Skellmoor Messfahrt'))).toEqual([w.groupPool]);
      expect(ids(await hits(steward, 'Fahrzeug Kreuzungen'))).toEqual([w.partiesDataset]);
    });

    it('ignores accents and marks the word as written', async () => {
      const munich = await hits(steward, 'Munchen Vorndale');
      expect(ids(munich)).toEqual([w.partiesDataset]);
      expect(munich[0].snippet).toContain('«München»');
      expect(ids(await hits(steward, 'Dusseldorf'))).toEqual([w.groupDataset]);
    });

    it('matches prefixes: "Vornd" finds both, "Fahrzeug" finds "Fahrzeugdaten"', async () => {
      expect(ids(await hits(steward, 'Vornd'))).toEqual([w.partiesPool, w.partiesDataset].sort());
      expect(ids(await hits(steward, 'Skellm Fahrzeug', ['DATA_POOL']))).toEqual([w.groupPool]);
    });

    it('finds a dataset by its modality', async () => {
      expect(ids(await hits(steward, 'Vorndale lidar'))).toEqual([w.partiesDataset]);
      expect(ids(await hits(steward, 'Skellmoor map'))).toEqual([w.groupDataset]);
    });
  });

  describe('kinds', () => {
    it('narrows to pools or datasets; other kinds find none of them', async () => {
      expect(ids(await hits(steward, 'Vorndale', ['DATA_POOL']))).toEqual([w.partiesPool]);
      expect(ids(await hits(steward, 'Vorndale', ['DATASET']))).toEqual([w.partiesDataset]);
      expect(await search(steward, 'Vorndale', ['ORGANIZATION', 'PROPOSAL'])).toMatchObject({ totalCount: 0, edges: [] });
    });

    it('accepts every kind once and refuses a longer list', async () => {
      const every = ['ORGANIZATION', 'PERSON', 'WORKING_GROUP', 'PRIORITY', 'PROPOSAL', 'MEETING', 'CAPABILITY', 'RESOURCE_NEED', 'DATA_POOL', 'DATASET'];
      expect((await search(steward, 'Vorndale', every)).totalCount).toBe(2);
      expect(refusal(await t.gql(SEARCH, { query: 'Vorndale', kinds: [...every, 'DATASET'] }, steward.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kinds' });
    });
  });

  describe('who finds what', () => {
    const POOLS = `{ dataPools(first: 100) { totalCount edges { node { id } } } }`;

    it('hides a PARTIES pool and its datasets from a member of the group who is no party: no hit, no count', async () => {
      for (const query of ['Vorndale', 'Vorndale highway', 'Kreuzungen München', 'Vornd']) {
        const connection = await search(member, query);
        expect([query, connection.totalCount, connection.edges]).toEqual([query, 0, []]);
        expect((await search(member, query, ['DATA_POOL', 'DATASET'])).totalCount).toBe(0);
      }
      // As the pools' own list: the member reads the WORKING_GROUP pool only.
      expect(ok(await t.gql(POOLS, {}, member.token)).dataPools.edges.map((e: any) => e.node.id)).toEqual([w.groupPool]);
    });

    it("shows a PARTIES pool and its datasets to a party, the group's chair and an admin", async () => {
      for (const viewer of [party, chair, admin, steward]) {
        const connection = await search(viewer, 'Vorndale');
        expect(connection.totalCount).toBe(2);
        expect(connection.edges.map((e: any) => e.node.node.id).sort()).toEqual([w.partiesPool, w.partiesDataset].sort());
      }
    });

    it('shows a WORKING_GROUP pool and its datasets to the group and its parties, not to outsiders', async () => {
      for (const viewer of [member, chair, steward, party, admin]) expect(ids(await hits(viewer, 'Skellmoor'))).toEqual([w.groupPool, w.groupDataset].sort());
      for (const query of ['Skellmoor', 'Fahrzeugdaten', 'Dusseldorf', 'Skellm']) {
        const connection = await search(outsider, query);
        expect([query, connection.totalCount, connection.edges]).toEqual([query, 0, []]);
      }
      expect((await search(outsider, 'Vorndale')).totalCount).toBe(0);
    });

    it('stops showing a pool to a member who left the group', async () => {
      const leaver = await makePerson(t);
      await seat(t, group, leaver, 'MEMBER');
      expect((await search(leaver, 'Skellmoor')).totalCount).toBe(2);
      await t.dataSource.query(`UPDATE working_group_participants SET ended_at = now() WHERE person_id = $1`, [leaver.id]);
      expect(await search(leaver, 'Skellmoor')).toMatchObject({ totalCount: 0, edges: [] });
    });
  });

  describe('SQL', () => {
    const QUERY = `query ($query: String!) { search(query: $query, first: 100) { totalCount edges { node { kind snippet node {
      ... on DataPool { id title workingGroup { name } steward { name } datasets { title } }
      ... on Dataset { id title pool { title } contributor { name } }
    } } } } }`;

    /** `count` ACTIVE pools of one contributor in a fresh group, each with two datasets, named after `word`. */
    async function grow(word: string, count: number, viewer: Actor) {
      const own = (await makeGroup(t)).id;
      await seat(t, own, viewer, 'MEMBER');
      const contributor = await makePerson(t);
      for (let i = 0; i < count; i += 1) {
        const pool = await activePool(t, viewer, own, [[contributor, 'CONTRIBUTOR']], { title: `${word} pool ${i}`, confidentiality: i % 2 ? 'PARTIES' : 'WORKING_GROUP' });
        for (const n of [1, 2]) await must(t, ADD_DATASET, { input: datasetInput(pool.id, contributor.organizationId, { title: `${word} dataset ${i}.${n}` }) }, contributor);
      }
    }

    async function statementsFor(viewer: Actor, query: string) {
      await t.gql(QUERY, { query }, viewer.token);
      const measured = await t.counter.measure(() => t.gql(QUERY, { query }, viewer.token));
      return { data: ok(measured.result).search, statements: measured.statements, parameters: measured.parameters };
    }

    it('sends as many statements for 18 pool and dataset hits as for 3', async () => {
      const viewer = await makePerson(t);
      await grow('Fewmarsh', 1, viewer);
      await grow('Manymarsh', 6, viewer);
      const few = await statementsFor(viewer, 'Fewmarsh');
      const many = await statementsFor(viewer, 'Manymarsh');
      expect([few.data.totalCount, few.data.edges.length]).toEqual([3, 3]);
      expect([many.data.totalCount, many.data.edges.length]).toEqual([18, 18]);
      expect(many.data.edges.find((e: any) => e.node.kind === 'DATA_POOL').node.node.datasets).toHaveLength(2);
      expect(many.statements.length).toBe(few.statements.length);
      // hits (counted in the same statement) + pools + datasets + the nested fields: groups, organisations,
      // the pools' datasets and the datasets' pools
      expect(many.statements.length).toBeLessThanOrEqual(8);
    });

    it('finds pools and datasets through their GIN indexes', async () => {
      const viewer = await makePerson(t);
      const { statements, parameters } = await statementsFor(viewer, 'Fewmarsh');
      const at = statements.findIndex((s) => s.includes('UNION ALL'));
      const runner = t.dataSource.createQueryRunner();
      try {
        await runner.query('SET enable_seqscan = off');
        const plan = JSON.stringify(await runner.query(`EXPLAIN (FORMAT JSON) ${statements[at]}`, parameters[at]));
        for (const index of ['IDX_data_pools_search', 'IDX_data_pool_datasets_search']) expect(plan).toContain(`"${index}"`);
      } finally {
        await runner.release();
      }
    });
  });
});
