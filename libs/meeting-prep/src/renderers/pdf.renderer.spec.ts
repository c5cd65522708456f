import { execFileSync } from 'node:child_process';
import { sampleBrief } from '../testing/sample-brief';
import { lockDownPdfMake, renderPdf } from './pdf.renderer';
// eslint-disable-next-line @typescript-eslint/no-require-imports
import pdfMake = require('pdfmake');

/** The text of a PDF as Poppler reads it: an independent reader, not the library that wrote it. */
function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
}

/** The member states in their own languages (the EU's protocol order), with every special letter they use. */
const EU_MEMBER_STATES = [
  'Belgique/België/Belgien',
  'България',
  'Česko',
  'Danmark',
  'Deutschland',
  'Eesti',
  'Éire/Ireland',
  'Ελλάδα',
  'España',
  'France',
  'Hrvatska',
  'Italia',
  'Κύπρος/Kıbrıs',
  'Latvija',
  'Lietuva',
  'Luxembourg/Lëtzebuerg',
  'Magyarország',
  'Malta',
  'Nederland',
  'Österreich',
  'Polska',
  'Portugal',
  'România',
  'Slovensko',
  'Slovenija',
  'Suomi/Finland',
  'Sverige',
];

describe(renderPdf.name, () => {
  it('writes a PDF whose text holds the cover, agenda, attendees and previous minutes', async () => {
    const pdf = await renderPdf(sampleBrief({ agendaItems: 4, attendees: 6 }));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of [
      'Launch workshop',
      'AI Model Development and Data',
      'Thursday, 5 February 2026, 09:00–17:00 CET (Europe/Brussels)',
      'Résidence Palace',
      '09:00–09:30',
      'Welcome and tour de table',
      'Katrin Müller',
      'Weiß',
      'Größenordnung',
      'Restricted proposal',
      'Priority #4',
      'Kick-off call',
      'Adopt the charter.',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints long texts in full across pages', async () => {
    const brief = sampleBrief();
    const words = Array.from({ length: 1500 }, (_, i) => `wort${i}`);
    brief.meeting.description = `${words.join(' ')} Ende.`;
    const text = pdfText(await renderPdf(brief)).replace(/\s+/g, ' ');
    expect(text).toContain('wort0 wort1');
    expect(text).toContain('wort1499 Ende.');
    expect(text).toMatch(/page 2 of \d/);
  });

  it('warns on the cover when the agenda overruns', async () => {
    const brief = sampleBrief({ agendaItems: 30 });
    expect(pdfText(await renderPdf(brief))).toContain('Warning: The agenda (10 h 10 min) is 2 h 10 min longer than the meeting (8 h).');
  });

  it("prints every EU member state's name, and Polish, Czech, Romanian, Greek and Bulgarian text, exactly", async () => {
    const brief = sampleBrief({ agendaItems: 3, attendees: 3 });
    brief.meeting.title = 'Łódź – Přerov – Iași – Θεσσαλονίκη – Пловдив';
    brief.meeting.description = EU_MEMBER_STATES.join(', ');
    brief.agenda[0].title = 'Przegląd wyników: żółć, źdźbło';
    const [czech, romanian, greek] = brief.attendees.flatMap((group) => group.attendees);
    czech.name = 'Jiří Dvořák';
    romanian.name = 'Ștefan Țiriac';
    greek.name = 'Γιώργος Παπαδόπουλος';
    const pdf = await renderPdf(brief);
    const text = pdfText(pdf);
    for (const expected of [
      'Łódź – Přerov – Iași – Θεσσαλονίκη – Пловдив',
      'Przegląd wyników: żółć, źdźbło',
      'Jiří Dvořák',
      'Ștefan Țiriac',
      'Γιώργος Παπαδόπουλος',
      ...EU_MEMBER_STATES,
    ]) {
      expect(text).toContain(expected);
    }
    // The font is embedded as a subset: the file stays far below the ~2.7 MB of the four full fonts.
    expect(pdf.length).toBeLessThan(250_000);
  });

  it('fetches no URL and reads no file, whatever a document asks for', async () => {
    lockDownPdfMake();
    await expect(pdfMake.createPdf({ content: [{ image: 'remote' }], images: { remote: 'https://example.org/logo.png' }, defaultStyle: { font: 'DejaVuSans' } }).getBuffer()).rejects.toThrow(
      /denied/i,
    );
    await expect(pdfMake.createPdf({ content: [{ image: '/etc/hostname' }], defaultStyle: { font: 'DejaVuSans' } }).getBuffer()).rejects.toThrow(/denied/i);
  });
});
