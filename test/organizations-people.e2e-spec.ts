import { randomUUID } from 'node:crypto';
import { Actor, makeGroup, makeOrganization, makePerson, seat } from './support/factories';
import { errorCode, GqlResponse, startTestApp, TestApp } from './support/test-app';

const ORG_FIELDS = `id name shortName kind country website description createdAt`;
const CREATE_ORG = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { ${ORG_FIELDS} } }`;
const UPDATE_ORG = `mutation ($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { ${ORG_FIELDS} } }`;
const ORG = `query ($id: ID!) { organization(id: $id) { ${ORG_FIELDS} } }`;
const PAGE_INFO = `pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;
const ORGS = `query ($first: Int, $after: String, $filter: OrganizationFilter) {
  organizations(first: $first, after: $after, filter: $filter) {
    totalCount ${PAGE_INFO} edges { cursor node { id name shortName kind country } }
  }
}`;

const PERSON_FIELDS = `id name email title locale timezone role organization { id name }`;
const INVITE = `mutation ($input: InvitePersonInput!) { invitePerson(input: $input) { ${PERSON_FIELDS} } }`;
const UPDATE_PROFILE = `mutation ($input: UpdateProfileInput!) { updateMyProfile(input: $input) { ${PERSON_FIELDS} } }`;
const PERSON = `query ($id: ID!) { person(id: $id) { ${PERSON_FIELDS} } }`;
const ME = `{ me { ${PERSON_FIELDS} } }`;
const PEOPLE = `query ($first: Int, $after: String, $filter: PersonFilter) {
  people(first: $first, after: $after, filter: $filter) {
    totalCount ${PAGE_INFO} edges { cursor node { id name email } }
  }
}`;
const ORG_PEOPLE = `query ($id: ID!, $first: Int, $after: String) {
  organization(id: $id) {
    id
    people(first: $first, after: $after) { totalCount ${PAGE_INFO} edges { cursor node { id name email organization { id } } } }
  }
}`;
const SIGN_IN = `mutation ($token: String!) { signIn(token: $token) { token person { id name email } } }`;

interface Conn {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: { id: string; name: string; email?: string | null } }[];
}

