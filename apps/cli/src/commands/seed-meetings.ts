import { EntityManager } from 'typeorm';
import { newId, querySql, sql } from '@app/core';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The seeded meetings of the AI group: the next plenary (with its agenda and invitations) and the last one (held, with minutes). */
export const SEED_MEETINGS = {
  group: 'ai-model-development-and-data',
  organiser: 'HLRS',
  upcoming: {
    title: 'AI Model Development and Data: quarterly plenary',
    description: 'Compute access from the AI factories, the data-pooling charter and the corner-case pool.',
    format: 'HYBRID',
    location: 'HLRS, Nobelstraße 19, 70569 Stuttgart',
    onlineUrl: 'https://meet.ecava.example/ai-plenary',
    timezone: 'Europe/Berlin',
    /** Days after the seed ran, at 10:00 in Stuttgart (09:00 UTC in winter), two and a half hours. */
    inDays: 14,
    agenda: [
      { title: 'Welcome and competition-law statement', minutes: 10 },
      { title: 'Data-pooling charter: the open ballot', minutes: 20 },
      { title: 'Compute access at HLRS and HammerHAI for foundation-model training', minutes: 40, presenter: 'HammerHAI' },
      { title: 'Synthetic corner cases for safety validation: signatures and first datasets', minutes: 30, presenter: 'HLRS' },
      { title: 'Any other business', minutes: 10 },
    ],
    /** Who has answered already (the others are INVITED). */
    answers: { HammerHAI: 'ACCEPTED' },
  },
  past: {
    title: 'AI Model Development and Data: kick-off',
    minutes: 'The group agreed to pool corner-case driving data under signed terms and to ask HLRS and HammerHAI for a compute offer. HammerHAI will circulate its GPU availability before the next plenary.',
    daysAgo: 30,
    actionItem: { title: 'Circulate GPU availability for Q1', owner: 'HammerHAI', dueInDays: 7 },
  },
} as const;

/**
 * The AI group's next plenary, SCHEDULED with a five-item agenda and every seated person invited (HammerHAI
 * has accepted), and its kick-off, HELD with minutes and an open action item for HammerHAI, so a newcomer's
 * Home shows an upcoming meeting, an RSVP and an action item. Idempotent: a meeting of the same title in the
 * group is left alone.
 */
export async function seedMeetings(em: EntityManager, groupIds: ReadonlyMap<string, string>): Promise<{ meetings: number }> {
  const groupId = groupIds.get(SEED_MEETINGS.group)!;
  const people = await querySql<{ shortName: string; personId: string }>(
    em,
    sql`SELECT DISTINCT ON (o.short_name) o.short_name AS "shortName", p.id AS "personId"
        FROM organizations o JOIN people p ON p.organization_id = o.id ORDER BY o.short_name, p.created_at, p.id`,
  );
  const person = (shortName: string) => {
    const found = people.find((p) => p.shortName === shortName);
    if (!found) throw new Error(`seed: no organisation ${shortName}`);
    return found.personId;
  };
  const organiser = person(SEED_MEETINGS.organiser);
  const today = new Date();
  today.setUTCHours(9, 0, 0, 0);
  let meetings = 0;

  const { upcoming } = SEED_MEETINGS;
  const startsAt = new Date(today.getTime() + upcoming.inDays * DAY_MS);
  const total = upcoming.agenda.reduce((sum, item) => sum + item.minutes, 0);
  const upcomingId = await insertMeeting(em, groupId, organiser, {
    title: upcoming.title,
    description: upcoming.description,
    format: upcoming.format,
    location: upcoming.location,
    onlineUrl: upcoming.onlineUrl,
    timezone: upcoming.timezone,
    startsAt,
    endsAt: new Date(startsAt.getTime() + total * 60_000),
    status: 'SCHEDULED',
    minutes: null,
  });
  if (upcomingId) {
    meetings += 1;
    for (const [i, item] of upcoming.agenda.entries()) {
      await querySql(
        em,
        sql`INSERT INTO agenda_items (id, meeting_id, position, title, duration_minutes, presenter_id)
            VALUES (${newId()}, ${upcomingId}, ${i + 1}, ${item.title}, ${item.minutes}, ${'presenter' in item ? person(item.presenter) : null})`,
      );
    }
    await inviteTheGroup(em, upcomingId, groupId);
    for (const [shortName, status] of Object.entries(upcoming.answers)) {
      await querySql(em, sql`UPDATE meeting_invitations SET status = ${status}, responded_at = now() WHERE meeting_id = ${upcomingId}::uuid AND person_id = ${person(shortName)}::uuid`);
    }
  }

  const { past } = SEED_MEETINGS;
  const heldAt = new Date(today.getTime() - past.daysAgo * DAY_MS);
  const pastId = await insertMeeting(em, groupId, organiser, {
    title: past.title,
    description: null,
    format: 'ONLINE',
    location: null,
    onlineUrl: upcoming.onlineUrl,
    timezone: upcoming.timezone,
    startsAt: heldAt,
    endsAt: new Date(heldAt.getTime() + 90 * 60_000),
    status: 'HELD',
    minutes: past.minutes,
  });
  if (pastId) {
    meetings += 1;
    await inviteTheGroup(em, pastId, groupId);
    await querySql(em, sql`UPDATE meeting_invitations SET status = 'ACCEPTED', attended = TRUE, responded_at = ${heldAt} WHERE meeting_id = ${pastId}::uuid`);
    await querySql(
      em,
      sql`INSERT INTO action_items (id, meeting_id, title, owner_id, due_date, status, created_by_id)
          VALUES (${newId()}, ${pastId}, ${past.actionItem.title}, ${person(past.actionItem.owner)}, ${new Date(today.getTime() + past.actionItem.dueInDays * DAY_MS)}, 'OPEN', ${organiser})`,
    );
  }
  return { meetings };
}

interface MeetingRow {
  title: string;
  description: string | null;
  format: string;
  location: string | null;
  onlineUrl: string | null;
  timezone: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  minutes: string | null;
}

/** The meeting's id, or null when the group already has a meeting of that title. */
async function insertMeeting(em: EntityManager, groupId: string, organiser: string, m: MeetingRow): Promise<string | null> {
  const id = newId();
  const inserted = await querySql(
    em,
    sql`INSERT INTO meetings (id, working_group_id, title, description, format, location, online_url, starts_at, ends_at, timezone, status, minutes, created_by_id)
        SELECT ${id}, ${groupId}, ${m.title}, ${m.description}, ${m.format}, ${m.location}, ${m.onlineUrl}, ${m.startsAt}, ${m.endsAt}, ${m.timezone}, ${m.status}, ${m.minutes}, ${organiser}
        WHERE NOT EXISTS (SELECT 1 FROM meetings WHERE working_group_id = ${groupId}::uuid AND title = ${m.title})
        RETURNING id`,
  );
  return inserted.length > 0 ? id : null;
}

/** Every person seated in the group now. */
async function inviteTheGroup(em: EntityManager, meetingId: string, groupId: string): Promise<void> {
  await querySql(
    em,
    sql`INSERT INTO meeting_invitations (meeting_id, person_id)
        SELECT ${meetingId}, person_id FROM working_group_participants WHERE working_group_id = ${groupId}::uuid AND ended_at IS NULL`,
  );
}
