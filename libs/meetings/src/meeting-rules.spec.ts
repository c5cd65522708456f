import { MeetingFormat } from './meeting.enums';
import { changedFields, placeProblem, timesProblem } from './meeting-rules';

describe(placeProblem.name, () => {
  const url = 'https://meet.example.org/x';

  it.each([
    [MeetingFormat.IN_PERSON, 'Brussels', null],
    [MeetingFormat.ONLINE, null, url],
    [MeetingFormat.HYBRID, 'Brussels', url],
    [MeetingFormat.IN_PERSON, 'Brussels', url],
  ])('accepts %s with location %p and link %p', (format, location, onlineUrl) => {
    expect(placeProblem({ format, location, onlineUrl })).toBeNull();
  });

  it.each([
    [MeetingFormat.IN_PERSON, null, url, 'location'],
    [MeetingFormat.HYBRID, null, url, 'location'],
    [MeetingFormat.ONLINE, 'Brussels', null, 'onlineUrl'],
    [MeetingFormat.HYBRID, 'Brussels', null, 'onlineUrl'],
  ])('refuses %s with location %p and link %p, naming %s', (format, location, onlineUrl, field) => {
    expect(placeProblem({ format, location, onlineUrl })?.field).toBe(field);
  });
});

describe(timesProblem.name, () => {
  it('needs the end after the start', () => {
    const at = new Date('2026-02-05T08:00:00Z');
    expect(timesProblem({ startsAt: at, endsAt: new Date('2026-02-05T08:00:00.001Z') })).toBeNull();
    expect(timesProblem({ startsAt: at, endsAt: at })).toMatch(/after/);
  });
});

describe(changedFields.name, () => {
  const base = {
    title: 'Plenary',
    description: null,
    format: MeetingFormat.HYBRID,
    location: 'Brussels',
    onlineUrl: 'https://meet.example.org/x',
    startsAt: new Date('2026-02-05T08:00:00Z'),
    endsAt: new Date('2026-02-05T09:00:00Z'),
    timezone: 'Europe/Brussels',
  };

  it('compares instants by value, not identity', () => {
    expect(changedFields(base, { ...base, startsAt: new Date(base.startsAt.getTime()) })).toEqual([]);
  });

  it('lists every changed field in a stable order', () => {
    expect(changedFields(base, { ...base, timezone: 'Europe/Berlin', title: 'Renamed', description: 'New' })).toEqual([
      'title',
      'description',
      'timezone',
    ]);
  });
});
