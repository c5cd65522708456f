import { Page } from 'playwright-core';
import { Actor, insertMeeting, insertProposal, makeGroup, makeOrganization, makePerson, makePriority, seat } from '../support/factories';
import { BrowserHarness, describeInBrowser, linkFromEmail, seriousViolations, signInByEmail, startBrowserHarness } from './support/browser';
import { queuesSettled } from '../support/test-app';

describeInBrowser('web client: working groups, applications, priorities', () => {
  let h: BrowserHarness;
  let chair: Actor;
  let member: Actor;
  let colleague: Actor;
  let applicant: Actor;
  let applicantOrg: { id: string; name: string };
  let group: { id: string; slug: string };
  let groupName: string;
  let priority: { id: string; title: string };
  let chairPage: Page;

  beforeAll(async () => {
    h = await startBrowserHarness();
    group = await makeGroup(h.t);
    groupName = `Group ${group.slug}`;
    chair = await makePerson(h.t, { name: 'Clara Vorsitz' });
    member = await makePerson(h.t, { name: 'Max Mitglied' });
    colleague = await makePerson(h.t, { organizationId: member.organizationId, name: 'Sam Sekretär' });
    applicantOrg = await makeOrganization(h.t, { name: 'Applicant Motors' });
    applicant = await makePerson(h.t, { organizationId: applicantOrg.id, name: 'Ana Antrag' });
    await seat(h.t, group.id, chair, 'CHAIR');
    await seat(h.t, group.id, member, 'MEMBER');
    // APPLICATIONS go into the daily digest by default; this chair asked for them at once (in settings).
    await h.t.dataSource.query(`INSERT INTO notification_preferences (person_id, category, mode) VALUES ($1, 'APPLICATIONS', 'IMMEDIATE')`, [chair.id]);
    priority = await makePriority(h.t, group.id, chair, 'Shared battery data');
    await makePriority(h.t, null, chair, 'Alliance-wide interoperability');
    await insertProposal(h.t, member, group.id, { title: 'Battery cell pooling', state: 'UNDER_REVIEW' });
    await insertProposal(h.t, member, group.id, { title: 'Lidar benchmark', state: 'APPROVED' });
    const start = new Date(Date.now() + 7 * 86_400_000);
    await insertMeeting(h.t, chair, group.id, { title: 'Kick-off', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() });
  });
  afterAll(() => h?.close());

  it('journey: an organisation applies, the chair accepts from the emailed link, the representative then sees the group', async () => {
    // The applicant finds the group in the list and applies for their organisation.
    const applicantContext = await h.context();
    const page = await signInByEmail(h, applicantContext, applicant.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Working groups' }).click();
    await page.getByRole('heading', { name: 'Working groups', level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: groupName }).click();
    await page.getByRole('heading', { name: groupName, level: 1 }).waitFor();
    await page.getByRole('heading', { name: '2 member organisations' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Not a participant: nothing to manage, nothing to endorse.
    expect(await page.getByRole('heading', { name: 'Seat a person' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Pending applications' }).count()).toBe(0);

    // A second tab opened the form before the first one submits (a colleague's, or a double submit).
    const late = await applicantContext.newPage();
    await late.goto(`/working-groups/${group.id}/apply`);
    await late.getByLabel('Motivation').fill('Second try');
    await page.getByRole('link', { name: 'Apply for Applicant Motors' }).click();
    await page.getByLabel('Motivation').fill('We build battery management systems and want to share field data.');
    await page.getByLabel('Contribution (optional)').fill('Ten years of cell ageing data.');
    expect(await seriousViolations(page)).toEqual([]);
    const before = h.smtp.messages.length;
    await page.getByRole('button', { name: 'Submit application' }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    const applicationPath = new URL(page.url()).pathname;
    await page.getByTestId('application-state').getByText('Submitted').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The applicant may withdraw but not decide.
    await page.getByRole('button', { name: 'Withdraw the application' }).waitFor();
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(0);

    // The group page now links to it instead of offering to apply again...
    await page.getByRole('link', { name: groupName }).click();
    await page.getByRole('link', { name: "Your organisation's application: Submitted" }).waitFor();
    expect(await page.getByRole('link', { name: 'Apply for Applicant Motors' }).count()).toBe(0);
    // ...and the form still open in the other tab is refused in words, keeping what was typed.
    await late.getByRole('button', { name: 'Submit application' }).click();
    await late.getByRole('alert').getByText('Your organisation already has an open application to this working group.').waitFor();
    expect(await late.getByLabel('Motivation').inputValue()).toBe('Second try');
    await late.close();

    // The chair follows the link in the email the platform sent.
    const link = await linkFromEmail(h.smtp, chair.email, /https?:\/\/\S+\/applications\/[0-9a-f-]{36}/, before);
    expect(new URL(link).pathname).toBe(applicationPath);
    const chairContext = await h.context();
    chairPage = await signInByEmail(h, chairContext, chair.email);
    // The group page lists it under the pending applications, too.
    await chairPage.goto(`/working-groups/${group.id}`);
    const pending = chairPage.getByRole('region', { name: 'Pending applications' }).getByRole('link', { name: 'Application of Applicant Motors' });
    expect(await pending.getAttribute('href')).toBe(applicationPath);
    expect(await seriousViolations(chairPage)).toEqual([]);
    await chairPage.goto(link);
    await chairPage.getByRole('heading', { name: `Application of Applicant Motors to ${groupName}` }).waitFor();
    expect(await seriousViolations(chairPage)).toEqual([]);
    await chairPage.getByRole('button', { name: 'Start the review' }).click();
    await chairPage.getByTestId('application-state').getByText('Under review').waitFor();
    // A rejection without a reason is refused with the field named; then the chair accepts.
    await chairPage.getByRole('button', { name: 'Reject' }).click();
    const alert = chairPage.getByRole('alert');
    await alert.getByText('A rejection needs a reason. (field: Reason for a rejection)').waitFor();
    expect(await seriousViolations(chairPage)).toEqual([]);
    await chairPage.getByRole('button', { name: 'Accept' }).click();
    await chairPage.getByTestId('application-state').getByText('Accepted').waitFor();
    await chairPage.getByText('Applicant Motors is a member of the group now.').waitFor();

    // The representative now has a seat: Home lists the group, the group page lists the organisation. The
    // worker writes the notification after the answer: wait for its queue, as a person would see it later.
    await queuesSettled(h.t);
    await page.goto('/');
    const notice = page.getByRole('region', { name: 'Unread notifications' }).getByRole('link', { name: /Your application to .* was acc/ });
    expect(await notice.getAttribute('href')).toBe(applicationPath);
    await page.getByRole('region', { name: 'My working groups' }).getByRole('link', { name: groupName }).click();
    await page.getByRole('heading', { name: '3 member organisations' }).waitFor();
    await page.getByRole('heading', { name: 'Applicant Motors', level: 3 }).waitFor();
    expect(await page.getByRole('link', { name: 'Apply for Applicant Motors' }).count()).toBe(0);
    await applicantContext.close();
  });

  it('chairs see pending applications, seat people, change roles, end memberships, and cannot remove the last chair', async () => {
    const page = chairPage;
    await page.goto(`/working-groups/${group.id}`);
    await page.getByRole('heading', { name: 'Pending applications' }).waitFor();
    await page.getByText('No application is waiting for a decision.').waitFor();
    await page.getByLabel('Role of Ana Antrag').selectOption('OBSERVER');
    await page.getByRole('button', { name: 'Change role Ana Antrag' }).click();
    await page.locator('li', { hasText: 'Ana Antrag' }).locator('.tag', { hasText: 'Observer' }).waitFor();
    const [{ role }] = await h.t.dataSource.query(`SELECT role FROM working_group_participants WHERE person_id = $1 AND ended_at IS NULL`, [applicant.id]);
    expect(role).toBe('OBSERVER');

    await page.getByRole('button', { name: 'Remove seat Clara Vorsitz' }).click();
    await page.getByRole('alert').getByText('A working group must keep at least one chair. Appoint another chair first.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // A colleague of a member organisation gets a seat from the form.
    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Sam Sekretär' });
    await page.getByLabel('Role', { exact: true }).selectOption('SECRETARY');
    await page.getByRole('button', { name: 'Seat', exact: true }).click();
    await page.getByRole('status').getByText('The seat was saved.').waitFor();
    await page.locator('li', { hasText: 'Sam Sekretär' }).locator('.tag', { hasText: 'Secretary' }).waitFor();
    const seats: { role: string }[] = await h.t.dataSource.query(`SELECT role FROM working_group_participants WHERE person_id = $1 AND ended_at IS NULL`, [colleague.id]);
    expect(seats).toEqual([{ role: 'SECRETARY' }]);

    // Ending a membership asks once more, then the organisation and its seats are gone.
    await page.getByRole('button', { name: 'End membership Applicant Motors' }).click();
    await page.getByRole('button', { name: 'Yes, end the membership' }).click();
    await page.getByRole('heading', { name: '2 member organisations' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Applicant Motors' }).count()).toBe(0);
  });

  it('priorities: the emailed /working-groups/:id/priorities link opens them; a member endorses and withdraws', async () => {
    const context = await h.context();
    const page = await signInByEmail(h, context, member.email);
    await page.goto(`/working-groups/${group.id}/priorities`);
    await page.getByRole('heading', { name: 'Priorities', level: 2 }).waitFor();
    await page.getByRole('link', { name: priority.title }).waitFor();
    await page.getByText('0 endorsements').waitFor();
    await page.getByRole('button', { name: `Endorse “${priority.title}”` }).click();
    await page.getByText('1 endorsement · endorsed by my organisation').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: `Withdraw endorsement of “${priority.title}”` }).click();
    await page.getByText('0 endorsements').waitFor();

    // Alliance-wide priorities and one priority.
    await page.getByRole('link', { name: 'Alliance-wide priorities' }).click();
    await page.getByRole('heading', { name: 'Alliance-wide priorities', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Alliance-wide interoperability' }).click();
    await page.waitForURL(/\/priorities\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Alliance-wide interoperability', level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Endorse “Alliance-wide interoperability”' }).click();
    await page.getByRole('heading', { name: '1 endorsement' }).waitFor();

    // Proposals: filter by state, search, link to the proposal; meetings link to the meeting.
    await page.goto(`/working-groups/${group.id}/proposals`);
    await page.getByText('2 proposals').waitFor();
    await page.getByLabel('State').selectOption('APPROVED');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('1 proposal', { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Lidar benchmark' }).getAttribute('href')).toMatch(/^\/proposals\/[0-9a-f-]{36}$/);
    await page.getByLabel('State').selectOption('');
    await page.getByLabel('Search in proposals').fill('battery');
    await page.getByLabel('Search in proposals').press('Enter');
    await page.getByRole('link', { name: 'Battery cell pooling' }).waitFor();
    await page.getByText('1 proposal', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('navigation', { name: 'Sections of the working group' }).getByRole('link', { name: 'Meetings' }).click();
    expect(await page.getByRole('link', { name: 'Kick-off' }).getAttribute('href')).toMatch(/^\/meetings\/[0-9a-f-]{36}$/);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('the applicant organisation withdraws an open application; the group offers to apply again', async () => {
    const other = await makePerson(h.t, { name: 'Wim Withdraw' });
    const submitted = await h.t.gql(
      `mutation ($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`,
      { input: { workingGroupId: group.id, organizationId: other.organizationId, motivation: 'Maybe later' } },
      other.token,
    );
    const id: string = submitted.data.submitApplication.id;
    const context = await h.context();
    const page = await signInByEmail(h, context, other.email);
    await page.goto(`/applications/${id}`);
    await page.getByTestId('application-state').getByText('Submitted').waitFor();
    await page.getByRole('button', { name: 'Withdraw the application' }).click();
    await page.getByTestId('application-state').getByText('Withdrawn').waitFor();
    expect(await page.getByRole('button', { name: 'Withdraw the application' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: groupName }).click();
    await page.getByRole('link', { name: "Your organisation's application: Withdrawn" }).waitFor();
    await page.getByRole('link', { name: /^Apply for / }).waitFor();
    await context.close();
  });

  it('long lists page with "Show more": organisations, seats, open applications, the group\'s and the meetings list\'s past meetings', async () => {
    // 55 organisations with a seat each, 55 open applications and 55 past meetings, inserted directly; with
    // the chair's own organisation and seat, 56 of each of the first two: a page is 50.
    const bulk = await makeGroup(h.t);
    const bulkChair = await makePerson(h.t, { name: 'Bea Bulk' });
    await seat(h.t, bulk.id, bulkChair, 'CHAIR');
    await h.t.dataSource.query(
      `WITH n AS (SELECT i, gen_random_uuid() AS org, gen_random_uuid() AS person FROM generate_series(1, 55) AS i),
            orgs AS (INSERT INTO organizations (id, name, kind, country) SELECT org, 'Paged Org ' || lpad(i::text, 2, '0'), 'OEM', 'DE' FROM n),
            people AS (INSERT INTO people (id, organization_id, name, email) SELECT person, org, 'Paged Person ' || lpad(i::text, 2, '0'), 'paged-' || person || '@example.org' FROM n),
            members AS (INSERT INTO working_group_memberships (id, working_group_id, organization_id, since) SELECT gen_random_uuid(), $1, org, now() + i * interval '1 second' FROM n),
            seats AS (INSERT INTO working_group_participants (id, working_group_id, person_id, role, since) SELECT gen_random_uuid(), $1, person, 'MEMBER', now() + i * interval '1 second' FROM n)
       INSERT INTO membership_applications (id, working_group_id, organization_id, submitted_by_id, motivation, state, created_at)
       SELECT gen_random_uuid(), $1, org, person, 'Let us in', CASE WHEN i % 20 = 0 THEN 'UNDER_REVIEW' ELSE 'SUBMITTED' END, now() + i * interval '1 second' FROM n`,
      [bulk.id],
    );
    await h.t.dataSource.query(
      `INSERT INTO meetings (id, working_group_id, title, format, starts_at, ends_at, timezone, status, sequence, created_by_id)
       SELECT gen_random_uuid(), $1, 'Past ' || lpad(i::text, 2, '0'), 'IN_PERSON', timestamptz '2025-01-01 09:00Z' + i * interval '1 day',
              timestamptz '2025-01-01 10:00Z' + i * interval '1 day', 'Europe/Brussels', 'HELD', 0, $2
       FROM generate_series(1, 55) AS i`,
      [bulk.id, bulkChair.id],
    );
    const context = await h.context();
    const page = await signInByEmail(h, context, bulkChair.email);

    // Members: 50 organisations and 50 seats, then every one after "Show more".
    await page.goto(`/working-groups/${bulk.id}`);
    await page.getByRole('heading', { name: '56 member organisations' }).waitFor();
    const organisations = page.locator('ul.organisations > li');
    const seatsShown = page.locator('ul.seats > li');
    await organisations.nth(49).waitFor();
    expect(await organisations.count()).toBe(50);
    expect(await seatsShown.count()).toBe(50);
    await page.getByText('50 of 56 organisations shown').waitFor();
    await page.getByText('50 of 56 seats shown').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Show more organisations' }).click();
    await organisations.filter({ hasText: 'Paged Org 55' }).waitFor();
    expect(await organisations.count()).toBe(56);
    await page.getByRole('button', { name: 'Show more seats' }).click();
    await organisations.filter({ hasText: 'Paged Org 55' }).getByRole('button', { name: 'Remove seat Paged Person 55' }).waitFor();
    expect(await seatsShown.count()).toBe(56);
    for (let i = 1; i <= 55; i += 1) expect(await seatsShown.filter({ hasText: `Paged Person ${String(i).padStart(2, '0')}` }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Show more (organisations|seats)$/ }).count()).toBe(0);
    // A change of seats reads the seats again from their first page: one removed from the second page is
    // gone (no stale page of the cache merged back in).
    await page.getByRole('button', { name: 'Remove seat Paged Person 55' }).click();
    await page.getByText('50 of 55 seats shown').waitFor();
    await page.getByRole('button', { name: 'Show more seats' }).click();
    // The organisations did not change: the pages loaded stay.
    expect(await organisations.count()).toBe(56);
    await organisations.filter({ hasText: 'Paged Org 55' }).getByText('Nobody of this organisation holds a seat.').waitFor();
    expect(await seatsShown.count()).toBe(55);
    expect(await seatsShown.filter({ hasText: 'Paged Person 55' }).count()).toBe(0);

    // The open applications: 2 under review (all of them) and 53 submitted (a page of 50), then all 55.
    const applications = page.getByRole('region', { name: 'Pending applications' }).locator('ul > li');
    await applications.nth(51).waitFor();
    expect(await applications.count()).toBe(52);
    await page.getByText('52 of 55 shown').waitFor();
    await page.getByRole('button', { name: 'Show more applications' }).click();
    await applications.nth(54).waitFor();
    expect(await applications.count()).toBe(55);
    for (let i = 1; i <= 55; i += 1) {
      expect(await applications.filter({ hasText: `Paged Org ${String(i).padStart(2, '0')}` }).count()).toBe(1);
    }
    expect(await page.getByRole('button', { name: 'Show more applications' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // The group's past meetings, the most recent first: 50, then the oldest five.
    await page.goto(`/working-groups/${bulk.id}/meetings`);
    const pastList = page.locator('h3:has-text("Past") + ul > li');
    await pastList.nth(49).waitFor();
    expect(await pastList.count()).toBe(50);
    expect(await pastList.first().getByRole('link').textContent()).toBe('Past 55');
    await page.getByRole('button', { name: 'Show more past meetings' }).click();
    await pastList.nth(54).waitFor();
    expect(await pastList.locator('a').allTextContents()).toEqual(Array.from({ length: 55 }, (_, i) => `Past ${String(55 - i).padStart(2, '0')}`));
    expect(await seriousViolations(page)).toEqual([]);

    // A priority's linked proposals: 50, then all 55.
    const linked = await makePriority(h.t, bulk.id, bulkChair, 'Much linked');
    await h.t.dataSource.query(
      `WITH n AS (SELECT i, gen_random_uuid() AS id FROM generate_series(1, 55) AS i),
            p AS (INSERT INTO cooperation_proposals (id, working_group_id, title, summary, body, kind, state, confidentiality, lead_organization_id, author_id, author_organization_id, support_count, submitted_at)
                  SELECT id, $1, 'Linked ' || lpad(i::text, 2, '0'), 'Summary', 'Body', 'DATA_POOLING', 'SUBMITTED', 'PUBLIC', $3, $4, $3, 0, now() FROM n)
       INSERT INTO proposal_priorities (proposal_id, priority_id) SELECT id, $2 FROM n`,
      [bulk.id, linked.id, bulkChair.organizationId, bulkChair.id],
    );
    await page.goto(`/priorities/${linked.id}`);
    await page.getByRole('heading', { name: /55 linked proposals/i }).waitFor();
    const proposals = page.getByRole('region', { name: /55 linked proposals/i }).locator('ul.list > li');
    await proposals.nth(49).waitFor();
    expect(await proposals.count()).toBe(50);
    await page.getByRole('button', { name: 'Show more proposals' }).click();
    await proposals.nth(54).waitFor();
    expect((await proposals.locator('a').allTextContents()).sort()).toEqual(Array.from({ length: 55 }, (_, i) => `Linked ${String(i + 1).padStart(2, '0')}`));
    expect(await seriousViolations(page)).toEqual([]);

    // The meetings list, past ones of the group: the same, with the total.
    await page.goto(`/meetings?when=past&group=${bulk.id}`);
    await page.getByText('55 meetings').waitFor();
    const meetings = page.locator('ul.meeting-list > li');
    await meetings.nth(49).waitFor();
    expect(await meetings.count()).toBe(50);
    await page.getByText('50 of 55 shown').waitFor();
    await page.getByRole('button', { name: 'Show more' }).click();
    await meetings.nth(54).waitFor();
    expect(await meetings.locator('a').allTextContents()).toEqual(Array.from({ length: 55 }, (_, i) => `Past ${String(55 - i).padStart(2, '0')}`));
    expect(await page.getByRole('button', { name: 'Show more' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('in German on a 375 px phone: the group page fits and reads German; the tabs work by keyboard', async () => {
    await h.t.dataSource.query(`UPDATE people SET locale = 'DE' WHERE id = $1`, [member.id]);
    const context = await h.context({ width: 375, height: 740, locale: 'de-DE' });
    const page = await signInByEmail(h, context, member.email);
    await page.goto(`/working-groups/${group.id}`);
    await page.getByRole('heading', { name: '2 Mitgliedsorganisationen' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    const tab = page.getByRole('navigation', { name: 'Bereiche der Arbeitsgruppe' }).getByRole('link', { name: 'Prioritäten' });
    await tab.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Prioritäten', level: 2 }).waitFor();
    await page.getByRole('button', { name: `„${priority.title}“ unterstützen` }).waitFor();
    const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow2).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/working-groups');
    await page.getByRole('heading', { name: 'Arbeitsgruppen', level: 1 }).waitFor();
    await page.getByText('Meine Rolle: Mitglied').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
    // Nothing failed in any page of this file.
    expect(h.pageErrors).toEqual([]);
  });
});
