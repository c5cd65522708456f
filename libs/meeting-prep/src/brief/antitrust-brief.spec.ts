import { DEFAULT_STATEMENTS } from '@app/governance';
import { briefAntitrust } from './antitrust-brief';

describe(briefAntitrust.name, () => {
  const approvedAt = new Date('2026-03-01T23:30:00Z');

  it('words an approval in English, dated in the meeting time zone', () => {
    const section = briefAntitrust(
      { language: 'EN', statement: DEFAULT_STATEMENTS.EN, approvedAt, approvedByName: 'Clara Counsel', acknowledgedPersonIds: [] },
      'Europe/Brussels',
      3,
      1,
    );
    expect(section).toMatchObject({
      heading: 'Antitrust statement',
      approved: true,
      approval: 'Agenda approved by Clara Counsel on 2 March 2026',
      acknowledgements: '1 of 3 invitees acknowledged the statement.',
    });
  });

  it('words an approval and its absence in German', () => {
    const summary = { language: 'DE' as const, statement: DEFAULT_STATEMENTS.DE, approvedAt, approvedByName: 'Clara Counsel', acknowledgedPersonIds: [] };
    expect(briefAntitrust(summary, 'UTC', 2, 2)).toMatchObject({
      heading: 'Kartellrechtlicher Hinweis',
      approval: 'Tagesordnung freigegeben von Clara Counsel am 1. März 2026',
      acknowledgements: '2 von 2 Eingeladenen haben den Hinweis bestätigt.',
    });
    expect(briefAntitrust({ ...summary, approvedAt: null, approvedByName: null }, 'UTC', 2, 0)).toMatchObject({
      approved: false,
      approval: 'Tagesordnung noch nicht von der Rechtsberatung freigegeben',
    });
  });
});