/** Stable, unique text for names in this run (lower-case letters and digits only). */
let counter = 0;
const tag = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter += 1)}`;

/** Sorted as the API promises: by name case-insensitively, then by id. */
function byNameThenId(a: { name: string; id: string }, b: { name: string; id: string }): number {
  const x = a.name.toLowerCase();
  const y = b.name.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function firstError(response: GqlResponse) {
  expect(response.errors).toBeDefined();
  return response.errors![0];
}

/** A cursor that is well-formed base64url JSON, but not one the server issued. */
function forgedCursor(values: unknown): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

describe('Organisations and people (e2e)', () => {
  let t: TestApp;
  let admin: Actor;
  let member: Actor;

  const count = async (table: string): Promise<number> => Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const snapshot = async () => ({
    organizations: await count('organizations'),
    people: await count('people'),
    links: await count('sign_in_links'),
    mails: (await t.mails()).length,
  });

  /**
   * Walks a connection page by page and checks each page's shape on the way: full pages before the
   * last, `hasNextPage` only while rows remain, `hasPreviousPage` only after the first page, cursors
   * matching the edges, and the same `totalCount` throughout.
   */
  async function walk(
    query: string,
    variables: Record<string, unknown>,
    token: string,
    pick: (data: any) => Conn,
    pageSize: number,
  ): Promise<{ nodes: Conn['edges'][number]['node'][]; pages: number; totalCount: number }> {
    const nodes: Conn['edges'][number]['node'][] = [];
    let after: string | null = null;
    let totalCount: number | undefined;
    for (let pages = 1; pages <= 100; pages += 1) {
      const response = await t.gql(query, { ...variables, first: pageSize, after }, token);
      expect(response.errors).toBeUndefined();
      const conn = pick(response.data);
      totalCount ??= conn.totalCount;
      expect(conn.totalCount).toBe(totalCount);
      expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(conn.edges.length).toBeLessThanOrEqual(pageSize);
      if (conn.edges.length > 0) {
        expect(conn.pageInfo.startCursor).toBe(conn.edges[0].cursor);
        expect(conn.pageInfo.endCursor).toBe(conn.edges[conn.edges.length - 1].cursor);
      }
      nodes.push(...conn.edges.map((e) => e.node));
      if (!conn.pageInfo.hasNextPage) return { nodes, pages, totalCount: totalCount! };
      expect(conn.edges).toHaveLength(pageSize);
      after = conn.pageInfo.endCursor;
    }
    throw new Error('the connection never reported its last page');
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true, name: 'Secretariat Admin' });
    member = await makePerson(t, { name: 'Plain Member' });
  });
  afterAll(() => t.close());

  describe('creating and updating organisations', () => {
    it('lets an admin create an organisation and returns and stores what was given (name trimmed, country upper-cased)', async () => {
      const name = `Höchstleistungsrechenzentrum ${tag('hlrs')}`;
      const before = Date.now();
      const response = await t.gql(
        CREATE_ORG,
        {
          input: {
            name: `  ${name}  `,
            shortName: 'HLRS',
            kind: 'HPC_CENTRE',
            country: 'de',
            website: 'https://www.hlrs.de',
            description: 'HPC centre of the University of Stuttgart',
          },
        },
        admin.token,
      );
      expect(response.errors).toBeUndefined();
      const created = response.data.createOrganization;
      expect(created).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name,
        shortName: 'HLRS',
        kind: 'HPC_CENTRE',
        country: 'DE',
        website: 'https://www.hlrs.de',
        description: 'HPC centre of the University of Stuttgart',
        createdAt: expect.any(String),
      });
      expect(new Date(created.createdAt).getTime()).toBeGreaterThanOrEqual(before - 5000);
      expect(new Date(created.createdAt).getTime()).toBeLessThanOrEqual(Date.now() + 5000);

      const read = await t.gql(ORG, { id: created.id }, member.token);
      expect(read).toEqual({ data: { organization: created } });
    });

    it('defaults the optional fields to null', async () => {
      const name = tag('Minimal Org ');
      const created = (await t.gql(CREATE_ORG, { input: { name, kind: 'RESEARCH', country: 'FR' } }, admin.token)).data.createOrganization;
      expect(created).toMatchObject({ name, kind: 'RESEARCH', country: 'FR', shortName: null, website: null, description: null });
      expect((await t.gql(ORG, { id: created.id }, admin.token)).data.organization).toEqual(created);
    });

    it('lets an admin update an organisation, changing only the given fields', async () => {
      const org = await makeOrganization(t, { name: tag('Update Me '), kind: 'SUPPLIER', country: 'DE' });
      const original = (await t.gql(ORG, { id: org.id }, admin.token)).data.organization;

      const first = await t.gql(UPDATE_ORG, { id: org.id, input: { description: 'Tier-1 supplier', country: 'at', website: 'https://example.at/' } }, admin.token);
      expect(first.errors).toBeUndefined();
      const expected = { ...original, description: 'Tier-1 supplier', country: 'AT', website: 'https://example.at/' };
      expect(first.data.updateOrganization).toEqual(expected);
      expect((await t.gql(ORG, { id: org.id }, member.token)).data.organization).toEqual(expected);

      const newName = tag('Renamed Supplier ');
      const second = await t.gql(UPDATE_ORG, { id: org.id, input: { name: newName, kind: 'SOFTWARE', website: null } }, admin.token);
      expect(second.errors).toBeUndefined();
      const expectedAfterRename = { ...expected, name: newName, kind: 'SOFTWARE', website: null };
      expect(second.data.updateOrganization).toEqual(expectedAfterRename);
      expect((await t.gql(ORG, { id: org.id }, member.token)).data.organization).toEqual(expectedAfterRename);
    });

    it('lets an admin change only the case of an organisation’s own name', async () => {
      const name = tag('Case Motors ');
      const org = await makeOrganization(t, { name });
      const response = await t.gql(UPDATE_ORG, { id: org.id, input: { name: name.toUpperCase() } }, admin.token);
      expect(response.errors).toBeUndefined();
      expect((await t.gql(ORG, { id: org.id }, admin.token)).data.organization.name).toBe(name.toUpperCase());
    });

    it('refuses createOrganization and updateOrganization to a non-admin member with FORBIDDEN, changing nothing', async () => {
      const org = await makeOrganization(t, { name: tag('Guarded ') });
      const original = (await t.gql(ORG, { id: org.id }, admin.token)).data.organization;
      const before = await count('organizations');
      const name = tag('Sneaky Org ');

      const created = await t.gql(CREATE_ORG, { input: { name, kind: 'OEM', country: 'DE' } }, member.token);
      expect(errorCode(created)).toBe('FORBIDDEN');
      expect(created.data).toBeNull();

      // Even the member's own organisation is the secretariat's to edit.
      for (const id of [org.id, member.organizationId]) {
        const updated = await t.gql(UPDATE_ORG, { id, input: { name, description: 'hijacked' } }, member.token);
        expect(errorCode(updated)).toBe('FORBIDDEN');
      }

      expect(await count('organizations')).toBe(before);
      expect((await t.gql(ORGS, { filter: { search: name } }, admin.token)).data.organizations.totalCount).toBe(0);
      expect((await t.gql(ORG, { id: org.id }, admin.token)).data.organization).toEqual(original);
      expect((await t.gql(ORG, { id: member.organizationId }, admin.token)).data.organization.description).toBeNull();
    });

    it('refuses them to anonymous clients with UNAUTHENTICATED, changing nothing', async () => {
      const org = await makeOrganization(t, { name: tag('Anon Target ') });
      const original = (await t.gql(ORG, { id: org.id }, admin.token)).data.organization;
      const before = await count('organizations');
      const name = tag('Anonymous Org ');

      expect(errorCode(await t.gql(CREATE_ORG, { input: { name, kind: 'OEM', country: 'DE' } }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(UPDATE_ORG, { id: org.id, input: { name } }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(ORG, { id: org.id }))).toBe('UNAUTHENTICATED');

      expect(await count('organizations')).toBe(before);
      expect((await t.gql(ORG, { id: org.id }, admin.token)).data.organization).toEqual(original);
    });

    it('answers NOT_FOUND when updating an organisation that does not exist', async () => {
      for (const id of [randomUUID(), 'not-a-uuid']) {
        const response = await t.gql(UPDATE_ORG, { id, input: { description: 'x' } }, admin.token);
        expect(errorCode(response)).toBe('NOT_FOUND');
      }
      expect((await t.gql(ORG, { id: randomUUID() }, admin.token)).data.organization).toBeNull();
    });
  });

  describe('bad input', () => {
    it.each([
      ['an unassigned code', 'XX'],
      ['a country name', 'Germany'],
      ['an alpha-3 code', 'DEU'],
      ['an empty string', ''],
    ])('rejects %s as country with BAD_USER_INPUT naming country, creating nothing', async (_what, country) => {
      const before = await count('organizations');
      const name = tag('Bad Country ');
      const response = await t.gql(CREATE_ORG, { input: { name, kind: 'OEM', country } }, admin.token);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(firstError(response).extensions.field).toBe('country');
      expect(await count('organizations')).toBe(before);
      expect((await t.gql(ORGS, { filter: { search: name } }, admin.token)).data.organizations.totalCount).toBe(0);
    });

    it('rejects an invalid country on update too, leaving the organisation as it was', async () => {
      const org = await makeOrganization(t, { name: tag('Keeps Country '), country: 'IT' });
      for (const country of ['XX', 'Germany']) {
        const response = await t.gql(UPDATE_ORG, { id: org.id, input: { country } }, admin.token);
        expect(errorCode(response)).toBe('BAD_USER_INPUT');
        expect(firstError(response).extensions.field).toBe('country');
      }
      expect((await t.gql(ORG, { id: org.id }, admin.token)).data.organization.country).toBe('IT');
    });

    it('rejects an empty or blank name with BAD_USER_INPUT naming name, creating nothing', async () => {
      const before = await count('organizations');
      for (const name of ['', '   ']) {
        const response = await t.gql(CREATE_ORG, { input: { name, kind: 'OEM', country: 'DE' } }, admin.token);
        expect(errorCode(response)).toBe('BAD_USER_INPUT');
        expect(firstError(response).extensions.field).toBe('name');
      }
      expect(await count('organizations')).toBe(before);

      const org = await makeOrganization(t, { name: tag('Named ') });
      for (const name of ['  ', null]) {
        const response = await t.gql(UPDATE_ORG, { id: org.id, input: { name } }, admin.token);
        expect(errorCode(response)).toBe('BAD_USER_INPUT');
        expect(firstError(response).extensions.field).toBe('name');
      }
      expect((await t.gql(ORG, { id: org.id }, admin.token)).data.organization.name).toBe(org.name);
    });

    it('rejects an invalid website with BAD_USER_INPUT naming website, creating nothing', async () => {
      const before = await count('organizations');
      for (const website of ['not a url', 'www.example.com', 'ftp://files.example.com', 'javascript:alert(1)']) {
        const response = await t.gql(CREATE_ORG, { input: { name: tag('Bad Site '), kind: 'OEM', country: 'DE', website } }, admin.token);
        expect(errorCode(response)).toBe('BAD_USER_INPUT');
        expect(firstError(response).extensions.field).toBe('website');
      }
      expect(await count('organizations')).toBe(before);
    });

    it('rejects text holding a NUL character with BAD_USER_INPUT naming the field, not an internal error', async () => {
      const before = await snapshot();
      const cases: [string, Record<string, unknown>, string][] = [
        [CREATE_ORG, { input: { name: 'Null\u0000Byte', kind: 'OEM', country: 'DE' } }, 'name'],
        [UPDATE_ORG, { id: member.organizationId, input: { description: 'a\u0000b' } }, 'description'],
        [INVITE, { input: { email: `${tag('nul')}@example.org`, name: 'A\u0000B', organizationId: member.organizationId } }, 'name'],
        [UPDATE_PROFILE, { input: { title: '\u0000' } }, 'title'],
        [ORGS, { filter: { search: 'x\u0000' } }, 'filter.search'],
        [PEOPLE, { filter: { search: 'x\u0000' } }, 'filter.search'],
      ];
      for (const [query, variables, field] of cases) {
        const response = await t.gql(query, variables, admin.token);
        expect(errorCode(response)).toBe('BAD_USER_INPUT');
        expect(firstError(response).extensions.field).toBe(field);
      }
      expect(await snapshot()).toEqual(before);
      expect((await t.gql(ORG, { id: member.organizationId }, admin.token)).data.organization.description).toBeNull();
    });

    it('rejects an invalid email in invitePerson with BAD_USER_INPUT naming email; nobody is created or emailed', async () => {
      const before = await snapshot();
      for (const email of ['not-an-email', 'two@@example.org', 'someone@', '']) {
        const response = await t.gql(INVITE, { input: { email, name: 'Nobody', organizationId: member.organizationId } }, admin.token);
        expect(errorCode(response)).toBe('BAD_USER_INPUT');
        expect(firstError(response).extensions.field).toBe('email');
      }
      expect(await snapshot()).toEqual(before);
    });

    it('rejects a blank name, a malformed organisation id or a bad time zone in invitePerson, naming the field', async () => {
      const before = await snapshot();
      const cases: [Record<string, unknown>, string][] = [
        [{ name: '   ' }, 'name'],
        [{ organizationId: 'acme' }, 'organizationId'],
        [{ timezone: 'Mars/Olympus_Mons' }, 'timezone'],
      ];
      for (const [override, field] of cases) {
        const input = { email: `${tag('invalid')}@example.org`, name: 'Someone', organizationId: member.organizationId, ...override };
        const response = await t.gql(INVITE, { input }, admin.token);
        expect(errorCode(response)).toBe('BAD_USER_INPUT');
        expect(firstError(response).extensions.field).toBe(field);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('answers NOT_FOUND for an unknown organisation in invitePerson; nobody is created or emailed', async () => {
      const before = await snapshot();
      const email = `${tag('orphan')}@example.org`;
      const response = await t.gql(INVITE, { input: { email, name: 'Orphan', organizationId: randomUUID() } }, admin.token);
      expect(errorCode(response)).toBe('NOT_FOUND');
      expect(await snapshot()).toEqual(before);
      expect(await t.dataSource.query(`SELECT id FROM people WHERE lower(email) = lower($1)`, [email])).toEqual([]);
    });

    it('rejects an invalid time zone in updateMyProfile with BAD_USER_INPUT naming timezone, changing nothing', async () => {
      const person = await makePerson(t);
      const original = (await t.gql(ME, {}, person.token)).data.me;
      for (const timezone of ['Mars/Olympus_Mons', 'Berlin', 'CET', '']) {
        const response = await t.gql(UPDATE_PROFILE, { input: { name: 'Changed', timezone } }, person.token);
        expect(errorCode(response)).toBe('BAD_USER_INPUT');
        expect(firstError(response).extensions.field).toBe('timezone');
      }
      for (const field of ['name', 'locale', 'timezone']) {
        const response = await t.gql(UPDATE_PROFILE, { input: { [field]: null } }, person.token);
        expect(errorCode(response)).toBe('BAD_USER_INPUT');
        expect(firstError(response).extensions.field).toBe(field);
      }
      expect((await t.gql(ME, {}, person.token)).data.me).toEqual(original);
    });
  });

  describe('uniqueness', () => {
    it('refuses an organisation name differing only by case with CONFLICT (ORGANIZATION_NAME_TAKEN)', async () => {
      const name = tag('Bavarian Motor Works ');
      const created = await t.gql(CREATE_ORG, { input: { name, kind: 'OEM', country: 'DE' } }, admin.token);
      expect(created.errors).toBeUndefined();
      const before = await count('organizations');

      for (const variant of [name, name.toUpperCase(), name.toLowerCase(), `  ${name.toUpperCase()} `]) {
        const response = await t.gql(CREATE_ORG, { input: { name: variant, kind: 'SUPPLIER', country: 'FR' } }, admin.token);
        expect(errorCode(response)).toBe('CONFLICT');
        expect(firstError(response).extensions.reason).toBe('ORGANIZATION_NAME_TAKEN');
        expect(firstError(response).extensions.field).toBe('name');
      }
      expect(await count('organizations')).toBe(before);
      const listed = (await t.gql(ORGS, { filter: { search: name } }, admin.token)).data.organizations;
      expect(listed.totalCount).toBe(1);
      expect(listed.edges[0].node).toMatchObject({ id: created.data.createOrganization.id, kind: 'OEM', country: 'DE' });
    });

    it('refuses renaming an organisation to another’s name in another case with CONFLICT, keeping both as they were', async () => {
      const taken = await makeOrganization(t, { name: tag('Taken Name ') });
      const other = await makeOrganization(t, { name: tag('Other Name ') });
      const response = await t.gql(UPDATE_ORG, { id: other.id, input: { name: taken.name.toUpperCase(), description: 'renamed' } }, admin.token);
      expect(errorCode(response)).toBe('CONFLICT');
      expect(firstError(response).extensions.reason).toBe('ORGANIZATION_NAME_TAKEN');
      expect((await t.gql(ORG, { id: other.id }, admin.token)).data.organization).toMatchObject({ name: other.name, description: null });
      expect((await t.gql(ORG, { id: taken.id }, admin.token)).data.organization.name).toBe(taken.name);
    });

    it('refuses inviting an email differing only by case with CONFLICT; nobody is created or emailed', async () => {
      const email = `${tag('dup')}@example.org`;
      const first = await t.gql(INVITE, { input: { email, name: 'First Holder', organizationId: member.organizationId } }, admin.token);
      expect(first.errors).toBeUndefined();
      const before = await snapshot();

      for (const variant of [email, email.toUpperCase(), ` ${email.replace(/^./, (c) => c.toUpperCase())} `]) {
        const response = await t.gql(INVITE, { input: { email: variant, name: 'Second Holder', organizationId: admin.organizationId } }, admin.token);
        expect(errorCode(response)).toBe('CONFLICT');
        expect(firstError(response).extensions.reason).toBe('EMAIL_TAKEN');
        expect(firstError(response).extensions.field).toBe('email');
      }
      expect(await snapshot()).toEqual(before);
      const holders = await t.dataSource.query(`SELECT id, name FROM people WHERE lower(email) = lower($1)`, [email]);
      expect(holders).toEqual([{ id: first.data.invitePerson.id, name: 'First Holder' }]);
    });
  });

  describe('inviting people and editing one’s profile', () => {
    it('lets an admin invite a person, who receives a sign-in link that works', async () => {
      const org = await makeOrganization(t, { name: tag('Inviting Org ') });
      const email = `${tag('neu')}@example.de`;
      const before = await snapshot();

      const response = await t.gql(
        INVITE,
        { input: { email: `  ${email} `, name: ' Jörg Neumann ', organizationId: org.id, title: 'Head of E/E', locale: 'DE', timezone: 'Europe/Berlin' } },
        admin.token,
      );
      expect(response.errors).toBeUndefined();
      const invited = response.data.invitePerson;
      expect(invited).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Jörg Neumann',
        email,
        title: 'Head of E/E',
        locale: 'DE',
        timezone: 'Europe/Berlin',
        role: 'MEMBER',
        organization: { id: org.id, name: org.name },
      });
      expect((await t.gql(PERSON, { id: invited.id }, admin.token)).data.person).toEqual(invited);

      const after = await snapshot();
      expect(after).toEqual({ ...before, people: before.people + 1, links: before.links + 1, mails: before.mails + 1 });
      const mail = (await t.mails()).pop()!;
      expect((mail.to as { text: string }).text).toBe(email);
      expect(mail.subject).toBe('Ihr Anmeldelink für die ECAVA-Arbeitsgruppen');
      expect(mail.html).toContain('Jörg Neumann');
      const link = /sign-in\?token=([\w-]+)/.exec(mail.text!);
      expect(link).not.toBeNull();

      const signedIn = await t.gql(SIGN_IN, { token: decodeURIComponent(link![1]) });
      expect(signedIn.errors).toBeUndefined();
      expect(signedIn.data.signIn.person).toEqual({ id: invited.id, name: 'Jörg Neumann', email });
    });

    it('gives an invited person the defaults (EN, Europe/Brussels, MEMBER) unless told otherwise', async () => {
      const plain = await t.gql(INVITE, { input: { email: `${tag('plain')}@example.org`, name: 'Plain Invitee', organizationId: member.organizationId } }, admin.token);
      expect(plain.data.invitePerson).toMatchObject({ title: null, locale: 'EN', timezone: 'Europe/Brussels', role: 'MEMBER' });
      expect((await t.mails()).pop()!.subject).not.toBe('Ihr Anmeldelink für die ECAVA-Arbeitsgruppen');

      const secretary = await t.gql(
        INVITE,
        { input: { email: `${tag('sec')}@example.org`, name: 'Second Secretary', organizationId: admin.organizationId, role: 'ADMIN', locale: 'FR' } },
        admin.token,
      );
      expect(secretary.data.invitePerson).toMatchObject({ role: 'ADMIN', locale: 'FR' });
      const stored = await t.dataSource.query(`SELECT role, locale FROM people WHERE id = $1`, [secretary.data.invitePerson.id]);
      expect(stored).toEqual([{ role: 'ADMIN', locale: 'FR' }]);
    });

    it('refuses invitePerson to a non-admin member (FORBIDDEN) and to anonymous clients (UNAUTHENTICATED); nobody is created or emailed', async () => {
      const before = await snapshot();
      const email = `${tag('nope')}@example.org`;
      const input = { email, name: 'Uninvited', organizationId: member.organizationId };
      expect(errorCode(await t.gql(INVITE, { input }, member.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(INVITE, { input }))).toBe('UNAUTHENTICATED');
      expect(await snapshot()).toEqual(before);
      expect(await t.dataSource.query(`SELECT id FROM people WHERE lower(email) = lower($1)`, [email])).toEqual([]);
    });

    it('lets a person change their own name, title, locale and time zone, and nobody else’s', async () => {
      const person = await makePerson(t, { name: 'Before Name' });
      const bystander = await makePerson(t, { organizationId: person.organizationId, name: 'Bystander' });
      const bystanderBefore = (await t.gql(PERSON, { id: bystander.id }, admin.token)).data.person;

      const response = await t.gql(
        UPDATE_PROFILE,
        { input: { name: '  Ada Lovelace ', title: 'Chief Engineer', locale: 'DE', timezone: 'Europe/Berlin' } },
        person.token,
      );
      expect(response.errors).toBeUndefined();
      const expected = {
        id: person.id,
        name: 'Ada Lovelace',
        email: person.email,
        title: 'Chief Engineer',
        locale: 'DE',
        timezone: 'Europe/Berlin',
        role: 'MEMBER',
        organization: { id: person.organizationId, name: expect.any(String) },
      };
      expect(response.data.updateMyProfile).toEqual(expected);
      expect((await t.gql(ME, {}, person.token)).data.me).toEqual(expected);
      expect((await t.gql(PERSON, { id: person.id }, admin.token)).data.person).toEqual(expected);

      // Only what is given changes; a null title clears it.
      const partial = await t.gql(UPDATE_PROFILE, { input: { timezone: 'America/New_York', title: null } }, person.token);
      expect(partial.data.updateMyProfile).toEqual({ ...expected, timezone: 'America/New_York', title: null });
      expect((await t.gql(ME, {}, person.token)).data.me).toEqual({ ...expected, timezone: 'America/New_York', title: null });

      expect((await t.gql(PERSON, { id: bystander.id }, admin.token)).data.person).toEqual(bystanderBefore);
      expect(errorCode(await t.gql(UPDATE_PROFILE, { input: { name: 'Ghost' } }))).toBe('UNAUTHENTICATED');
    });

    it('does not let a person change their own role or organisation through updateMyProfile', async () => {
      const person = await makePerson(t);
      for (const input of [{ role: 'ADMIN' }, { organizationId: admin.organizationId }, { email: 'me@else.example' }]) {
        const response = await t.gql(UPDATE_PROFILE, { input }, person.token);
        expect(response.errors).toBeDefined();
        expect(response.data ?? null).toBeNull();
      }
      expect((await t.gql(ME, {}, person.token)).data.me).toMatchObject({ role: 'MEMBER', email: person.email, organization: { id: person.organizationId } });
    });
  });

  describe('who sees a person’s email', () => {
    let alice: Actor; // seated in the group
    let carol: Actor; // another organisation, seated in the same group
    let erin: Actor; // alice's colleague, no seat
    let dave: Actor; // no seat anywhere
    let groupId: string;

    beforeAll(async () => {
      alice = await makePerson(t, { name: 'Alice Seated' });
      carol = await makePerson(t, { name: 'Carol Seated' });
      erin = await makePerson(t, { organizationId: alice.organizationId, name: 'Erin Colleague' });
      dave = await makePerson(t, { name: 'Dave Outsider' });
      groupId = (await makeGroup(t)).id;
      await seat(t, groupId, alice, 'MEMBER');
      await seat(t, groupId, carol, 'OBSERVER');
    });

    const emailVia = async (viewer: Actor, target: Actor) => {
      const response = await t.gql(PERSON, { id: target.id }, viewer.token);
      expect(response.errors).toBeUndefined();
      expect(response.data.person.id).toBe(target.id);
      return response.data.person.email as string | null;
    };

    it('shows it to the person themselves and to admins', async () => {
      for (const p of [alice, carol, erin, dave]) {
        expect(await emailVia(p, p)).toBe(p.email);
        expect(await emailVia(admin, p)).toBe(p.email);
      }
      expect((await t.gql(ME, {}, dave.token)).data.me.email).toBe(dave.email);
    });

    it('shows it to someone sharing a working group seat, and hides it (null) from everyone else', async () => {
      expect(await emailVia(alice, carol)).toBe(carol.email);
      expect(await emailVia(carol, alice)).toBe(alice.email);
      expect(await emailVia(dave, alice)).toBeNull();
      expect(await emailVia(dave, carol)).toBeNull();
      expect(await emailVia(alice, dave)).toBeNull();
      // Working for the same organisation is not sharing a group.
      expect(await emailVia(erin, alice)).toBeNull();
      expect(await emailVia(alice, erin)).toBeNull();
      expect(await emailVia(carol, erin)).toBeNull();
    });

    it('applies the same rule in the people list', async () => {
      const emails = async (viewer: Actor) => {
        const response = await t.gql(PEOPLE, { first: 100, filter: { organizationId: alice.organizationId } }, viewer.token);
        expect(response.errors).toBeUndefined();
        return Object.fromEntries(response.data.people.edges.map((e: any) => [e.node.id, e.node.email]));
      };
      expect(await emails(carol)).toEqual({ [alice.id]: alice.email, [erin.id]: null });
      expect(await emails(dave)).toEqual({ [alice.id]: null, [erin.id]: null });
      expect(await emails(erin)).toEqual({ [alice.id]: null, [erin.id]: erin.email });
      expect(await emails(admin)).toEqual({ [alice.id]: alice.email, [erin.id]: erin.email });

      const all = await t.gql(PEOPLE, { first: 100, filter: { workingGroupId: groupId } }, dave.token);
      expect(all.data.people.totalCount).toBe(2);
      expect(all.data.people.edges.map((e: any) => e.node.email)).toEqual([null, null]);
    });

    it('applies the same rule in an organisation’s nested people', async () => {
      const emails = async (viewer: Actor, organizationId: string) => {
        const response = await t.gql(ORG_PEOPLE, { id: organizationId }, viewer.token);
        expect(response.errors).toBeUndefined();
        return Object.fromEntries(response.data.organization.people.edges.map((e: any) => [e.node.id, e.node.email]));
      };
      expect(await emails(carol, alice.organizationId)).toEqual({ [alice.id]: alice.email, [erin.id]: null });
      expect(await emails(dave, alice.organizationId)).toEqual({ [alice.id]: null, [erin.id]: null });
      expect(await emails(alice, alice.organizationId)).toEqual({ [alice.id]: alice.email, [erin.id]: null });
      expect(await emails(admin, alice.organizationId)).toEqual({ [alice.id]: alice.email, [erin.id]: erin.email });
      expect(await emails(alice, carol.organizationId)).toEqual({ [carol.id]: carol.email });
      expect(await emails(dave, carol.organizationId)).toEqual({ [carol.id]: null });
    });

    it('hides it again once the shared seat has ended', async () => {
      const group = await makeGroup(t);
      const frank = await makePerson(t, { name: 'Frank Leaving' });
      const gina = await makePerson(t, { name: 'Gina Staying' });
      await seat(t, group.id, frank, 'MEMBER');
      await seat(t, group.id, gina, 'CHAIR');
      expect(await emailVia(gina, frank)).toBe(frank.email);
      await t.dataSource.query(`UPDATE working_group_participants SET ended_at = now() WHERE person_id = $1`, [frank.id]);
      expect(await emailVia(gina, frank)).toBeNull();
      expect(await emailVia(frank, gina)).toBeNull();
    });
  });

  describe('pagination and filters', () => {
    it('walks organisations in pages of 7, sorted by name case-insensitively then id, without duplicates or gaps', async () => {
      const marker = tag('pagewalk');
      const words = ['delta', 'alpha', 'echo', 'bravo', 'kilo', 'charlie', 'golf', 'india', 'foxtrot', 'hotel', 'juliet', 'lima', 'mike'];
      const created: { id: string; name: string }[] = [];
      for (let i = 0; i < 25; i += 1) {
        const word = `${words[i % words.length]}${Math.floor(i / words.length)}`;
        // Mixed case, so that a case-sensitive sort would put the upper-case names first.
        const name = i % 3 === 0 ? `${marker} ${word}`.toUpperCase() : `${marker} ${word}`;
        created.push(await makeOrganization(t, { name }));
      }
      const expected = [...created].sort(byNameThenId);
      expect(expected.map((o) => o.id)).not.toEqual(created.map((o) => o.id));

      const result = await walk(ORGS, { filter: { search: marker } }, member.token, (d) => d.organizations, 7);
      expect(result.pages).toBe(4);
      expect(result.totalCount).toBe(25);
      expect(result.nodes.map((n) => n.id)).toEqual(expected.map((o) => o.id));
      expect(new Set(result.nodes.map((n) => n.id)).size).toBe(25);

      // The same walk twice gives the same pages.
      const again = await walk(ORGS, { filter: { search: marker.toUpperCase() } }, admin.token, (d) => d.organizations, 7);
      expect(again.nodes.map((n) => n.id)).toEqual(result.nodes.map((n) => n.id));
    });

    it('walks the unfiltered organisation list in pages of 7 to the same rows as the database holds', async () => {
      const rows: { id: string; name: string }[] = await t.dataSource.query(`SELECT id, name FROM organizations`);
      const result = await walk(ORGS, {}, member.token, (d) => d.organizations, 7);
      expect(result.totalCount).toBe(rows.length);
      expect(result.nodes.map((n) => n.id)).toEqual([...rows].sort(byNameThenId).map((r) => r.id));
    });

    it('keeps a page boundary stable when rows are added before it', async () => {
      const marker = tag('stable');
      for (const w of ['b', 'd', 'f', 'h']) await makeOrganization(t, { name: `${marker} ${w}` });
      const first = (await t.gql(ORGS, { first: 2, filter: { search: marker } }, member.token)).data.organizations;
      expect(first.edges.map((e: any) => e.node.name)).toEqual([`${marker} b`, `${marker} d`]);
      await makeOrganization(t, { name: `${marker} a` });
      await makeOrganization(t, { name: `${marker} e` });
      const next = (await t.gql(ORGS, { first: 2, after: first.pageInfo.endCursor, filter: { search: marker } }, member.token)).data.organizations;
      expect(next.edges.map((e: any) => e.node.name)).toEqual([`${marker} e`, `${marker} f`]);
      expect(next.totalCount).toBe(6);
      expect(next.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    });

    it('returns 20 by default and caps first: 500 at 100', async () => {
      const marker = tag('bulk');
      await t.dataSource.query(
        `INSERT INTO organizations (id, name, kind, country)
         SELECT gen_random_uuid(), $1 || ' ' || lpad(i::text, 3, '0'), 'OTHER', 'BE' FROM generate_series(1, 130) AS i`,
        [marker],
      );
      const total = await count('organizations');

      const defaults = (await t.gql(ORGS, {}, member.token)).data.organizations;
      expect(defaults.edges).toHaveLength(20);
      expect(defaults.pageInfo.hasNextPage).toBe(true);
      expect(defaults.totalCount).toBe(total);

      const capped = await t.gql(ORGS, { first: 500, filter: { search: marker } }, member.token);
      expect(capped.errors).toBeUndefined();
      expect(capped.data.organizations.edges).toHaveLength(100);
      expect(capped.data.organizations.totalCount).toBe(130);
      expect(capped.data.organizations.pageInfo.hasNextPage).toBe(true);
      expect(capped.data.organizations.edges[99].node.name).toBe(`${marker} 100`);

      const rest = await t.gql(ORGS, { first: 500, after: capped.data.organizations.pageInfo.endCursor, filter: { search: marker } }, member.token);
      expect(rest.data.organizations.edges).toHaveLength(30);
      expect(rest.data.organizations.edges[0].node.name).toBe(`${marker} 101`);
      expect(rest.data.organizations.pageInfo.hasNextPage).toBe(false);

      const exactly = (await t.gql(ORGS, { first: 100, filter: { search: marker } }, member.token)).data.organizations;
      expect(exactly.edges.map((e: any) => e.node.id)).toEqual(capped.data.organizations.edges.map((e: any) => e.node.id));
    });

    it('caps the people list and an organisation’s people at 100 too', async () => {
      const org = await makeOrganization(t, { name: tag('Big Employer ') });
      const marker = tag('emp');
      await t.dataSource.query(
        `INSERT INTO people (id, organization_id, name, email)
         SELECT gen_random_uuid(), $1, $2 || ' ' || lpad(i::text, 3, '0'), $2 || '-' || i || '@example.org' FROM generate_series(1, 105) AS i`,
        [org.id, marker],
      );
      const listed = (await t.gql(PEOPLE, { first: 500, filter: { organizationId: org.id } }, member.token)).data.people;
      expect(listed.edges).toHaveLength(100);
      expect(listed.totalCount).toBe(105);
      expect(listed.pageInfo.hasNextPage).toBe(true);

      const nested = (await t.gql(ORG_PEOPLE, { id: org.id, first: 500 }, member.token)).data.organization.people;
      expect(nested.edges).toHaveLength(100);
      expect(nested.totalCount).toBe(105);
      expect(nested.pageInfo.hasNextPage).toBe(true);
      expect(nested.edges.map((e: any) => e.node.id)).toEqual(listed.edges.map((e: any) => e.node.id));
    });

    it('rejects a negative first with BAD_USER_INPUT naming first', async () => {
      for (const [query, variables] of [
        [ORGS, { first: -1 }],
        [PEOPLE, { first: -5 }],
        [ORG_PEOPLE, { id: member.organizationId, first: -1 }],
      ] as const) {
        const response = await t.gql(query, variables, member.token);
        expect(errorCode(response)).toBe('BAD_USER_INPUT');
        expect(firstError(response).extensions.field).toBe('first');
      }
    });

    it.each([
      ['plain text', 'garbage'],
      ['non-base64 characters', '!!!***'],
      ['base64 of something that is not JSON', Buffer.from('hello world').toString('base64url')],
      ['a cursor with the wrong number of keys', forgedCursor(['acme'])],
      ['a cursor whose id is not a uuid', forgedCursor(['acme', 'not-a-uuid'])],
      ['a cursor with an object for a key', forgedCursor([{ a: 1 }, randomUUID()])],
      ['a cursor whose name holds a NUL character', forgedCursor(['acme\u0000', randomUUID()])],
    ])('rejects %s as `after` with BAD_USER_INPUT naming after', async (_what, after) => {
      for (const [query, variables] of [
        [ORGS, { first: 5, after }],
        [PEOPLE, { first: 5, after }],
        [ORG_PEOPLE, { id: member.organizationId, first: 5, after }],
      ] as const) {
        const response = await t.gql(query, variables, member.token);
        expect(errorCode(response)).toBe('BAD_USER_INPUT');
        expect(firstError(response).extensions.field).toBe('after');
      }
    });

    it('filters organisations by kind, country and search (name or short name, case-insensitive, wildcards literal)', async () => {
      const marker = tag('filt');
      const make = async (name: string, kind: string, country: string, shortName?: string) =>
        (await t.gql(CREATE_ORG, { input: { name: `${marker} ${name}`, kind, country, shortName } }, admin.token)).data.createOrganization;
      const alpha = await make('Alpha Motors', 'OEM', 'DE');
      const beta = await make('Beta Chips', 'SEMICONDUCTOR', 'NL', `SN${marker}`.toUpperCase());
      const gamma = await make('Gamma Compute', 'HPC_CENTRE', 'DE');
      const delta = await make('100% Data_Lab', 'AI_FACTORY', 'FR');

      const find = async (filter: Record<string, unknown>) => {
        const response = await t.gql(ORGS, { first: 50, filter }, member.token);
        expect(response.errors).toBeUndefined();
        const conn = response.data.organizations;
        expect(conn.totalCount).toBe(conn.edges.length);
        return conn.edges.map((e: any) => e.node.id);
      };
      const sorted = (...orgs: { id: string; name: string }[]) => [...orgs].sort(byNameThenId).map((o) => o.id);

      expect(await find({ search: marker })).toEqual(sorted(alpha, beta, gamma, delta));
      expect(await find({ search: `  ${marker.toUpperCase()} ALPHA ` })).toEqual([alpha.id]);
      expect(await find({ search: marker, kind: 'OEM' })).toEqual([alpha.id]);
      expect(await find({ search: marker, country: 'DE' })).toEqual(sorted(alpha, gamma));
      expect(await find({ search: marker, country: 'de' })).toEqual(sorted(alpha, gamma));
      expect(await find({ search: marker, country: 'DE', kind: 'HPC_CENTRE' })).toEqual([gamma.id]);
      expect(await find({ search: marker, country: 'NL', kind: 'OEM' })).toEqual([]);
      // Short name.
      expect(await find({ search: `sn${marker}` })).toEqual([beta.id]);
      // `%` and `_` are matched literally.
      expect(await find({ search: `${marker} 100%` })).toEqual([delta.id]);
      expect(await find({ search: 'data_lab' })).toEqual([delta.id]);
      expect(await find({ search: `${marker} _eta` })).toEqual([]);
      expect(await find({ search: '%' })).toEqual([delta.id]);

      // Kind and country alone, checked against the database.
      const hpc: { id: string; name: string }[] = await t.dataSource.query(`SELECT id, name FROM organizations WHERE kind = 'HPC_CENTRE'`);
      expect(await find({ kind: 'HPC_CENTRE' })).toEqual([...hpc].sort(byNameThenId).map((o) => o.id));
      const nl: { id: string; name: string }[] = await t.dataSource.query(`SELECT id, name FROM organizations WHERE country = 'NL'`);
      expect(await find({ country: 'nl' })).toEqual([...nl].sort(byNameThenId).map((o) => o.id));
    });

    it('rejects an invalid country in the filter with BAD_USER_INPUT naming filter.country', async () => {
      for (const country of ['XX', 'Germany']) {
        const response = await t.gql(ORGS, { filter: { country } }, member.token);
        expect(errorCode(response)).toBe('BAD_USER_INPUT');
        expect(firstError(response).extensions.field).toBe('filter.country');
      }
    });

    it('walks people in pages, sorted by name case-insensitively then id, also within an organisation', async () => {
      const org = await makeOrganization(t, { name: tag('People Pager ') });
      const marker = tag('ppl');
      const names = ['zora', 'Anna', 'anna', 'ANNA', 'bert', 'Bert', 'carl', 'Dora', 'emil', 'Emil', 'fritz', 'greta'];
      const created: { id: string; name: string }[] = [];
      for (const n of names) {
        const name = `${marker} ${n}`;
        created.push({ id: (await makePerson(t, { organizationId: org.id, name })).id, name });
      }
      const expected = [...created].sort(byNameThenId).map((p) => p.id);

      const listed = await walk(PEOPLE, { filter: { organizationId: org.id } }, member.token, (d) => d.people, 5);
      expect(listed.totalCount).toBe(12);
      expect(listed.pages).toBe(3);
      expect(listed.nodes.map((n) => n.id)).toEqual(expected);

      const searched = await walk(PEOPLE, { filter: { search: marker.toUpperCase() } }, member.token, (d) => d.people, 5);
      expect(searched.nodes.map((n) => n.id)).toEqual(expected);

      const nested = await walk(ORG_PEOPLE, { id: org.id }, member.token, (d) => d.organization.people, 5);
      expect(nested.totalCount).toBe(12);
      expect(nested.nodes.map((n) => n.id)).toEqual(expected);
    });

    it('walks the whole people list to the same rows as the database holds', async () => {
      const rows: { id: string; name: string }[] = await t.dataSource.query(`SELECT id, name FROM people`);
      const result = await walk(PEOPLE, {}, member.token, (d) => d.people, 7);
      expect(result.totalCount).toBe(rows.length);
      expect(result.nodes.map((n) => n.id)).toEqual([...rows].sort(byNameThenId).map((r) => r.id));
    });

    it('filters people by organisation, working group and name', async () => {
      const org = await makeOrganization(t, { name: tag('Filter People Org ') });
      const marker = tag('pf');
      const p1 = await makePerson(t, { organizationId: org.id, name: `${marker} Maria Muster` });
      const p2 = await makePerson(t, { organizationId: org.id, name: `${marker} Max Mustermann` });
      const p3 = await makePerson(t, { name: `${marker} Mario Rossi` });
      const group = await makeGroup(t);
      await seat(t, group.id, p2, 'MEMBER');
      await seat(t, group.id, p3, 'CHAIR');

      const find = async (filter: Record<string, unknown>) => {
        const response = await t.gql(PEOPLE, { first: 50, filter }, member.token);
        expect(response.errors).toBeUndefined();
        expect(response.data.people.totalCount).toBe(response.data.people.edges.length);
        return response.data.people.edges.map((e: any) => e.node.id);
      };
      expect(await find({ organizationId: org.id })).toEqual([p1.id, p2.id]);
      expect(await find({ workingGroupId: group.id })).toEqual([p3.id, p2.id]);
      expect(await find({ search: `${marker} mari` })).toEqual([p1.id, p3.id]);
      expect(await find({ search: 'MUSTER', organizationId: org.id })).toEqual([p1.id, p2.id]);
      expect(await find({ search: `${marker} max`, workingGroupId: group.id })).toEqual([p2.id]);
      expect(await find({ organizationId: randomUUID() })).toEqual([]);

      const bad = await t.gql(PEOPLE, { filter: { organizationId: 'acme' } }, member.token);
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(firstError(bad).extensions.field).toBe('filter.organizationId');
    });
  });
});

describe('Empty pages (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('tells with first: 0 whether rows exist, top-level and nested', async () => {
    const admin = await makePerson(t, { admin: true });
    const response = await t.gql(
      `{ organizations(first: 0) { edges { cursor } pageInfo { hasNextPage } totalCount
         } me { organization { people(first: 0) { edges { cursor } pageInfo { hasNextPage } } } } }`,
      {},
      admin.token,
    );
    expect(response.data.organizations).toEqual({ edges: [], pageInfo: { hasNextPage: true }, totalCount: 1 });
    expect(response.data.me.organization.people).toEqual({ edges: [], pageInfo: { hasNextPage: true } });
  });
});
