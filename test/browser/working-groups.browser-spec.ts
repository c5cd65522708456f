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
