import { sampleBrief } from '../testing/sample-brief';
import { escapeMarkdown, renderMarkdown } from './markdown.renderer';

describe(renderMarkdown.name, () => {
  it('holds the cover, the agenda with start times, the attendees by organisation and the previous minutes', () => {
    const md = renderMarkdown(sampleBrief({ agendaItems: 3, attendees: 4 })).toString('utf8');
    expect(md).toContain('# Launch workshop');
    expect(md).toContain('Thursday, 5 February 2026, 09:00–17:00 CET (Europe/Brussels)');
    expect(md).toContain('### 09:30–09:50 · 2. Agenda item 2: Datenaustausch für Fahrerassistenz');
    expect(md).toContain('- *Restricted proposal*');
    expect(md).toContain('### Höchstleistungsrechenzentrum Stuttgart (HLRS) (4)');
    expect(md).toContain('| Katrin Müller | attendee0@example.org | Accepted |');
    expect(md).toContain('> ## Decisions');
  });

  it('opens with the antitrust statement, the approval state and an Acknowledged column in the attendee table', () => {
    const md = renderMarkdown(sampleBrief({ agendaItems: 2, attendees: 2 })).toString('utf8');
    expect(md.indexOf('## Antitrust statement')).toBeLessThan(md.indexOf('## Agenda'));
    expect(md).toContain('**Agenda not yet approved by counsel**');
    expect(md).toContain('- the allocation of markets, territories, customers or products;');
    expect(md).toContain("- individual companies' capacities, production or sales volumes, investment, product or market plans;");
    expect(md).toContain('| Name | Email | RSVP | Attended | Acknowledged |');
    expect(md).toContain('1 of 2 invitees acknowledged the statement.');
  });

  it('escapes an organiser\'s own statement like any user text', () => {
    const brief = sampleBrief();
    brief.antitrust.statement = '<b>Note</b>\n- *no* prices';
    const md = renderMarkdown(brief).toString('utf8');
    expect(md).toContain('\\<b\\>Note\\</b\\>');
    expect(md).toContain('- \\*no\\* prices');
  });

  it('warns when the agenda overruns', () => {
    expect(renderMarkdown(sampleBrief({ agendaItems: 30 })).toString()).toContain('> **Warning:** The agenda (10 h 10 min) is 2 h 10 min longer than the meeting (8 h).');
  });

  it('neutralises raw HTML in the minutes', () => {
    const brief = sampleBrief();
    brief.previousMeeting!.minutes = 'Fine <script>alert(1)</script>';
    expect(renderMarkdown(brief).toString()).toContain('> Fine &lt;script>alert(1)&lt;/script>');
  });
});

describe(escapeMarkdown.name, () => {
  it.each([
    ['*bold* _it_ `code`', '\\*bold\\* \\_it\\_ \\`code\\`'],
    ['[link](https://evil.example) ![img](x)', '\\[link\\](https://evil.example) !\\[img\\](x)'],
    ['<img src=x onerror=alert(1)> &amp;', '\\<img src=x onerror=alert(1)\\> \\&amp;'],
    ['a | b', 'a \\| b'],
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['2026. not a list', '2026\\. not a list'],
    ['two\nlines', 'two lines'],
  ])('escapes %j', (input, output) => expect(escapeMarkdown(input)).toBe(output));
});
