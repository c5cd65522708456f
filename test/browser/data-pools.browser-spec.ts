import { BrowserContext, Page } from 'playwright-core';
import { activePool, ADD_DATASET, CHANGE_STATE, datasetInput, INVITE, must, SIGN, termsInput, UPDATE_TERMS } from '../support/data-pools';
import { Actor, makeGroup, makePerson, makeProposal, seat } from '../support/factories';
import { BrowserHarness, describeInBrowser, seriousViolations, signInByEmail, startBrowserHarness } from './support/browser';

jest.setTimeout(120_000);

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Creating a pool and changing its terms in the browser: the steward's person creates it on a phone (an API
 * refusal names the field and keeps what was typed), changes the terms while a colleague changed them too (the
 * conflict shows both, "keep mine" saves over), a party that had signed is asked to sign again (in German) and
 * signs, another party withdraws, and an observer of the group is offered neither creating nor changing.
 */
describeInBrowser('web client: creating data pools and changing their terms', () => {
  let h: BrowserHarness;
  let group: { id: string; slug: string };
  let steward: Actor;
  let colleague: Actor;
  let signer: Actor;
  let leaver: Actor;
  let observer: Actor;
  let stewardContext: BrowserContext;
  let stewardPage: Page;
  let poolId: string;
  const title = `Urban intersections pool ${Date.now()}`;

  beforeAll(async () => {
    h = await startBrowserHarness();
    group = await makeGroup(h.t);
    steward = await makePerson(h.t, { name: 'Sina Steward' });
    colleague = await makePerson(h.t, { name: 'Carl Colleague', organizationId: steward.organizationId });
    signer = await makePerson(h.t, { name: 'Sven Signer' });
    leaver = await makePerson(h.t, { name: 'Lea Leaver' });
    observer = await makePerson(h.t, { name: 'Otto Observer' });
    await seat(h.t, group.id, steward, 'MEMBER');
    await seat(h.t, group.id, observer, 'OBSERVER');
    stewardContext = await h.context({ width: 375, height: 800 });
    stewardPage = await signInByEmail(h, stewardContext, steward.email);
  });
  afterAll(() => h?.close());

  it("a steward's person creates a pool on a 375 px phone; a refused field is named and nothing typed is lost", async () => {
    const page = stewardPage;
    await page.goto('/data-pools');
    await page.getByRole('heading', { name: 'Data pools', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'New data pool' }).click();
    await page.getByRole('heading', { name: 'New data pool', level: 1 }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Working group').selectOption(group.id);
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Purpose of the pool').fill('Camera and lidar from urban intersections for perception models.');
    await page.getByLabel('Who may see the pool exists').selectOption('WORKING_GROUP');
    const purposes = page.getByRole('group', { name: 'Allowed purposes' });
    await purposes.getByRole('checkbox', { name: 'Model training' }).check();
    await purposes.getByRole('checkbox', { name: 'Safety validation' }).check();
    await page.getByRole('checkbox', { name: 'Derived models may be shared' }).check();
    await page.getByLabel('Countries where the data may be processed').fill('de, fr');
    await page.getByLabel('Retention in days').fill('0');
    await page.getByRole('button', { name: 'Create the pool' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('(field: Retention in days)').waitFor();
    expect(await alert.locator('[data-field]').getAttribute('data-field')).toBe('terms.retentionDays');
    expect(await page.getByLabel('Retention in days').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(title);
    expect(await purposes.getByRole('checkbox', { name: 'Safety validation' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Countries where the data may be processed').inputValue()).toBe('de, fr');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Retention in days').fill('365');
    await page.getByRole('button', { name: 'Create the pool' }).click();
    await page.waitForURL(/\/data-pools\/[0-9a-f-]{36}$/);
    poolId = page.url().split('/').at(-1)!;
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Usage terms, version 1' }).waitFor();
    const [row] = await h.t.dataSource.query(`SELECT state, confidentiality, steward_organization_id AS steward, terms FROM data_pools WHERE id = $1`, [poolId]);
    expect(row).toMatchObject({ state: 'DRAFT', confidentiality: 'WORKING_GROUP', steward: steward.organizationId });
    expect(row.terms).toMatchObject({ purposes: expect.arrayContaining(['RESEARCH', 'MODEL_TRAINING', 'SAFETY_VALIDATION']), allowedLocations: ['DE', 'FR'], retentionDays: 365, derivedModelsShareable: true, commercialUse: false });
    expect(row.terms.purposes).toHaveLength(3);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the steward changes the terms while a colleague changed them too: the conflict shows both, keeping mine saves a new version', async () => {
    // Two parties are invited; one signs version 1.
    await must(h.t, INVITE, { pool: poolId, org: signer.organizationId, role: 'CONTRIBUTOR' }, steward);
    await must(h.t, INVITE, { pool: poolId, org: leaver.organizationId, role: 'USER' }, steward);
    await must(h.t, CHANGE_STATE, { id: poolId, state: 'OPEN_FOR_SIGNATURE' }, steward);
    await must(h.t, SIGN, { pool: poolId, org: signer.organizationId, v: 1 }, signer);

    const page = stewardPage;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/data-pools/${poolId}`);
    await page.getByRole('heading', { name: 'Usage terms, version 1' }).waitFor();
    await page.locator('summary', { hasText: 'Change terms' }).click();
    const form = page.locator('details', { has: page.locator('summary', { hasText: 'Change terms' }) });
    // The form starts from the saved terms.
    expect(await form.getByLabel('Retention in days').inputValue()).toBe('365');
    expect(await form.getByRole('checkbox', { name: 'Model training' }).isChecked()).toBe(true);
    // Commercial product without commercial use: the API names the purposes, the form keeps what was typed.
    await form.getByRole('checkbox', { name: 'Commercial product' }).check();
    await form.getByLabel('Retention in days').fill('180');
    await form.getByRole('button', { name: 'Save the new terms' }).click();
    await form.getByRole('alert').getByText('(field: Allowed purposes)').waitFor();
    expect(await form.getByRole('alert').locator('[data-reason]').getAttribute('data-reason')).toBe('COMMERCIAL_USE_NOT_ALLOWED');
    expect(await form.getByRole('checkbox', { name: 'Commercial product' }).getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Retention in days').inputValue()).toBe('180');
    await form.getByRole('checkbox', { name: 'Commercial use' }).check();
    expect(await seriousViolations(page)).toEqual([]);

    // Meanwhile a colleague of the steward's organisation saves other terms (version 2).
    const [{ version }] = await h.t.dataSource.query(`SELECT version FROM data_pools WHERE id = $1`, [poolId]);
    await must(h.t, UPDATE_TERMS, { id: poolId, v: version, terms: termsInput({ retentionDays: 90 }) }, colleague);

    await form.getByRole('button', { name: 'Save the new terms' }).click();
    const conflict = page.getByRole('region', { name: 'Someone changed the pool meanwhile' });
    await conflict.waitFor();
    await conflict.getByText('The saved terms are now version 2.', { exact: false }).waitFor();
    const retention = conflict.locator('tr[data-field="retentionDays"]');
    expect(await retention.locator('td.mine').textContent()).toBe('180 days');
    expect(await retention.locator('td.theirs').textContent()).toBe('90 days');
    expect(await conflict.locator('tr[data-field="commercialUse"] td.mine').textContent()).toBe('Yes');
    expect(await conflict.locator('tr[data-field="onwardTransfer"]').count()).toBe(0);
    // What was typed is still in the form.
    expect(await form.getByLabel('Retention in days').inputValue()).toBe('180');
    expect(await seriousViolations(page)).toEqual([]);

    await conflict.getByRole('button', { name: 'Keep mine and save again' }).click();
    await page.getByRole('heading', { name: 'Usage terms, version 3' }).waitFor();
    await page.getByText('180 days', { exact: true }).waitFor();
    const [saved] = await h.t.dataSource.query(`SELECT terms_version, terms FROM data_pools WHERE id = $1`, [poolId]);
    expect(saved.terms_version).toBe(3);
    expect(saved.terms).toMatchObject({ retentionDays: 180, commercialUse: true, purposes: expect.arrayContaining(['COMMERCIAL_PRODUCT']) });
    // Every signature went back to not signed; the signer's row keeps the version it signed.
    const row = page.getByTestId(`signatory-${signer.organizationId}`);
    await row.getByText('Not signed', { exact: true }).waitFor();
    await row.getByRole('cell', { name: '1', exact: true }).waitFor();
    await page.getByRole('region', { name: 'History' }).getByText('Terms changed').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('in German, the party that had signed version 1 is told its signature is on old terms and signs version 3', async () => {
    await h.t.dataSource.query(`UPDATE people SET locale = 'DE' WHERE id = $1`, [signer.id]);
    const context = await h.context();
    const page = await signInByEmail(h, context, signer.email);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Datenpools' }).click();
    await page.getByRole('heading', { name: 'Datenpools', level: 1 }).waitFor();
    await page.getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { name: 'Nutzungsbedingungen, Version 3' }).waitFor();
    const again = page.getByTestId('sign-again');
    await again.getByText('nachdem', { exact: false }).waitFor();
    expect(await again.textContent()).toMatch(/Version 1 unterzeichnet.*Version 3/);
    // A contributor is offered no change of the terms.
    expect(await page.locator('summary', { hasText: 'Bedingungen ändern' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Bedingungen Version 3 unterzeichnen' }).click();
    await page.getByTestId('my-signature').getByText('hat die aktuellen Bedingungen unterzeichnet (Version 3)', { exact: false }).waitFor();
    expect(await page.getByTestId('sign-again').count()).toBe(0);
    const [signature] = await h.t.dataSource.query(`SELECT state, terms_version FROM data_pool_signatories WHERE pool_id = $1 AND organization_id = $2`, [poolId, signer.organizationId]);
    expect(signature).toEqual({ state: 'SIGNED', terms_version: 3 });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('a party withdraws from the pool with a reason', async () => {
    const context = await h.context();
    const page = await signInByEmail(h, context, leaver.email);
    await page.goto(`/data-pools/${poolId}`);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Reason for withdrawing (optional)').fill('We cannot commit the data this year.');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Withdraw from the pool' }).click();
    await page.getByTestId('my-signature').getByText('Withdrawn').waitFor();
    await page.getByTestId(`signatory-${leaver.organizationId}`).getByText('Withdrawn', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Withdraw from the pool' }).count()).toBe(0);
    const [signature] = await h.t.dataSource.query(`SELECT state FROM data_pool_signatories WHERE pool_id = $1 AND organization_id = $2`, [poolId, leaver.organizationId]);
    expect(signature.state).toBe('WITHDRAWN');
    await page.getByRole('region', { name: 'History' }).getByText('We cannot commit the data this year.', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it("an observer of the group reads the pool but is offered neither creating a pool nor changing its terms", async () => {
    const context = await h.context();
    const page = await signInByEmail(h, context, observer.email);
    await page.goto('/data-pools');
    await page.getByRole('heading', { name: 'Data pools', level: 1 }).waitFor();
    await page.getByRole('link', { name: title, exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'New data pool' }).count()).toBe(0);
    await page.getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { name: 'Usage terms, version 3' }).waitFor();
    expect(await page.locator('summary', { hasText: 'Change terms' }).count()).toBe(0);
    expect(await page.getByLabel('Retention in days').count()).toBe(0);
    // Typing the address does not help: the screen explains instead of showing a form.
    await page.goto('/data-pools/new');
    await page.getByText('Only participants of a working group (not observers) and admins can create a data pool.').waitFor();
    expect(await page.getByRole('button', { name: 'Create the pool' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
    await context.close();
  });

  it('a second conflict: "Load the saved version" puts the saved terms into the form, and saving them changes nothing', async () => {
    const page = stewardPage;
    await page.goto(`/data-pools/${poolId}`);
    await page.getByRole('heading', { name: 'Usage terms, version 3' }).waitFor();
    await page.locator('summary', { hasText: 'Change terms' }).click();
    const form = page.locator('details', { has: page.locator('summary', { hasText: 'Change terms' }) });
    await form.getByLabel('Countries where the data may be processed').fill('DE');
    const [{ version }] = await h.t.dataSource.query(`SELECT version FROM data_pools WHERE id = $1`, [poolId]);
    await must(h.t, UPDATE_TERMS, { id: poolId, v: version, terms: termsInput({ allowedLocations: ['AT', 'NL'], retentionDays: 30 }) }, colleague);
    await form.getByRole('button', { name: 'Save the new terms' }).click();
    const conflict = page.getByRole('region', { name: 'Someone changed the pool meanwhile' });
    const countries = conflict.locator('tr[data-field="allowedLocations"]');
    expect(await countries.locator('td.mine').textContent()).toBe('DE');
    expect(await countries.locator('td.theirs').textContent()).toBe('AT, NL');
    await conflict.getByRole('button', { name: 'Load the saved version' }).click();
    expect(await conflict.count()).toBe(0);
    await page.getByRole('heading', { name: 'Usage terms, version 4' }).waitFor();
    expect(await form.getByLabel('Countries where the data may be processed').inputValue()).toBe('AT, NL');
    expect(await form.getByLabel('Retention in days').inputValue()).toBe('30');
    expect(await form.getByRole('checkbox', { name: 'Commercial use' }).isChecked()).toBe(false);
    // Saving the loaded terms unchanged is no new version (the API keeps the pool as it is).
    await form.getByRole('button', { name: 'Save the new terms' }).click();
    await page.locator('summary', { hasText: 'Change terms' }).locator('xpath=..').and(page.locator('details:not([open])')).waitFor();
    const [after] = await h.t.dataSource.query(`SELECT terms_version FROM data_pools WHERE id = $1`, [poolId]);
    expect(after.terms_version).toBe(4);
    expect(h.pageErrors).toEqual([]);
  });

  it('an admin creates a pool from a data-pooling proposal with another organisation as steward', async () => {
    const admin = await makePerson(h.t, { name: 'Ada Admin', admin: true });
    const proposalTitle = 'Pool the winter test drives';
    const proposalId = await makeProposal(h.t, steward, group.id, { title: proposalTitle, kind: 'DATA_POOLING' });
    const [{ name: stewardName }] = await h.t.dataSource.query(`SELECT name FROM organizations WHERE id = $1`, [leaver.organizationId]);
    const context = await h.context();
    const page = await signInByEmail(h, context, admin.email);
    await page.goto('/data-pools/new');
    await page.getByLabel('Working group').selectOption(group.id);
    await page.getByLabel('From the proposal (optional)').locator('option', { hasText: proposalTitle }).waitFor({ state: 'attached' });
    await page.getByLabel('From the proposal (optional)').selectOption({ label: proposalTitle });
    await page.getByLabel('Title', { exact: true }).fill('Winter test drives');
    await page.getByLabel('Purpose of the pool').fill('Snow and ice recordings for perception validation.');
    await page.getByLabel('Find the organisation by name').fill(stewardName);
    await page.getByLabel('Steward', { exact: true }).locator('option', { hasText: stewardName }).waitFor({ state: 'attached' });
    await page.getByLabel('Steward', { exact: true }).selectOption({ label: stewardName });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create the pool' }).click();
    await page.getByRole('heading', { name: 'Winter test drives', level: 1 }).waitFor();
    const id = page.url().split('/').at(-1)!;
    const [row] = await h.t.dataSource.query(`SELECT proposal_id, steward_organization_id, confidentiality FROM data_pools WHERE id = $1`, [id]);
    expect(row).toEqual({ proposal_id: proposalId, steward_organization_id: leaver.organizationId, confidentiality: 'PARTIES' });
    // The proposal's author organisation is invited as a contributor.
    await page.getByTestId(`signatory-${steward.organizationId}`).getByText('Contributor').waitFor();
    await context.close();
  });

  it("removing a dataset is offered where Dataset.viewerCan says so: the contributor's and the steward's people, not another party", async () => {
    // A fresh ACTIVE pool: the leaver's organisation contributes two datasets, the signer's (reading German) is a USER.
    await h.t.dataSource.query(`UPDATE people SET locale = 'DE' WHERE id = $1`, [signer.id]);
    const pool = await activePool(h.t, steward, group.id, [
      [leaver, 'CONTRIBUTOR'],
      [signer, 'USER'],
    ]);
    const kept = await must(h.t, ADD_DATASET, { input: datasetInput(pool.id, leaver.organizationId, { title: 'Ring road lidar' }) }, leaver);
    await must(h.t, ADD_DATASET, { input: datasetInput(pool.id, leaver.organizationId, { title: 'Tunnel radar' }) }, leaver);
    const removeButton = (page: Page, title: string) => page.getByRole('button', { name: `Remove ${title}` });

    const partyContext = await h.context();
    const party = await signInByEmail(h, partyContext, signer.email);
    await party.goto(`/data-pools/${pool.id}`);
    await party.getByRole('heading', { name: 'Katalog: 2 Datensätze' }).waitFor();
    expect(await party.getByRole('button', { name: /entfernen$/ }).count()).toBe(0);
    await partyContext.close();

    const contributorContext = await h.context();
    const contributor = await signInByEmail(h, contributorContext, leaver.email);
    await contributor.goto(`/data-pools/${pool.id}`);
    await removeButton(contributor, 'Ring road lidar').waitFor();
    await removeButton(contributor, 'Tunnel radar').waitFor();
    await contributorContext.close();

    // The steward's colleague removes one, confirming; the catalogue and the database lose it.
    const page = await signInByEmail(h, await h.context(), colleague.email);
    await page.goto(`/data-pools/${pool.id}`);
    page.once('dialog', (dialog) => void dialog.accept());
    await removeButton(page, 'Tunnel radar').click();
    await page.getByRole('heading', { name: 'Catalogue: 1 dataset' }).waitFor();
    const rows = await h.t.dataSource.query(`SELECT id FROM data_pool_datasets WHERE pool_id = $1`, [pool.id]);
    expect(rows).toEqual([{ id: kept.id }]);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
