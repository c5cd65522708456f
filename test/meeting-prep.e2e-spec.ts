import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { signExport } from '@app/meeting-prep';
import {
  Actor,
  insertActionItem,
  insertAgenda,
  insertInvitation,
  insertMeeting,
  insertProposal,
  makeGroup,
  makeOrganization,
  makePerson,
  makePriority,
  seat,
} from './support/factories';
import { ExportFile, fetchExport, getSigned } from './support/exports';
import { errorCode, startTestApp, TestApp } from './support/test-app';

/**
 * The meeting-prep pack, end to end: data is inserted directly, every format is exported through
 * the GraphQL mutation and downloaded with a plain GET on the signed URL, and each file is read back
 * with a tool that did not write it: Poppler's pdftotext, python-docx, openpyxl, python-icalendar and
 * csv-parse in strict mode.
 */
const PYTHON = '/usr/bin/python3';
const root = join(__dirname, '..');

const EXPORT = `mutation ($id: ID!, $format: ExportFormat!) {
  exportMeetingBrief(meetingId: $id, format: $format) { id format filename contentType byteSize sha256 url expiresAt } }`;

const PY_DOCX = `
import sys, json, docx
d = docx.Document(sys.argv[1])
texts = [p.text for p in d.paragraphs]
for table in d.tables:
    for row in table.rows:
        texts.append(' | '.join(c.text for c in row.cells))
print(json.dumps(texts))`;

