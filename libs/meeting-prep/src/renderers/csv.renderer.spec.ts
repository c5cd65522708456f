import { parse } from 'csv-parse/sync';
import { sampleBrief } from '../testing/sample-brief';
import { CSV_COLUMNS, renderCsv } from './csv.renderer';

/** A strict RFC 4180 reader: CRLF records, every record as wide as the header, no loose quotes. */
function readCsv(csv: Buffer): string[][] {
  return parse(csv, { bom: true, record_delimiter: '\r\n', relax_column_count: false, relax_quotes: false, skip_empty_lines: false });
}

describe(renderCsv.name, () => {
  it('writes one RFC 4180 table with a header row: the attendees, then the agenda proposals', () => {
    const brief = sampleBrief({ agendaItems: 8, attendees: 6 });
    const csv = renderCsv(brief);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.toString('utf8').endsWith('\r\n')).toBe(true);
    const [header, ...records] = readCsv(csv);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(records.filter((r) => r[0] === 'Attendee')).toHaveLength(6);
    const proposals = records.filter((r) => r[0] === 'Proposal');
    expect(proposals.map((r) => r[9])).toEqual([expect.stringContaining('Pooled sensor data'), 'Restricted proposal', expect.stringContaining('Pooled sensor data'), 'Restricted proposal']);
    const restricted = proposals.find((r) => r[9] === 'Restricted proposal')!;
    expect(restricted.slice(10)).toEqual(['', '', '', '', '', '', '', '']);
    // The sample's every other invitee acknowledged the antitrust statement; proposal rows leave it empty.
    const acknowledged = CSV_COLUMNS.indexOf('Acknowledged');
    expect(records.filter((r) => r[0] === 'Attendee').map((r) => r[acknowledged]).sort()).toEqual(['No', 'No', 'No', 'Yes', 'Yes', 'Yes']);
    expect(records.find((r) => r[2] === 'Katrin Müller')).toEqual(expect.arrayContaining(['Höchstleistungsrechenzentrum Stuttgart (HLRS)', 'Accepted']));
  });

  it("adds the group's open ballots and recent results after the proposals, tallies only", () => {
    const records = readCsv(renderCsv(sampleBrief({ attendees: 2 })));
    const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const ballots = records.filter((r) => r[0] === 'Ballot');
    expect(ballots.map((r) => [r[column('State')], r[column('Ballot')]])).toEqual([
      ['Open', 'Adopt the data charter'],
      ['Closed', 'Order of the 2026 priorities'],
    ]);
    expect(ballots[0][column('Ballot outcome')]).toBe('Open until 12 February 2026, 17:00 CET · 3 of 7 organisations voted · secret');
    expect(ballots[1][column('Ballot outcome')]).toBe('Ranked (closed 20 January 2026, 17:00 CET) · 6 of 7 organisations voted');
    expect(ballots[1][column('Ranking')]).toBe('1. Access to HPC (17 points); 2. Driving data (13 points)');
    // The last rows: attendees and proposals come first, and keep their columns.
    expect(records.slice(-2)).toEqual(ballots);
    expect(records.filter((r) => r[0] === 'Attendee').every((r) => r[column('Ballot')] === '')).toBe(true);
  });

  it.each(['=HYPERLINK("https://evil.example","click")', '+1+1', '-2+3', '@SUM(A1:A2)', '\tcmd', '\rcmd', '＝1+1'])(
    'prefixes a cell starting like a formula with a quote: %j',
    (name) => {
      const brief = sampleBrief({ attendees: 1 });
      brief.attendees[0].attendees[0].name = name;
      brief.agenda[1].title = name;
      const records = readCsv(renderCsv(brief));
      expect(records.find((r) => r[0] === 'Attendee')![2]).toBe(`'${name}`);
      expect(records.find((r) => r[0] === 'Proposal')![8]).toBe(`'${name}`);
    },
  );

  it('quotes commas, quotes and line breaks', () => {
    const brief = sampleBrief({ attendees: 1 });
    brief.attendees[0].attendees[0].name = 'Doe, "Jay"\r\nSecond line';
    const records = readCsv(renderCsv(brief));
    expect(records[1][2]).toBe('Doe, "Jay"\r\nSecond line');
  });
});
