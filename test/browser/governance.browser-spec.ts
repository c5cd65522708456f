import { readFileSync } from 'node:fs';
import { BrowserContext, Page } from 'playwright-core';
import { vote } from '../support/ballots';
import { Actor, makeGroup, makePerson, makePriority, makeProposal, moveProposal, seat } from '../support/factories';
import { BrowserHarness, describeInBrowser, seriousViolations, signInByEmail, startBrowserHarness } from './support/browser';

jest.setTimeout(120_000);

const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Governance in the browser: a chair drafts, opens and closes a ballot, a member organisation's person votes
 * (on a 375 px phone), the result shows; RANKING by keyboard; the audit log for admins only; "download my
 * data" and an admin's erasure behind a confirmation dialog.
 */
describeInBrowser('web client: ballots, audit log, privacy', () => {
  let h: BrowserHarness;
  let group: { id: string; slug: string };
  let chair: Actor;
  let voter: Actor;
  let admin: Actor;
  let chairContext: BrowserContext;
  let voterContext: BrowserContext;
  let chairPage: Page;
  let voterPage: Page;

  beforeAll(async () => {
    h = await startBrowserHarness();
    group = await makeGroup(h.t);
    chair = await makePerson(h.t, { name: 'Clara Vorsitz' });
    voter = await makePerson(h.t, { name: 'Viktor Member' });
    admin = await makePerson(h.t, { name: 'Ada Admin', admin: true });
    await seat(h.t, group.id, chair, 'CHAIR');
    await seat(h.t, group.id, voter, 'MEMBER');
    chairContext = await h.context();
    voterContext = await h.context({ width: 375, height: 740 });
    chairPage = await signInByEmail(h, chairContext, chair.email);
    voterPage = await signInByEmail(h, voterContext, voter.email);
  });
  afterAll(() => h?.close());

  it('a chair drafts and opens an APPROVAL ballot, a member votes on a phone, the chair closes it and both see the result', async () => {
    const title = `Adopt the charter ${Date.now()}`;
    await chairPage.getByRole('link', { name: 'Ballots' }).click();
    await chairPage.getByRole('heading', { name: 'Ballots', level: 1 }).waitFor();
    await chairPage.getByLabel('Title').fill(title);
    await chairPage.getByLabel('Motion').fill('The group adopts the data charter.');
    await chairPage.getByLabel('Quorum (%)').fill('50');
    // The ballot decides a proposal under review; its author's organisation is recused.
    const author = await makePerson(h.t, { name: 'Arne Author' });
    await seat(h.t, group.id, author, 'MEMBER');
    const proposalTitle = `Shared test track ${Date.now()}`;
    const proposalId = await makeProposal(h.t, author, group.id, { title: proposalTitle });
    await moveProposal(h.t, proposalId, 'UNDER_REVIEW', { author, manager: chair });
    await chairPage.getByLabel('Kind').selectOption('RANKING');
    await chairPage.getByLabel('Kind').selectOption('APPROVAL'); // asks for the group's proposals again
    await chairPage.getByLabel(/^Proposal/).selectOption({ label: proposalTitle });
    await chairPage.getByLabel(/The result decides the proposal/).check();
    expect(await seriousViolations(chairPage)).toEqual([]);
    // A closing time in the past: the API's error names the field with the form's label, nothing typed is lost.
    const closes = chairPage.getByLabel('Closes at');
    const valid = await closes.inputValue();
    await closes.fill('2020-01-01T10:00');
    await chairPage.getByRole('button', { name: 'Save draft ballot' }).click();
    const alert = chairPage.getByRole('alert');
    await alert.getByText('(field: Closes at)').waitFor();
    expect(await alert.locator('[data-field]').getAttribute('data-field')).toBe('closesAt');
    expect(await closes.getAttribute('aria-invalid')).toBe('true');
    expect(await chairPage.getByLabel('Title').inputValue()).toBe(title);
    expect(await chairPage.getByLabel('Motion').inputValue()).toBe('The group adopts the data charter.');
    await closes.fill(valid);
    await chairPage.getByRole('button', { name: 'Save draft ballot' }).click();
    await chairPage.getByRole('heading', { name: title, level: 1 }).waitFor();
    await chairPage.getByText('Draft', { exact: true }).waitFor();
    await chairPage.getByRole('link', { name: proposalTitle }).waitFor();
    await chairPage.getByText('the result decides the proposal', { exact: false }).waitFor();
    expect(await seriousViolations(chairPage)).toEqual([]);
    await chairPage.getByRole('button', { name: 'Open ballot' }).click();
    await chairPage.getByText('Open', { exact: true }).waitFor();
    const ballotId = chairPage.url().split('/ballots/')[1];

    // The member finds it in the list (filtered to open ballots) on a 375 px phone, and votes by keyboard.
    await voterPage.goto('/ballots?state=OPEN');
    await voterPage.getByRole('link', { name: title }).waitFor();
    expect(await noOverflow(voterPage)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(voterPage)).toEqual([]);
    expect(await voterPage.getByRole('heading', { name: 'New ballot' }).count()).toBe(0); // members do not draft ballots
    await voterPage.getByRole('link', { name: title }).click();
    await voterPage.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect(await voterPage.getByRole('button', { name: 'Open ballot' }).count()).toBe(0);
    expect(await voterPage.getByRole('button', { name: 'Cancel ballot' }).count()).toBe(0);
    await voterPage.getByLabel('Yes').focus();
    await voterPage.keyboard.press('Space');
    await voterPage.keyboard.press('Tab'); // the radio group is one tab stop: on to "Cast vote"
    await voterPage.keyboard.press('Enter');
    await voterPage.getByTestId('viewer-vote').getByText('Choice: Yes.').waitFor();
    expect(await noOverflow(voterPage)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(voterPage)).toEqual([]);

    // The chair's own organisation votes (set-up); every eligible organisation has voted, so it may close early.
    expect((await vote(h.t, chair, ballotId, 'YES')).errors).toBeUndefined();
    await chairPage.reload();
    await chairPage.getByRole('button', { name: 'Close ballot now' }).click();
    await chairPage.getByTestId('ballot-outcome').getByText('The motion passed.').waitFor();
    expect(await seriousViolations(chairPage)).toEqual([]);

    await voterPage.reload();
    await voterPage.getByTestId('ballot-outcome').getByText('The motion passed.').waitFor();
    await voterPage.getByRole('row', { name: /Yes\s+2/ }).waitFor();
    expect(await noOverflow(voterPage)).toBeLessThanOrEqual(0);
  });

  it('a RANKING ballot is ordered with the up and down buttons; a secret ballot never shows a choice', async () => {
    const [first, second, third] = [await makePriority(h.t, group.id, chair), await makePriority(h.t, group.id, chair), await makePriority(h.t, group.id, chair)];
    const title = `Rank the priorities ${Date.now()}`;
    await chairPage.goto('/ballots');
    await chairPage.getByLabel('Title').fill(title);
    await chairPage.getByLabel('Motion').fill('Which priority first?');
    await chairPage.getByLabel('Kind').selectOption('RANKING');
    for (const p of [first, second, third]) await chairPage.getByLabel(p.title).check();
    await chairPage.getByLabel('Secret ballot').check();
    await chairPage.getByRole('button', { name: 'Save draft ballot' }).click();
    await chairPage.getByRole('heading', { name: title, level: 1 }).waitFor();
    await chairPage.getByRole('button', { name: 'Open ballot' }).click();
    await chairPage.getByText('Open', { exact: true }).waitFor();

    await chairPage.getByRole('button', { name: `Move ${third.title} up` }).focus();
    await chairPage.keyboard.press('Enter'); // third → 2nd
    await chairPage.keyboard.press('Enter'); // third → 1st; focus stayed on its button
    await chairPage.getByText(`${third.title} is now at position 1.`).waitFor();
    const order = await chairPage.locator('.gov-rank-title').allTextContents();
    expect(order).toEqual([third.title, first.title, second.title]);
    expect(await seriousViolations(chairPage)).toEqual([]);
    await chairPage.getByRole('button', { name: 'Cast vote' }).click();
    await chairPage.getByTestId('viewer-vote').getByText(/Cast by Clara Vorsitz/).waitFor();
    expect(await chairPage.getByTestId('viewer-vote').textContent()).not.toContain('Choice');
    await chairPage.getByText(/This is a secret ballot/).waitFor();
    const [{ ranking }] = await h.t.dataSource.query(`SELECT ranking FROM ballot_votes WHERE organization_id = $1 ORDER BY cast_at DESC LIMIT 1`, [chair.organizationId]);
    expect(ranking).toEqual([third.id, first.id, second.id]);
  });

  it('admins get the audit log (filtered, newest first, in German for a German admin); members get neither the entry nor the page', async () => {
    expect(await voterPage.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await voterPage.goto('/audit-log');
    await voterPage.getByText('Only administrators may read the audit log.').waitFor();

    // A German-speaking admin: the screen in German.
    const germanAdmin = await makePerson(h.t, { name: 'Anke Verwaltung', admin: true });
    await h.t.dataSource.query(`UPDATE people SET locale = 'DE' WHERE id = $1`, [germanAdmin.id]);
    const context = await h.context();
    const page = await signInByEmail(h, context, germanAdmin.email);
    await page.getByRole('link', { name: 'Prüfprotokoll' }).click();
    await page.getByRole('heading', { name: 'Prüfprotokoll', level: 1 }).waitFor();
    await page.getByRole('cell', { name: 'BALLOT_VOTE_CAST' }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Aktion').fill('ballot_created');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.getByRole('heading', { name: /^2 Einträge/ }).waitFor();
    const actions = await page.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(actions).toEqual(['BALLOT_CREATED', 'BALLOT_CREATED']);
    // Newest first: the RANKING ballot was drafted last.
    const whens = await page.locator('tbody tr td:nth-child(1)').allTextContents();
    expect(whens.length).toBe(2);
    await context.close();
  });

  it('every person downloads their data as JSON; an admin erases a person after confirming in a dialog', async () => {
    await voterPage.getByRole('button', { name: 'Account of Viktor Member' }).click();
    await voterPage.getByRole('menuitem', { name: 'Privacy' }).click();
    await voterPage.getByRole('heading', { name: 'Privacy', level: 1 }).waitFor();
    expect(await seriousViolations(voterPage)).toEqual([]);
    await voterPage.getByRole('button', { name: 'Prepare my data export' }).click();
    const link = voterPage.getByRole('link', { name: /^Download / });
    await link.waitFor();
    const [download] = await Promise.all([voterPage.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const json = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(JSON.stringify(json)).toContain(voter.email);
    expect(await noOverflow(voterPage)).toBeLessThanOrEqual(0);

    const leaving = await makePerson(h.t, { name: 'Lena Leaving' });
    const context = await h.context();
    const page = await signInByEmail(h, context, admin.email);
    await page.goto('/privacy');
    await page.getByLabel('Find a person by name').fill('Lena Leaving');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('button', { name: 'Erase Lena Leaving' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase Lena Leaving?' });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByLabel('Reason (the request or ticket)').fill('Request of 5 December, ticket 42');
    await dialog.getByRole('button', { name: 'Erase permanently' }).click();
    await page.getByText('Lena Leaving has been erased.').waitFor();
    const [row] = await h.t.dataSource.query(`SELECT email FROM people WHERE id = $1`, [leaving.id]);
    expect(row?.email ?? null).not.toBe(leaving.email);
    await context.close();
  });
});
