import { sampleRows } from '../testing/sample-brief';
import { assembleBrief, formatMinutes } from './assemble-brief';

describe(assembleBrief.name, () => {
  it('starts each agenda item at the meeting start plus the durations before it', () => {
    const rows = sampleRows({ agendaItems: 3 });
    rows.agenda = rows.agenda.map((item, i) => ({ ...item, durationMinutes: [45, 30, 15][i] }));
    const brief = assembleBrief(rows);
    expect(brief.agenda.map((i) => i.startsAt.toISOString())).toEqual(['2026-02-05T08:00:00.000Z', '2026-02-05T08:45:00.000Z', '2026-02-05T09:15:00.000Z']);
    expect(brief.agenda.map((i) => `${i.localStart}–${i.localEnd}`)).toEqual(['09:00–09:45', '09:45–10:15', '10:15–10:30']);
    expect(brief.agendaMinutes).toBe(90);
    expect(brief.overrun).toBeNull();
  });

  it('warns when the agenda is longer than the meeting and marks the items that run over', () => {
    const rows = sampleRows({ agendaItems: 2, meeting: { endsAt: new Date('2026-02-05T08:40:00Z') } });
    rows.agenda = rows.agenda.map((item) => ({ ...item, durationMinutes: 30 }));
    const brief = assembleBrief(rows);
    expect(brief.overrun).toEqual({ agendaMinutes: 60, meetingMinutes: 40, message: 'The agenda (1 h) is 20 min longer than the meeting (40 min).' });
    expect(brief.agenda.map((i) => i.overruns)).toEqual([false, true]);
  });

  it('keeps nothing of a proposal the viewer may not read but the fact that there is one', () => {
    const rows = sampleRows({ agendaItems: 3 });
    const brief = assembleBrief(rows);
    expect(brief.agenda[1].proposal).toMatchObject({ restricted: false, title: expect.stringContaining('Pooled sensor data') });
    expect(brief.agenda[2].proposal).toEqual({ restricted: true });
    expect(brief.agenda[0].proposal).toBeNull();
  });

  it('groups attendees by organisation in the order given', () => {
    const brief = assembleBrief(sampleRows({ attendees: 9, organizations: 3 }));
    expect(brief.attendees.map((g) => g.attendees.length)).toEqual([3, 3, 3]);
    expect(brief.attendeeCount).toBe(9);
    expect(new Set(brief.attendees.map((g) => g.organization)).size).toBe(3);
  });

  it('labels a workshop without a group as alliance-wide', () => {
    const brief = assembleBrief(sampleRows({ meeting: { groupName: null, workingGroupId: null } }));
    expect(brief.meeting.groupLabel).toBe('Alliance-wide workshop');
  });

  it.each([
    [45, '45 min'],
    [60, '1 h'],
    [570, '9 h 30 min'],
  ])('formats %i minutes as %s', (minutes, text) => expect(formatMinutes(minutes)).toBe(text));
});
