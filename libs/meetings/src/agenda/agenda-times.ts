const MINUTE = 60_000;

export interface Timed {
  durationMinutes: number;
}

/** Each item's start: the meeting's start plus the durations of the items before it (items in agenda order). */
export function withStartTimes<T extends Timed>(meetingStartsAt: Date, items: readonly T[]): (T & { startsAt: Date })[] {
  let offset = 0;
  return items.map((item) => {
    const startsAt = new Date(meetingStartsAt.getTime() + offset * MINUTE);
    offset += item.durationMinutes;
    return { ...item, startsAt };
  });
}

/** By how many whole minutes the agenda runs past the meeting's end; 0 when it fits. */
export function agendaOverrunMinutes(meeting: { startsAt: Date; endsAt: Date }, items: readonly Timed[]): number {
  const agenda = items.reduce((total, item) => total + item.durationMinutes, 0);
  const available = (meeting.endsAt.getTime() - meeting.startsAt.getTime()) / MINUTE;
  return Math.max(0, Math.ceil(agenda - available));
}
