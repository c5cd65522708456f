import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { BrowserContext, Page } from 'playwright-core';
import { Actor, insertAgenda, insertInvitation, insertMeeting, makeGroup, makePerson, makeProposal, seat } from '../support/factories';
import { BrowserHarness, describeInBrowser, linkFromEmail, seriousViolations, signInByEmail, startBrowserHarness } from './support/browser';

/** A date some days ahead, as the `datetime-local` input's date part. */
function dayAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The hh:mm of each time of day, whichever clock the UI language uses (10:00 AM, 10:00); the tests' times are all before noon. */
function clock(texts: string[]): string[] {
  return texts.map((text) => (/(\d{1,2}):(\d{2})/.exec(text)?.[0] ?? text).padStart(5, '0'));
}

/** Independent readers of the brief's files (python3-docx, openpyxl, python3-icalendar), each printing JSON. */
const PYTHON = '/usr/bin/python3';
const READERS = {
  DOCX: `
import sys, json, docx
d = docx.Document(sys.argv[1])
texts = [p.text for p in d.paragraphs]
for table in d.tables:
    for row in table.rows:
        texts.append(' | '.join(c.text for c in row.cells))
print(json.dumps(texts))`,
  XLSX: `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({'title': wb.properties.title, 'sheets': {ws.title: [[c if c is None or isinstance(c, (str, int, float)) else str(c) for c in row] for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}}))`,
  ICS: `
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
print(json.dumps([{'summary': str(e.get('SUMMARY')), 'description': str(e.get('DESCRIPTION', ''))} for e in cal.walk('VEVENT')]))`,
};
const readWith = (script: string, path: string): any => JSON.parse(execFileSync(PYTHON, ['-c', script, path]).toString('utf8'));

