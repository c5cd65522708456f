import { Page } from 'playwright-core';
import { Actor, makePerson } from '../support/factories';
import { addCapability, addNeed } from '../support/marketplace';
import { BrowserHarness, describeInBrowser, seriousViolations, signInByEmail, startBrowserHarness } from './support/browser';

/**
 * The marketplace actions the first journey (marketplace.browser-spec.ts) does not take: declining an
 * introduction, pausing, resuming and retiring a capability, and what a person of a third organisation is
 * offered (nothing). Each control appears exactly where the item's `viewerCan` allows it (decision 245).
 */
describeInBrowser('web client: declining, pausing, resuming and retiring in the marketplace', () => {
  let h: BrowserHarness;
  let owner: Actor;
  let provider: Actor;
  let providerColleague: Actor;
  let outsider: Actor;
  let need: { id: string; title: string };
  let offered: { id: string; title: string };
  let paused: { id: string; title: string };
  let introduction: string;

  beforeAll(async () => {
    h = await startBrowserHarness();
    owner = await makePerson(h.t, { name: 'Rosa Requester' });
    provider = await makePerson(h.t, { name: 'Pia Provider' });
    providerColleague = await makePerson(h.t, { organizationId: provider.organizationId, name: 'Paco Provider' });
    outsider = await makePerson(h.t, { name: 'Otto Outsider' });
    need = (await addNeed(h.t, owner, { title: 'Perception model retraining', quantity: 2000, unit: 'GPU_HOURS' })) as never;
    offered = (await addCapability(h.t, provider, { title: 'Falcon H100 slice', quantity: 5000, unit: 'GPU_HOURS' })) as never;
    paused = (await addCapability(h.t, provider, { title: 'Kestrel L40S pool', quantity: 3000, unit: 'GPU_HOURS' })) as never;
    const asked = await h.t.gql(
      `mutation ($n: ID!, $c: ID!) { requestIntroduction(needId: $n, capabilityId: $c, message: "Could we start in May?") { id } }`,
      { n: need.id, c: offered.id },
      owner.token,
    );
    expect(asked.errors).toBeUndefined();
    introduction = asked.data.requestIntroduction.id;
  });
  afterAll(() => h?.close());

  /** The titles of the need's matches as the owner's page lists them. */
  const matchTitles = async (page: Page) => {
    await page.goto(`/resource-needs/${need.id}`);
    await page.getByRole('heading', { name: need.title, level: 1 }).waitFor();
    await page.getByRole('heading', { name: /matching capabilit/ }).waitFor();
    return page.locator('.matches > li h3').allTextContents();
  };

  it("a provider's colleague declines the introduction with a note, and the requester sees it declined with the note", async () => {
    const context = await h.context();
    const page = await signInByEmail(h, context, providerColleague.email);
    await page.goto('/introductions');
    await page.getByRole('heading', { name: 'Introductions', level: 1 }).waitFor();
    const card = page.locator('article.introduction').filter({ hasText: need.title });
    await card.getByText('Could we start in May?').waitFor();
    // The provider's side answers; withdrawing and starting a proposal are the requester's.
    expect(await card.getByRole('button', { name: 'Withdraw the request' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await card.getByLabel('Note (shown to both sides)').fill('No capacity before July, sorry.');
    await card.getByRole('button', { name: 'Decline' }).click();
    await card.getByTestId('introduction-state').getByText('Declined').waitFor();
    // Settled: nothing is offered any more.
    expect(await card.getByRole('button').count()).toBe(0);
    expect(await card.getByLabel('Note (shown to both sides)').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();

    const requesterContext = await h.context();
    const requester = await signInByEmail(h, requesterContext, owner.email);
    await requester.goto(`/introductions/${introduction}`);
    const mine = requester.locator('article.introduction');
    await mine.getByTestId('introduction-state').getByText('Declined').waitFor();
    await mine.getByText('Answered by Paco Provider', { exact: false }).waitFor();
    await mine.getByText(': No capacity before July, sorry.', { exact: false }).waitFor();
    expect(await mine.getByRole('button').count()).toBe(0);
    expect(await seriousViolations(requester)).toEqual([]);
    const rows = await h.t.dataSource.query(`SELECT state, answer_note AS note, answered_by_id AS by FROM introductions WHERE id = $1`, [introduction]);
    expect(rows).toEqual([{ state: 'DECLINED', note: 'No capacity before July, sorry.', by: providerColleague.id }]);
    await requesterContext.close();
  });

  it("the provider pauses a capability and it leaves the need's matches; made active again it is back; retired it is gone and frozen", async () => {
    const ownerContext = await h.context();
    const ownerPage = await signInByEmail(h, ownerContext, owner.email);
    expect(await matchTitles(ownerPage)).toEqual(expect.arrayContaining([offered.title, paused.title]));
    // The declined introduction does not stop the owner from asking again (the API allows it).
    await ownerPage.getByRole('button', { name: `Ask for an introduction to ${offered.title}` }).waitFor();
    expect(await seriousViolations(ownerPage)).toEqual([]);

    const context = await h.context();
    const page = await signInByEmail(h, context, provider.email);
    await page.goto(`/capabilities/${paused.id}`);
    await page.getByRole('heading', { name: paused.title, level: 1 }).waitFor();
    const manage = page.getByRole('region', { name: 'Manage' });
    // ACTIVE: pause and retire, not "make active again".
    await manage.getByRole('button', { name: 'Pause' }).waitFor();
    expect(await manage.getByRole('button', { name: 'Make active again' }).count()).toBe(0);
    // Its own organisation does not ask for an introduction to it.
    expect(await page.getByRole('heading', { name: 'Ask for an introduction' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await manage.getByRole('button', { name: 'Pause' }).click();
    await manage.getByRole('button', { name: 'Make active again' }).waitFor();
    expect(await manage.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    await page.getByText('Paused', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const whilePaused = await matchTitles(ownerPage);
    expect(whilePaused).toContain(offered.title);
    expect(whilePaused).not.toContain(paused.title);

    await manage.getByRole('button', { name: 'Make active again' }).click();
    await manage.getByRole('button', { name: 'Pause' }).waitFor();
    expect(await matchTitles(ownerPage)).toContain(paused.title);

    page.once('dialog', (dialog) => void dialog.accept());
    await manage.getByRole('button', { name: 'Retire' }).click();
    await page.getByText('Retired', { exact: true }).waitFor();
    // RETIRED is final: nothing is offered any more.
    await manage.waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: /^(Edit|Pause|Make active again|Retire)$/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await matchTitles(ownerPage)).not.toContain(paused.title);
    const [row] = await h.t.dataSource.query(`SELECT status FROM capabilities WHERE id = $1`, [paused.id]);
    expect(row.status).toBe('RETIRED');
    await context.close();
    await ownerContext.close();
  });

  it('a person of a third organisation is offered none of these controls', async () => {
    const context = await h.context();
    const page = await signInByEmail(h, context, outsider.email);

    await page.goto(`/capabilities/${offered.id}`);
    await page.getByRole('heading', { name: offered.title, level: 1 }).waitFor();
    expect(await page.getByRole('region', { name: 'Manage' }).count()).toBe(0);
    expect(await page.getByRole('button').filter({ hasText: /^(Edit|Pause|Make active again|Retire)$/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/resource-needs/${need.id}`);
    await page.getByRole('heading', { name: need.title, level: 1 }).waitFor();
    expect(await page.getByRole('region', { name: 'Manage' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(Edit|Mark as fulfilled|Close the need)$/ }).count()).toBe(0);
    // Matches and asking are the need's organisation's.
    expect(await page.getByRole('heading', { name: /matching capabilit/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Ask for an introduction/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // The introduction is between two other organisations: not theirs to see, let alone answer.
    await page.goto(`/introductions/${introduction}`);
    await page.getByRole('heading', { name: 'Introduction', level: 1 }).waitFor();
    await page.getByText('There is nothing at this address, or you may not see it.').waitFor();
    expect(await page.getByRole('button', { name: /^(Accept|Decline|Withdraw the request)$/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
