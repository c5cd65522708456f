import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Actor, insertMeeting, makeGroup, makePerson, makePriority, seat } from './support/factories';
import { CHANGE_BALLOT_STATE, CREATE_BALLOT, ballotInput, must, openBallot, vote } from './support/ballots';
import { fetchExport } from './support/exports';
import { ok, startTestApp, TestApp } from './support/test-app';

const EXPORT = `mutation ($id: ID!, $format: ExportFormat!) {
  exportMeetingBrief(meetingId: $id, format: $format) { id format filename contentType byteSize sha256 url expiresAt } }`;

/**
 * The meeting brief's "Ballots" section: the group's open ballots and latest results (a workshop's: the
 * alliance-wide ones), as the reader may read them, with turnout and tallies and never who voted how.
 */
describe('Meeting brief: ballots (e2e)', () => {
  let t: TestApp;
  let admin: Actor;
  let chair: Actor;
  let members: Actor[];
  let group: string;
  let meeting: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
    group = (await makeGroup(t)).id;
    chair = await makePerson(t);
    await seat(t, group, chair, 'CHAIR');
    members = [await makePerson(t), await makePerson(t)];
    for (const member of members) await seat(t, group, member, 'MEMBER');
    await t.dataSource.query(`UPDATE organizations SET name = 'Autobauer Nord AG' WHERE id = $1`, [members[0].organizationId]);
    meeting = await insertMeeting(t, chair, group, { title: 'Spring plenary', startsAt: '2031-03-10T08:00:00Z', endsAt: '2031-03-10T16:00:00Z' });
  });
  afterAll(() => t.close());

  async function exported(actor: Actor, format: string, meetingId = meeting): Promise<Buffer> {
    const file = ok(await t.gql(EXPORT, { id: meetingId, format }, actor.token)).exportMeetingBrief;
    return fetchExport(t, file);
  }
  const markdown = async (actor: Actor, meetingId = meeting) => (await exported(actor, 'MARKDOWN', meetingId)).toString('utf8');

  it('says so when the group has no ballots', async () => {
    expect(await markdown(chair)).toContain('## Ballots\n\nNo open ballots and no recent results.');
  });

  it("lists the group's open ballots and recent results with turnout and tallies, never who voted how", async () => {
    const open = await openBallot(t, chair, group, { title: 'Adopt the sensor charter', closesAt: '2031-03-12T16:00:00Z', secret: true });
    ok(await vote(t, members[0], open.id, 'YES'));
    const decided = await openBallot(t, chair, group, { title: 'Approve the budget' });
    for (const voter of [chair, ...members]) ok(await vote(t, voter, decided.id, voter === chair ? 'NO' : 'YES'));
    await must(t, CHANGE_BALLOT_STATE, { id: decided.id, state: 'CLOSED' }, chair);
    const priorities = [await makePriority(t, group, chair, 'Access to HPC'), await makePriority(t, group, chair, 'Driving data')];
    const ranking = await openBallot(t, chair, group, { title: 'Order the priorities', kind: 'RANKING', priorityIds: priorities.map((p) => p.id) });
    for (const voter of [chair, ...members]) ok(await vote(t, voter, ranking.id, null, [priorities[1].id, priorities[0].id]));
    await must(t, CHANGE_BALLOT_STATE, { id: ranking.id, state: 'CLOSED' }, chair);
    await must(t, CREATE_BALLOT, { input: ballotInput(group, { title: 'A draft nobody sees' }) }, chair);
    const other = (await makeGroup(t)).id;
    await seat(t, other, await makePerson(t), 'MEMBER');
    await openBallot(t, admin, other, { title: 'Elsewhere' });

    const text = await markdown(members[1]);
    const section = text.slice(text.indexOf('## Ballots'), text.indexOf('## Previous meeting'));
    expect(section).toContain('### Open');
    expect(section).toContain('- **Adopt the sensor charter** · Open until 12 March 2031, 17:00 CET · 1 of 3 organisations voted · secret');
    expect(section).toContain('### Recent results');
    expect(section).toMatch(/- \*\*Approve the budget\*\* · Passed \(closed .+\) · 3 of 3 organisations voted · 2 yes, 1 no, 0 abstain/);
    expect(section).toMatch(/- \*\*Order the priorities\*\* · Ranked \(closed .+\) · 3 of 3 organisations voted\n/);
    // Borda over two priorities: 2 points for a first place, 1 for a second (the list marker is escaped).
    expect(section).toContain('  - 1\\. Driving data (6 points); 2. Access to HPC (3 points)');
    // The most recent result first; no draft, no other group's ballot, no organisation's name.
    expect(section.indexOf('Order the priorities')).toBeLessThan(section.indexOf('Approve the budget'));
    expect(section).not.toMatch(/A draft nobody sees|Elsewhere|Autobauer Nord/);
  });

  it('prints the same section in the PDF and the DOCX', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-ballots-'));
    try {
      const pdf = join(dir, 'brief.pdf');
      writeFileSync(pdf, await exported(members[1], 'PDF'));
      const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8');
      expect(pdfText).toContain('Ballots');
      expect(pdfText).toContain('Adopt the sensor charter · Open until 12 March 2031, 17:00 CET · 1 of 3 organisations voted · secret');
      expect(pdfText).toContain('1. Driving data (6 points); 2. Access to HPC (3 points)');
      const docx = join(dir, 'brief.docx');
      writeFileSync(docx, await exported(members[1], 'DOCX'));
      const paragraphs: string[] = JSON.parse(
        execFileSync('/usr/bin/python3', ['-c', 'import sys, json, docx\nprint(json.dumps([p.text for p in docx.Document(sys.argv[1]).paragraphs]))', docx]).toString('utf8'),
      );
      expect(paragraphs).toContain('Ballots');
      expect(paragraphs).toContain('Adopt the sensor charter · Open until 12 March 2031, 17:00 CET · 1 of 3 organisations voted · secret');
      expect(paragraphs.join('\n')).not.toContain('Autobauer Nord');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists the same ballots in the CSV and the workbook, read back by csv-parse and openpyxl', async () => {
    const records: string[][] = parse(await exported(members[1], 'CSV'), { bom: true });
    const [header, ...rows] = records;
    const at = (name: string) => header.indexOf(name);
    const ballots = rows.filter((r) => r[0] === 'Ballot');
    expect(ballots.map((r) => [r[at('State')], r[at('Ballot')]])).toEqual([
      ['Open', 'Adopt the sensor charter'],
      ['Closed', 'Order the priorities'],
      ['Closed', 'Approve the budget'],
    ]);
    expect(ballots[0][at('Ballot outcome')]).toBe('Open until 12 March 2031, 17:00 CET · 1 of 3 organisations voted · secret');
    expect(ballots[1][at('Ranking')]).toBe('1. Driving data (6 points); 2. Access to HPC (3 points)');
    expect(ballots[2][at('Ballot outcome')]).toMatch(/^Passed \(closed .+\) · 3 of 3 organisations voted · 2 yes, 1 no, 0 abstain$/);

    const dir = mkdtempSync(join(tmpdir(), 'brief-ballots-'));
    try {
      const xlsx = join(dir, 'brief.xlsx');
      writeFileSync(xlsx, await exported(members[1], 'XLSX'));
      const sheet: (string | number | null)[][] = JSON.parse(
        execFileSync('/usr/bin/python3', [
          '-c',
          'import sys, json, openpyxl\nws = openpyxl.load_workbook(sys.argv[1])["Ballots"]\nprint(json.dumps([list(r) for r in ws.iter_rows(values_only=True)]))',
          xlsx,
        ]).toString('utf8'),
      );
      expect(sheet[0]).toEqual(['Ballot', 'Kind', 'Secret', 'State', 'Closes or closed (Europe/Brussels)', 'Organisations voted', 'Eligible organisations', 'Outcome', 'Yes', 'No', 'Abstain', 'Ranking']);
      expect(sheet.slice(1).map((r) => r[0])).toEqual(['Adopt the sensor charter', 'Order the priorities', 'Approve the budget']);
      expect(sheet[1]).toEqual(['Adopt the sensor charter', 'Approval', 'Yes', 'Open', '12 March 2031, 17:00 CET', 1, 3, null, null, null, null, null]);
      expect(sheet[3].slice(5, 11)).toEqual([3, 3, 'Passed', 2, 1, 0]);
      expect(sheet[2][11]).toBe('1. Driving data (6 points); 2. Access to HPC (3 points)');
      expect(JSON.stringify(sheet)).not.toContain('Autobauer Nord');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("shows a workshop the alliance-wide ballots, and a reader only what they may read", async () => {
    const workshop = await insertMeeting(t, admin, null, { title: 'Alliance assembly', startsAt: '2031-04-10T08:00:00Z', endsAt: '2031-04-10T16:00:00Z' });
    await openBallot(t, admin, null, { title: 'Elect the steering committee' });
    expect(await markdown(admin, workshop)).toContain('**Elect the steering committee**');
    expect(await markdown(admin, workshop)).not.toContain('Adopt the sensor charter');
    // The draft is the chair's: the admin's brief of the group meeting shows it neither (only OPEN and CLOSED are listed).
    expect(await markdown(admin)).not.toContain('A draft nobody sees');
  });
});
