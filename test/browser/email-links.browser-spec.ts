import { BrowserContext, Page } from 'playwright-core';
import { openBallot } from '../support/ballots';
import { createPool } from '../support/data-pools';
import { Actor, insertMeeting, invitePartner, makeGroup, makePerson, makeProposal, seat } from '../support/factories';
import { addCapability, addNeed } from '../support/marketplace';
import { BrowserHarness, describeInBrowser, linkFromEmail, seriousViolations, signInByEmail, startBrowserHarness } from './support/browser';

jest.setTimeout(180_000);

const CATEGORIES = ['ACTION_ITEMS', 'APPLICATIONS', 'BALLOTS', 'COMMENTS', 'DATA_POOLS', 'MARKETPLACE', 'MEETINGS', 'PRIORITIES', 'PROPOSALS'];
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * The screens of other areas are built on other branches. Until they are merged, their link is followed and
 * must open the client at that very path (signed in, not the API's 404, not the sign-in page), but the title
 * is not asserted. TODO after merging each branch: delete its entries here, so the title is asserted too.
 */
/**
 * Every kind of link the platform writes into its emails, followed from a real email received by the SMTP sink
 * and opened in the browser by its recipient (signed in): the right screen shows the object's title.
 * The unsubscribe link stays the API's page.
 */
describeInBrowser('web client: every link the platform emails opens the right screen', () => {
  let h: BrowserHarness;
  let group: { id: string; slug: string };
  let other: { id: string; slug: string };
  let chair: Actor;
  let author: Actor;
  let admin: Actor;
  /** Receives every email: seated MEMBER in `group`, CHAIR of `other`, every category immediately. */
  let recipient: Actor;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    h = await startBrowserHarness();
    group = await makeGroup(h.t);
    other = await makeGroup(h.t);
    chair = await makePerson(h.t, { name: 'Clara Chair' });
    author = await makePerson(h.t, { name: 'Arne Author' });
    admin = await makePerson(h.t, { name: 'Ada Admin', admin: true });
    recipient = await makePerson(h.t, { name: 'Rita Recipient' });
    await seat(h.t, group.id, chair, 'CHAIR');
    await seat(h.t, group.id, author, 'MEMBER');
    await seat(h.t, group.id, recipient, 'MEMBER');
    await seat(h.t, other.id, recipient, 'CHAIR');
    for (const category of CATEGORIES)
      await h.t.dataSource.query(
        `INSERT INTO notification_preferences (person_id, category, mode) VALUES ($1, $2, 'IMMEDIATE')
         ON CONFLICT (person_id, category) DO UPDATE SET mode = 'IMMEDIATE'`,
        [recipient.id, category],
      );
    context = await h.context();
    // The sign-in link is the first kind: requested on the sign-in page, opened from the email, lands on Home.
    page = await signInByEmail(h, context, recipient.email);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
  });
  afterAll(() => h?.close());

  /** Does `trigger`, follows the link matching `path` in the email it sends to the recipient, checks the screen. */
  async function follow(kind: string, path: string, title: string, trigger: () => Promise<unknown>): Promise<string> {
    const before = h.smtp.messages.length;
    await trigger();
    const link = await linkFromEmail(h.smtp, recipient.email, new RegExp(`https?://[^/\\s]+${path}(?=\\s|$)`), before);
    expect(link.startsWith(h.t.url)).toBe(true);
    await page.goto(link);
    const heading = page.getByRole('heading', { level: 1 }).first();
    await heading.waitFor();
    expect(new URL(page.url()).pathname).toBe(new URL(link).pathname);
    await page.getByText(title).first().waitFor();
    expect(await page.getByRole('heading', { name: 'Page not found' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    return link;
  }

  it('a ballot opened: /ballots/:id', async () => {
    const title = `Ballot by email ${Date.now()}`;
    let id = '';
    await follow('ballot', `/ballots/${UUID}`, title, async () => {
      id = (await openBallot(h.t, chair, group.id, { title })).id;
    });
    expect(page.url()).toContain(`/ballots/${id}`);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  });

  it('a proposal the organisation is invited to: /proposals/:id', async () => {
    const title = `Proposal by email ${Date.now()}`;
    await follow('proposal', `/proposals/${UUID}`, title, async () => {
      const id = await makeProposal(h.t, author, group.id, { title });
      await invitePartner(h.t, author, id, recipient.organizationId);
    });
  });

  it('a meeting invitation: /meetings/:id', async () => {
    const title = `Meeting by email ${Date.now()}`;
    await follow('meeting', `/meetings/${UUID}`, title, async () => {
      const startsAt = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
      const id = await insertMeeting(h.t, chair, group.id, { title, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 60 * 60 * 1000).toISOString() });
      const response = await h.t.gql(`mutation ($id: ID!, $people: [ID!]!) { invite(meetingId: $id, personIds: $people) { id } }`, { id, people: [recipient.id] }, chair.token);
      expect(response.errors).toBeUndefined();
    });
  });

  it('an invitation to a data pool: /data-pools/:id', async () => {
    const title = `Pool by email ${Date.now()}`;
    await follow('data pool', `/data-pools/${UUID}`, title, async () => {
      const pool = await createPool(h.t, author, group.id, { title });
      const response = await h.t.gql(
        `mutation ($pool: ID!, $org: ID!, $role: DataPoolRole!) { inviteToDataPool(poolId: $pool, organizationId: $org, role: $role) { id } }`,
        { pool: pool.id, org: recipient.organizationId, role: 'CONTRIBUTOR' },
        author.token,
      );
      expect(response.errors).toBeUndefined();
    });
  });

  it('a capability matching the organisation’s need: /resource-needs/:id', async () => {
    const title = `Need by email ${Date.now()}`;
    await follow('resource need', `/resource-needs/${UUID}`, title, async () => {
      await addNeed(h.t, recipient, { kind: 'HPC_COMPUTE', title, quantity: 500, unit: 'NODE_HOURS' });
      await addCapability(h.t, author, { kind: 'HPC_COMPUTE', title: `Cluster ${Date.now()}`, quantity: 2000, unit: 'NODE_HOURS' });
    });
  });

  it('an organisation applied to the group the recipient chairs: /applications/:id', async () => {
    const applicant = await makePerson(h.t, { name: 'Paula Applicant' });
    const [{ name }] = await h.t.dataSource.query(`SELECT name FROM organizations WHERE id = $1`, [applicant.organizationId]);
    await follow('application', `/applications/${UUID}`, name, async () => {
      const response = await h.t.gql(
        `mutation ($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`,
        { input: { workingGroupId: other.id, organizationId: applicant.organizationId, motivation: 'We bring data.' } },
        applicant.token,
      );
      expect(response.errors).toBeUndefined();
    });
  });

  async function adoptedPriority(by: Actor, workingGroupId: string | null, title: string): Promise<void> {
    const created = await h.t.gql(`mutation ($input: CreatePriorityInput!) { createPriority(input: $input) { id } }`, { input: { workingGroupId, title, description: 'Why it matters' } }, by.token);
    expect(created.errors).toBeUndefined();
    const adopted = await h.t.gql(`mutation ($id: ID!) { updatePriority(id: $id, input: { status: ADOPTED }) { id } }`, { id: created.data.createPriority.id }, by.token);
    expect(adopted.errors).toBeUndefined();
  }

  it("a group's priority adopted: /working-groups/:id/priorities", async () => {
    const title = `Group priority by email ${Date.now()}`;
    await follow("group's priorities", `/working-groups/${group.id}/priorities`, title, () => adoptedPriority(chair, group.id, title));
  });

  it('an alliance-wide priority adopted: /priorities', async () => {
    const title = `Alliance priority by email ${Date.now()}`;
    await follow('alliance priorities', '/priorities', title, () => adoptedPriority(admin, null, title));
  });

  it('the unsubscribe link in the same emails stays the API’s page, not the client', async () => {
    const mail = h.smtp.messages.filter((m) => (m.to as { text?: string } | undefined)?.text === recipient.email && /\/unsubscribe\?token=/.test(m.text ?? '')).at(-1);
    const link = (mail?.text ?? '').match(/https?:\/\/\S+\/unsubscribe\?token=[\w-]+/)?.[0];
    expect(link).toBeDefined();
    const other = await context.newPage();
    await other.goto(link!);
    expect(await other.locator('#root').count()).toBe(0);
    expect(new URL(other.url()).pathname).toBe('/unsubscribe');
    await other.close();
  });
});
