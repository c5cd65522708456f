import { Actor, makeGroup, makeOrganization, makePerson, seat } from './support/factories';
import { errorCode, GqlResponse, ok, startTestApp, TestApp } from './support/test-app';

const PRIORITY_FIELDS = `id title description rank status createdAt workingGroup { id }
  endorsements { id name } endorsementCount viewerHasEndorsed`;
const CREATE = `mutation ($input: CreatePriorityInput!) { createPriority(input: $input) { ${PRIORITY_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdatePriorityInput!) { updatePriority(id: $id, input: $input) { ${PRIORITY_FIELDS} } }`;
const REORDER = `mutation ($g: ID, $ids: [ID!]!) { reorderPriorities(workingGroupId: $g, orderedIds: $ids) { id rank } }`;
const ENDORSE = `mutation ($id: ID!) { endorsePriority(id: $id) { id endorsementCount viewerHasEndorsed endorsements { id } } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawPriorityEndorsement(id: $id) { id endorsementCount viewerHasEndorsed endorsements { id } } }`;
const PRIORITIES = `query ($g: ID, $status: PriorityStatus) { priorities(workingGroupId: $g, status: $status) { id rank status workingGroup { id } } }`;
const PRIORITY = `query ($id: ID!) { priority(id: $id) { ${PRIORITY_FIELDS} } }`;
const GROUP_PRIORITIES = `query ($id: ID!, $status: PriorityStatus) {
  workingGroup(id: $id) { id priorities(status: $status) { id rank status workingGroup { id } } } }`;

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

type Status = 'PROPOSED' | 'ADOPTED' | 'ARCHIVED';

