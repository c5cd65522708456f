import { BrowserContext } from 'playwright-core';
import { Actor, makeGroup, makePerson, seat } from '../support/factories';
import { BrowserHarness, describeInBrowser, seriousViolations, signInByEmail, startBrowserHarness } from './support/browser';

describeInBrowser('web client: the shell, sign-in by email, search, settings', () => {
  let h: BrowserHarness;
  let member: Actor;
  let group: { id: string; slug: string };

  beforeAll(async () => {
    h = await startBrowserHarness();
    member = await makePerson(h.t, { name: 'Ada Brenner' });
    group = await makeGroup(h.t);
    await seat(h.t, group.id, member, 'MEMBER');
  });
  afterAll(() => h?.close());

  it('serves the client with its CSP, long-cached assets, and index.html for client routes only', async () => {
    const home = await fetch(`${h.t.url}/`, { headers: { accept: 'text/html' } });
    expect(home.status).toBe(200);
    expect(home.headers.get('cache-control')).toBe('no-cache');
    const csp = home.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+/);
    const html = await home.text();
    const asset = html.match(/\/assets\/[^"]+\.js/)![0];
    const script = await fetch(`${h.t.url}${asset}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    // A link the platform writes into emails opens the client...
    const deep = await fetch(`${h.t.url}/proposals/00000000-0000-0000-0000-000000000000`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(html);
    // ...while the API's own routes stay the API's, and non-HTML requests for unknown paths are 404s.
    expect((await fetch(`${h.t.url}/health/live`, { headers: { accept: 'text/html' } })).headers.get('content-type')).toMatch(/json/);
    expect((await fetch(`${h.t.url}/nothing-here`, { headers: { accept: 'application/json' } })).status).toBe(404);
    expect((await fetch(`${h.t.url}/assets/missing.js`, { headers: { accept: 'text/html' } })).status).toBe(404);
  });

  it('signs in from the emailed link, shows Home, finds things with the search box, keeps the person signed in', async () => {
    const context = await h.context();
    const page = await signInByEmail(h, context, member.email);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await page.getByRole('link', { name: `Group ${group.slug}` }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Every factory group's mission reads "Mission": the hit's snippet highlights the word.
    await page.getByRole('searchbox', { name: 'Search the platform' }).fill('mission');
    await page.getByRole('searchbox', { name: 'Search the platform' }).press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await page.getByRole('link', { name: `Group ${group.slug}` }).waitFor();
    expect(await page.locator('mark').first().textContent()).toBe('Mission');
    expect(await seriousViolations(page)).toEqual([]);

    await page.reload();
    await page.getByRole('link', { name: `Group ${group.slug}` }).waitFor();
    expect(h.pageErrors).toEqual([]);
    expect(h.consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await context.close();
  });

  it('a used or broken link explains itself; the sign-in form works by keyboard alone', async () => {
    const context = await h.context();
    const page = await context.newPage();
    await page.goto('/sign-in?token=not-a-real-token');
    await page.getByRole('alert').getByText('This sign-in link is invalid, used or expired.').waitFor();
    await page.getByRole('link', { name: 'Request a new sign-in link' }).click();
    await page.getByLabel('Email address').focus();
    await page.keyboard.type(member.email);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('switches to German from settings, on a 375 px phone, and the choice is saved to the profile', async () => {
    const context: BrowserContext = await h.context({ width: 375, height: 740 });
    const page = await signInByEmail(h, context, member.email);
    await page.goto('/settings');
    await page.getByLabel('Language').selectOption('DE');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Einstellungen', level: 1 }).waitFor();
    const [{ locale }] = await h.t.dataSource.query(`SELECT locale FROM people WHERE id = $1`, [member.id]);
    expect(locale).toBe('DE');
    await page.goto('/');
    await page.getByRole('heading', { name: 'Meine Arbeitsgruppen' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('lists the browsers signed in and signs another one out from settings', async () => {
    // Someone of their own: the member above has switched to German by now.
    const person = await makePerson(h.t);
    const laptop = await h.context();
    const phone = await h.context();
    const phonePage = await signInByEmail(h, phone, person.email);
    const page = await signInByEmail(h, laptop, person.email);
    await page.goto('/settings');
    const sessions = page.getByTestId('session');
    await sessions.filter({ hasText: 'This browser' }).waitFor();
    expect(await sessions.filter({ hasText: 'Another browser' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    // End every other session: the phone is signed out at its next request.
    await sessions.filter({ hasText: 'Another browser' }).getByRole('button').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="session"]').length === 1);
    await phonePage.reload();
    await phonePage.waitForURL(/\/sign-in/);
    await laptop.close();
    await phone.close();
  });

  it('an API error is shown in the person’s language with the field, and what was typed stays', async () => {
    const context = await h.context();
    const page = await signInByEmail(h, context, member.email);
    await page.goto('/settings');
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('x'.repeat(300));
    await page.getByRole('button', { name: /Save|Speichern/ }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.getAttribute('class')).toBe('error');
    expect(await alert.locator('[data-field]').getAttribute('data-field')).toBe('name');
    expect(await name.inputValue()).toBe('x'.repeat(300));
    await context.close();
  });
});
