import { Page } from 'playwright-core';
import { Actor, makeGroup, makePerson, makePriority, seat } from '../support/factories';
import { ok } from '../support/test-app';
import { BrowserHarness, describeInBrowser, seriousViolations, signInByEmail, startBrowserHarness } from './support/browser';

describeInBrowser('web client: managing priorities', () => {
  let h: BrowserHarness;
  let chair: Actor;
  let member: Actor;
  let admin: Actor;
  let group: { id: string; slug: string };

  beforeAll(async () => {
    h = await startBrowserHarness();
    group = await makeGroup(h.t);
    chair = await makePerson(h.t, { name: 'Clara Vorsitz' });
    member = await makePerson(h.t, { name: 'Max Mitglied' });
    admin = await makePerson(h.t, { admin: true, name: 'Ada Admin' });
    await seat(h.t, group.id, chair, 'CHAIR');
    await seat(h.t, group.id, member, 'MEMBER');
  });
  afterAll(() => h?.close());

  /** The scope's priorities as the API ranks them: titles by rank, with their status. */
  async function apiOrder(workingGroupId: string | null): Promise<string[]> {
    const data = ok(await h.t.gql(`query ($g: ID) { priorities(workingGroupId: $g) { title status rank } }`, { g: workingGroupId }, admin.token));
    return data.priorities.map((p: { title: string; status: string; rank: number }) => `${p.rank} ${p.title} ${p.status}`);
  }

  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

  it('a chair adds two priorities, edits one, reorders them by keyboard, adopts one and archives the other', async () => {
    const page = await signInByEmail(h, await h.context(), chair.email);
    await page.goto(`/working-groups/${group.id}/priorities`);
    await page.getByRole('heading', { name: 'Priorities', level: 2 }).waitFor();
    await page.getByText('No priorities yet.').waitFor();
    await page.getByText('Add a priority').click();
    expect(await seriousViolations(page)).toEqual([]);

    // A title of blanks is refused by the API with the field named; what was typed stays.
    await page.getByLabel('Title').fill('   ');
    await page.getByLabel('Description').fill('Cells traceable from mine to recycling.');
    await page.getByRole('button', { name: 'Add priority' }).click();
    await page.getByRole('alert').getByText('(field: Title)').waitFor();
    expect(await page.getByLabel('Description').inputValue()).toBe('Cells traceable from mine to recycling.');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Title').fill('Battery passport data');
    await page.getByRole('button', { name: 'Add priority' }).click();
    await page.getByRole('status').getByText('“Battery passport data” added as #1.').waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('');
    await page.getByLabel('Title').fill('Shared HPC time for training');
    await page.getByLabel('Description').fill('Compute for perception models.');
    await page.getByRole('button', { name: 'Add priority' }).click();
    await page.getByRole('status').getByText('“Shared HPC time for training” added as #2.').waitFor();
    await page.getByRole('link', { name: 'Shared HPC time for training' }).waitFor();
    expect(await apiOrder(group.id)).toEqual(['1 Battery passport data PROPOSED', '2 Shared HPC time for training PROPOSED']);

    // Reorder by keyboard: the moved priority keeps the focus (on its other button at an end of the list).
    const up = page.getByRole('button', { name: 'Move “Shared HPC time for training” up' });
    expect(await page.getByRole('button', { name: 'Move “Battery passport data” up' }).isDisabled()).toBe(true);
    await up.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('“Shared HPC time for training” is now #1.').waitFor();
    expect(await apiOrder(group.id)).toEqual(['1 Shared HPC time for training PROPOSED', '2 Battery passport data PROPOSED']);
    const ranking = page.locator('ol.priorities > li');
    expect(await ranking.first().textContent()).toMatch(/^#1\s*Shared HPC time for training/);
    expect(await focused(page)).toBe('Move “Shared HPC time for training” down');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('“Shared HPC time for training” is now #2.').waitFor();
    expect(await apiOrder(group.id)).toEqual(['1 Battery passport data PROPOSED', '2 Shared HPC time for training PROPOSED']);
    expect(await focused(page)).toBe('Move “Shared HPC time for training” up');
    expect(await seriousViolations(page)).toEqual([]);

    // Edit and adopt the first on its own screen.
    await page.getByRole('link', { name: 'Battery passport data' }).click();
    await page.getByRole('heading', { name: 'Battery passport data', level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Title').fill('');
    await page.getByLabel('Title').fill('   ');
    await page.getByLabel('Description').fill('Traceable cells, shared under one data model.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').getByText('(field: Title)').waitFor();
    expect(await page.getByLabel('Description').inputValue()).toBe('Traceable cells, shared under one data model.');
    await page.getByLabel('Title').fill('Battery passport data space');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Battery passport data space', level: 1 }).waitFor();
    await page.getByText('Traceable cells, shared under one data model.').waitFor();
    await page.getByRole('button', { name: 'Adopt' }).click();
    await page.getByRole('status').getByText('Adopted.').waitFor();
    await page.locator('.meta .tag', { hasText: 'Adopted' }).waitFor();
    expect(await page.getByRole('button', { name: 'Adopt' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Archive the other, asked once more in a dialog.
    await page.getByRole('link', { name: `Group ${group.slug}` }).click();
    await page.getByRole('link', { name: 'Shared HPC time for training' }).click();
    await page.getByRole('heading', { name: 'Shared HPC time for training', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Archive' }).click();
    const dialog = page.getByRole('dialog', { name: 'Archive “Shared HPC time for training”?' });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await apiOrder(group.id)).toEqual(['1 Battery passport data space ADOPTED', '2 Shared HPC time for training PROPOSED']);
    await page.getByRole('button', { name: 'Archive' }).click();
    await dialog.getByRole('button', { name: 'Archive' }).click();
    await page.getByRole('status').getByText('Archived.').waitFor();
    await page.getByRole('button', { name: 'Bring back as proposed' }).waitFor();
    expect(await apiOrder(group.id)).toEqual(['1 Battery passport data space ADOPTED', '2 Shared HPC time for training ARCHIVED']);

    // In the list the archived one is apart, below the ranking, without move buttons.
    await page.getByRole('link', { name: `Group ${group.slug}` }).click();
    await page.getByRole('link', { name: 'Battery passport data space' }).waitFor();
    expect(await ranking.count()).toBe(1);
    await page.getByText('1 archived priority').click();
    await page.locator('.archived-priorities').getByRole('link', { name: 'Shared HPC time for training' }).waitFor();
    expect(await page.getByRole('button', { name: /^Move “Shared HPC/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('a member of the group sees no management controls, and endorses', async () => {
    const page = await signInByEmail(h, await h.context(), member.email);
    await page.goto(`/working-groups/${group.id}/priorities`);
    await page.getByRole('link', { name: 'Battery passport data space' }).waitFor();
    await page.getByRole('button', { name: 'Endorse “Battery passport data space”' }).click();
    await page.getByText('1 endorsement · endorsed by my organisation').waitFor();
    expect(await page.getByText('Add a priority').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Move / }).count()).toBe(0);
    // An archived priority is not offered for endorsement.
    await page.getByText('1 archived priority').click();
    await page.locator('.archived-priorities').getByRole('link', { name: 'Shared HPC time for training' }).waitFor();
    expect(await page.getByRole('button', { name: 'Endorse “Shared HPC time for training”' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Battery passport data space' }).click();
    await page.getByRole('heading', { name: 'Battery passport data space', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Withdraw endorsement of “Battery passport data space”' }).waitFor();
    for (const name of ['Edit', 'Adopt', 'Archive']) expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Alliance-wide: no form for a member either.
    await page.goto('/priorities');
    await page.getByRole('heading', { name: 'Alliance-wide priorities', level: 1 }).waitFor();
    await page.getByText('No priorities yet.').waitFor();
    expect(await page.getByText('Add a priority').count()).toBe(0);
    await page.context().close();
  });

  it('an admin adds an alliance-wide priority on /priorities', async () => {
    const page = await signInByEmail(h, await h.context(), admin.email);
    await page.goto('/priorities');
    await page.getByRole('heading', { name: 'Alliance-wide priorities', level: 1 }).waitFor();
    await page.getByText('Add a priority').click();
    await page.getByLabel('Title').fill('Interoperable vehicle data');
    await page.getByLabel('Description').fill('One data model across the alliance.');
    await page.getByLabel('Status').selectOption('ADOPTED');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add priority' }).click();
    await page.getByRole('status').getByText('“Interoperable vehicle data” added as #1.').waitFor();
    await page.locator('ol.priorities > li', { hasText: 'Interoperable vehicle data' }).locator('.tag', { hasText: 'Adopted' }).waitFor();
    expect(await apiOrder(null)).toEqual(['1 Interoperable vehicle data ADOPTED']);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('in German on a 375 px phone: the chair reorders by keyboard and the tab fits', async () => {
    await makePriority(h.t, group.id, chair, 'Sensordaten-Austausch');
    await h.t.dataSource.query(`UPDATE people SET locale = 'DE' WHERE id = $1`, [chair.id]);
    const page = await signInByEmail(h, await h.context({ width: 375, height: 740, locale: 'de-DE' }), chair.email);
    await page.goto(`/working-groups/${group.id}/priorities`);
    await page.getByRole('heading', { name: 'Prioritäten', level: 2 }).waitFor();
    await page.getByRole('link', { name: 'Sensordaten-Austausch' }).waitFor();
    await page.getByText('Priorität hinzufügen').first().click();
    await page.getByLabel('Titel').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    // The current ones first, the archived one after them: the moved priority becomes #1.
    await page.getByRole('button', { name: '„Sensordaten-Austausch“ nach oben verschieben' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('„Sensordaten-Austausch“ ist jetzt Nr. 1.').waitFor();
    expect(await apiOrder(group.id)).toEqual([
      '1 Sensordaten-Austausch ADOPTED',
      '2 Battery passport data space ADOPTED',
      '3 Shared HPC time for training ARCHIVED',
    ]);
    // A priority added meanwhile elsewhere: the next move is refused in words and the list is fetched again.
    await makePriority(h.t, group.id, chair, 'Synthetische Szenarien');
    expect(await focused(page)).toBe('„Sensordaten-Austausch“ nach unten verschieben');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('Die Prioritäten haben sich inzwischen geändert; die Liste wurde neu geladen').waitFor();
    await page.getByRole('link', { name: 'Synthetische Szenarien' }).waitFor();
    expect(await apiOrder(group.id)).toEqual([
      '1 Sensordaten-Austausch ADOPTED',
      '2 Battery passport data space ADOPTED',
      '3 Shared HPC time for training ARCHIVED',
      '4 Synthetische Szenarien ADOPTED',
    ]);
    await page.getByText('1 archivierte Priorität').click();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Shared HPC time for training' }).click();
    await page.getByRole('button', { name: 'Als vorgeschlagen zurückholen' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
    expect(h.pageErrors).toEqual([]);
  });
});
