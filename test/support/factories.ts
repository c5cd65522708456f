import { randomUUID } from 'node:crypto';
import { OrganizationsService } from '@app/organizations';
import { PeopleService, PlatformRole } from '@app/people';
import { TestApp, tokenFor } from './test-app';

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence += 1)}`;

export interface Actor {
  id: string;
  organizationId: string;
  email: string;
  token: string;
}

/** An organisation, created through the service (set-up). */
export async function makeOrganization(t: TestApp, overrides: { name?: string; kind?: string; country?: string } = {}) {
  return t.app.get(OrganizationsService).insert({
    name: overrides.name ?? `Org ${next()}`,
    kind: (overrides.kind ?? 'OEM') as never,
    country: overrides.country ?? 'DE',
  });
}

/** A person with an access token; a new organisation unless one is given. */
export async function makePerson(t: TestApp, options: { organizationId?: string; admin?: boolean; name?: string } = {}): Promise<Actor> {
  const organizationId = options.organizationId ?? (await makeOrganization(t)).id;
  const email = `person-${next()}@example.org`;
  const person = await t.app.get(PeopleService).create({
    email,
    name: options.name ?? `Person ${next()}`,
    organizationId,
    role: options.admin ? PlatformRole.ADMIN : PlatformRole.MEMBER,
  });
  return { id: person.id, organizationId, email, token: await tokenFor(t, person.id) };
}

/** A working group, inserted directly (set-up). */
export async function makeGroup(t: TestApp, status = 'ACTIVE'): Promise<{ id: string; slug: string }> {
  const id = randomUUID();
  const slug = `group-${next()}`;
  await t.dataSource.query(`INSERT INTO working_groups (id, slug, name, mission, status) VALUES ($1, $2, $3, 'Mission', $4)`, [
    id,
    slug,
    `Group ${slug}`,
    status,
  ]);
  return { id, slug };
}

/** Makes the person's organisation an active member and gives the person a seat (set-up). */
export async function seat(t: TestApp, groupId: string, person: Actor, role: string): Promise<void> {
  await t.dataSource.query(
    `INSERT INTO working_group_memberships (id, working_group_id, organization_id) VALUES ($1, $2, $3)
     ON CONFLICT (working_group_id, organization_id) DO UPDATE SET status = 'ACTIVE', ended_at = NULL`,
    [randomUUID(), groupId, person.organizationId],
  );
  await t.dataSource.query(`INSERT INTO working_group_participants (id, working_group_id, person_id, role) VALUES ($1, $2, $3, $4)`, [
    randomUUID(),
    groupId,
    person.id,
    role,
  ]);
}
