import { DataSource } from 'typeorm';
import { decodeCursor } from './cursor';
import { fetchPage, fetchPagesByParent, ListQuery, pageLimit } from './keyset';

/** A stand-in database that records the statement and answers with the given rows. */
function recording(rows: Record<string, unknown>[]) {
  const calls: string[] = [];
  const db = { query: (sql: string) => (calls.push(sql), Promise.resolve(rows)) } as unknown as DataSource;
  return { db, calls };
}

const created = new Date('2026-11-27T10:00:00.000Z');
const base: ListQuery = {
  columns: 'p."id" AS "id", p."created_at" AS "createdAt"',
  from: 'cooperation_proposals p',
  orderBy: [
    { sql: 'p.created_at', type: 'timestamptz', property: 'createdAt' },
    { sql: 'p.id', type: 'uuid', property: 'id' },
  ],
};
const args = { first: 1, after: null };
const row = { id: '00000000-0000-4000-8000-000000000001', createdAt: created };

describe(fetchPage.name, () => {
  it('reads sort keys from the selected properties instead of selecting them again', async () => {
    const { db, calls } = recording([row, { ...row, id: '00000000-0000-4000-8000-000000000002' }]);
    const page = await fetchPage(db, { ...base, properties: new Set(['id', 'createdAt']) }, args);

    expect(calls[0]).not.toContain('__k');
    expect(page.edges).toHaveLength(1);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.edges[0].cursor, ['timestamptz', 'uuid'])).toEqual([created.toISOString(), row.id]);
    expect(page.pageInfo.endCursor).toBe(page.edges[0].cursor);
  });

  it('selects a key the columns do not hold, and every key when the columns are not described', async () => {
    const some = recording([{ ...row, __k0: created }]);
    const page = await fetchPage(some.db, { ...base, properties: new Set(['id']) }, args);
    expect(some.calls[0]).toContain('p.created_at AS "__k0"');
    expect(some.calls[0]).not.toContain('__k1');
    expect(decodeCursor(page.edges[0].cursor, 2)).toEqual([created.toISOString(), row.id]);

    const unknown = recording([]);
    await fetchPage(unknown.db, base, args);
    expect(unknown.calls[0]).toContain('p.created_at AS "__k0", p.id AS "__k1"');
  });

  it('has no cursors on an empty page', async () => {
    const { db } = recording([]);
    const page = await fetchPage(db, { ...base, properties: 'all' }, args);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});

describe(pageLimit.name, () => {
  it('is first + 1, and refuses anything but a whole number (it is written into the text)', () => {
    expect([1, 50, 100].map(pageLimit)).toEqual([2, 51, 101]);
    for (const bad of [1.5, -1, Number.NaN, '1; DROP TABLE people' as unknown as number]) expect(() => pageLimit(bad)).toThrow();
  });
});

describe(fetchPagesByParent.name, () => {
  it('reads each parent’s page with its own LIMIT, ordered by the selected properties', async () => {
    const { db, calls } = recording([{ ...row, __parent: 'g1' }]);
    const pages = await fetchPagesByParent(db, { ...base, properties: 'all' }, 'p.working_group_id', ['g1', 'g2'], args);

    // Each parent's page by an index-friendly LIMIT of its own, then the pages in parent order.
    expect(calls[0]).toContain('CROSS JOIN LATERAL');
    expect(calls[0]).toContain('WHERE p.working_group_id = "__parents".id');
    expect(calls[0]).toMatch(/ORDER BY p\.created_at ASC, p\.id ASC LIMIT 2\) s\s+ORDER BY s\."__parent", s\."createdAt" ASC, s\."id" ASC$/);
    expect(calls[0]).not.toContain('__k');
    expect(pages.get('g1')?.edges.map((e) => e.node)).toEqual([expect.objectContaining({ id: row.id })]);
    expect(pages.get('g2')?.edges).toEqual([]);
  });
});