const PY_XLSX = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
print(json.dumps({ws.title: [[c if c is None or isinstance(c, (str, int, float)) else str(c) for c in row] for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}))`;

const PY_ICS = `
import sys, json
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
ev = [c for c in cal.walk('VEVENT')][0]
start = ev.decoded('DTSTART')
attendees = ev.get('ATTENDEE') or []
if not isinstance(attendees, list):
    attendees = [attendees]
print(json.dumps({
    'method': str(cal.get('METHOD')), 'prodid': str(cal.get('PRODID')), 'uid': str(ev.get('UID')), 'sequence': int(ev.get('SEQUENCE')),
    'status': str(ev.get('STATUS')), 'summary': str(ev.get('SUMMARY')), 'description': str(ev.get('DESCRIPTION')),
    'dtstart': start.isoformat(), 'utcOffset': start.utcoffset().total_seconds(),
    'dtend': ev.decoded('DTEND').isoformat(), 'organizer': str(ev.get('ORGANIZER')),
    'attendees': [{'address': str(a), 'cn': str(a.params.get('CN')), 'partstat': str(a.params.get('PARTSTAT'))} for a in attendees],
}))`;

describe('Meeting-prep pack (e2e)', () => {
  let t: TestApp;
  let dir: string;
  let admin: Actor;
  let chair: Actor;
  let partner: Actor;
  let member: Actor;
  let outsider: Actor;
  let groupName: string;
  let hlrsName: string;
  let groupSlug: string;
  let launch: string;
  let summer: string;
  let cancelled: string;
  let workshop: string;
  const LONG_TAIL = 'Schlusswort der langen Beschreibung';

  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'ecava-meeting-prep-'));
    admin = await makePerson(t, { admin: true, name: 'Ada Admin' });
    const group = await makeGroup(t);
    groupName = `Group ${group.slug}`;
    groupSlug = group.slug;
    hlrsName = `Höchstleistungsrechenzentrum Stuttgart ${group.slug}`;
    const hlrs = await makeOrganization(t, { name: hlrsName });
    const partnerOrg = await makeOrganization(t, { name: `Partner Motors ${group.slug}` });
    const memberOrg = await makeOrganization(t, { name: `Zulieferer GmbH ${group.slug}` });
    chair = await makePerson(t, { organizationId: hlrs.id, name: 'Katrin Müller' });
    partner = await makePerson(t, { organizationId: partnerOrg.id, name: 'Jürgen Weiß' });
    member = await makePerson(t, { organizationId: memberOrg.id, name: '=HYPERLINK("https://evil.example","click")' });
    outsider = await makePerson(t, { name: 'Olga Outsider' });
    await seat(t, group.id, chair, 'CHAIR');
    await seat(t, group.id, partner, 'MEMBER');
    await seat(t, group.id, member, 'MEMBER');

    const pooling = await insertProposal(t, chair, group.id, {
      title: '+Pooled sensor data for perception models',
      confidentiality: 'PUBLIC',
      partners: [{ organizationId: partnerOrg.id, consent: 'CONSENTED', role: 'Data provider' }],
      supporters: [partner, member],
    });
    const confidential = await insertProposal(t, chair, group.id, {
      title: 'Vertraulicher Rechenzeit-Deal',
      state: 'SUBMITTED',
      confidentiality: 'PARTIES',
      partners: [{ organizationId: partnerOrg.id, consent: 'INVITED' }],
    });
    const priority = await makePriority(t, group.id, chair, 'Access to HPC and AI-factory compute');

    const kickoff = await insertMeeting(t, chair, group.id, {
      title: 'Kick-off call',
      startsAt: '2026-01-15T13:00:00Z',
      endsAt: '2026-01-15T14:00:00Z',
      status: 'HELD',
      minutes: '## Beschlüsse\n\n- Charter adopted.\n- Übergabe an die Arbeitsgruppe.',
    });
    await insertActionItem(t, kickoff, chair, { title: 'Circulate the term sheet', owner: chair, dueDate: '2026-02-12T12:00:00Z' });
    await insertActionItem(t, kickoff, chair, { title: 'Draft the charter', owner: partner, status: 'DONE' });
    const skipped = await insertMeeting(t, chair, group.id, {
      title: 'Cancelled sync',
      startsAt: '2026-01-29T13:00:00Z',
      endsAt: '2026-01-29T14:00:00Z',
      status: 'CANCELLED',
      minutes: 'These minutes belong to a cancelled meeting',
    });
    await insertActionItem(t, skipped, chair, { title: 'Item of a cancelled meeting', owner: chair });

    launch = await insertMeeting(t, chair, group.id, {
      title: 'Launch workshop',
      startsAt: '2026-02-05T08:00:00Z',
      endsAt: '2026-02-05T10:00:00Z',
      format: 'HYBRID',
      location: 'Résidence Palace, Rue de la Loi 155, Brüssel',
      onlineUrl: 'https://meet.example.org/ecava-launch',
      description: `${'Ausführliche Einführung in die Größenordnung der Datenräume. '.repeat(60)}${LONG_TAIL}.`,
      sequence: 3,
    });
    await insertAgenda(t, launch, [
      { title: 'Begrüßung und Vorstellungsrunde', durationMinutes: 30, presenterId: chair.id },
      { title: 'Data pooling proposal', durationMinutes: 45, presenterId: partner.id, proposalId: pooling },
      { title: 'Compute deal', durationMinutes: 30, proposalId: confidential },
      { title: 'Compute priorities', durationMinutes: 30, priorityId: priority.id },
      { title: 'Wrap-up', durationMinutes: 30 },
    ]);
    await insertInvitation(t, launch, chair, 'ACCEPTED');
    await insertInvitation(t, launch, partner, 'TENTATIVE');
    await insertInvitation(t, launch, member, 'DECLINED');

    summer = await insertMeeting(t, chair, group.id, { title: 'Summer plenary', startsAt: '2026-07-09T07:00:00Z', endsAt: '2026-07-09T09:00:00Z' });
    cancelled = await insertMeeting(t, chair, group.id, {
      title: 'Autumn session',
      startsAt: '2026-10-01T07:00:00Z',
      endsAt: '2026-10-01T09:00:00Z',
      status: 'CANCELLED',
      cancelReason: 'Venue unavailable',
      sequence: 4,
    });
    await insertInvitation(t, cancelled, partner, 'ACCEPTED');
    workshop = await insertMeeting(t, admin, null, { title: 'Alliance assembly', startsAt: '2026-03-10T08:00:00Z', endsAt: '2026-03-10T16:00:00Z' });
    await insertActionItem(t, workshop, admin, { title: 'Book the venue', owner: admin });
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  async function exportFile(meetingId: string, format: string, actor: Actor): Promise<ExportFile> {
    const response = await t.gql(EXPORT, { id: meetingId, format }, actor.token);
    expect(response.errors).toBeUndefined();
    return response.data.exportMeetingBrief;
  }

  const get = (url: string) => getSigned(t, url);

  /** Exports, downloads, checks the bytes against the ExportFile and saves them for the readers. */
  async function download(meetingId: string, format: string, actor: Actor): Promise<{ file: ExportFile; bytes: Buffer; path: string }> {
    const file = await exportFile(meetingId, format, actor);
    const bytes = await fetchExport(t, file);
    const path = join(dir, `${file.id}-${file.filename}`);
    writeFileSync(path, bytes);
    return { file, bytes, path };
  }

  const pdfText = (path: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString('utf8');
  const python = (script: string, path: string) => JSON.parse(execFileSync(PYTHON, ['-c', script, path]).toString('utf8'));
  const readCsv = (bytes: Buffer): string[][] =>
    parse(bytes, { bom: true, record_delimiter: '\r\n', relax_column_count: false, relax_quotes: false, skip_empty_lines: false });

  describe('PDF', () => {
    it('holds the cover, the agenda with start times, linked proposals and priorities, attendees, action items and the previous minutes', async () => {
      const { file, path } = await download(launch, 'PDF', chair);
      expect(file).toMatchObject({ format: 'PDF', filename: '2026-02-05-launch-workshop.pdf', contentType: 'application/pdf' });
      const text = pdfText(path);
      const flat = text.replace(/\s+/g, ' ');
      for (const expected of [
        'Launch workshop',
        groupName,
        'Thursday, 5 February 2026, 09:00–11:00 CET (Europe/Brussels)',
        'Résidence Palace, Rue de la Loi 155, Brüssel',
        'https://meet.example.org/ecava-launch',
        '09:00–09:30',
        '1. Begrüßung und Vorstellungsrunde',
        '09:30–10:15',
        '10:15–10:45',
        '10:45–11:15',
        '11:15–11:45',
        'Katrin Müller',
        'Jürgen Weiß',
        'Proposal: +Pooled sensor data for perception models',
        'State: Under review',
        '2 supporting organisations',
        `Partner Motors ${groupSlug} (Data provider, Consented)`,
        'Vertraulicher Rechenzeit-Deal',
        'Priority #1',
        'Access to HPC and AI-factory compute',
        'Warning: The agenda (2 h 45 min) is 45 min longer than the meeting (2 h).',
        'Tentative',
        'Declined',
        'Circulate the term sheet',
        '12 February 2026',
        'Kick-off call',
        'Übergabe an die Arbeitsgruppe.',
        'Draft the charter',
      ]) {
        expect(flat).toContain(expected);
      }
      // The whole long description, across line breaks.
      expect(flat).toContain(`Datenräume. ${LONG_TAIL}.`);
      expect(flat.split('Ausführliche Einführung').length - 1).toBe(60);
      // Attendees are grouped under their organisation, with how many are invited from it.
      expect(flat).toContain(`${hlrsName} (1) Katrin Müller`);
      // The cancelled meeting in between is not "the previous meeting" (its open items still are the group's).
      expect(flat).not.toContain('These minutes belong to a cancelled meeting');
      expect(flat).toContain('Item of a cancelled meeting');
    });

    it('prints a winter meeting at 09:00 CET and a summer one at 09:00 CEST (Europe/Brussels)', async () => {
      const winter = pdfText((await download(launch, 'PDF', chair)).path);
      expect(winter).toContain('09:00–11:00 CET (Europe/Brussels)');
      const july = pdfText((await download(summer, 'PDF', chair)).path);
      expect(july).toContain('Thursday, 9 July 2026, 09:00–11:00 CEST (Europe/Brussels)');
    });

    it('names a workshop "Alliance-wide workshop" with the open items of that meeting only', async () => {
      const text = pdfText((await download(workshop, 'PDF', outsider)).path).replace(/\s+/g, ' ');
      expect(text).toContain('Alliance-wide workshop');
      expect(text).toContain('Book the venue');
      expect(text).not.toContain('Circulate the term sheet');
    });
  });

  describe('European text', () => {
    const PEOPLE = ['Małgorzata Wróblewska', 'Jiří Dvořák', 'Ștefan Țiriac', 'Γιώργος Παπαδόπουλος', 'Цветелина Борисова'];
    const ITEMS = ['Przegląd wyników z Łodzi', 'Řízení projektu v Přerově', 'Bugetul pentru Iași și Timișoara', 'Συνάντηση στη Θεσσαλονίκη', 'Доклад от Пловдив'];
    let meeting: string;

    beforeAll(async () => {
      meeting = await insertMeeting(t, chair, null, { title: 'Łódź – Ελλάδα – София', startsAt: '2026-05-12T08:00:00Z', endsAt: '2026-05-12T12:00:00Z' });
      const people = await Promise.all(PEOPLE.map((name) => makePerson(t, { name })));
      for (const person of people) await insertInvitation(t, meeting, person, 'ACCEPTED');
      await insertAgenda(
        t,
        meeting,
        ITEMS.map((title, i) => ({ title, durationMinutes: 20, presenterId: people[i].id })),
      );
    });

    it('prints Polish, Czech, Romanian, Greek and Bulgarian names and items exactly in the PDF, and names the file without dropping letters', async () => {
      const { file, path } = await download(meeting, 'PDF', chair);
      expect(file.filename).toBe('2026-05-12-lodz-ellada-sofiya.pdf');
      const text = pdfText(path);
      for (const expected of ['Łódź – Ελλάδα – София', ...PEOPLE, ...ITEMS]) expect(text).toContain(expected);
    });

    it('keeps them exactly in the DOCX', async () => {
      const { file, path } = await download(meeting, 'DOCX', chair);
      expect(file.filename).toBe('2026-05-12-lodz-ellada-sofiya.docx');
      const text: string = python(PY_DOCX, path).join('\n');
      for (const expected of ['Łódź – Ελλάδα – София', ...PEOPLE, ...ITEMS]) expect(text).toContain(expected);
    });
  });

  describe('DOCX', () => {
    it('opens with python-docx and holds the agenda titles, proposals and attendee names', async () => {
      const { file, path } = await download(launch, 'DOCX', chair);
      expect(file.filename).toBe('2026-02-05-launch-workshop.docx');
      const text: string = python(PY_DOCX, path).join('\n');
      for (const expected of [
        'Launch workshop',
        'Thursday, 5 February 2026, 09:00–11:00 CET (Europe/Brussels)',
        '1. Begrüßung und Vorstellungsrunde',
        '10:45–11:15',
        'Proposal: +Pooled sensor data for perception models',
        'Vertraulicher Rechenzeit-Deal',
        'Katrin Müller',
        'Jürgen Weiß',
        '=HYPERLINK("https://evil.example","click")',
        'Übergabe an die Arbeitsgruppe.',
        LONG_TAIL,
      ]) {
        expect(text).toContain(expected);
      }
    });
  });

  describe('XLSX', () => {
    it('opens with openpyxl: sheets Attendees and Proposals, local times as text', async () => {
      const { path } = await download(launch, 'XLSX', chair);
      const sheets: Record<string, unknown[][]> = python(PY_XLSX, path);
      expect(Object.keys(sheets)).toEqual(['Attendees', 'Proposals', 'Ballots']);
      const [attendeeHeader, ...attendees] = sheets.Attendees;
      expect(attendeeHeader.slice(0, 5)).toEqual(['Organisation', 'Name', 'Email', 'RSVP', 'Attended']);
      expect(attendees.map((row) => row[1])).toEqual(expect.arrayContaining(['Katrin Müller', 'Jürgen Weiß', '=HYPERLINK("https://evil.example","click")']));
      expect(attendees.find((row) => row[1] === 'Jürgen Weiß')![3]).toBe('Tentative');
      const [proposalHeader, ...proposals] = sheets.Proposals;
      expect(proposalHeader[1]).toBe('Starts (Europe/Brussels)');
      expect(proposals).toEqual([
        [2, '09:30', 'Data pooling proposal', '+Pooled sensor data for perception models', 'Under review', expect.stringContaining('Höchstleistungsrechenzentrum'), expect.stringContaining('(Data provider, Consented)'), 2],
        [3, '10:15', 'Compute deal', 'Vertraulicher Rechenzeit-Deal', 'Submitted', expect.stringContaining('Höchstleistungsrechenzentrum'), expect.stringContaining('(Invited)'), 0],
      ]);
    });
  });

  describe('ICS', () => {
    it('parses with python-icalendar: METHOD:REQUEST, a UID stable across exports, SEQUENCE, DTSTART in UTC, attendees with PARTSTAT', async () => {
      const first = python(PY_ICS, (await download(launch, 'ICS', chair)).path);
      const again = python(PY_ICS, (await download(launch, 'ICS', chair)).path);
      expect(first).toMatchObject({
        method: 'REQUEST',
        prodid: '-//ECAVA//Working-Group Platform//EN',
        uid: `${launch}@ecava`,
        sequence: 3,
        status: 'CONFIRMED',
        summary: 'Launch workshop',
        dtstart: '2026-02-05T08:00:00+00:00',
        utcOffset: 0,
        dtend: '2026-02-05T10:00:00+00:00',
      });
      expect(again.uid).toBe(first.uid);
      expect(first.organizer.toLowerCase()).toBe(`mailto:${chair.email}`.toLowerCase());
      expect(first.attendees).toEqual(
        expect.arrayContaining([
          { address: `mailto:${chair.email}`, cn: 'Katrin Müller', partstat: 'ACCEPTED' },
          { address: `mailto:${partner.email}`, cn: 'Jürgen Weiß', partstat: 'TENTATIVE' },
          { address: `mailto:${member.email}`, cn: expect.stringContaining('HYPERLINK'), partstat: 'DECLINED' },
        ]),
      );
      expect(first.description).toContain('09:30 2. Data pooling proposal (Jürgen Weiß');
    });

    it('cancels a cancelled meeting with METHOD:CANCEL and STATUS:CANCELLED under the same UID', async () => {
      const { file, path } = await download(cancelled, 'ICS', chair);
      expect(file.contentType).toBe('text/calendar; charset=utf-8; method=CANCEL');
      expect(python(PY_ICS, path)).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: `${cancelled}@ecava`, sequence: 4, dtstart: '2026-10-01T07:00:00+00:00' });
    });
  });

  describe('CSV', () => {
    it('is strict RFC 4180 with a header row, attendees and agenda proposals, formula-like cells escaped', async () => {
      const { file, bytes } = await download(launch, 'CSV', chair);
      expect(file.contentType).toBe('text/csv; charset=utf-8; header=present');
      const [header, ...records] = readCsv(bytes);
      expect(header.slice(0, 3)).toEqual(['Section', 'Organisation', 'Name']);
      const attendees = records.filter((r) => r[0] === 'Attendee');
      expect(attendees.map((r) => r[2]).sort()).toEqual(["'=HYPERLINK(\"https://evil.example\",\"click\")", 'Jürgen Weiß', 'Katrin Müller']);
      const proposals = records.filter((r) => r[0] === 'Proposal');
      expect(proposals.map((r) => r[9])).toEqual(["'+Pooled sensor data for perception models", 'Vertraulicher Rechenzeit-Deal']);
      // Nothing that a spreadsheet would evaluate is left at the start of a cell.
      for (const cell of records.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });
  });

  describe('Markdown', () => {
    it('holds the brief with user text escaped', async () => {
      const { file, bytes } = await download(launch, 'MARKDOWN', chair);
      expect(file).toMatchObject({ filename: '2026-02-05-launch-workshop.md', contentType: 'text/markdown; charset=utf-8' });
      const md = bytes.toString('utf8');
      expect(md).toContain('# Launch workshop');
      expect(md).toContain('### 10:15–10:45 · 3. Compute deal');
      // A leading "=" is escaped (setext heading marker); the text reads the same when rendered.
      expect(md).toContain('| \\=HYPERLINK("https://evil.example","click") |');
      expect(md).toContain('- Proposal: +Pooled sensor data for perception models');
      expect(md).toContain('> - Übergabe an die Arbeitsgruppe.');
    });
  });

  describe('visibility', () => {
    it("shows a PARTIES proposal as restricted to a member outside its parties, in every format", async () => {
      const pdf = pdfText((await download(launch, 'PDF', member)).path);
      expect(pdf).toContain('Restricted proposal');
      expect(pdf).toContain('+Pooled sensor data for perception models');
      const docx: string = python(PY_DOCX, (await download(launch, 'DOCX', member)).path).join('\n');
      const md = (await download(launch, 'MARKDOWN', member)).bytes.toString('utf8');
      const csv = readCsv((await download(launch, 'CSV', member)).bytes);
      const xlsx: Record<string, unknown[][]> = python(PY_XLSX, (await download(launch, 'XLSX', member)).path);
      for (const text of [pdf, docx, md, JSON.stringify(csv), JSON.stringify(xlsx)]) {
        expect(text).toContain('Restricted proposal');
        expect(text).not.toContain('Vertraulicher Rechenzeit-Deal');
        expect(text).not.toContain('Submitted');
      }
      // The proposal columns, then Acknowledged (an attendee's column) and the three ballot columns: all empty.
      expect(csv.find((r) => r[9] === 'Restricted proposal')!.slice(10)).toEqual(['', '', '', '', '', '', '', '']);
    });

    it('shows it in full to a party (a partner organisation)', async () => {
      const pdf = pdfText((await download(launch, 'PDF', partner)).path).replace(/\s+/g, ' ');
      expect(pdf).toContain('Proposal: Vertraulicher Rechenzeit-Deal');
      expect(pdf).toContain('State: Submitted');
      expect(pdf).not.toContain('Restricted proposal');
    });

    it('hides emails the viewer may not see, as the API does', async () => {
      const csv = readCsv((await download(workshop, 'CSV', outsider)).bytes);
      expect(csv.slice(1)).toEqual([]);
      await insertInvitation(t, workshop, chair, 'ACCEPTED');
      const rows = readCsv((await download(workshop, 'CSV', outsider)).bytes).slice(1);
      expect(rows).toHaveLength(1);
      expect(rows[0].slice(2, 4)).toEqual(['Katrin Müller', '']);
      const asChair = readCsv((await download(workshop, 'CSV', chair)).bytes).slice(1);
      expect(asChair[0][3]).toBe(chair.email);
    });

    it('refuses a meeting the viewer may not read, an unknown one and anonymous clients', async () => {
      for (const id of [launch, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
        const response = await t.gql(EXPORT, { id, format: 'PDF' }, outsider.token);
        expect(errorCode(response)).toBe('NOT_FOUND');
        expect(response.errors![0].extensions.reason).toBe('MEETING_NOT_FOUND');
      }
      expect(errorCode(await t.gql(EXPORT, { id: launch, format: 'PDF' }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(EXPORT, { id: launch, format: 'JPEG' }, chair.token))).toBe('BAD_USER_INPUT');
    });
  });

  describe('download URL', () => {
    it('answers 403 to a tampered or missing signature, or a changed expiry or id', async () => {
      const file = await exportFile(launch, 'CSV', chair);
      const url = new URL(file.url);
      const signature = url.searchParams.get('signature')!;
      const tampered = new URL(file.url);
      tampered.searchParams.set('signature', `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`);
      const noSignature = new URL(file.url);
      noSignature.searchParams.delete('signature');
      const laterExpiry = new URL(file.url);
      laterExpiry.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
      const otherFile = await exportFile(launch, 'MARKDOWN', chair);
      const swapped = new URL(file.url);
      swapped.pathname = `/exports/${otherFile.id}`;
      for (const bad of [tampered, noSignature, laterExpiry, swapped]) {
        const response = await get(bad.toString());
        expect(response.status).toBe(403);
        expect(response.headers.get('cache-control')).toBe('private, no-store');
        expect(await response.text()).not.toContain('Katrin');
      }
    });

    it('answers 410 once the link or the file has expired', async () => {
      const file = await exportFile(launch, 'CSV', chair);
      const old = Math.floor(Date.now() / 1000) - 60;
      const response = await fetch(`${t.url}/exports/${file.id}?expires=${old}&signature=${signExport(t.config.signingSecret, file.id, old)}`);
      expect(response.status).toBe(410);
      await t.dataSource.query(`UPDATE export_files SET expires_at = now() - interval '1 minute' WHERE id = $1`, [file.id]);
      expect((await get(file.url)).status).toBe(410);
    });

    it('answers 404 for a validly signed link to a file that does not exist', async () => {
      const id = '00000000-0000-4000-8000-00000000abcd';
      const expires = Math.floor(Date.now() / 1000) + 600;
      const response = await fetch(`${t.url}/exports/${id}?expires=${expires}&signature=${signExport(t.config.signingSecret, id, expires)}`);
      expect(response.status).toBe(404);
    });

    it('expires after EXPORT_TTL and purges files expired for more than a day on the next export', async () => {
      const file = await exportFile(launch, 'MARKDOWN', chair);
      const ttl = (new Date(file.expiresAt).getTime() - Date.now()) / 1000;
      expect(ttl).toBeGreaterThan(t.config.exportTtlSeconds - 5);
      expect(ttl).toBeLessThanOrEqual(t.config.exportTtlSeconds);
      expect(new URL(file.url).origin).toBe('https://wg.ecava.test');
      await t.dataSource.query(`UPDATE export_files SET expires_at = now() - interval '2 days' WHERE id = $1`, [file.id]);
      const recent = await exportFile(launch, 'MARKDOWN', chair);
      await t.dataSource.query(`UPDATE export_files SET expires_at = now() - interval '1 hour' WHERE id = $1`, [recent.id]);
      await exportFile(launch, 'MARKDOWN', chair);
      const left: { id: string }[] = await t.dataSource.query(`SELECT id FROM export_files WHERE id = ANY($1)`, [[file.id, recent.id]]);
      expect(left.map((r) => r.id)).toEqual([recent.id]);
      expect((await get(recent.url)).status).toBe(410);
    });
  });

  it('gathers the brief with a fixed number of SQL statements, however long the agenda and the attendee list', async () => {
    const people = await Promise.all(Array.from({ length: 12 }, (_, i) => makePerson(t, { name: `Extra ${i}` })));
    const big = await insertMeeting(t, admin, null, { title: 'Big', startsAt: '2026-04-01T08:00:00Z', endsAt: '2026-04-01T09:00:00Z' });
    await insertAgenda(
      t,
      big,
      Array.from({ length: 25 }, (_, i) => ({ title: `Item ${i}`, durationMinutes: 5, presenterId: people[i % people.length].id })),
    );
    for (const person of people) await insertInvitation(t, big, person, 'TENTATIVE');
    for (const person of people) await insertActionItem(t, big, admin, { title: `Follow-up ${person.id}`, owner: person });
    const small = await insertMeeting(t, admin, null, { title: 'Small', startsAt: '2026-04-02T08:00:00Z', endsAt: '2026-04-02T09:00:00Z' });
    const statements = async (id: string) => (await t.counter.measure(() => t.gql(EXPORT, { id, format: 'MARKDOWN' }, chair.token))).statements;
    await statements(small); // warm-up: the token's lastUsedAt is written at most once a minute
    const forSmall = await statements(small);
    const forBig = await statements(big);
    expect(forBig.length).toBe(forSmall.length);
    // The brief itself: the meeting, the agenda, the invitees, the open items, the previous meeting, the ballots, the antitrust section.
    expect(forBig.filter((sql) => /^\s*SELECT/i.test(sql) && !/access_tokens|sessions/.test(sql))).toHaveLength(7);
  });

  describe('CLI', () => {
    // Child processes run asynchronously: the app under test shares this process and must keep serving meanwhile.
    const run = promisify(execFile);
    const cli = async (args: string[]) =>
      (
        await run(process.execPath, [join(root, 'dist/apps/cli/src/main.js'), ...args], {
          env: { ...process.env, DATABASE_URL: t.config.databaseUrl, DATA_DIR: dir, NODE_ENV: 'development' },
          cwd: dir,
        })
      ).stdout;

    beforeAll(() => run(process.execPath, [join(root, 'scripts/build.js'), '--if-stale']));

    it('writes the same file as the mutation (an admin’s view by default, or --as a person’s)', async () => {
      // The CLI is a second process: it needs a real PostgreSQL server (the embedded one is single-process).
      if (!t.config.databaseUrl) return;
      const out = join(dir, 'cli.pdf');
      expect(await cli(['export', 'meeting-brief', '--meeting', launch, '--format', 'pdf', '--out', out])).toContain(`Wrote ${out}`);
      const text = pdfText(out);
      expect(text).toContain('Launch workshop');
      expect(text).toContain('Vertraulicher Rechenzeit-Deal');

      const csvOut = join(dir, 'member.csv');
      await cli(['export', 'meeting-brief', '--meeting', launch, '--format', 'csv', '--out', csvOut, '--as', member.email]);
      const { bytes } = await download(launch, 'CSV', member);
      expect(readFileSync(csvOut).equals(bytes)).toBe(true);
      expect(bytes.toString('utf8')).toContain('Restricted proposal');
    });
  });
});
