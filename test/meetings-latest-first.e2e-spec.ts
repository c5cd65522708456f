import { Actor, insertMeeting, makeGroup, makePerson, seat } from './support/factories';
import { ok, startTestApp, TestApp } from './support/test-app';

const LIST = `query ($first: Int, $after: String, $filter: MeetingFilter) {
  meetings(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { title } } } }`;
const OF_GROUP = `query ($id: ID!, $first: Int, $after: String, $filter: MeetingFilter) { workingGroup(id: $id) {
  meetings(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { title } } } } }`;

/**
 * `MeetingFilter.latestFirst` (decision 242): the past meetings of a list, the most recent first, paged in that
 * order by `meetings` and `WorkingGroup.meetings` alike; without it, earliest first as before.
 */
describe('Meetings, latest first (e2e)', () => {
  let t: TestApp;
  let member: Actor;
  let group: { id: string };
  const day = (n: number) => new Date(Date.UTC(2025, 0, n, 9)).toISOString();
  const titles = ['Past 1', 'Past 2', 'Past 3', 'Past 4', 'Past 5'];

  beforeAll(async () => {
    t = await startTestApp();
    group = await makeGroup(t);
    member = await makePerson(t);
    await seat(t, group.id, member, 'MEMBER');
    // Inserted out of order, so neither creation nor insertion order can pass for the start order.
    for (const n of [3, 1, 5, 2, 4]) await insertMeeting(t, member, group.id, { title: `Past ${n}`, startsAt: day(n), endsAt: day(n + 1) });
    await insertMeeting(t, member, group.id, { title: 'Upcoming', startsAt: '2099-01-01T09:00:00.000Z', endsAt: '2099-01-01T10:00:00.000Z' });
  });
  afterAll(() => t?.close());

  async function all(query: string, filter: Record<string, unknown>, field: (data: any) => any): Promise<{ titles: string[]; totals: number[]; pages: number }> {
    const seen: string[] = [];
    const totals: number[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const connection = field(ok(await t.gql(query, { id: group.id, first: 2, after, filter }, member.token)));
      pages += 1;
      totals.push(connection.totalCount);
      seen.push(...connection.edges.map((e: any) => e.node.title));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    return { titles: seen, totals, pages };
  }

  it('pages the past meetings latest first, without gaps or repeats, in both lists', async () => {
    const filter = { workingGroupId: group.id, to: '2026-01-01T00:00:00.000Z', latestFirst: true };
    const expected = { titles: [...titles].reverse(), totals: [5, 5, 5], pages: 3 };
    expect(await all(LIST, filter, (d) => d.meetings)).toEqual(expected);
    const { workingGroupId: _omit, ...groupFilter } = filter;
    expect(await all(OF_GROUP, groupFilter, (d) => d.workingGroup.meetings)).toEqual(expected);
  });

  it('keeps earliest first when latestFirst is false or omitted', async () => {
    const filter = { workingGroupId: group.id };
    expect((await all(LIST, filter, (d) => d.meetings)).titles).toEqual([...titles, 'Upcoming']);
    expect((await all(LIST, { ...filter, latestFirst: false }, (d) => d.meetings)).titles).toEqual([...titles, 'Upcoming']);
    expect((await all(OF_GROUP, { latestFirst: true }, (d) => d.workingGroup.meetings)).titles).toEqual(['Upcoming', ...[...titles].reverse()]);
  });
});
