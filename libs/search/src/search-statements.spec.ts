import { compileSql, Viewer } from '@app/core';
import { SearchKind } from './search-kind.enum';
import { SEARCH_SOURCES } from './search-sources';
import { searchCountStatement, searchPageStatement } from './search-statements';
import { parseSearchText } from './search-text';

const viewer: Viewer = {
  id: '00000000-0000-4000-8000-0000000000a1',
  organizationId: '00000000-0000-4000-8000-0000000000b1',
  name: 'Member',
  email: 'member@example.org',
  role: 'MEMBER',
  locale: 'EN',
  timezone: 'Europe/Brussels',
  credential: { kind: 'access-token', id: 'token' },
};
const text = parseSearchText('Hamm Fahrzeug');

describe(searchPageStatement.name, () => {
  it('ranks every source in one statement, each filtered by its read condition, the text only as parameters', () => {
    const { text: statement, values } = compileSql(searchPageStatement(SEARCH_SOURCES, viewer, text, null, 21));
    expect(statement.match(/UNION ALL/g)).toHaveLength(SEARCH_SOURCES.length - 1);
    for (const source of SEARCH_SOURCES) expect(statement).toContain(`FROM ${source.table} r WHERE r.search_document @@`);
    expect(statement).toContain('vp.consent'); // canReadProposal
    expect(statement).toContain('meeting_invitations vi'); // canReadMeeting
    expect(statement).toContain('data_pool_signatories rps'); // dataPoolReadableBy
    expect(statement).toContain('FROM data_pools dsp WHERE dsp.id = r.pool_id'); // datasetReadableBy, over the same rule
    expect(statement).not.toContain('Hamm');
    expect(values).toContain('Hamm:* & Fahrzeug:*');
    expect(values).toContain(viewer.organizationId);
    expect(values.at(-1)).toBe(21);
    expect(statement).toMatch(/ORDER BY h\.rank DESC, h\.kind DESC, h\.id DESC LIMIT \$\d+\) page\s+ORDER BY page\.rank DESC, page\.kind DESC, page\.id DESC$/);
  });

  it('continues after a cursor by rank, kind and id', () => {
    const after = { rank: '0.5', kind: SearchKind.PERSON, id: '00000000-0000-4000-8000-000000000001' };
    const { text: statement, values } = compileSql(searchPageStatement(SEARCH_SOURCES.slice(0, 2), viewer, text, after, 3));
    expect(statement).toMatch(/WHERE \(h\.rank, h\.kind, h\.id\) < \(\$\d+::numeric, \$\d+::text, \$\d+::uuid\)/);
    expect(values.slice(-4)).toEqual(['0.5', 'PERSON', after.id, 3]);
  });

  it('counts every hit in the same statement when asked, before the cursor and the limit', () => {
    const after = { rank: '0.5', kind: SearchKind.PERSON, id: '00000000-0000-4000-8000-000000000001' };
    const { text: statement } = compileSql(searchPageStatement(SEARCH_SOURCES, viewer, text, after, 21, true));
    expect(statement).toMatch(/count\(\*\) OVER \(\)::int AS total FROM \(SELECT .* UNION ALL .*\) a\) h WHERE \(h\.rank, h\.kind, h\.id\) </s);
    expect(statement).toContain('SELECT h.kind, h.id, h.rank, h.total FROM');
    expect(compileSql(searchPageStatement(SEARCH_SOURCES, viewer, text, after, 21)).text).not.toContain('OVER');
  });

  it('parses the query in a scalar subquery wherever it is used, so that a generic plan parses it once, not per hit', () => {
    const { text: statement } = compileSql(searchPageStatement(SEARCH_SOURCES, viewer, text, null, 21, true));
    const uses = statement.match(/to_tsquery\('search_english'/g) ?? [];
    expect(uses.length).toBeGreaterThan(SEARCH_SOURCES.length);
    expect(statement.match(/\(SELECT \(to_tsquery\('search_english', \$\d+\) \|\| to_tsquery\('search_german', \$\d+\)\)\)/g)).toHaveLength(uses.length);
  });

  it('reads only the sources asked for', () => {
    const people = SEARCH_SOURCES.filter((source) => source.kind === SearchKind.PERSON);
    const { text: statement } = compileSql(searchPageStatement(people, viewer, text, null, 3));
    expect(statement).not.toContain('UNION ALL');
    expect(statement).toContain('FROM people r');
    expect(statement).not.toContain('cooperation_proposals');
  });
});

describe(searchCountStatement.name, () => {
  it('sums one count per source over the same rows as the pages, without ranks or snippets', () => {
    const { text: statement } = compileSql(searchCountStatement(SEARCH_SOURCES, viewer, text));
    expect(statement.match(/SELECT count\(\*\)/g)).toHaveLength(SEARCH_SOURCES.length);
    expect(statement).toContain('vp.consent');
    expect(statement).not.toMatch(/ts_rank|ts_headline/);
  });
});
