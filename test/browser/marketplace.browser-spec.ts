import { BrowserContext, Page } from 'playwright-core';
import { CHANGE_STATE, createPool, INVITE, must, REQUEST_ACCESS, SIGN, termsInput, UPDATE_TERMS } from '../support/data-pools';
import { Actor, makeGroup, makeOrganization, makePerson, seat } from '../support/factories';
import { addCapability, addNeed, UPDATE_NEED } from '../support/marketplace';
import { BrowserHarness, describeInBrowser, seriousViolations, signInByEmail, startBrowserHarness } from './support/browser';

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describeInBrowser('web client: the marketplace and data pools', () => {
  let h: BrowserHarness;
  let group: { id: string; slug: string };

  beforeAll(async () => {
    h = await startBrowserHarness();
    group = await makeGroup(h.t);
  });
  afterAll(() => h?.close());

  describe('a need, its matches, an introduction and the draft proposal', () => {
    let owner: Actor;
    let provider: Actor;
    let need: { id: string; title: string };
    let capability: { id: string; title: string };
    let ownerContext: BrowserContext;
    let ownerPage: Page;

    beforeAll(async () => {
      owner = await makePerson(h.t, { name: 'Olga Owner' });
      provider = await makePerson(h.t, { name: 'Piet Provider' });
      await seat(h.t, group.id, owner, 'MEMBER');
      capability = (await addCapability(h.t, provider, { title: 'Hawk A100 partition', quantity: 60000, unit: 'GPU_HOURS' })) as never;
      need = (await addNeed(h.t, owner, { title: 'Driving model training', quantity: 50000, unit: 'GPU_HOURS' })) as never;
    });

    it('the owner finds the need in the marketplace, sees its matches with their reasons and asks for an introduction', async () => {
      ownerContext = await h.context();
      ownerPage = await signInByEmail(h, ownerContext, owner.email);
      const page = ownerPage;
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Marketplace' }).click();
      await page.getByRole('heading', { name: 'Marketplace', level: 1 }).waitFor();
      await page.getByRole('link', { name: capability.title }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('link', { name: 'Needs', exact: true }).click();
      await page.getByRole('link', { name: need.title }).click();
      await page.waitForURL(`**/resource-needs/${need.id}`);
      await page.getByRole('heading', { name: '1 matching capability' }).waitFor();
      const match = page.locator('.matches > li').filter({ hasText: capability.title });
      await match.getByText('Score 100 %').waitFor();
      // The API's English reasons, shown as sentences of the person's language.
      await match.getByText('covers 100 % of 50,000 GPU hours').waitFor();
      await match.getByText('runs in DE, in the EU/EEA (the need names no countries)').waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      await match.getByRole('button', { name: `Ask for an introduction to ${capability.title}` }).click();
      await match.getByLabel('Message to the provider').fill('We would start in April.');
      await match.getByRole('button', { name: 'Send the request' }).click();
      await match.getByText('Requested', { exact: true }).waitFor();
      await page.getByRole('heading', { name: 'Introductions', level: 2 }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('the provider accepts it from the introductions page, on a 375 px phone', async () => {
      const context = await h.context({ width: 375, height: 740 });
      const page = await signInByEmail(h, context, provider.email);
      await page.goto('/marketplace');
      await page.getByRole('heading', { name: 'Marketplace', level: 1 }).waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);

      await page.getByRole('link', { name: 'Introductions' }).click();
      const card = page.locator('article.introduction').filter({ hasText: need.title });
      await card.getByText('We would start in April.').waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
      // The provider answers; withdrawing is the owner's, so it is not offered.
      expect(await card.getByRole('button', { name: 'Withdraw the request' }).count()).toBe(0);
      // By keyboard alone: from the note, Tab reaches Accept, with a visible focus ring, and Enter presses it.
      await card.getByLabel('Note (shown to both sides)').fill('Happy to talk.');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Accept');
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
      await page.keyboard.press('Enter');
      await card.getByTestId('introduction-state').getByText('Accepted').waitFor();
      await card.getByRole('heading', { name: 'Contacts' }).waitFor();
      // Starting the proposal is the need owner's.
      expect(await card.getByRole('button', { name: 'Start the draft proposal' }).count()).toBe(0);

      await page.goto(`/capabilities/${capability.id}`);
      await page.getByRole('heading', { name: capability.title, level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Pause' }).waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });

    it('the owner starts the draft proposal from the accepted introduction and lands on it', async () => {
      const page = ownerPage;
      await page.reload();
      const card = page.locator('article.introduction').filter({ hasText: capability.title });
      await card.getByTestId('introduction-state').getByText('Accepted').waitFor();
      await card.getByText('Happy to talk.', { exact: false }).waitFor();
      await card.getByLabel('Working group').selectOption(group.id);
      await card.getByRole('button', { name: 'Start the draft proposal' }).click();
      await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
      const id = new URL(page.url()).pathname.split('/').pop();
      const rows = await h.t.dataSource.query(`SELECT state, kind FROM cooperation_proposals WHERE id = $1`, [id]);
      expect(rows).toEqual([{ state: 'DRAFT', kind: 'COMPUTE_ACCESS' }]);
    });

    it('publishing a need: a refusal names the field in the person’s words and keeps what was typed', async () => {
      const page = ownerPage;
      await page.goto('/marketplace');
      await page.getByRole('link', { name: 'Publish a need' }).click();
      await page.getByRole('heading', { name: 'Publish a need', level: 1 }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel('Title').fill('Crash simulation campaign');
      await page.getByLabel('Quantity').fill('800');
      await page.getByLabel('Publish anonymously').check();
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.getByText('A quantity needs a unit. (field: Unit)').waitFor();
      expect(await page.getByLabel('Title').inputValue()).toBe('Crash simulation campaign');
      expect(await page.getByLabel('Quantity').inputValue()).toBe('800');

      await page.getByLabel('Unit').selectOption('NODE_HOURS');
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await page.waitForURL(/\/resource-needs\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: 'Crash simulation campaign', level: 1 }).waitFor();
      await page.getByText('This need is anonymous').waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      // Editing with the version read: a colleague's save in between is a conflict that keeps what was typed.
      const id = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByRole('button', { name: 'Edit' }).click();
      await page.getByLabel('Title').fill('Crash simulation campaign, phase 2');
      const colleague = await h.t.gql(UPDATE_NEED, { id, v: 1, input: { description: 'Two campaigns' } }, owner.token);
      expect(colleague.errors).toBeUndefined();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('alert').getByText('Someone else saved a newer version in the meantime. (field: Version)').waitFor();
      expect(await page.getByLabel('Title').inputValue()).toBe('Crash simulation campaign, phase 2');
      await page.getByRole('button', { name: 'Load the latest version' }).click();
      await page.getByText('Two campaigns').waitFor();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { name: 'Crash simulation campaign, phase 2', level: 1 }).waitFor();
      await ownerContext.close();
    });
  });

  describe('a data pool: a party signs the terms and the steward sees the signature', () => {
    let steward: Actor;
    let party: Actor;
    let pool: { id: string; title: string };
    let partyOrganization: string;

    beforeAll(async () => {
      steward = await makePerson(h.t, { name: 'Stella Steward' });
      party = await makePerson(h.t, { name: 'Paul Party' });
      [{ name: partyOrganization }] = await h.t.dataSource.query(`SELECT name FROM organizations WHERE id = $1`, [party.organizationId]);
      await seat(h.t, group.id, steward, 'MEMBER');
      pool = await createPool(h.t, steward, group.id, { title: 'Motorway camera pool' });
      await must(h.t, INVITE, { pool: pool.id, org: party.organizationId, role: 'CONTRIBUTOR' }, steward);
      await must(h.t, CHANGE_STATE, { id: pool.id, state: 'OPEN_FOR_SIGNATURE' }, steward);
      await must(h.t, SIGN, { pool: pool.id, org: steward.organizationId, v: 1 }, steward);
    });

    it('a German-speaking party signs version 1 after the terms changed: the conflict is explained in German, the current terms are read and signed', async () => {
      await h.t.dataSource.query(`UPDATE people SET locale = 'DE' WHERE id = $1`, [party.id]);
      const context = await h.context();
      const page = await signInByEmail(h, context, party.email);
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Datenpools' }).click();
      await page.getByRole('heading', { name: 'Datenpools', level: 1 }).waitFor();
      await page.getByRole('link', { name: pool.title }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('link', { name: pool.title }).click();
      await page.getByRole('heading', { name: 'Nutzungsbedingungen, Version 1' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      // A contributor neither moves the pool nor invites (viewerCan).
      expect(await page.getByRole('heading', { name: 'Status des Pools' }).count()).toBe(0);
      expect(await page.getByText('Organisation einladen').count()).toBe(0);

      // The steward changes the terms while the party reads version 1.
      const current = await h.t.gql(`query ($id: ID!) { dataPool(id: $id) { version } }`, { id: pool.id }, steward.token);
      await must(h.t, UPDATE_TERMS, { id: pool.id, v: current.data.dataPool.version, terms: termsInput({ retentionDays: 180 }) }, steward);

      await page.getByRole('button', { name: 'Bedingungen Version 1 unterzeichnen' }).click();
      await page.getByRole('alert').getByText('Die Bedingungen haben sich geändert, seit Sie sie gelesen haben.', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Aktuelle Bedingungen lesen' }).click();
      await page.getByRole('heading', { name: 'Nutzungsbedingungen, Version 2' }).waitFor();
      await page.getByText('180 Tage').waitFor();
      await page.getByRole('button', { name: 'Bedingungen Version 2 unterzeichnen' }).click();
      await page.getByTestId('my-signature').getByText('hat die aktuellen Bedingungen unterzeichnet (Version 2)', { exact: false }).waitFor();
      // A signed contributor may now register datasets.
      await page.locator('summary', { hasText: 'Datensatz eintragen' }).click();
      await page.getByLabel('Titel').fill('Motorway A9 front camera');
      await page.getByLabel('Lizenz (SPDX-Kennung, z. B. CC-BY-4.0)').fill('cc-by-4.0');
      await page.getByLabel('Land der Speicherung (ISO-Code)').fill('DE');
      await page.getByRole('button', { name: 'Datensatz eintragen' }).click();
      await page.getByRole('heading', { name: 'Katalog: 1 Datensatz' }).waitFor();
      // The licence is stored in SPDX's case.
      expect(await page.getByRole('listitem').filter({ hasText: 'Motorway A9 front camera' }).textContent()).toContain('CC-BY-4.0');
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });

    it('the steward sees the party’s signature of the current version, signs it too, activates the pool, decides a request and invites', async () => {
      const context = await h.context();
      const page = await signInByEmail(h, context, steward.email);
      await page.goto(`/data-pools/${pool.id}`);
      const row = page.getByTestId(`signatory-${party.organizationId}`);
      await row.getByText('Signed', { exact: true }).waitFor();
      await row.getByRole('cell', { name: '2', exact: true }).waitFor();
      await row.getByText('Paul Party', { exact: false }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Catalogue (DCAT-AP)' }).click();
      const link = page.getByRole('link', { name: /^Download .+/ });
      await link.waitFor();
      const href = (await link.getAttribute('href'))!;
      const file = await fetch(new URL(href, h.t.url));
      expect(file.status).toBe(200);
      expect(await file.text()).toContain('Motorway A9 front camera');

      // The steward's own signature went back to pending with the terms change: activating is not offered
      // (viewerCan.activate) until it signs; suspending is not offered either, the pool is not active.
      await page.getByTestId('my-signature').getByText('signed version 1; the current version is 2').waitFor();
      expect(await page.getByRole('button', { name: 'Activate' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Suspend' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Sign terms version 2' }).click();
      await page.getByTestId('my-signature').getByText('signed the current terms (version 2)').waitFor();
      await page.getByRole('button', { name: 'Activate' }).click();
      await page.getByTestId('pool-state').getByText('Active').waitFor();

      await must(h.t, REQUEST_ACCESS, { pool: pool.id, org: party.organizationId, purpose: 'MODEL_TRAINING', why: 'Lane-keeping model' }, party);
      await page.reload();
      const decision = page.getByRole('group', { name: `Decision on the request of ${partyOrganization}` });
      await decision.getByRole('button', { name: 'Approve' }).click();
      await page.getByRole('listitem').filter({ hasText: 'Lane-keeping model' }).getByText('Approved', { exact: true }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      const history = page.getByRole('region', { name: 'History' });
      await history.getByText('Terms changed').waitFor();
      expect(await history.getByText('Terms signed').count()).toBeGreaterThanOrEqual(3);

      // The steward invites a research institute as a user, found by name.
      const institute = await makeOrganization(h.t, { name: 'Vorndale Research Institute', kind: 'RESEARCH' });
      await page.locator('summary', { hasText: 'Invite an organisation' }).click();
      await page.getByLabel('Find the organisation by name').fill('Vorndale');
      await page.getByLabel('Organisation', { exact: true }).locator('option', { hasText: 'Vorndale Research Institute' }).waitFor({ state: 'attached' });
      await page.getByLabel('Role', { exact: true }).selectOption('USER');
      await page.getByRole('button', { name: 'Invite an organisation' }).click();
      await page.getByTestId(`signatory-${institute.id}`).getByText('User').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  });

  it('pages long lists with "Show more": the capabilities of a kind and a need\'s matches, every row shown', async () => {
    const owner = await makePerson(h.t, { name: 'Lena Lang' });
    const provider = await makePerson(h.t, { name: 'Viktor Viele' });
    // A kind of its own: 55 capabilities (a page is 50 in the list, 20 among a need's matches).
    for (let i = 1; i <= 55; i += 1) {
      await addCapability(h.t, provider, { kind: 'MODEL_BENCHMARKING', title: `Bench ${String(i).padStart(2, '0')}`, quantity: 100, unit: 'GPU_HOURS' });
    }
    const need = (await addNeed(h.t, owner, { kind: 'MODEL_BENCHMARKING', title: 'Benchmark runs', quantity: 100, unit: 'GPU_HOURS' })) as { id: string };
    const titles = Array.from({ length: 55 }, (_, i) => `Bench ${String(i + 1).padStart(2, '0')}`);
    const page = await signInByEmail(h, await h.context(), owner.email);

    await page.goto('/marketplace?kind=MODEL_BENCHMARKING');
    await page.getByRole('heading', { name: '55 capabilities' }).waitFor();
    const listed = page.locator('section[aria-labelledby="capabilities-heading"] ul.list > li');
    await listed.nth(49).waitFor();
    expect(await listed.count()).toBe(50);
    await page.getByText('50 of 55 shown').waitFor();
    await page.getByRole('button', { name: 'Show more capabilities' }).click();
    await listed.nth(54).waitFor();
    expect((await listed.locator('a').allTextContents()).sort()).toEqual(titles);
    expect(await page.getByRole('button', { name: 'Show more capabilities' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/resource-needs/${need.id}`);
    await page.getByRole('heading', { name: '55 matching capabilities' }).waitFor();
    const matches = page.locator('.matches > li');
    await matches.nth(19).waitFor();
    expect(await matches.count()).toBe(20);
    await page.getByRole('button', { name: 'Show more matches' }).click();
    await matches.nth(39).waitFor();
    await page.getByRole('button', { name: 'Show more matches' }).click();
    await matches.nth(54).waitFor();
    expect((await matches.locator('h3 a').allTextContents()).sort()).toEqual(titles);
    expect(await page.getByRole('button', { name: 'Show more matches' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('pages the data pools with "Show more": every pool of a long list shown', async () => {
    const poolGroup = await makeGroup(h.t);
    const steward = await makePerson(h.t, { name: 'Paula Pools' });
    await seat(h.t, poolGroup.id, steward, 'MEMBER');
    for (let i = 1; i <= 52; i += 1) await createPool(h.t, steward, poolGroup.id, { title: `Paged pool ${String(i).padStart(2, '0')}` });
    const page = await signInByEmail(h, await h.context(), steward.email);
    await page.goto('/data-pools?state=DRAFT');
    const pools = page.locator('ul.list > li');
    await pools.nth(49).waitFor();
    expect(await pools.count()).toBe(50);
    // The total is what the API counts for the viewer (other tests' draft pools may be readable too).
    const progress = (await page.getByText(/^50 of \d+ shown$/).textContent())!;
    const total = Number(progress.split(' ')[2]);
    expect(total).toBeGreaterThanOrEqual(52);
    await page.getByRole('button', { name: 'Show more pools' }).click();
    await pools.nth(total - 1).waitFor();
    expect(await pools.count()).toBe(total);
    const shown = await pools.locator('a').allTextContents();
    for (let i = 1; i <= 52; i += 1) expect(shown).toContain(`Paged pool ${String(i).padStart(2, '0')}`);
    expect(await page.getByRole('button', { name: 'Show more pools' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // A pool's history: 104 entries after its creation, 100 a page, oldest first; every entry after "Show more".
    const [first] = await h.t.dataSource.query(`SELECT id FROM data_pools WHERE title = 'Paged pool 01'`);
    await h.t.dataSource.query(
      `INSERT INTO data_pool_events (id, pool_id, actor_id, type, terms_version, note, at)
       SELECT gen_random_uuid(), $1, $2, 'STATE_CHANGED', 1, 'Paged note ' || lpad(i::text, 3, '0'), now() + i * interval '1 second' FROM generate_series(1, 104) AS i`,
      [first.id, steward.id],
    );
    await page.goto(`/data-pools/${first.id}`);
    const history = page.locator('ol.history > li');
    await page.getByText('105 entries, oldest first; they can be added to, never changed.').waitFor();
    await history.nth(99).waitFor();
    expect(await history.count()).toBe(100);
    await page.getByText('100 of 105 shown').waitFor();
    await page.getByRole('button', { name: 'Show more entries' }).click();
    await history.nth(104).waitFor();
    expect(await history.count()).toBe(105);
    await history.last().getByText(/Paged note 104/).waitFor();
    for (let i = 1; i <= 104; i += 1) expect(await history.filter({ hasText: `Paged note ${String(i).padStart(3, '0')}` }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Show more entries' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows match reasons in German, worded from the API\'s codes and values (reasonDetails)', async () => {
    const owner = await makePerson(h.t, { name: 'Gerda Bedarf' });
    const provider = await makePerson(h.t, { name: 'Paul Anbieter' });
    await h.t.dataSource.query(`UPDATE people SET locale = 'DE' WHERE id = $1`, [owner.id]);
    // A kind of its own, so the other capabilities stay out: 40,000 of 50,000 GPU hours, TISAX AL2 through AL3.
    const capability = (await addCapability(h.t, provider, {
      kind: 'SIMULATION',
      title: 'Simulationscluster Nord',
      quantity: 40000,
      unit: 'GPU_HOURS',
      maxSensitivity: 'PERSONAL_DATA',
      certifications: ['TISAX_AL3'],
    })) as never as { id: string; title: string };
    const need = (await addNeed(h.t, owner, { kind: 'SIMULATION', title: 'Crash-Simulationen', quantity: 50000, unit: 'GPU_HOURS', requiredCertifications: ['TISAX_AL2'] })) as { id: string };
    const page = await signInByEmail(h, await h.context(), owner.email);
    await page.goto(`/resource-needs/${need.id}`);
    await page.getByRole('heading', { name: '1 passendes Angebot' }).waitFor();
    const reasons = page.locator('.matches > li').filter({ hasText: capability.title }).locator('ul.reasons > li');
    // German numbers (50.000, not the English sentence's 50,000), units, levels and certifications by their labels.
    await reasons.first().waitFor();
    expect(await reasons.allTextContents()).toEqual([
      'deckt 80 % von 50.000 GPU-Stunden',
      'der Bedarf nennt keinen vollständigen Zeitraum, daher passt jede Verfügbarkeit',
      'verarbeitet Daten bis „Personenbezogene Daten“; die Daten des Bedarfs sind „Vertraulich“',
      'läuft in DE, in der EU/im EWR (der Bedarf nennt keine Länder)',
      'hat die erforderlichen Zertifizierungen: TISAX AL2 (durch TISAX AL3)',
    ]);
    expect(await page.locator('ul.reasons > li[lang="en"]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
