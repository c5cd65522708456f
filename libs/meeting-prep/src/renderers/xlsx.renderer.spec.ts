import { sampleBrief } from '../testing/sample-brief';
import { zipEntry } from '../testing/zip-entry';
import { renderXlsx } from './xlsx.renderer';

describe(renderXlsx.name, () => {
  it('writes three sheets, Attendees, Proposals and Ballots, with local times as text', async () => {
    const brief = sampleBrief({ agendaItems: 4, attendees: 5 });
    const xlsx = await renderXlsx(brief);
    expect(zipEntry(xlsx, 'xl/workbook.xml')).toMatch(/<sheet [^>]*name="Attendees"[^>]*\/><sheet [^>]*name="Proposals"[^>]*\/><sheet [^>]*name="Ballots"/);
    const strings = zipEntry(xlsx, 'xl/sharedStrings.xml')!;
    for (const expected of ['Katrin Müller', 'Höchstleistungsrechenzentrum Stuttgart (HLRS)', 'Restricted proposal', 'Starts (Europe/Brussels)', '09:30', 'Under review',
      'Adopt the data charter', '12 February 2026, 17:00 CET', 'Ranked', '1. Access to HPC (17 points); 2. Driving data (13 points)']) {
      expect(strings).toContain(expected);
    }
  });

  it('stores text that looks like a formula as text, never as a formula', async () => {
    const brief = sampleBrief({ attendees: 1 });
    brief.attendees[0].attendees[0].name = '=HYPERLINK("https://evil.example","x")';
    const xlsx = await renderXlsx(brief);
    expect(zipEntry(xlsx, 'xl/sharedStrings.xml')).toContain('=HYPERLINK(&quot;https://evil.example&quot;,&quot;x&quot;)');
    expect(zipEntry(xlsx, 'xl/worksheets/sheet1.xml')).not.toContain('<f>');
  });
});
