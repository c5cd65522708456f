import { DEFAULT_STATEMENTS } from '@app/governance';
import { ActionItemRow, AgendaRow, assembleBrief, AttendeeRow, BriefRows } from '../brief/assemble-brief';
import { MeetingBrief, RsvpStatusValue } from '../brief/meeting-brief';

/**
 * Briefs built without a database, for the renderers' unit tests and the benchmark
 * (bench/meeting-brief.js). They go through `assembleBrief`, like the real ones.
 */
export interface SampleOptions {
  agendaItems?: number;
  attendees?: number;
  organizations?: number;
  /** Overrides of the meeting row. */
  meeting?: Partial<BriefRows['meeting']>;
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const RSVPS: RsvpStatusValue[] = ['ACCEPTED', 'TENTATIVE', 'DECLINED', 'INVITED'];

export function sampleRows(options: SampleOptions = {}): BriefRows {
  const agendaCount = options.agendaItems ?? 4;
  const attendeeCount = options.attendees ?? 6;
  const organizations = options.organizations ?? Math.max(1, Math.ceil(attendeeCount / 4));
  const organization = (i: number) => (i % organizations === 0 ? 'Höchstleistungsrechenzentrum Stuttgart (HLRS)' : `Member Organisation ${String(i % organizations).padStart(3, '0')}`);

  const agenda: AgendaRow[] = Array.from({ length: agendaCount }, (_, i) => {
    const kind = i % 4;
    return {
      position: i + 1,
      title: i === 0 ? 'Welcome and tour de table' : `Agenda item ${i + 1}: Datenaustausch für Fahrerassistenz`,
      description: i % 3 === 0 ? 'Short context for the item, with umlauts: Übersicht über die Größenordnung.' : null,
      durationMinutes: i === 0 ? 30 : 20,
      presenterName: kind === 3 ? null : i === 0 ? 'Katrin Müller' : `Presenter ${i}`,
      presenterOrganization: kind === 3 ? null : organization(i),
      proposalId: kind === 1 || kind === 2 ? uuid(10_000 + i) : null,
      proposal:
        kind === 1
          ? {
              id: uuid(10_000 + i),
              title: `Pooled sensor data for perception models ${i}`,
              state: 'UNDER_REVIEW',
              confidentiality: 'WORKING_GROUP',
              leadOrganization: organization(i),
              partners: [
                { organization: organization(i + 1), consent: 'CONSENTED', role: 'Data provider' },
                { organization: organization(i + 2), consent: 'INVITED', role: null },
              ],
              supportCount: i % 7,
            }
          : null,
      priority: kind === 3 ? { id: uuid(20_000 + i), title: 'Access to HPC and AI-factory compute', rank: 1 + (i % 5), status: 'ADOPTED', scope: 'Alliance-wide' } : null,
    };
  });

  const attendees: AttendeeRow[] = Array.from({ length: attendeeCount }, (_, i) => ({
    personId: uuid(i + 1),
    name: i === 0 ? 'Katrin Müller' : `Attendee ${String(i).padStart(3, '0')} Weiß`,
    email: i % 5 === 4 ? null : `attendee${i}@example.org`,
    organization: organization(i),
    rsvp: RSVPS[i % RSVPS.length],
    attended: null,
    respondedAt: i % 4 === 3 ? null : new Date(Date.UTC(2026, 0, 20, 9, i % 60)),
  }));
  attendees.sort((a, b) => a.organization.localeCompare(b.organization) || a.name.localeCompare(b.name));

  const actionItem = (i: number, status: 'OPEN' | 'DONE', meetingTitle: string): ActionItemRow => ({
    title: `Circulate the data-sharing term sheet ${i}`,
    owner: i % 2 === 0 ? 'Katrin Müller' : null,
    dueDate: i % 3 === 0 ? null : new Date(Date.UTC(2026, 1, 12 + i, 12)),
    status,
    meetingTitle,
  });

  return {
    meeting: {
      id: uuid(1_000),
      workingGroupId: uuid(2_000),
      groupName: 'AI Model Development and Data',
      title: 'Launch workshop',
      description: 'The first meeting of the working group in Brussels.',
      format: 'HYBRID',
      status: 'SCHEDULED',
      cancelReason: null,
      location: 'Résidence Palace, Rue de la Loi 155, Brussels',
      onlineUrl: 'https://meet.example.org/ecava-launch',
      startsAt: new Date('2026-02-05T08:00:00Z'),
      endsAt: new Date('2026-02-05T16:00:00Z'),
      timezone: 'Europe/Brussels',
      sequence: 2,
      organizerName: 'Ada Admin',
      organizerEmail: 'ada@ecava.example',
      ...options.meeting,
    },
    agenda,
    attendees,
    openActionItems: [0, 1, 2].map((i) => actionItem(i, 'OPEN', 'Kick-off call')),
    previousMeeting: {
      id: uuid(1_001),
      title: 'Kick-off call',
      startsAt: new Date('2026-01-15T13:00:00Z'),
      endsAt: new Date('2026-01-15T14:00:00Z'),
      timezone: 'Europe/Brussels',
      minutes: '## Decisions\n\n- Adopt the charter.\n- Hold the launch workshop in Brussels.',
      actionItems: [actionItem(1, 'DONE', 'Kick-off call'), actionItem(2, 'OPEN', 'Kick-off call')],
    },
    ballots: {
      open: [{ title: 'Adopt the data charter', kind: 'APPROVAL', secret: true, votesCast: 3, eligibleCount: 7, whenLocal: '12 February 2026, 17:00 CET', result: null }],
      recent: [
        {
          title: 'Order of the 2026 priorities',
          kind: 'RANKING',
          secret: false,
          votesCast: 6,
          eligibleCount: 7,
          whenLocal: '20 January 2026, 17:00 CET',
          result: { quorumReached: true, passed: true, yes: 0, no: 0, abstain: 0, ranking: [{ title: 'Access to HPC', points: 17 }, { title: 'Driving data', points: 13 }] },
        },
      ],
    },
    // Every other invitee acknowledged; counsel has not approved the agenda yet.
    antitrust: {
      language: 'EN',
      statement: DEFAULT_STATEMENTS.EN,
      approvedAt: null,
      approvedByName: null,
      acknowledgedPersonIds: attendees.filter((_, i) => i % 2 === 0).map((a) => a.personId),
    },
  };
}

export function sampleBrief(options: SampleOptions = {}): MeetingBrief {
  return assembleBrief(sampleRows(options), { now: new Date('2026-02-01T10:00:00Z'), platformMailbox: 'no-reply@ecava.example' });
}
