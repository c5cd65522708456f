import { sampleBrief } from '../testing/sample-brief';
import { zipEntry } from '../testing/zip-entry';
import { renderDocx } from './docx.renderer';

/** The document's visible text, read from word/document.xml. */
async function docxText(brief = sampleBrief()): Promise<string> {
  const xml = zipEntry(await renderDocx(brief), 'word/document.xml');
  expect(xml).not.toBeNull();
  return xml!
    .replace(/<w:br\/>/g, '\n')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

describe(renderDocx.name, () => {
  it('writes a Word document with the cover, agenda, attendees and previous meeting', async () => {
    const text = await docxText(sampleBrief({ agendaItems: 4, attendees: 5 }));
    for (const expected of [
      'Launch workshop',
      'Thursday, 5 February 2026, 09:00–17:00 CET (Europe/Brussels)',
      '09:30–09:50',
      '2. Agenda item 2: Datenaustausch für Fahrerassistenz',
      'Restricted proposal',
      'Partners: Höchstleistungsrechenzentrum Stuttgart (HLRS) (Data provider, Consented)',
      'Katrin Müller',
      'Höchstleistungsrechenzentrum Stuttgart (HLRS) (3)',
      'Adopt the charter.',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('keeps markup in user text as text and drops characters XML cannot hold', async () => {
    const brief = sampleBrief();
    brief.meeting.description = '<w:t>Injected</w:t> & "quoted"\u0001\nsecond line';
    const text = await docxText(brief);
    expect(text).toContain('<w:t>Injected</w:t> & "quoted"\nsecond line');
  });
});