describe('Priorities: ranking, permissions and endorsements (e2e)', () => {
  let t: TestApp;
  let admin: Actor;

  beforeAll(async () => {
    // No notification worker: its background statements would count in the SQL statement tests
    // (notifications have their own e2e tests; events are still recorded in each transaction).
    t = await startTestApp({ RUN_WORKER: 'false' });
    admin = await makePerson(t, { admin: true });
  });
  afterAll(() => t.close());


  function refusal(response: GqlResponse): { code?: string; reason?: string; field?: string } {
    const error = response.errors?.[0];
    return { code: error?.extensions.code, reason: error?.extensions.reason, field: error?.extensions.field };
  }

  /** A group with one person per role, each from their own organisation, an outsider and another group's chair. */
  async function fixture() {
    const group = await makeGroup(t);
    const [chair, coChair, secretary, member, observer, outsider, otherChair] = await Promise.all(
      Array.from({ length: 7 }, () => makePerson(t)),
    );
    await seat(t, group.id, chair, 'CHAIR');
    await seat(t, group.id, coChair, 'CO_CHAIR');
    await seat(t, group.id, secretary, 'SECRETARY');
    await seat(t, group.id, member, 'MEMBER');
    await seat(t, group.id, observer, 'OBSERVER');
    await seat(t, (await makeGroup(t)).id, otherChair, 'CHAIR');
    return { group, chair, coChair, secretary, member, observer, outsider, otherChair };
  }

  function create(actor: Actor | null, workingGroupId: string | null, title = 'Open automotive data spaces', extra: object = {}) {
    return t.gql(CREATE, { input: { workingGroupId, title, description: 'Why it matters', ...extra } }, actor?.token);
  }

  async function created(actor: Actor, workingGroupId: string | null, title?: string, extra?: object) {
    return ok(await create(actor, workingGroupId, title, extra)).createPriority;
  }

  /** The scope's rows straight from the database, by rank. */
  async function ranksOf(workingGroupId: string | null): Promise<{ id: string; rank: number; title: string; status: Status }[]> {
    return t.dataSource.query(
      `SELECT id, rank, title, status FROM priorities WHERE working_group_id IS NOT DISTINCT FROM $1::uuid ORDER BY rank`,
      [workingGroupId],
    );
  }

  /** Ranks are exactly 1..n. */
  function expectGapless(rows: { rank: number }[]): void {
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
  }

  async function endorsementRows(priorityId: string): Promise<{ organization_id: string }[]> {
    return t.dataSource.query(`SELECT organization_id FROM priority_endorsements WHERE priority_id = $1`, [priorityId]);
  }

  describe('createPriority', () => {
    it('appends at rank n+1, PROPOSED by default, trimming the title', async () => {
      const f = await fixture();
      const first = await created(f.chair, f.group.id, '  Synthetic data for validation  ');
      expect(first).toMatchObject({
        title: 'Synthetic data for validation',
        description: 'Why it matters',
        rank: 1,
        status: 'PROPOSED',
        workingGroup: { id: f.group.id },
        endorsements: [],
        endorsementCount: 0,
        viewerHasEndorsed: false,
      });
      expect(new Date(first.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
      const second = await created(f.secretary, f.group.id, 'Benchmarks', { status: 'ADOPTED' });
      expect(second).toMatchObject({ rank: 2, status: 'ADOPTED' });
      expect(await ranksOf(f.group.id)).toEqual([
        expect.objectContaining({ id: first.id, rank: 1 }),
        expect.objectContaining({ id: second.id, rank: 2 }),
      ]);
    });

    it("lets the group's CHAIR, CO_CHAIR, SECRETARY and an admin create its priorities", async () => {
      const f = await fixture();
      for (const [i, actor] of [f.chair, f.coChair, f.secretary, admin].entries()) {
        expect(await created(actor, f.group.id, `Priority ${i}`)).toMatchObject({ rank: i + 1 });
      }
      expectGapless(await ranksOf(f.group.id));
    });

    it('refuses MEMBER, OBSERVER, an outsider and another group’s chair with FORBIDDEN, creating nothing', async () => {
      const f = await fixture();
      for (const actor of [f.member, f.observer, f.outsider, f.otherChair]) {
        expect(refusal(await create(actor, f.group.id))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_GROUP_MANAGER' });
      }
      expect(await ranksOf(f.group.id)).toEqual([]);
    });

    it('refuses anonymous clients with UNAUTHENTICATED', async () => {
      const f = await fixture();
      expect(errorCode(await create(null, f.group.id))).toBe('UNAUTHENTICATED');
      expect(errorCode(await create(null, null))).toBe('UNAUTHENTICATED');
      expect(await ranksOf(f.group.id)).toEqual([]);
    });

    it('lets only admins create alliance-wide priorities', async () => {
      const f = await fixture();
      const before = await ranksOf(null);
      const alliance = await created(admin, null, 'Sovereign AI compute for mobility');
      expect(alliance).toMatchObject({ workingGroup: null, rank: before.length + 1 });
      for (const actor of [f.chair, f.secretary, f.member, f.outsider]) {
        expect(refusal(await create(actor, null))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ADMIN' });
      }
      expect(await ranksOf(null)).toHaveLength(before.length + 1);
    });

    it('answers NOT_FOUND for an unknown group and BAD_USER_INPUT for a malformed group id', async () => {
      expect(refusal(await create(admin, UNKNOWN))).toMatchObject({ code: 'NOT_FOUND', reason: 'WORKING_GROUP_NOT_FOUND' });
      expect(refusal(await create(admin, 'not-a-uuid'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workingGroupId' });
    });

    it.each([
      ['an empty title', { title: '   ' }, 'title'],
      ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title'],
      ['a description over 10,000 characters', { description: 'x'.repeat(10_001) }, 'description'],
    ])('refuses %s with BAD_USER_INPUT naming the field', async (_, input, field) => {
      const f = await fixture();
      const response = await t.gql(
        CREATE,
        { input: { workingGroupId: f.group.id, title: 'Title', description: 'Description', ...input } },
        f.chair.token,
      );
      expect(refusal(response)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await ranksOf(f.group.id)).toEqual([]);
    });

    it('accepts a title of exactly 200 characters and an empty description', async () => {
      const f = await fixture();
      const priority = await created(f.chair, f.group.id, 'x'.repeat(200), { description: '' });
      expect(priority).toMatchObject({ title: 'x'.repeat(200), description: '' });
    });
  });

  describe('updatePriority', () => {
    it('edits title and description, adopts and archives, keeping the rank and fields not given', async () => {
      const f = await fixture();
      await created(f.chair, f.group.id, 'First');
      const priority = await created(f.chair, f.group.id, 'Second');
      const edited = ok(await t.gql(UPDATE, { id: priority.id, input: { title: ' Renamed ' } }, f.secretary.token)).updatePriority;
      expect(edited).toMatchObject({ id: priority.id, title: 'Renamed', description: 'Why it matters', status: 'PROPOSED', rank: 2 });
      const adopted = ok(await t.gql(UPDATE, { id: priority.id, input: { status: 'ADOPTED' } }, f.coChair.token)).updatePriority;
      expect(adopted).toMatchObject({ title: 'Renamed', status: 'ADOPTED', rank: 2 });
      const archived = ok(await t.gql(UPDATE, { id: priority.id, input: { status: 'ARCHIVED', description: 'Done' } }, admin.token))
        .updatePriority;
      expect(archived).toMatchObject({ title: 'Renamed', description: 'Done', status: 'ARCHIVED', rank: 2 });
      // An archived priority keeps its rank: the scope stays 1..n.
      expect(await ranksOf(f.group.id)).toEqual([
        expect.objectContaining({ title: 'First', rank: 1 }),
        expect.objectContaining({ id: priority.id, title: 'Renamed', status: 'ARCHIVED', rank: 2 }),
      ]);
    });

    it('refuses MEMBER, OBSERVER, outsiders and another group’s chair with FORBIDDEN, changing nothing', async () => {
      const f = await fixture();
      const priority = await created(f.chair, f.group.id, 'Unchanged');
      for (const actor of [f.member, f.observer, f.outsider, f.otherChair]) {
        const response = await t.gql(UPDATE, { id: priority.id, input: { status: 'ARCHIVED' } }, actor.token);
        expect(refusal(response)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_GROUP_MANAGER' });
      }
      expect(errorCode(await t.gql(UPDATE, { id: priority.id, input: { title: 'x' } }))).toBe('UNAUTHENTICATED');
      expect(await ranksOf(f.group.id)).toEqual([expect.objectContaining({ title: 'Unchanged', status: 'PROPOSED' })]);
    });

    it('lets only admins edit alliance-wide priorities', async () => {
      const f = await fixture();
      const priority = await created(admin, null, 'Alliance priority');
      for (const actor of [f.chair, f.member]) {
        expect(refusal(await t.gql(UPDATE, { id: priority.id, input: { title: 'x' } }, actor.token))).toMatchObject({
          code: 'FORBIDDEN',
          reason: 'NOT_ADMIN',
        });
      }
      expect(ok(await t.gql(UPDATE, { id: priority.id, input: { status: 'ADOPTED' } }, admin.token)).updatePriority).toMatchObject({
        title: 'Alliance priority',
        status: 'ADOPTED',
      });
    });

    it('answers NOT_FOUND for unknown and malformed ids, BAD_USER_INPUT for null or empty fields', async () => {
      const f = await fixture();
      const priority = await created(f.chair, f.group.id);
      for (const id of [UNKNOWN, 'nope']) {
        expect(refusal(await t.gql(UPDATE, { id, input: { title: 'x' } }, admin.token))).toMatchObject({ code: 'NOT_FOUND' });
      }
      for (const [input, field] of [
        [{ title: null }, 'title'],
        [{ status: null }, 'status'],
        [{ description: null }, 'description'],
        [{ title: '' }, 'title'],
        [{ title: 'x'.repeat(201) }, 'title'],
      ] as const) {
        expect(refusal(await t.gql(UPDATE, { id: priority.id, input }, f.chair.token))).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      expect(await ranksOf(f.group.id)).toEqual([expect.objectContaining({ title: 'Open automotive data spaces', status: 'PROPOSED' })]);
    });
  });

  describe('reorderPriorities', () => {
    async function scopeOf(actor: Actor, workingGroupId: string | null, count: number): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1) ids.push((await created(actor, workingGroupId, `P${i}`)).id);
      return ids;
    }

    it('sets ranks 1..n in the given order, whatever the status, and returns the scope by rank', async () => {
      const f = await fixture();
      const [a, b, c, d] = await scopeOf(f.chair, f.group.id, 4);
      await t.gql(UPDATE, { id: b, input: { status: 'ARCHIVED' } }, f.chair.token);
      const result = ok(await t.gql(REORDER, { g: f.group.id, ids: [d, b, a, c] }, f.secretary.token)).reorderPriorities;
      expect(result).toEqual([
        { id: d, rank: 1 },
        { id: b, rank: 2 },
        { id: a, rank: 3 },
        { id: c, rank: 4 },
      ]);
      expect((await ranksOf(f.group.id)).map((r) => r.id)).toEqual([d, b, a, c]);
      // The next priority is appended after them.
      expect(await created(f.chair, f.group.id)).toMatchObject({ rank: 5 });
    });

    it("lets the group's CHAIR, CO_CHAIR, SECRETARY and admins reorder; refuses others with FORBIDDEN", async () => {
      const f = await fixture();
      const ids = await scopeOf(f.chair, f.group.id, 3);
      for (const actor of [f.chair, f.coChair, f.secretary, admin]) {
        ids.push(ids.shift()!);
        expect(ok(await t.gql(REORDER, { g: f.group.id, ids }, actor.token)).reorderPriorities.map((p: any) => p.id)).toEqual(ids);
      }
      for (const actor of [f.member, f.observer, f.outsider, f.otherChair]) {
        const response = await t.gql(REORDER, { g: f.group.id, ids: [...ids].reverse() }, actor.token);
        expect(refusal(response)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_GROUP_MANAGER' });
      }
      expect(errorCode(await t.gql(REORDER, { g: f.group.id, ids: [...ids].reverse() }))).toBe('UNAUTHENTICATED');
      expect((await ranksOf(f.group.id)).map((r) => r.id)).toEqual(ids);
    });

    it('reorders alliance-wide priorities (null workingGroupId) for admins only', async () => {
      const f = await fixture();
      await scopeOf(admin, null, 2);
      const current = (await ranksOf(null)).map((r) => r.id);
      const reversed = [...current].reverse();
      for (const actor of [f.chair, f.member]) {
        expect(refusal(await t.gql(REORDER, { g: null, ids: reversed }, actor.token))).toMatchObject({
          code: 'FORBIDDEN',
          reason: 'NOT_ADMIN',
        });
      }
      expect((await ranksOf(null)).map((r) => r.id)).toEqual(current);
      const result = ok(await t.gql(REORDER, { ids: reversed }, admin.token)).reorderPriorities;
      expect(result.map((p: any) => p.id)).toEqual(reversed);
      expect((await ranksOf(null)).map((r) => r.id)).toEqual(reversed);
      expectGapless(await ranksOf(null));
    });

    it('answers NOT_FOUND for an unknown or malformed group', async () => {
      for (const g of [UNKNOWN, 'nope']) {
        expect(refusal(await t.gql(REORDER, { g, ids: [] }, admin.token))).toMatchObject({ code: 'NOT_FOUND' });
      }
    });

    it('refuses missing, extra, duplicate, foreign and malformed ids with BAD_USER_INPUT, changing nothing', async () => {
      const f = await fixture();
      const [a, b, c] = await scopeOf(f.chair, f.group.id, 3);
      const other = await fixture();
      const [foreign] = await scopeOf(other.chair, other.group.id, 1);
      const alliance = await created(admin, null, 'Alliance');
      const cases: [string, string[]][] = [
        ['missing', [c, a]],
        ['empty', []],
        ['duplicate', [c, c, a]],
        ['duplicate with all', [c, b, a, a]],
        ['extra unknown', [c, b, a, UNKNOWN]],
        ['another group', [c, b, foreign]],
        ['another group extra', [c, b, a, foreign]],
        ['alliance-wide', [c, b, a, alliance.id]],
        ['malformed', [c, b, 'nope']],
      ];
      for (const [, ids] of cases) {
        const response = await t.gql(REORDER, { g: f.group.id, ids }, f.chair.token);
        expect(refusal(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderedIds' });
      }
      expect((await ranksOf(f.group.id)).map((r) => r.id)).toEqual([a, b, c]);
      expect((await ranksOf(other.group.id)).map((r) => r.id)).toEqual([foreign]);
    });

    it('accepts an empty ordering of an empty scope', async () => {
      const f = await fixture();
      expect(ok(await t.gql(REORDER, { g: f.group.id, ids: [] }, f.chair.token)).reorderPriorities).toEqual([]);
    });
  });

  describe('ranks under concurrency', () => {
    /** Distinct permutations: rotations, then reversed rotations. */
    function permutations(ids: string[], count: number): string[][] {
      return Array.from({ length: count }, (_, i) => {
        const rotated = [...ids.slice(i % ids.length), ...ids.slice(0, i % ids.length)];
        return i >= ids.length ? rotated.reverse() : rotated;
      });
    }

    it('gives 10 parallel creates in one scope exactly the ranks 1..10', async () => {
      const f = await fixture();
      const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => create(f.chair, f.group.id, `Parallel ${i}`)));
      const ranks = responses.map((r) => ok(r).createPriority.rank).sort((x: number, y: number) => x - y);
      expect(ranks).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const rows = await ranksOf(f.group.id);
      expect(rows).toHaveLength(10);
      expectGapless(rows);
    });

    it('gives parallel alliance-wide creates consecutive ranks too', async () => {
      const before = (await ranksOf(null)).length;
      const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => create(admin, null, `Alliance parallel ${i}`)));
      const ranks = responses.map((r) => ok(r).createPriority.rank).sort((x: number, y: number) => x - y);
      expect(ranks).toEqual([1, 2, 3, 4, 5, 6].map((i) => before + i));
      expectGapless(await ranksOf(null));
    });

    it('applies parallel reorders one at a time: each result is its own permutation, the last one wins', async () => {
      const f = await fixture();
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) ids.push((await created(f.chair, f.group.id, `R${i}`)).id);
      const orders = permutations(ids, 10);
      const responses = await Promise.all(orders.map((order) => t.gql(REORDER, { g: f.group.id, ids: order }, f.chair.token)));
      responses.forEach((response, i) => {
        const result = ok(response).reorderPriorities;
        expect(result).toEqual(orders[i].map((id, rank) => ({ id, rank: rank + 1 })));
      });
      const final = (await ranksOf(f.group.id)).map((r) => r.id);
      expect(orders).toContainEqual(final);
      expectGapless(await ranksOf(f.group.id));
    });

    it('keeps ranks 1..n under parallel creates and reorders mixed', async () => {
      const f = await fixture();
      const ids: string[] = [];
      for (let i = 0; i < 4; i += 1) ids.push((await created(f.chair, f.group.id, `M${i}`)).id);
      const orders = permutations(ids, 6);
      const work = [
        ...orders.map((order) => ({ kind: 'reorder' as const, order, response: t.gql(REORDER, { g: f.group.id, ids: order }, f.secretary.token) })),
        ...Array.from({ length: 6 }, (_, i) => ({ kind: 'create' as const, order: [], response: create(f.chair, f.group.id, `New ${i}`) })),
      ];
      const settled = await Promise.all(work.map(async (w) => ({ ...w, response: await w.response })));
      for (const { kind, order, response } of settled) {
        if (kind === 'create') {
          ok(response);
        } else if (response.errors) {
          // A create landed first: the ordering no longer lists every priority of the scope.
          expect(refusal(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderedIds' });
        } else {
          const result = response.data!.reorderPriorities;
          expect(result).toEqual(order.map((id, rank) => ({ id, rank: rank + 1 })));
        }
      }
      const rows = await ranksOf(f.group.id);
      expect(rows).toHaveLength(10);
      expectGapless(rows);
      expect(new Set(rows.map((r) => r.id)).size).toBe(10);
    });
  });

  describe('endorsePriority and withdrawPriorityEndorsement', () => {
    it("records one endorsement per organisation, idempotently, shown to the organisation's people", async () => {
      const f = await fixture();
      const colleague = await makePerson(t, { organizationId: f.member.organizationId });
      await seat(t, f.group.id, colleague, 'MEMBER');
      const priority = await created(f.chair, f.group.id);
      const first = ok(await t.gql(ENDORSE, { id: priority.id }, f.member.token)).endorsePriority;
      expect(first).toEqual({ id: priority.id, endorsementCount: 1, viewerHasEndorsed: true, endorsements: [{ id: f.member.organizationId }] });
      const again = ok(await t.gql(ENDORSE, { id: priority.id }, colleague.token)).endorsePriority;
      expect(again).toMatchObject({ endorsementCount: 1, viewerHasEndorsed: true });
      expect(ok(await t.gql(ENDORSE, { id: priority.id }, f.member.token)).endorsePriority.endorsementCount).toBe(1);
      const seen = ok(await t.gql(PRIORITY, { id: priority.id }, f.outsider.token)).priority;
      expect(seen).toMatchObject({ endorsementCount: 1, viewerHasEndorsed: false });
      expect(await endorsementRows(priority.id)).toEqual([{ organization_id: f.member.organizationId }]);
    });

    it('keeps one endorsement per organisation under 5 parallel endorsements from two of its people', async () => {
      const f = await fixture();
      const colleague = await makePerson(t, { organizationId: f.member.organizationId });
      await seat(t, f.group.id, colleague, 'MEMBER');
      const priority = await created(f.chair, f.group.id);
      const responses = await Promise.all(
        [f.member, colleague, f.member, colleague, f.member].map((actor) => t.gql(ENDORSE, { id: priority.id }, actor.token)),
      );
      for (const response of responses) expect(ok(response).endorsePriority.endorsementCount).toBe(1);
      expect(await endorsementRows(priority.id)).toEqual([{ organization_id: f.member.organizationId }]);
    });

    it("lets the group's participants other than observers, and admins, endorse its priorities", async () => {
      const f = await fixture();
      const priority = await created(f.chair, f.group.id);
      for (const actor of [f.chair, f.coChair, f.secretary, f.member, admin]) {
        expect(ok(await t.gql(ENDORSE, { id: priority.id }, actor.token)).endorsePriority.viewerHasEndorsed).toBe(true);
      }
      const endorsements = ok(await t.gql(PRIORITY, { id: priority.id }, admin.token)).priority;
      expect(endorsements.endorsementCount).toBe(5);
      expect(endorsements.endorsements.map((o: any) => o.id).sort()).toEqual(
        [f.chair, f.coChair, f.secretary, f.member, admin].map((a) => a.organizationId).sort(),
      );
    });

    it('refuses observers, outsiders, another group’s chair and anonymous clients', async () => {
      const f = await fixture();
      const priority = await created(f.chair, f.group.id);
      for (const actor of [f.observer, f.outsider, f.otherChair]) {
        for (const mutation of [ENDORSE, WITHDRAW]) {
          expect(refusal(await t.gql(mutation, { id: priority.id }, actor.token))).toMatchObject({
            code: 'FORBIDDEN',
            reason: 'NOT_GROUP_PARTICIPANT',
          });
        }
      }
      expect(errorCode(await t.gql(ENDORSE, { id: priority.id }))).toBe('UNAUTHENTICATED');
      expect(await endorsementRows(priority.id)).toEqual([]);
    });

    it('lets anyone with a non-observer seat in any group, and admins, endorse alliance-wide priorities', async () => {
      const f = await fixture();
      const priority = await created(admin, null, 'Alliance endorsement');
      for (const actor of [f.member, f.otherChair, admin]) {
        expect(ok(await t.gql(ENDORSE, { id: priority.id }, actor.token)).endorsePriority.viewerHasEndorsed).toBe(true);
      }
      for (const actor of [f.observer, f.outsider]) {
        expect(refusal(await t.gql(ENDORSE, { id: priority.id }, actor.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_PARTICIPANT' });
      }
      expect(await endorsementRows(priority.id)).toHaveLength(3);
    });

    it('refuses to endorse an ARCHIVED priority with CONFLICT, but lets the endorsement be withdrawn', async () => {
      const f = await fixture();
      const priority = await created(f.chair, f.group.id);
      ok(await t.gql(ENDORSE, { id: priority.id }, f.chair.token));
      ok(await t.gql(UPDATE, { id: priority.id, input: { status: 'ARCHIVED' } }, f.chair.token));
      expect(refusal(await t.gql(ENDORSE, { id: priority.id }, f.member.token))).toMatchObject({
        code: 'CONFLICT',
        reason: 'PRIORITY_ARCHIVED',
      });
      expect(await endorsementRows(priority.id)).toEqual([{ organization_id: f.chair.organizationId }]);
      expect(ok(await t.gql(WITHDRAW, { id: priority.id }, f.chair.token)).withdrawPriorityEndorsement.endorsementCount).toBe(0);
    });

    it("withdraws only the viewer's organisation's endorsement, idempotently", async () => {
      const f = await fixture();
      const priority = await created(f.chair, f.group.id);
      ok(await t.gql(ENDORSE, { id: priority.id }, f.member.token));
      ok(await t.gql(ENDORSE, { id: priority.id }, f.secretary.token));
      const withdrawn = ok(await t.gql(WITHDRAW, { id: priority.id }, f.member.token)).withdrawPriorityEndorsement;
      expect(withdrawn).toEqual({
        id: priority.id,
        endorsementCount: 1,
        viewerHasEndorsed: false,
        endorsements: [{ id: f.secretary.organizationId }],
      });
      expect(ok(await t.gql(WITHDRAW, { id: priority.id }, f.member.token)).withdrawPriorityEndorsement.endorsementCount).toBe(1);
      expect(ok(await t.gql(WITHDRAW, { id: priority.id }, f.chair.token)).withdrawPriorityEndorsement.endorsementCount).toBe(1);
      expect(await endorsementRows(priority.id)).toEqual([{ organization_id: f.secretary.organizationId }]);
    });

    it('answers NOT_FOUND for unknown and malformed ids', async () => {
      for (const mutation of [ENDORSE, WITHDRAW]) {
        for (const id of [UNKNOWN, 'nope']) {
          expect(refusal(await t.gql(mutation, { id }, admin.token))).toMatchObject({ code: 'NOT_FOUND', reason: 'PRIORITY_NOT_FOUND' });
        }
      }
    });

    it('lists endorsing organisations by name', async () => {
      const f = await fixture();
      const priority = await created(f.chair, f.group.id);
      const names = ['Zeta Motors', 'alpha Chips', 'HLRS'].map((name) => `${name} ${Date.now()}`);
      for (const name of names) {
        const organization = await makeOrganization(t, { name });
        const person = await makePerson(t, { organizationId: organization.id });
        await seat(t, f.group.id, person, 'MEMBER');
        ok(await t.gql(ENDORSE, { id: priority.id }, person.token));
      }
      const listed = ok(await t.gql(PRIORITY, { id: priority.id }, f.observer.token)).priority.endorsements.map((o: any) => o.name);
      expect(listed).toEqual([names[1], names[2], names[0]]);
    });
  });

  describe('reading priorities', () => {
    it('lists a group’s priorities by rank, filtered by status, to every signed-in person', async () => {
      const f = await fixture();
      const [a, b, c] = [await created(f.chair, f.group.id, 'A'), await created(f.chair, f.group.id, 'B'), await created(f.chair, f.group.id, 'C')];
      ok(await t.gql(UPDATE, { id: b.id, input: { status: 'ADOPTED' } }, f.chair.token));
      ok(await t.gql(UPDATE, { id: c.id, input: { status: 'ARCHIVED' } }, f.chair.token));
      ok(await t.gql(REORDER, { g: f.group.id, ids: [c.id, a.id, b.id] }, f.chair.token));
      for (const actor of [f.outsider, f.observer, admin]) {
        const all = ok(await t.gql(PRIORITIES, { g: f.group.id }, actor.token)).priorities;
        expect(all).toEqual([
          { id: c.id, rank: 1, status: 'ARCHIVED', workingGroup: { id: f.group.id } },
          { id: a.id, rank: 2, status: 'PROPOSED', workingGroup: { id: f.group.id } },
          { id: b.id, rank: 3, status: 'ADOPTED', workingGroup: { id: f.group.id } },
        ]);
      }
      const adopted = ok(await t.gql(PRIORITIES, { g: f.group.id, status: 'ADOPTED' }, f.member.token)).priorities;
      expect(adopted.map((p: any) => p.id)).toEqual([b.id]);
      const viaGroup = ok(await t.gql(GROUP_PRIORITIES, { id: f.group.id }, f.outsider.token)).workingGroup.priorities;
      expect(viaGroup.map((p: any) => p.id)).toEqual([c.id, a.id, b.id]);
      const proposed = ok(await t.gql(GROUP_PRIORITIES, { id: f.group.id, status: 'PROPOSED' }, f.outsider.token)).workingGroup;
      expect(proposed.priorities.map((p: any) => p.id)).toEqual([a.id]);
    });

    it('lists alliance-wide priorities when workingGroupId is omitted, never a group’s', async () => {
      const f = await fixture();
      const groupPriority = await created(f.chair, f.group.id);
      const alliance = await created(admin, null, 'Alliance listed', { status: 'ADOPTED' });
      const listed = ok(await t.gql(PRIORITIES, {}, f.member.token)).priorities;
      expect(listed.map((p: any) => p.rank)).toEqual(listed.map((_: unknown, i: number) => i + 1));
      expect(listed.every((p: any) => p.workingGroup === null)).toBe(true);
      expect(listed.map((p: any) => p.id)).toContain(alliance.id);
      expect(listed.map((p: any) => p.id)).not.toContain(groupPriority.id);
      const adopted = ok(await t.gql(PRIORITIES, { status: 'ADOPTED' }, f.member.token)).priorities;
      expect(adopted.map((p: any) => p.id)).toContain(alliance.id);
      expect(adopted.every((p: any) => p.status === 'ADOPTED')).toBe(true);
    });

    it('answers NOT_FOUND for an unknown group, null for an unknown priority, UNAUTHENTICATED without a viewer', async () => {
      const f = await fixture();
      for (const g of [UNKNOWN, 'nope']) {
        expect(refusal(await t.gql(PRIORITIES, { g }, f.member.token))).toMatchObject({ code: 'NOT_FOUND' });
      }
      for (const id of [UNKNOWN, 'nope']) {
        expect(ok(await t.gql(PRIORITY, { id }, f.member.token)).priority).toBeNull();
      }
      expect(errorCode(await t.gql(PRIORITIES, {}))).toBe('UNAUTHENTICATED');
      const priority = await created(f.chair, f.group.id);
      expect(errorCode(await t.gql(PRIORITY, { id: priority.id }))).toBe('UNAUTHENTICATED');
    });

    it('refuses an unknown status value', async () => {
      const response = await t.gql(PRIORITIES, { status: 'DONE' }, admin.token);
      expect(response.errors).toBeDefined();
      expect(response.data).toBeUndefined();
    });
  });

  describe('SQL statements per request', () => {
    const FIELDS = 'id rank endorsements { name } endorsementCount viewerHasEndorsed workingGroup { name }';
    const ALLIANCE = `{ priorities { ${FIELDS} } }`;
    const BY_GROUP = `{ workingGroups { name priorities { ${FIELDS} } } }`;

    async function statementsFor(query: string): Promise<number> {
      // Warm-up: the token's first use writes last_used_at once, which is not part of the query's cost.
      await t.gql(query, {}, admin.token);
      const { result, statements } = await t.counter.measure(() => t.gql(query, {}, admin.token));
      expect(result.errors).toBeUndefined();
      return statements.length;
    }

    /** Priorities in a new group and alliance-wide, each endorsed by two organisations. */
    async function addPriorities(count: number): Promise<void> {
      const f = await fixture();
      for (let i = 0; i < count; i += 1) {
        for (const scope of [f.group.id, null]) {
          const priority = await created(admin, scope, `Counted ${i}`);
          for (const actor of [f.member, f.chair]) ok(await t.gql(ENDORSE, { id: priority.id }, actor.token));
        }
      }
    }

    it('does not grow with the number of priorities, groups and endorsements', async () => {
      await addPriorities(2);
      const small = { alliance: await statementsFor(ALLIANCE), byGroup: await statementsFor(BY_GROUP) };
      await addPriorities(6);
      const large = { alliance: await statementsFor(ALLIANCE), byGroup: await statementsFor(BY_GROUP) };
      const alliance = ok(await t.gql(ALLIANCE, {}, admin.token)).priorities;
      const byGroup = ok(await t.gql(BY_GROUP, {}, admin.token)).workingGroups.flatMap((g: any) => g.priorities);
      for (const priorities of [alliance, byGroup]) {
        expect(priorities.filter((p: any) => p.endorsementCount === 2 && p.endorsements.length === 2).length).toBeGreaterThanOrEqual(8);
      }
      expect(byGroup.every((p: any) => typeof p.workingGroup.name === 'string')).toBe(true);
      expect(large).toEqual(small);
      // auth, the list, endorsements, counts, the viewer's endorsements (no group: workingGroup is null)
      expect(large.alliance).toBeLessThanOrEqual(5);
      // auth, groups, their priorities, endorsements, counts, the viewer's endorsements, the priorities' groups
      expect(large.byGroup).toBeLessThanOrEqual(7);
    });
  });
});