async function noHorizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describeInBrowser('web client: meetings', () => {
  let h: BrowserHarness;
  let chair: Actor;
  let member: Actor;
  let group: { id: string; slug: string };
  let chairContext: BrowserContext;
  let memberContext: BrowserContext;
  let chairPage: Page;
  let memberPage: Page;
  const title = 'Battery passport sync';
  const downloads = mkdtempSync(join(tmpdir(), 'ecava-briefs-'));

  beforeAll(async () => {
    h = await startBrowserHarness();
    group = await makeGroup(h.t);
    chair = await makePerson(h.t, { name: 'Clara Chair' });
    member = await makePerson(h.t, { name: 'Max Member' });
    await seat(h.t, group.id, chair, 'CHAIR');
    await seat(h.t, group.id, member, 'MEMBER');
    // The member lives elsewhere: the meeting shows in both zones.
    await h.t.dataSource.query(`UPDATE people SET timezone = 'America/New_York' WHERE id = $1`, [member.id]);
    chairContext = await h.context();
    memberContext = await h.context();
    chairPage = await signInByEmail(h, chairContext, chair.email);
    memberPage = await signInByEmail(h, memberContext, member.email);
  });
  afterAll(() => h?.close());

  it('a chair schedules a meeting and builds its agenda; a member opens it from the email, answers, acknowledges and downloads the PDF brief', async () => {
    const page = chairPage;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
    await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Schedule a meeting' }).click();
    await page.getByRole('heading', { name: 'Schedule a meeting', level: 1 }).waitFor();

    // An error from the API names the field with the form's label; what was typed stays.
    const day = dayAhead(3);
    await page.getByLabel('Working group', { exact: true }).selectOption(group.id);
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Format').selectOption('ONLINE');
    await page.getByLabel('Link to join online').fill('https://meet.example.org/battery');
    await page.getByLabel('Time zone of the meeting').selectOption('Europe/Brussels');
    await page.getByLabel('Starts', { exact: true }).fill(`${day}T10:00`);
    await page.getByLabel('Ends', { exact: true }).fill(`${day}T09:00`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.locator('[data-field]').getAttribute('data-field')).toBe('endsAt');
    expect(await alert.textContent()).toContain('Ends');
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(title);

    await page.getByLabel('Ends', { exact: true }).fill(`${day}T11:00`);
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    const meetingId = page.url().split('/').at(-1)!;
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    const [row] = await h.t.dataSource.query(`SELECT starts_at FROM meetings WHERE id = $1`, [meetingId]);
    // 10:00 in Brussels, whatever the season.
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', timeStyle: 'short' }).format(row.starts_at)).toBe('10:00');

    // The agenda builder: live start times, an overrun warning, keyboard reordering, saved with setAgenda.
    await page.getByRole('button', { name: 'Edit agenda' }).click();
    await page.getByRole('button', { name: 'Add item' }).click();
    await page.getByLabel('Title', { exact: true }).nth(0).fill('Data model review');
    await page.getByLabel('Duration (minutes)').nth(0).fill('50');
    await page.getByRole('button', { name: 'Add item' }).click();
    await page.getByLabel('Title', { exact: true }).nth(1).fill('Welcome and antitrust statement');
    await page.getByLabel('Duration (minutes)').nth(1).fill('15');
    await page.getByLabel('Presenter').nth(1).selectOption({ label: 'Clara Chair' });
    await page.getByText('The agenda runs 5 minutes past the end of the meeting.').waitFor();
    expect(clock(await page.getByTestId('computed-start').allTextContents())).toEqual(['10:00', '10:50']);
    const up = page.getByRole('button', { name: 'Move “Welcome and antitrust statement” up' });
    await up.focus();
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('Title', { exact: true }).nth(0).inputValue()).toBe('Welcome and antitrust statement');
    expect(clock(await page.getByTestId('computed-start').allTextContents())).toEqual(['10:00', '10:15']);
    // Focus stays on the moved item (its other button once it is first), visibly.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move “Welcome and antitrust statement” down');
    expect(await page.evaluate(() => document.activeElement?.matches(':focus-visible'))).toBe(true);
    await page.getByLabel('Duration (minutes)').nth(1).fill('45');
    expect(await page.getByText(/runs \d+ minutes? past/).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save agenda' }).click();
    await page.getByRole('heading', { name: 'Agenda' }).locator('..').getByRole('button', { name: 'Edit agenda' }).waitFor();
    const agenda = page.locator('ol.agenda');
    await agenda.getByText('Data model review').waitFor();
    expect(clock(await agenda.locator('.time').allTextContents())).toEqual(['10:00', '10:15']);
    expect(await seriousViolations(page)).toEqual([]);

    // The member opens the link from the invitation email.
    const link = await linkFromEmail(h.smtp, member.email, /https?:\/\/\S+\/meetings\/[0-9a-f-]{36}/);
    expect(link.endsWith(`/meetings/${meetingId}`)).toBe(true);
    const m = memberPage;
    await m.goto(link);
    await m.getByRole('heading', { name: title, level: 1 }).waitFor();
    await m.getByText(/^Your time: .*America\/New_York/).waitFor();
    // A member is offered no organiser's action.
    expect(await m.getByRole('link', { name: 'Edit meeting' }).count()).toBe(0);
    expect(await m.getByRole('button', { name: 'Edit agenda' }).count()).toBe(0);
    expect(await m.getByRole('button', { name: /Cancel meeting/ }).count()).toBe(0);
    expect(await m.getByRole('button', { name: 'Approve the agenda' }).count()).toBe(0);

    await m.getByRole('button', { name: 'Attend' }).click();
    await m.getByText('Your answer: Attending').waitFor();
    await m.getByRole('button', { name: 'I have read the statement' }).click();
    await m.getByText('You acknowledged the statement.').waitFor();
    const [status] = await h.t.dataSource.query(`SELECT status FROM meeting_invitations WHERE meeting_id = $1 AND person_id = $2`, [meetingId, member.id]);
    expect(status.status).toBe('ACCEPTED');
    expect(await seriousViolations(m)).toEqual([]);

    const [download] = await Promise.all([m.waitForEvent('download'), m.getByRole('button', { name: 'Download the brief as PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain(title);
    expect(text).toContain('Data model review');
  });

  it('after the start, the chair records attendance, writes minutes and adds an action item; its owner marks it done; counsel approves the agenda; a meeting is edited and cancelled with a reason', async () => {
    const now = Date.now();
    const held = await insertMeeting(h.t, chair, group.id, {
      title: 'Pilot retrospective',
      startsAt: new Date(now - 30 * 60_000).toISOString(),
      endsAt: new Date(now + 30 * 60_000).toISOString(),
    });
    await insertInvitation(h.t, held, chair, 'ACCEPTED');
    await insertInvitation(h.t, held, member, 'ACCEPTED');
    const page = chairPage;
    await page.goto(`/meetings/${held}`);
    await page.getByRole('heading', { name: 'Pilot retrospective', level: 1 }).waitFor();
    await page.getByLabel('Max Member').uncheck();
    await page.getByRole('button', { name: 'Record attendance' }).click();
    await page.getByText('Saved.').waitFor();
    const attended = await h.t.dataSource.query(`SELECT person_id, attended FROM meeting_invitations WHERE meeting_id = $1 ORDER BY attended`, [held]);
    expect(attended).toEqual([
      { person_id: member.id, attended: false },
      { person_id: chair.id, attended: true },
    ]);

    // Anyone can be invited, found by name.
    const guest = await makePerson(h.t, { name: 'Ina Invitee' });
    await page.getByLabel('Name of the person').fill('Ina Inv');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: 'Invite Ina Invitee' }).click();
    await page.getByText('Ina Invitee is invited.').waitFor();
    await page.getByLabel('Ina Invitee').waitFor();
    const [invitation] = await h.t.dataSource.query(`SELECT status FROM meeting_invitations WHERE meeting_id = $1 AND person_id = $2`, [held, guest.id]);
    expect(invitation.status).toBe('INVITED');

    await page.getByRole('button', { name: 'Write minutes' }).click();
    await page.getByLabel('Minutes (Markdown)').fill('We agreed on the **pilot scope**.\n\n- two cities\n- one season\n\n## Next steps');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // Markdown rendered: bold, a list; its heading a bold paragraph (not a heading out of the page's order).
    const minutes = page.locator('.markdown.minutes');
    await minutes.locator('strong', { hasText: 'pilot scope' }).waitFor();
    expect(await minutes.locator('ul > li').allTextContents()).toEqual(['two cities', 'one season']);
    expect(await page.getByRole('heading', { name: 'Next steps' }).count()).toBe(0);
    await page.getByText('Held', { exact: true }).waitFor();

    await page.getByLabel('What is to be done').fill('Share the test data');
    await page.getByLabel('Owner').selectOption({ label: 'Max Member' });
    await page.getByLabel('Due date').fill(dayAhead(7));
    await page.getByRole('button', { name: 'Add action item' }).click();
    await page.getByRole('button', { name: 'Mark “Share the test data” as done' }).waitFor();
    expect(await page.getByLabel('What is to be done').inputValue()).toBe('');
    expect(await seriousViolations(page)).toEqual([]);

    // The owner, who organises nothing, may set its status, and reads the minutes.
    const m = memberPage;
    await m.goto(`/meetings/${held}`);
    await m.locator('.markdown.minutes strong', { hasText: 'pilot scope' }).waitFor();
    expect(await m.getByRole('button', { name: 'Record attendance' }).count()).toBe(0);
    expect(await m.getByLabel('What is to be done').count()).toBe(0);
    await m.getByRole('button', { name: 'Mark “Share the test data” as done' }).click();
    await m.getByRole('button', { name: 'Reopen “Share the test data”' }).waitFor();
    const [item] = await h.t.dataSource.query(`SELECT status FROM action_items WHERE meeting_id = $1`, [held]);
    expect(item.status).toBe('DONE');

    // Counsel approves the agenda of the scheduled meeting.
    const [upcoming] = await h.t.dataSource.query(`SELECT id FROM meetings WHERE title = $1`, [title]);
    const counsel = await makePerson(h.t, { name: 'Cora Counsel' });
    await h.t.dataSource.query(`UPDATE people SET role = 'COUNSEL' WHERE id = $1`, [counsel.id]);
    const counselContext = await h.context();
    const c = await signInByEmail(h, counselContext, counsel.email);
    await c.goto(`/meetings/${upcoming.id}`);
    await c.getByText('Not approved yet.', { exact: false }).waitFor();
    await c.getByRole('button', { name: 'Approve the agenda' }).click();
    await c.getByText(/^Approved by Cora Counsel/).waitFor();
    expect(await c.getByRole('button', { name: 'Approve the agenda' }).count()).toBe(0);
    // Counsel reads the held meeting's action item but neither owns it nor organises: no status button (ActionItem.viewerCan).
    await c.goto(`/meetings/${held}`);
    await c.getByText('Share the test data').waitFor();
    expect(await c.getByRole('button', { name: /“Share the test data”/ }).count()).toBe(0);
    await counselContext.close();

    // The chair edits it: the form shows the times as they are in the meeting's zone; the change bumps the sequence.
    await page.goto(`/meetings/${upcoming.id}`);
    await page.getByRole('link', { name: 'Edit meeting' }).click();
    await page.getByRole('heading', { name: 'Edit meeting', level: 1 }).waitFor();
    const start = page.getByLabel('Starts', { exact: true });
    expect(await start.inputValue()).toMatch(/T10:00$/);
    const end = page.getByLabel('Ends', { exact: true });
    await end.fill((await end.inputValue()).replace(/T11:00$/, 'T11:30'));
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    const [edited] = await h.t.dataSource.query(`SELECT sequence, ends_at - starts_at AS length FROM meetings WHERE id = $1`, [upcoming.id]);
    expect(edited.sequence).toBe(1);
    expect(edited.length).toMatchObject({ hours: 1, minutes: 30 });

    // The chair replaces the competition-law statement for this meeting.
    await page.getByRole('button', { name: 'Replace the statement for this meeting' }).click();
    await page.getByLabel('Statement for this meeting').fill('Only public information is discussed in this meeting.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('blockquote').getByText('Only public information is discussed in this meeting.').waitFor();

    // A refusal (the meeting was held in between) is shown, and the reason typed stays.
    await page.getByRole('button', { name: 'Cancel meeting…' }).click();
    await page.getByLabel('Reason for cancelling').fill('The pilot was postponed.');
    await h.t.dataSource.query(`UPDATE meetings SET status = 'HELD' WHERE id = $1`, [upcoming.id]);
    await page.getByRole('button', { name: 'Cancel the meeting' }).click();
    await page.getByRole('alert').locator('[data-code]').first().waitFor();
    expect(await page.getByRole('alert').locator('[data-code]').first().getAttribute('data-code')).toBe('CONFLICT');
    expect(await page.getByLabel('Reason for cancelling').inputValue()).toBe('The pilot was postponed.');
    await h.t.dataSource.query(`UPDATE meetings SET status = 'SCHEDULED' WHERE id = $1`, [upcoming.id]);

    // Once it can be cancelled again, the same form, with what was typed, cancels it.
    await page.getByRole('button', { name: 'Cancel the meeting' }).click();
    await page.getByText('This meeting was cancelled: The pilot was postponed.').waitFor();
    expect(await page.getByRole('button', { name: 'Edit agenda' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a member downloads the brief as Word, Excel, calendar, CSV and Markdown from the meeting screen; each file reads back with its own reader', async () => {
    const briefTitle = 'Sensor calibration workshop';
    const proposalTitle = 'Shared lidar calibration targets';
    const proposalId = await makeProposal(h.t, member, group.id, { title: proposalTitle });
    const start = new Date(Date.now() + 5 * 86_400_000);
    start.setUTCHours(9, 0, 0, 0);
    const meetingId = await insertMeeting(h.t, chair, group.id, {
      title: briefTitle,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
    });
    await insertAgenda(h.t, meetingId, [
      { title: 'Welcome', durationMinutes: 10 },
      // CSV and Excel list the agenda's proposals (with their agenda item), not the whole agenda.
      { title: 'Calibration target design', durationMinutes: 40, proposalId },
    ]);
    await insertInvitation(h.t, meetingId, member, 'ACCEPTED');
    const m = memberPage;
    await m.goto(`/meetings/${meetingId}`);
    await m.getByRole('heading', { name: briefTitle, level: 1 }).waitFor();
    const download = async (format: string, extension: string): Promise<string> => {
      const [file] = await Promise.all([m.waitForEvent('download'), m.getByRole('button', { name: `Download the brief as ${format}`, exact: true }).click()]);
      expect(file.suggestedFilename()).toMatch(new RegExp(`-sensor-calibration-workshop\\.${extension}$`));
      const path = join(downloads, file.suggestedFilename());
      await file.saveAs(path);
      return path;
    };

    const docx: string[] = readWith(READERS.DOCX, await download('Word', 'docx'));
    expect(docx).toContain(briefTitle);
    expect(docx.some((text) => text.includes('Calibration target design'))).toBe(true);

    const xlsx: { title: string; sheets: Record<string, (string | number | null)[][]> } = readWith(READERS.XLSX, await download('Excel', 'xlsx'));
    expect(xlsx.title).toBe(briefTitle);
    const proposals = xlsx.sheets.Proposals;
    const column = (name: string) => proposals[0].indexOf(name);
    expect(proposals.slice(1).map((row) => [row[column('Agenda item')], row[column('Proposal')]])).toEqual([['Calibration target design', proposalTitle]]);
    expect(xlsx.sheets.Attendees.slice(1).some((row) => row.includes('Max Member'))).toBe(true);

    const events: { summary: string; description: string }[] = readWith(READERS.ICS, await download('Calendar', 'ics'));
    expect(events).toHaveLength(1);
    expect(events[0].summary).toBe(briefTitle);
    expect(events[0].description).toContain('Welcome');
    expect(events[0].description).toContain('Calibration target design');

    // The CSV has no title row (one table of attendees and the agenda's proposals): the title is in its name.
    const rows: Record<string, string>[] = parse(readFileSync(await download('CSV', 'csv')), { columns: true, bom: true });
    expect(rows.filter((row) => row.Section === 'Proposal').map((row) => [row['Agenda item'], row.Proposal])).toEqual([['Calibration target design', proposalTitle]]);
    expect(rows.some((row) => row.Section === 'Attendee' && row.Name === 'Max Member' && row.RSVP !== '')).toBe(true);

    const markdown = readFileSync(await download('Markdown', 'md'), 'utf8');
    expect(markdown).toMatch(new RegExp(`^# .*${briefTitle}`, 'm'));
    expect(markdown).toContain('Welcome');
    expect(markdown).toContain('Calibration target design');
    expect(h.pageErrors).toEqual([]);
  });

  it('on a 375 px phone, in German: the list with its filters and a meeting, without horizontal scrolling', async () => {
    await h.t.dataSource.query(`UPDATE people SET locale = 'DE' WHERE id = $1`, [member.id]);
    const m = memberPage;
    await m.setViewportSize({ width: 375, height: 740 });
    await m.goto('/meetings?when=past');
    await m.getByRole('heading', { name: 'Sitzungen', level: 1 }).waitFor();
    await m.getByRole('link', { name: 'Pilot retrospective' }).waitFor();
    expect(await m.getByRole('link', { name: 'Sitzung anberaumen' }).count()).toBe(0);
    expect(await noHorizontalOverflow(m)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(m)).toEqual([]);
    await m.getByLabel('Zeitraum').selectOption('all');
    await m.getByLabel('Status').selectOption('CANCELLED');
    await m.getByText('1 Sitzung', { exact: true }).waitFor();
    await m.getByRole('link', { name: title }).click();
    await m.getByText('Diese Sitzung wurde abgesagt: The pilot was postponed.').waitFor();
    await m.getByRole('heading', { name: 'Tagesordnung', exact: true }).waitFor();
    expect(await noHorizontalOverflow(m)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(m)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
