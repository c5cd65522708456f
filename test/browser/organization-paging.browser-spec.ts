import { Locator, Page } from 'playwright-core';
import { Actor, makeOrganization, makePerson } from '../support/factories';
import { BrowserHarness, describeInBrowser, seriousViolations, signInByEmail, startBrowserHarness } from './support/browser';

/**
 * An organisation with more people, capabilities and needs than one page of each: the page shows the first
 * page of every list and "Show more …" fetches the next page of that list only, until every row is shown.
 * The rows are inserted with SQL (set-up only: the lists' contents have their own e2e tests).
 */
describeInBrowser('web client: an organisation page pages through its lists', () => {
  let h: BrowserHarness;
  let member: Actor;
  let orgId: string;

  beforeAll(async () => {
    h = await startBrowserHarness();
    orgId = (await makeOrganization(h.t, { name: 'Many Rows Motors' })).id;
    member = await makePerson(h.t, { organizationId: orgId, name: 'Mia Member' });
    const sql = (text: string, values: unknown[]) => h.t.dataSource.query(text, values);
    // 105 more people (106 with Mia: the page asks for 100), 55 capabilities and 53 needs (pages of 50).
    await sql(
      `INSERT INTO people (id, organization_id, name, email)
       SELECT gen_random_uuid(), $1, 'Bulk Person ' || lpad(n::text, 3, '0'), 'bulk-' || n || '-' || $2 || '@example.org' FROM generate_series(1, 105) n`,
      [orgId, Date.now()],
    );
    await sql(
      `INSERT INTO capabilities (id, organization_id, kind, title, location, max_sensitivity, access_model, confidentiality, created_by_id)
       SELECT gen_random_uuid(), $1, 'GPU_COMPUTE', 'Bulk capability ' || lpad(n::text, 3, '0'), 'DE', 'CONFIDENTIAL', 'IN_KIND', 'PUBLIC', $2
       FROM generate_series(1, 55) n`,
      [orgId, member.id],
    );
    await sql(
      `INSERT INTO resource_needs (id, organization_id, kind, title, sensitivity, confidentiality, created_by_id)
       SELECT gen_random_uuid(), $1, 'GPU_COMPUTE', 'Bulk need ' || lpad(n::text, 3, '0'), 'CONFIDENTIAL', 'PUBLIC', $2
       FROM generate_series(1, 53) n`,
      [orgId, member.id],
    );
  });
  afterAll(() => h?.close());

  const selector = (heading: string) => `section[aria-labelledby="${heading}"] > ul > li`;
  const items = (page: Page, heading: string): Locator => page.locator(selector(heading));
  /** Waits until the list has exactly `n` rows (the next page arrives asynchronously). */
  const rows = async (page: Page, heading: string, n: number) => {
    await page.waitForFunction(([css, count]) => document.querySelectorAll(css).length === count, [selector(heading), n] as const);
    return items(page, heading).count();
  };
  const names = async (list: Locator) => (await list.allInnerTexts()).map((text) => text.split(' · ')[0].trim());
  const column = async (query: string) => ((await h.t.dataSource.query(query, [orgId])) as { v: string }[]).map((r) => r.v).sort();

  it('shows every person, capability and need after "Show more", one list at a time', async () => {
    const page = await signInByEmail(h, await h.context(), member.email);
    await page.goto(`/organizations/${orgId}`);
    await page.getByRole('heading', { name: 'Many Rows Motors', level: 1 }).waitFor();
    await page.getByRole('heading', { name: '106 people' }).waitFor();
    const people = items(page, 'org-people');
    const capabilities = items(page, 'org-capabilities');
    const needs = items(page, 'org-needs');
    expect(await rows(page, 'org-people', 100)).toBe(100);
    expect(await capabilities.count()).toBe(50);
    expect(await needs.count()).toBe(50);
    expect(await seriousViolations(page)).toEqual([]);

    // The next page of people is appended; the other lists stay at their first page.
    await page.getByRole('button', { name: 'Show more people' }).click();
    expect(await rows(page, 'org-people', 106)).toBe(106);
    await page.getByRole('button', { name: 'Show more people' }).waitFor({ state: 'detached' });
    expect(await capabilities.count()).toBe(50);
    expect(await needs.count()).toBe(50);
    expect((await names(people)).sort()).toEqual(await column(`SELECT name AS v FROM people WHERE organization_id = $1`));

    await page.getByRole('button', { name: 'Show more capabilities' }).click();
    expect(await rows(page, 'org-capabilities', 55)).toBe(55);
    await page.getByRole('button', { name: 'Show more capabilities' }).waitFor({ state: 'detached' });
    expect(await needs.count()).toBe(50);
    expect(await people.count()).toBe(106);
    expect((await capabilities.getByRole('link').allInnerTexts()).sort()).toEqual(await column(`SELECT title AS v FROM capabilities WHERE organization_id = $1`));

    await page.getByRole('button', { name: 'Show more resource needs' }).click();
    expect(await rows(page, 'org-needs', 53)).toBe(53);
    await page.getByRole('button', { name: 'Show more resource needs' }).waitFor({ state: 'detached' });
    expect((await needs.getByRole('link').allInnerTexts()).sort()).toEqual(await column(`SELECT title AS v FROM resource_needs WHERE organization_id = $1`));
    expect(await seriousViolations(page)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
