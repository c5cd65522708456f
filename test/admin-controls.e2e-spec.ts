import { randomUUID } from 'node:crypto';
import { PeopleService, PlatformRole } from '@app/people';
import { Actor, makeOrganization } from './support/factories';
import { startTestApp, TestApp, tokenFor } from './support/test-app';

/**
 * The web client offers "New organisation", "Edit organisation", "Invite a person" and "New working group"
 * when `me.role` is ADMIN (decision 230). This holds that flag to the mutations' actual outcome for every
 * platform role: allowed exactly when the client offers it, refused with FORBIDDEN otherwise.
 */
describe('admin controls: me.role against the admin mutations (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function personWithRole(role: PlatformRole): Promise<Actor> {
    const organizationId = (await makeOrganization(t)).id;
    const email = `role-${randomUUID()}@example.org`;
    const person = await t.app.get(PeopleService).create({ email, name: `A ${role}`, organizationId, role });
    return { id: person.id, organizationId, email, token: await tokenFor(t, person.id) };
  }

  it.each([PlatformRole.ADMIN, PlatformRole.COUNSEL, PlatformRole.MEMBER])('%s: each admin mutation succeeds exactly when me.role is ADMIN', async (role) => {
    const viewer = await personWithRole(role);
    const me = await t.gql(`{ me { role } }`, {}, viewer.token);
    const offered = me.data.me.role === 'ADMIN';
    expect(me.data.me.role).toBe(role);

    const suffix = randomUUID().slice(0, 8);
    const target = await makeOrganization(t);
    const outcomes = {
      createOrganization: await t.gql(`mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, { input: { name: `Org ${suffix}`, kind: 'OEM', country: 'FR' } }, viewer.token),
      updateOrganization: await t.gql(`mutation ($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }`, { id: target.id, input: { description: 'Changed' } }, viewer.token),
      invitePerson: await t.gql(`mutation ($input: InvitePersonInput!) { invitePerson(input: $input) { id } }`, { input: { organizationId: target.id, name: 'Invitee', email: `invitee-${suffix}@example.org` } }, viewer.token),
      createWorkingGroup: await t.gql(`mutation ($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }`, { input: { name: `Group ${suffix}`, slug: `group-${suffix}`, mission: 'Mission' } }, viewer.token),
    };
    for (const [mutation, response] of Object.entries(outcomes)) {
      if (offered) expect({ mutation, errors: response.errors }).toEqual({ mutation, errors: undefined });
      else expect({ mutation, code: response.errors?.[0]?.extensions?.code }).toEqual({ mutation, code: 'FORBIDDEN' });
    }
    // What was refused left nothing behind.
    const [stored] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM organizations WHERE name = $1) AS orgs, (SELECT description FROM organizations WHERE id = $2) AS description,
              (SELECT count(*)::int FROM people WHERE email = $3) AS people, (SELECT count(*)::int FROM working_groups WHERE slug = $4) AS groups`,
      [`Org ${suffix}`, target.id, `invitee-${suffix}@example.org`, `group-${suffix}`],
    );
    expect(stored).toEqual(offered ? { orgs: 1, description: 'Changed', people: 1, groups: 1 } : { orgs: 0, description: null, people: 0, groups: 0 });
  });
});
