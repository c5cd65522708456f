import { compileSql, rawSql, Viewer } from '@app/core';
import { canReadCapability, canReadIntroduction, canReadNeed, canSeeNeedOwner, organizationReader } from './marketplace.policy';

const viewer = (role: 'ADMIN' | 'MEMBER'): Viewer => ({
  id: 'person-1',
  organizationId: 'org-1',
  name: 'P',
  email: 'p@example.org',
  role,
  locale: 'EN',
  timezone: 'Europe/Brussels',
  credential: { kind: 'session', id: 's' },
});

describe('marketplace visibility fragments', () => {
  it('lets admins read everything, as TRUE', () => {
    for (const fragment of [canReadCapability(viewer('ADMIN'), 'c'), canReadNeed(viewer('ADMIN'), 'n'), canSeeNeedOwner(viewer('ADMIN'), 'n'), canReadIntroduction(viewer('ADMIN'))]) {
      expect(compileSql(fragment)).toEqual({ text: 'TRUE', values: [] });
    }
  });

  it("carries a person's ids as parameters, never in the text", () => {
    const { text, values } = compileSql(canReadCapability(viewer('MEMBER'), 'c'));
    expect(text).not.toContain('org-1');
    expect(values).toEqual(['org-1', 'person-1', 'person-1', 'org-1']);
    expect(text).toContain("c.confidentiality = 'PUBLIC'");
    // The people of an organisation that asked for an introduction to it keep reading it.
    expect(text).toContain('ri.capability_id = c.id');
  });

  it("reads as an organisation through an SQL expression, with its people's seats", () => {
    const { text, values } = compileSql(canReadCapability(organizationReader(rawSql('n.organization_id')), 'c'));
    expect(values).toEqual([]);
    expect(text).toContain('c.organization_id = n.organization_id');
    expect(text).toContain('vp.organization_id = n.organization_id');
    // Matching is the same rule for every need: introductions do not widen it.
    expect(text).not.toContain('introductions');
  });

  it('reads the seats once per statement, not per row: the seat subqueries never look at the row', () => {
    for (const reader of [viewer('MEMBER'), organizationReader(rawSql('n.organization_id'))]) {
      const { text } = compileSql(canReadCapability(reader, 'c'));
      expect(text).toContain('c.working_group_id = ANY(ARRAY(SELECT vs.working_group_id FROM');
      expect(text).toMatch(/c\.confidentiality = 'MEMBERS' AND cardinality\(ARRAY\(SELECT vs\.working_group_id FROM/);
      for (const seats of text.match(/ARRAY\(SELECT [^)]*\)/g)!) expect(seats).not.toContain('c.');
    }
  });

  it("shows an introduction to its two sides' people", () => {
    const { text, values } = compileSql(canReadIntroduction(viewer('MEMBER')));
    expect(text).toBe('(n.organization_id = $1::uuid OR c.organization_id = $2::uuid)');
    expect(values).toEqual(['org-1', 'org-1']);
  });
});
