import { agendaOverrunMinutes, withStartTimes } from './agenda-times';

describe(withStartTimes.name, () => {
  it('starts each item after the durations of those before it', () => {
    const start = new Date('2026-02-05T08:00:00.000Z');
    const items = withStartTimes(start, [{ durationMinutes: 30 }, { durationMinutes: 45 }, { durationMinutes: 15 }]);
    expect(items.map((i) => i.startsAt.toISOString())).toEqual(['2026-02-05T08:00:00.000Z', '2026-02-05T08:30:00.000Z', '2026-02-05T09:15:00.000Z']);
  });

  it('keeps the items’ other fields and handles an empty agenda', () => {
    expect(withStartTimes(new Date(0), [{ durationMinutes: 5, title: 'Welcome' }])[0]).toMatchObject({ title: 'Welcome', durationMinutes: 5 });
    expect(withStartTimes(new Date(0), [])).toEqual([]);
  });
});

describe(agendaOverrunMinutes.name, () => {
  const meeting = { startsAt: new Date('2026-02-05T08:00:00Z'), endsAt: new Date('2026-02-05T09:00:00Z') };

  it('is 0 when the agenda fits exactly or with time to spare', () => {
    expect(agendaOverrunMinutes(meeting, [{ durationMinutes: 30 }, { durationMinutes: 30 }])).toBe(0);
    expect(agendaOverrunMinutes(meeting, [{ durationMinutes: 10 }])).toBe(0);
    expect(agendaOverrunMinutes(meeting, [])).toBe(0);
  });

  it('counts the minutes past the end, rounding a part-minute up', () => {
    expect(agendaOverrunMinutes(meeting, [{ durationMinutes: 45 }, { durationMinutes: 30 }])).toBe(15);
    const odd = { startsAt: meeting.startsAt, endsAt: new Date('2026-02-05T08:59:30Z') };
    expect(agendaOverrunMinutes(odd, [{ durationMinutes: 60 }])).toBe(1);
  });
});
