import { BrowserContext, Page } from 'playwright-core';
import { Actor, insertProposal, makeGroup, makeOrganization, makePerson, makePriority, makeProposal, seat } from '../support/factories';
import { BrowserHarness, describeInBrowser, seriousViolations, signInByEmail, startBrowserHarness } from './support/browser';

// Cooperation proposals in the browser, each journey with several people in their own browser contexts.
// Set-up (people, seats, a proposal for the conflict) goes straight to the database or the API; what is
// under test goes through the browser.
describeInBrowser('web client: cooperation proposals', () => {
  let h: BrowserHarness;
  let group: { id: string; slug: string };
  let author: Actor;
  let colleague: Actor;
  let partner: Actor;
  let chair: Actor;
  let german: Actor;
  const pages: Record<string, Page> = {};
  let proposalId: string;
  let partnerOrgId: string;

  const stateOf = (page: Page) => page.getByTestId('proposal-state');
  const expectState = async (page: Page, text: string) => {
    await page.getByTestId('proposal-state').filter({ hasText: text }).waitFor();
  };
  async function signIn(name: string, actor: Actor, options?: { width?: number; height?: number }): Promise<Page> {
    const context: BrowserContext = await h.context(options);
    pages[name] = await signInByEmail(h, context, actor.email);
    return pages[name];
  }

  beforeAll(async () => {
    h = await startBrowserHarness();
    group = await makeGroup(h.t);
    const authorOrg = await makeOrganization(h.t, { name: 'Autohaus Nord' });
    const partnerOrg = await makeOrganization(h.t, { name: 'Partner Werke' });
    partnerOrgId = partnerOrg.id;
    author = await makePerson(h.t, { organizationId: authorOrg.id, name: 'Anna Author' });
    colleague = await makePerson(h.t, { organizationId: authorOrg.id, name: 'Carl Colleague' });
    partner = await makePerson(h.t, { organizationId: partnerOrg.id, name: 'Paula Partner' });
    chair = await makePerson(h.t, { name: 'Chris Chair' });
    german = await makePerson(h.t, { name: 'Greta Deutsch' });
    await seat(h.t, group.id, author, 'MEMBER');
    await seat(h.t, group.id, colleague, 'MEMBER');
    await seat(h.t, group.id, partner, 'MEMBER');
    await seat(h.t, group.id, chair, 'CHAIR');
    await seat(h.t, group.id, german, 'MEMBER');
    await h.t.dataSource.query(`UPDATE people SET locale = 'DE' WHERE id = $1`, [german.id]);
    await makePriority(h.t, group.id, chair, 'Safer cities');
  });
  afterAll(() => h?.close());

  it('journey 1: a proposal is drafted, the partner consents elsewhere, it is submitted and the chair approves it', async () => {
    const a = await signIn('author', author);
    await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Proposals' }).click();
    await a.getByRole('heading', { name: 'Proposals', level: 1 }).waitFor();
    await a.getByRole('heading', { name: /\d+ proposals?/ }).waitFor();
    expect(await seriousViolations(a)).toEqual([]);

    await a.getByRole('link', { name: 'New proposal' }).click();
    await a.getByRole('heading', { name: 'New proposal', level: 1 }).waitFor();
    await a.getByLabel('Working group').selectOption({ label: `Group ${group.slug}` });
    await a.getByLabel('Title', { exact: true }).fill('Shared corner-case driving data');
    await a.getByLabel('Summary').fill('Pool rare driving situations across OEMs.');
    await a.getByLabel('Description').fill('We pool corner cases to train perception models.');
    await a.getByLabel('Kind').selectOption('DATA_POOLING');
    await a.getByRole('group', { name: 'Linked priorities' }).getByLabel('Safer cities').check();
    expect(await seriousViolations(a)).toEqual([]);
    await a.getByRole('button', { name: 'Save draft' }).click();
    await a.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    proposalId = a.url().split('/').at(-1)!;
    await a.getByRole('heading', { name: 'Shared corner-case driving data', level: 1 }).waitFor();
    await expectState(a, 'Draft');
    await a.getByRole('region', { name: 'Linked priorities' }).getByText('Safer cities').waitFor();

    // The lead (the author's organisation) invites the partner.
    await a.getByLabel('Find an organisation').fill('Partner');
    await a.locator('#partner-organization option', { hasText: 'Partner Werke' }).waitFor({ state: 'attached' });
    await a.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Partner Werke' });
    await a.getByLabel('What the partner brings (optional)').fill('data provider');
    await a.getByRole('button', { name: 'Invite', exact: true }).click();
    const partnersOnA = a.getByRole('region', { name: 'Partner organisations' });
    await partnersOnA.getByText('Invited, no answer yet').waitFor();
    expect(await seriousViolations(a)).toEqual([]);

    // The partner's person answers in their own browser; the author sees it without reloading.
    const p = await signIn('partner', partner);
    await p.goto(`/proposals/${proposalId}`);
    await p.getByText('Your organisation is invited as a partner.').waitFor();
    // A partner is a party: no support offered, no edit, no review.
    expect(await p.getByRole('button', { name: /Support on behalf/ }).count()).toBe(0);
    expect(await p.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    await p.getByRole('button', { name: 'Consent as partner' }).click();
    await p.getByRole('region', { name: 'Partner organisations' }).getByText('Consented').waitFor();
    await partnersOnA.getByText('Consented').waitFor();

    await a.getByRole('button', { name: 'Submit for review' }).click();
    await expectState(a, 'Submitted');

    // The chair reviews and approves; the author's page follows live.
    const c = await signIn('chair', chair);
    await c.goto(`/proposals/${proposalId}`);
    await expectState(c, 'Submitted');
    expect(await c.getByRole('button', { name: 'Submit for review' }).count()).toBe(0);
    await c.getByRole('button', { name: 'Start review' }).click();
    await expectState(c, 'Under review');
    expect(await seriousViolations(c)).toEqual([]);
    await c.getByRole('button', { name: 'Approve' }).click();
    await expectState(c, 'Approved');
    await expectState(a, 'Approved');
    await c.getByRole('region', { name: 'History' }).getByText('Approved').waitFor();
    const [row] = await h.t.dataSource.query(`SELECT state FROM cooperation_proposals WHERE id = $1`, [proposalId]);
    expect(row.state).toBe('APPROVED');
    expect(await stateOf(a).textContent()).toBe('Approved');
  });

  it('journey 2: a comment by one person raises the author’s bell and appears on their page, without a reload', async () => {
    const a = pages.author;
    const c = pages.chair;
    // Journey 1's notifications may still be arriving: mark what is there as read and take the bell as it stands.
    await h.t.dataSource.query(`UPDATE notifications SET read_at = now() WHERE person_id = $1`, [author.id]);
    await a.reload();
    await a.getByTestId('unread-count').waitFor();
    let reloads = 0;
    a.on('load', () => (reloads += 1));

    await c.getByLabel('Your comment').fill('Which sensor set do you pool?');
    await c.getByRole('button', { name: 'Post comment' }).click();
    await c.getByText('Which sensor set do you pool?').waitFor();
    await a.getByText('Which sensor set do you pool?').waitFor();

    // Once the worker wrote the author's notification of the comment, the bell (never reloaded) counts it.
    const unread = async () => {
      const rows: { type: string }[] = await h.t.dataSource.query(`SELECT type FROM notifications WHERE person_id = $1 AND read_at IS NULL`, [author.id]);
      return rows.some((r) => r.type === 'proposal.commented') ? rows.length : 0;
    };
    let expected = 0;
    for (let i = 0; i < 100 && expected === 0; i += 1) {
      expected = await unread();
      if (!expected) await a.waitForTimeout(200);
    }
    expect(expected).toBeGreaterThan(0);
    await a.waitForFunction((n) => Number(document.querySelector('[data-testid="unread-count"]')?.textContent) >= n, expected, { timeout: 20_000 });

    // The author replies by keyboard, in the thread.
    await a.getByRole('button', { name: 'Reply to Chris Chair' }).focus();
    await a.keyboard.press('Enter');
    await a.getByLabel('Your reply').focus();
    await a.keyboard.type('Camera and lidar.');
    await a.keyboard.press('Tab');
    await a.keyboard.press('Enter');
    await a.locator('.thread .thread').getByText('Camera and lidar.').waitFor();
    await c.locator('.thread .thread').getByText('Camera and lidar.').waitFor();
    expect(reloads).toBe(0);
    expect(await seriousViolations(a)).toEqual([]);
  });

  it('journey 3: two people edit one proposal; the second sees what changed side by side and keeps theirs', async () => {
    const id = await makeProposal(h.t, author, group.id, { title: 'Synthetic pedestrians', summary: 'First summary', body: 'First body' });
    const a = pages.author;
    const b = await signIn('colleague', colleague);
    await a.goto(`/proposals/${id}/edit`);
    await b.goto(`/proposals/${id}/edit`);
    await a.getByLabel('Title', { exact: true }).waitFor();
    await b.getByLabel('Title', { exact: true }).waitFor();

    await b.getByLabel('Title', { exact: true }).fill('Synthetic pedestrians at night');
    await b.getByRole('button', { name: 'Save' }).click();
    await b.getByRole('heading', { name: 'Synthetic pedestrians at night', level: 1 }).waitFor();

    await a.getByLabel('Title', { exact: true }).fill('Synthetic pedestrians in rain');
    await a.getByLabel('Summary').fill('Rain makes it harder.');
    await a.getByRole('button', { name: 'Save' }).click();
    const conflict = a.getByRole('region', { name: 'Someone else saved this proposal in the meantime' });
    await conflict.waitFor();
    const title = conflict.locator('tr[data-field="title"]');
    expect(await title.locator('td.mine').textContent()).toBe('Synthetic pedestrians in rain');
    expect(await title.locator('td.theirs').textContent()).toBe('Synthetic pedestrians at night');
    expect(await conflict.locator('tr[data-field="summary"] td.theirs').textContent()).toBe('First summary');
    // Nothing typed is lost.
    expect(await a.getByLabel('Title', { exact: true }).inputValue()).toBe('Synthetic pedestrians in rain');
    expect(await a.getByLabel('Summary').inputValue()).toBe('Rain makes it harder.');
    expect(await seriousViolations(a)).toEqual([]);

    await conflict.getByRole('button', { name: 'Keep mine and save again' }).click();
    await a.getByRole('heading', { name: 'Synthetic pedestrians in rain', level: 1 }).waitFor();
    await a.getByText('Version 3').waitFor();
    const [row] = await h.t.dataSource.query(`SELECT title, summary, version FROM cooperation_proposals WHERE id = $1`, [id]);
    expect(row).toEqual({ title: 'Synthetic pedestrians in rain', summary: 'Rain makes it harder.', version: 3 });

    // The other way: the colleague, now stale, loads the saved version instead.
    await b.goto(`/proposals/${id}/edit`);
    await b.getByLabel('Title', { exact: true }).waitFor();
    await h.t.gql(
      `mutation ($id: ID!) { updateProposal(id: $id, expectedVersion: 3, input: { body: "Changed elsewhere" }) { version } }`,
      { id },
      author.token,
    );
    await b.getByLabel('Description').fill('My body');
    await b.getByRole('button', { name: 'Save' }).click();
    await b.getByRole('button', { name: 'Load the saved version' }).click();
    expect(await b.getByLabel('Description').inputValue()).toBe('Changed elsewhere');
    await b.getByRole('button', { name: 'Save' }).click();
    await b.getByRole('heading', { name: 'Synthetic pedestrians in rain', level: 1 }).waitFor();
  });

  it('another organisation asked to lead accepts; the chair rejects with a reason; an API error keeps what was typed', async () => {
    const id = await makeProposal(h.t, author, group.id, { title: 'Led by the partner', leadOrganizationId: partnerOrgId });
    const a = pages.author;
    const p = pages.partner;
    const c = pages.chair;
    await a.goto(`/proposals/${id}`);
    await a.getByText('It can be submitted once the lead organisation has accepted to lead it.').waitFor();
    expect(await a.getByRole('button', { name: 'Submit for review' }).count()).toBe(0);

    await p.goto(`/proposals/${id}`);
    await p.getByText('Your organisation is asked to lead this proposal.').waitFor();
    expect(await seriousViolations(p)).toEqual([]);
    await p.getByRole('button', { name: 'Accept to lead' }).click();
    await p.getByText('Your organisation has accepted to lead this draft.').waitFor();
    await p.getByRole('button', { name: 'Hand the lead back' }).waitFor();
    // The author's page follows live and now offers submitting.
    await a.getByRole('button', { name: 'Submit for review' }).click();
    await expectState(a, 'Submitted');

    await c.goto(`/proposals/${id}`);
    await c.getByRole('button', { name: 'Start review' }).click();
    await expectState(c, 'Under review');
    await c.getByRole('button', { name: 'Reject…' }).click();
    await c.getByLabel('Reason for rejecting').fill('Overlaps with an approved proposal.');
    await c.getByRole('button', { name: 'Reject the proposal' }).click();
    await expectState(c, 'Rejected');
    await c.getByRole('region', { name: 'History' }).getByText('Overlaps with an approved proposal.').waitFor();
    // Nothing is offered on a rejected proposal to the author but reading and commenting.
    await expectState(a, 'Rejected');
    expect(await a.getByRole('region', { name: 'What you can do' }).count()).toBe(0);
    await a.goto(`/proposals/${id}/edit`);
    await a.getByText('You cannot edit this proposal').waitFor();
    expect(await a.getByRole('button', { name: 'Save' }).count()).toBe(0);

    // The API's validation error names the field with the form's label, in the person's language; the form keeps its text.
    await a.goto(`/proposals/new?group=${group.id}`);
    await a.getByLabel('Title', { exact: true }).fill('x'.repeat(300));
    await a.getByLabel('Summary').fill('Kept summary');
    await a.getByLabel('Description').fill('Kept body');
    await a.getByRole('button', { name: 'Save draft' }).click();
    const alert = a.getByRole('alert');
    await alert.waitFor();
    expect(await alert.locator('[data-field]').getAttribute('data-field')).toBe('title');
    expect(await alert.textContent()).toContain('(field: Title)');
    expect(await a.getByLabel('Title', { exact: true }).inputValue()).toBe('x'.repeat(300));
    expect(await a.getByLabel('Summary').inputValue()).toBe('Kept summary');
    expect(a.url()).toContain('/proposals/new');
  });

  it('a proposal body is rendered as Markdown; raw HTML and javascript: links stay inert', async () => {
    const body = [
      '# A heading inside the body',
      '',
      'Pool **rare situations** across OEMs:',
      '',
      '- night rain',
      '- low sun',
      '',
      'See [the charter](https://example.org/charter) or [mail us](mailto:pool@example.org).',
      '',
      '[Click me](javascript:window.__pwned=1) <script>window.__pwned=2</script> <img src="x" onerror="window.__pwned=3"> <a href="javascript:window.__pwned=4">raw link</a>',
    ].join('\n');
    const id = await makeProposal(h.t, author, group.id, { title: 'Markdown body', body });
    const a = pages.author;
    await a.goto(`/proposals/${id}`);
    await a.getByRole('heading', { name: 'Markdown body', level: 1 }).waitFor();
    const md = a.locator('.markdown');
    await md.locator('strong', { hasText: 'rare situations' }).waitFor();
    expect(await md.locator('ul > li').allTextContents()).toEqual(['night rain', 'low sun']);
    const link = md.getByRole('link', { name: 'the charter' });
    expect(await link.getAttribute('href')).toBe('https://example.org/charter');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await md.getByRole('link', { name: 'mail us' }).getAttribute('href')).toBe('mailto:pool@example.org');
    // The Markdown heading is a bold paragraph, not a heading that would break the page's order.
    await md.getByText('A heading inside the body').waitFor();
    expect(await a.getByRole('heading', { name: 'A heading inside the body' }).count()).toBe(0);
    // Inert: no link for javascript:, no script, image or anchor made from the raw HTML; it shows as text.
    expect(await md.getByRole('link', { name: 'Click me' }).count()).toBe(0);
    await md.getByText('Click me').click();
    expect(await md.locator('script, img, [onerror]').count()).toBe(0);
    expect(await md.locator('a').count()).toBe(2);
    expect(await md.textContent()).toContain('<script>window.__pwned=2</script>');
    expect(await a.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await seriousViolations(a)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

  it('a long discussion pages with "Show more comments", and a new comment lands after the last page', async () => {
    const id = await makeProposal(h.t, author, group.id, { title: 'Long discussion' });
    await h.t.dataSource.query(
      `INSERT INTO proposal_comments (id, proposal_id, author_id, body, created_at)
       SELECT gen_random_uuid(), $1, $2, 'Remark ' || lpad(n::text, 3, '0'), now() - interval '1 day' + n * interval '1 second'
       FROM generate_series(1, 103) n`,
      [id, chair.id],
    );
    const a = pages.author;
    await a.goto(`/proposals/${id}`);
    await a.getByRole('heading', { name: 'Discussion (103 comments)' }).waitFor();
    const comments = a.locator('.comments li.comment');
    await comments.nth(99).getByText('Remark 100').waitFor();
    expect(await comments.count()).toBe(100);
    await a.getByText('100 of 103 shown').waitFor();
    await a.getByRole('button', { name: 'Show more comments' }).click();
    await comments.nth(102).getByText('Remark 103').waitFor();
    expect(await comments.count()).toBe(103);
    expect(await a.getByRole('button', { name: 'Show more comments' }).count()).toBe(0);
    await a.getByLabel('Your comment').fill('The newest remark');
    await a.getByRole('button', { name: 'Post comment' }).click();
    await comments.nth(103).getByText('The newest remark').waitFor();
    expect(await comments.count()).toBe(104);
    expect(await seriousViolations(a)).toEqual([]);
  });

  it('the list filters by group, sorts by title and pages with "Show more"', async () => {
    const bulk = await makeGroup(h.t);
    for (let n = 1; n <= 22; n += 1) {
      await insertProposal(h.t, chair, bulk.id, { title: `Bulk ${String(n).padStart(2, '0')}`, confidentiality: 'PUBLIC', state: 'SUBMITTED' });
    }
    const a = pages.author;
    await a.goto('/proposals');
    await a.locator('#filter-group option', { hasText: `Group ${bulk.slug}` }).waitFor({ state: 'attached' });
    await a.getByLabel('Working group').selectOption({ label: `Group ${bulk.slug}` });
    await a.getByLabel('Sort by').selectOption('title');
    await a.getByRole('heading', { name: '22 proposals' }).waitFor();
    const items = a.locator('.proposal-list > li');
    await a.locator('.proposal-list > li').first().getByRole('link', { name: 'Bulk 01' }).waitFor();
    expect(await items.count()).toBe(20);
    expect(a.url()).toContain(`group=${bulk.id}`);
    await a.getByRole('button', { name: 'Show more proposals' }).click();
    await items.nth(21).getByRole('link', { name: 'Bulk 22' }).waitFor();
    expect(await items.count()).toBe(22);
    expect(await a.getByRole('button', { name: 'Show more proposals' }).count()).toBe(0);
    await a.getByLabel('State').selectOption('DRAFT');
    await a.getByText('No proposal matches.').waitFor();
    expect(await seriousViolations(a)).toEqual([]);
  });

  it('journey 4: in German, on a 375 px phone, a member finds the proposal, supports it and comments', async () => {
    const g = await signIn('german', german, { width: 375, height: 740 });
    await g.getByRole('link', { name: 'Vorschläge' }).click();
    await g.getByRole('heading', { name: 'Vorschläge', level: 1 }).waitFor();
    await g.getByLabel('Vorschläge durchsuchen').fill('corner-case');
    await g.getByLabel('Status').selectOption('APPROVED');
    await g.getByRole('button', { name: 'Anwenden' }).click();
    await g.getByRole('heading', { name: '1 Vorschlag' }).waitFor();
    expect(await overflow(g)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(g)).toEqual([]);

    await g.getByRole('link', { name: 'Shared corner-case driving data' }).click();
    await expectState(g, 'Angenommen');
    await g.getByRole('button', { name: 'Im Namen meiner Organisation unterstützen' }).click();
    await g.getByRole('heading', { name: 'Unterstützung (1 Organisation)' }).waitFor();
    await g.getByLabel('Ihr Kommentar').fill('Wir machen gerne mit.');
    await g.getByRole('button', { name: 'Kommentar veröffentlichen' }).click();
    await g.getByText('Wir machen gerne mit.').waitFor();
    await g.getByRole('heading', { name: 'Verlauf' }).waitFor();
    await g.getByText('Unterstützt', { exact: true }).waitFor();
    expect(await overflow(g)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(g)).toEqual([]);

    // Withdrawing the support works the same way.
    await g.getByRole('button', { name: 'Unterstützung meiner Organisation zurückziehen' }).click();
    await g.getByRole('heading', { name: 'Unterstützung (0 Organisationen)' }).waitFor();
    expect(h.pageErrors).toEqual([]);
  });
});

function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
