import { compileSql, rawSql, Viewer } from '@app/core';
import { canReadCapability, canReadNeed, canSeeNeedOwner, organizationReader } from './marketplace.policy';

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
    for (const fragment of [canReadCapability(viewer('ADMIN'), 'c'), canReadNeed(viewer('ADMIN'), 'n'), canSeeNeedOwner(viewer('ADMIN'), 'n')]) {
      expect(compileSql(fragment)).toEqual({ text: 'TRUE', values: [] });
    }
  });

  it("carries a person's ids as parameters, never in the text", () => {
    const { text, values } = compileSql(canReadCapability(viewer('MEMBER'), 'c'));
    expect(text).not.toContain('org-1');
    expect(values).toEqual(['org-1', 'person-1', 'person-1']);
    expect(text).toContain("c.confidentiality = 'PUBLIC'");
  });

  it("reads as an organisation through an SQL expression, with its people's seats", () => {
    const { text, values } = compileSql(canReadCapability(organizationReader(rawSql('n.organization_id')), 'c'));
    expect(values).toEqual([]);
    expect(text).toContain('c.organization_id = n.organization_id');
    expect(text).toContain('vp.organization_id = n.organization_id');
  });
});
