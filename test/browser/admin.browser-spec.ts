import { Page } from 'playwright-core';
import { Actor, makeOrganization, makePerson, seat } from '../support/factories';
import { addCapability, addNeed } from '../support/marketplace';
import { BrowserHarness, describeInBrowser, linkFromEmail, seriousViolations, signInByEmail, startBrowserHarness } from './support/browser';

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const SIGN_IN_LINK = /https?:\/\/\S+\/sign-in\?token=[^\s>]+/;

/**
 * The admin screens: organisations (create, edit, invite a person who signs in by the emailed link) and
 * working groups (an admin creates one, its chair edits it); what a member who is neither sees, in German on
 * a 375 px phone.
 */
describeInBrowser('web client: organisations and working-group administration', () => {
  let h: BrowserHarness;
  let admin: Actor;
  let chair: Actor;
  let adminPage: Page;
  let orgId: string;
  let groupId: string;
  let inviteeEmail: string;
  let inviteLink: string;

  beforeAll(async () => {
    h = await startBrowserHarness();
    admin = await makePerson(h.t, { admin: true, name: 'Ada Admin' });
    chair = await makePerson(h.t, { name: 'Clara Chair' });
    await makeOrganization(h.t, { name: 'Existing Motors' });
    inviteeEmail = `ivo-${Date.now()}@example.org`;
  });
  afterAll(() => h?.close());

  it('an admin creates an organisation (a bad country first, nothing lost), edits it, and invites a person by email', async () => {
    adminPage = await signInByEmail(h, await h.context(), admin.email);
    const page = adminPage;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisations' }).click();
    await page.getByRole('heading', { name: 'Organisations', level: 1 }).waitFor();
    // The list is searchable: the fixture organisation is found by part of its name.
    await page.getByLabel('Name or short name').fill('existing mot');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('heading', { name: '1 organisation' }).waitFor();
    await page.getByRole('link', { name: 'Existing Motors' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'New organisation' }).click();
    await page.getByRole('heading', { name: 'New organisation', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Nordlicht Batteries');
    await page.getByLabel('Short name (optional)').fill('NLB');
    await page.getByLabel('Kind').selectOption('SUPPLIER');
    await page.getByLabel('Country').fill('Germany');
    await page.getByLabel('Website (optional)').fill('https://nordlicht.example');
    await page.getByLabel('Description (optional)').fill('Battery cells from the north.');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    // The API refuses the country; the form names the field with its own label and keeps every typed value.
    await page.getByRole('alert').getByText('(field: Country)').waitFor();
    expect(await page.getByLabel('Country').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Nordlicht Batteries');
    expect(await page.getByLabel('Description (optional)').inputValue()).toBe('Battery cells from the north.');
    expect(await page.getByLabel('Kind').inputValue()).toBe('SUPPLIER');
    expect(await h.t.dataSource.query(`SELECT id FROM organizations WHERE name = 'Nordlicht Batteries'`)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Country').fill('de');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.waitForURL(/\/organizations\/[0-9a-f-]{36}$/);
    orgId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { name: 'Nordlicht Batteries', level: 1 }).waitFor();
    const [row] = await h.t.dataSource.query(`SELECT name, short_name, kind, country, website FROM organizations WHERE id = $1`, [orgId]);
    expect(row).toEqual({ name: 'Nordlicht Batteries', short_name: 'NLB', kind: 'SUPPLIER', country: 'DE', website: 'https://nordlicht.example' });
    await page.getByText('Nobody from this organisation is on the platform yet.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Editing: a name another organisation has is refused with the field named; the typed text stays.
    await page.getByRole('link', { name: 'Edit organisation' }).click();
    await page.getByRole('heading', { name: 'Edit Nordlicht Batteries' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('existing motors');
    await page.getByLabel('Description (optional)').fill('Cells and modules.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alert').getByText('An organisation with this name already exists. (field: Name)').waitFor();
    expect(await page.getByLabel('Description (optional)').inputValue()).toBe('Cells and modules.');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Name', { exact: true }).fill('Nordlicht Battery Systems');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText('The organisation was saved.').waitFor();
    await page.getByRole('heading', { name: 'Nordlicht Battery Systems', level: 1 }).waitFor();
    const [edited] = await h.t.dataSource.query(`SELECT name, description FROM organizations WHERE id = $1`, [orgId]);
    expect(edited).toEqual({ name: 'Nordlicht Battery Systems', description: 'Cells and modules.' });

    // Inviting a person: an address already on the platform is refused (field named), then the invitation goes out.
    await page.getByRole('link', { name: 'Invite a person' }).click();
    await page.getByRole('heading', { name: 'Invite a person to Nordlicht Battery Systems' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Ivo Eingeladen');
    await page.getByLabel('Email address').fill(chair.email);
    await page.getByLabel('Job title (optional)').fill('Cell engineer');
    await page.getByLabel('Language of the emails').selectOption('DE');
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page.getByRole('alert').getByText('A person with this email address is already on the platform. (field: Email address)').waitFor();
    expect(await page.getByLabel('Job title (optional)').inputValue()).toBe('Cell engineer');
    expect(await seriousViolations(page)).toEqual([]);
    const before = h.smtp.messages.length;
    await page.getByLabel('Email address').fill(inviteeEmail);
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page.getByRole('status').getByText(`Ivo Eingeladen was invited: a sign-in link is on its way to ${inviteeEmail}.`).waitFor();
    // The organisation's people now list the invitee.
    await page.getByRole('heading', { name: '1 person' }).waitFor();
    await page.getByRole('region', { name: '1 person' }).getByText('Ivo Eingeladen').waitFor();
    const [invited] = await h.t.dataSource.query(`SELECT organization_id, locale, role, title FROM people WHERE email = $1`, [inviteeEmail]);
    expect(invited).toEqual({ organization_id: orgId, locale: 'DE', role: 'MEMBER', title: 'Cell engineer' });
    inviteLink = await linkFromEmail(h.smtp, inviteeEmail, SIGN_IN_LINK, before);
  });

  it('an admin creates a working group, its chair edits it, a member sees no admin controls (German, 375 px)', async () => {
    const page = adminPage;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Working groups' }).click();
    await page.getByRole('link', { name: 'New working group' }).click();
    await page.getByRole('heading', { name: 'New working group', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Battery Passport');
    await page.getByLabel('Address name').fill('Battery Passport');
    await page.getByLabel('Mission').fill('A shared battery passport for the alliance.');
    await page.getByRole('button', { name: 'Create working group' }).click();
    await page.getByRole('alert').getByText('(field: Address name)').waitFor();
    expect(await page.getByLabel('Mission').inputValue()).toBe('A shared battery passport for the alliance.');
    expect(await seriousViolations(page)).toEqual([]);
    const slug = `battery-passport-${Date.now()}`;
    await page.getByLabel('Address name').fill(slug);
    await page.getByRole('button', { name: 'Create working group' }).click();
    await page.waitForURL(/\/working-groups\/[0-9a-f-]{36}$/);
    groupId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { name: 'Battery Passport', level: 1 }).waitFor();
    expect(await h.t.dataSource.query(`SELECT slug, status FROM working_groups WHERE id = $1`, [groupId])).toEqual([{ slug, status: 'ACTIVE' }]);
    // The admin may edit any group.
    await page.getByRole('link', { name: 'Edit working group' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Seats (set-up): the chair, and the invited person of the new organisation as a member.
    const [invitee] = await h.t.dataSource.query(`SELECT id, organization_id AS "organizationId" FROM people WHERE email = $1`, [inviteeEmail]);
    await seat(h.t, groupId, chair, 'CHAIR');
    await seat(h.t, groupId, { ...invitee, email: inviteeEmail, token: '' }, 'MEMBER');
    // The organisation's marketplace entries (set-up, by the admin for it): a capability, a need, an anonymous need.
    const capability = await addCapability(h.t, admin, { organizationId: orgId, title: 'Cell test bench' });
    const need = await addNeed(h.t, admin, { organizationId: orgId, title: 'Recycling data' });
    await addNeed(h.t, admin, { organizationId: orgId, title: 'Secret cell chemistry', anonymous: true });

    // The chair edits name, mission and status; the slug is not offered.
    const chairPage = await signInByEmail(h, await h.context(), chair.email);
    await chairPage.goto('/working-groups');
    await chairPage.getByRole('heading', { name: 'Working groups', level: 1 }).waitFor();
    expect(await chairPage.getByRole('link', { name: 'New working group' }).count()).toBe(0);
    await chairPage.getByRole('link', { name: 'Battery Passport' }).click();
    await chairPage.getByRole('link', { name: 'Edit working group' }).click();
    await chairPage.getByRole('heading', { name: 'Edit Battery Passport' }).waitFor();
    expect(await chairPage.getByLabel('Address name').count()).toBe(0);
    await chairPage.getByLabel('Name', { exact: true }).fill('');
    await chairPage.getByLabel('Name', { exact: true }).fill('Battery Passport WG');
    await chairPage.getByLabel('Mission').fill('The battery passport, from cell to recycling.');
    await chairPage.getByLabel('Status').selectOption('DORMANT');
    expect(await seriousViolations(chairPage)).toEqual([]);
    await chairPage.getByRole('button', { name: 'Save changes' }).click();
    await chairPage.getByRole('status').getByText('The working group was saved.').waitFor();
    await chairPage.getByRole('heading', { name: 'Battery Passport WG', level: 1 }).waitFor();
    expect(await h.t.dataSource.query(`SELECT name, mission, status FROM working_groups WHERE id = $1`, [groupId])).toEqual([
      { name: 'Battery Passport WG', mission: 'The battery passport, from cell to recycling.', status: 'DORMANT' },
    ]);
    // The members list links each organisation to its page.
    await chairPage.goto(`/working-groups/${groupId}`);
    await chairPage.getByRole('heading', { name: 'Nordlicht Battery Systems', level: 3 }).getByRole('link').click();
    await chairPage.waitForURL(`**/organizations/${orgId}`);
    // Not an admin: no organisation controls. Another organisation's person: the anonymous need is left out.
    await chairPage.getByRole('heading', { name: 'Nordlicht Battery Systems', level: 1 }).waitFor();
    await chairPage.getByRole('heading', { name: '1 resource need' }).waitFor();
    expect(await chairPage.getByText('Secret cell chemistry').count()).toBe(0);
    expect(await chairPage.getByRole('region', { name: '1 resource need' }).getByRole('link', { name: 'Recycling data' }).getAttribute('href')).toBe(`/resource-needs/${need.id}`);
    expect(await chairPage.getByRole('link', { name: 'Edit organisation' }).count()).toBe(0);
    expect(await chairPage.getByRole('link', { name: 'Invite a person' }).count()).toBe(0);

    // The invited person signs in by the link in the invitation email, on a phone, in German (their locale).
    const phone = await h.context({ width: 375, height: 740, locale: 'de-DE' });
    const invitedPage = await phone.newPage();
    await invitedPage.goto(inviteLink);
    await invitedPage.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await invitedPage.goto(`/organizations/${orgId}`);
    await invitedPage.getByRole('heading', { name: 'Nordlicht Battery Systems', level: 1 }).waitFor();
    await invitedPage.getByRole('heading', { name: '1 Person' }).waitFor();
    await invitedPage.getByRole('region', { name: '1 Person' }).getByText('Ivo Eingeladen').waitFor();
    await invitedPage.getByRole('region', { name: 'Arbeitsgruppen' }).getByRole('link', { name: 'Battery Passport WG' }).waitFor();
    // Its own person sees the anonymous need too.
    await invitedPage.getByRole('region', { name: '2 Bedarfe' }).getByRole('link', { name: 'Secret cell chemistry' }).waitFor();
    await invitedPage.getByText('Zulieferer').waitFor();
    expect(await invitedPage.getByRole('link', { name: 'Organisation bearbeiten' }).count()).toBe(0);
    expect(await invitedPage.getByRole('link', { name: 'Person einladen' }).count()).toBe(0);
    expect(await overflow(invitedPage)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(invitedPage)).toEqual([]);
    // The capability opens its screen, whose provider links back to the organisation.
    await invitedPage.getByRole('region', { name: '1 Angebot' }).getByRole('link', { name: 'Cell test bench' }).click();
    await invitedPage.waitForURL(`**/capabilities/${capability.id}`);
    await invitedPage.getByRole('heading', { name: 'Cell test bench', level: 1 }).waitFor();
    await invitedPage.getByRole('link', { name: 'Nordlicht Battery Systems' }).click();
    await invitedPage.waitForURL(`**/organizations/${orgId}`);
    await invitedPage.getByRole('heading', { name: 'Nordlicht Battery Systems', level: 1 }).waitFor();
    // A typed address of an admin screen explains instead of offering the form.
    await invitedPage.goto(`/organizations/${orgId}/edit`);
    await invitedPage.getByText('Nur Administratoren verwalten Organisationen.').waitFor();
    expect(await invitedPage.getByRole('button', { name: 'Änderungen speichern' }).count()).toBe(0);
    await invitedPage.goto('/organizations/new');
    await invitedPage.getByText('Nur Administratoren verwalten Organisationen.').waitFor();
    // The working groups: no "new", no "edit" for a member.
    await invitedPage.goto('/working-groups');
    await invitedPage.getByRole('heading', { name: 'Arbeitsgruppen', level: 1 }).waitFor();
    expect(await invitedPage.getByRole('link', { name: 'Neue Arbeitsgruppe' }).count()).toBe(0);
    await invitedPage.getByRole('link', { name: 'Battery Passport WG' }).click();
    await invitedPage.getByRole('heading', { name: 'Battery Passport WG', level: 1 }).waitFor();
    await invitedPage.getByRole('heading', { name: /Mitgliedsorganisation/ }).waitFor();
    expect(await invitedPage.getByRole('link', { name: 'Arbeitsgruppe bearbeiten' }).count()).toBe(0);
    expect(await overflow(invitedPage)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(invitedPage)).toEqual([]);
    // The list of organisations in German, found by kind.
    await invitedPage.goto('/organizations?kind=SUPPLIER');
    await invitedPage.getByRole('heading', { name: 'Organisationen', level: 1 }).waitFor();
    await invitedPage.getByRole('link', { name: 'Nordlicht Battery Systems' }).waitFor();
    expect(await invitedPage.getByRole('link', { name: 'Neue Organisation' }).count()).toBe(0);
    expect(await seriousViolations(invitedPage)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
