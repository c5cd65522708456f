import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddressObject, Attachment, ParsedMail } from 'mailparser';
import { ReminderScheduler } from '@app/notifications';
import {
  Actor,
  insertActionItem,
  insertAgenda,
  insertInvitation,
  insertMeeting,
  insertProposal,
  makeGroup,
  makePerson,
  makeProposal,
  seat,
} from './support/factories';
import { SmtpSink, startSmtpSink } from './support/smtp-sink';
import { queuesSettled, startTestApp, TestApp } from './support/test-app';

const CHANGE_STATE = `mutation ($id: ID!, $state: ProposalState!, $note: String) { changeProposalState(id: $id, state: $state, note: $note) { state } }`;
const INVITE_PARTNER = `mutation ($proposalId: ID!, $organizationId: ID!) { invitePartner(proposalId: $proposalId, organizationId: $organizationId) { id } }`;
const RESPOND_PARTNER = `mutation ($proposalId: ID!, $consent: PartnerConsent!) { respondToPartnerInvitation(proposalId: $proposalId, consent: $consent) { id } }`;
const ADD_COMMENT = `mutation ($proposalId: ID!, $body: String!) { addComment(proposalId: $proposalId, body: $body) { id } }`;
const CREATE_PRIORITY = `mutation ($input: CreatePriorityInput!) { createPriority(input: $input) { id } }`;
const UPDATE_PRIORITY = `mutation ($id: ID!, $input: UpdatePriorityInput!) { updatePriority(id: $id, input: $input) { id status } }`;
const REORDER = `mutation ($group: ID, $ids: [ID!]!) { reorderPriorities(workingGroupId: $group, orderedIds: $ids) { id } }`;
const SCHEDULE = `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id sequence } }`;
const UPDATE_MEETING = `mutation ($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { id sequence } }`;
const INVITE = `mutation ($id: ID!, $people: [ID!]!) { invite(meetingId: $id, personIds: $people) { id } }`;
const CANCEL = `mutation ($id: ID!, $reason: String) { cancelMeeting(id: $id, reason: $reason) { id sequence status } }`;
const ADD_ACTION = `mutation ($id: ID!, $input: ActionItemInput!) { addActionItem(meetingId: $id, input: $input) { id } }`;

interface IcsFacts {
  method: string;
  uid: string;
  sequence: number;
  status: string;
  summary: string;
}

/** Parses an ICS with python3-icalendar (a strict, independent RFC 5545 reader). */
function parseIcs(content: Buffer): IcsFacts {
  const script = `
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
events = [c for c in cal.walk() if c.name == 'VEVENT']
assert len(events) == 1, 'one VEVENT'
e = events[0]
print(json.dumps({'method': str(cal.get('METHOD')), 'uid': str(e.get('UID')), 'sequence': int(e.get('SEQUENCE')),
                  'status': str(e.get('STATUS')), 'summary': str(e.get('SUMMARY'))}))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input: content }).toString()) as IcsFacts;
}

function pdfText(content: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'brief-pdf-'));
  try {
    const file = join(dir, 'brief.pdf');
    writeFileSync(file, content);
    return execFileSync('pdftotext', ['-layout', file, '-']).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const to = (mail: ParsedMail) => (mail.to as AddressObject).text;
const sorted = (ids: string[]) => [...ids].sort();

describe('Notification recipients and reminders (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, RUN_WORKER: 'true' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  /** Proposals, comments and priorities default to the daily digest: these people want them now. */
  async function immediate(people: Actor[], category: string) {
    for (const person of people) {
      await t.dataSource.query(
        `INSERT INTO notification_preferences (person_id, category, mode) VALUES ($1, $2, 'IMMEDIATE')
         ON CONFLICT (person_id, category) DO UPDATE SET mode = 'IMMEDIATE'`,
        [person.id, category],
      );
    }
  }

  async function ok(query: string, variables: Record<string, unknown>, actor: Actor) {
    const response = await t.gql(query, variables, actor.token);
    expect(response.errors).toBeUndefined();
    return response.data;
  }

  /** Every queued event has been expanded and every queued email handled. */
  const settled = () => queuesSettled(t);

  /** Who got a notification of this type about this thing (data[key] = value). */
  async function recipients(type: string, key: string, value: string): Promise<string[]> {
    await settled();
    const rows: { id: string }[] = await t.dataSource.query(`SELECT person_id AS id FROM notifications WHERE type = $1 AND data->>$2 = $3`, [type, key, value]);
    return sorted(rows.map((r) => r.id));
  }

  function mailsTo(person: Actor, subject: RegExp): ParsedMail[] {
    return smtp.messages.filter((m) => to(m) === person.email && subject.test(m.subject ?? ''));
  }

  async function waitForMail(person: Actor, subject: RegExp): Promise<ParsedMail> {
    await smtp.waitFor(() => mailsTo(person, subject).length > 0);
    return mailsTo(person, subject)[0];
  }

  describe('proposals', () => {
    let group: { id: string };
    let author: Actor;
    let colleague: Actor;
    let member: Actor;
    let observer: Actor;
    let chair: Actor;
    let partner: Actor;
    let outsider: Actor;
    let elsewhere: Actor;

    beforeAll(async () => {
      group = await makeGroup(t);
      author = await makePerson(t, { name: 'Ada Author' });
      colleague = await makePerson(t, { organizationId: author.organizationId, name: 'Carl Colleague' });
      member = await makePerson(t, { name: 'Mia Member' });
      observer = await makePerson(t, { name: 'Otto Observer' });
      chair = await makePerson(t, { name: 'Clara Chair' });
      partner = await makePerson(t, { name: 'Pia Partner' });
      outsider = await makePerson(t, { name: 'Xavier Outsider' });
      elsewhere = await makePerson(t, { name: 'Yara Elsewhere' });
      await seat(t, group.id, author, 'MEMBER');
      await seat(t, group.id, colleague, 'MEMBER');
      await seat(t, group.id, member, 'MEMBER');
      await seat(t, group.id, observer, 'OBSERVER');
      await seat(t, group.id, chair, 'CHAIR');
      await seat(t, group.id, partner, 'MEMBER');
      await seat(t, (await makeGroup(t)).id, elsewhere, 'MEMBER');
      await immediate([author, colleague, member, observer, chair, partner, outsider, elsewhere], 'PROPOSALS');
      await immediate([author, colleague, member, observer, chair, partner], 'COMMENTS');
    });

    it('tells every participant of the group who may read a submitted proposal, never the actor, and escapes its title', async () => {
      const title = '<script>alert(1)</script>';
      const id = await makeProposal(t, author, group.id, { title, confidentiality: 'WORKING_GROUP' });
      await ok(CHANGE_STATE, { id, state: 'SUBMITTED' }, author);

      expect(await recipients('proposal.submitted', 'proposalId', id)).toEqual(sorted([colleague.id, member.id, observer.id, chair.id, partner.id]));
      const mail = await waitForMail(member, /New proposal in/);
      expect(mail.subject).toContain(title);
      expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(mail.html).not.toContain('<script>');
      expect(mail.text).toContain(`"${title}"`);
      expect(mail.text).toContain('Ada Author submitted the proposal');
    });

    it('keeps a PARTIES proposal to those who may read it, and tells a partner invited to the draft at once', async () => {
      const id = await makeProposal(t, author, group.id, { confidentiality: 'PARTIES', title: 'Pooled sensor data' });
      await ok(INVITE_PARTNER, { proposalId: id, organizationId: partner.organizationId }, author);
      // The invited organisation reads the draft it is asked to join, so it hears of the invitation now.
      expect(await recipients('proposal.partner_invited', 'proposalId', id)).toEqual([partner.id]);
      await waitForMail(partner, /is invited as partner of "Pooled sensor data"/);
      expect(await recipients('proposal.submitted', 'proposalId', id)).toEqual([]);

      await ok(CHANGE_STATE, { id, state: 'SUBMITTED' }, author);
      expect(await recipients('proposal.partner_invited', 'proposalId', id)).toEqual([partner.id]);
      // The colleague (author's organisation), the chair (reviews PARTIES proposals) and the invited partner; not the member or the observer.
      expect(await recipients('proposal.submitted', 'proposalId', id)).toEqual(sorted([colleague.id, chair.id, partner.id]));
      expect(mailsTo(member, /Pooled sensor data/)).toHaveLength(0);
      expect(mailsTo(observer, /Pooled sensor data/)).toHaveLength(0);
    });

    it('asks the organisation named as lead of a draft at once, and tells the parties of its answer', async () => {
      const id = await makeProposal(t, author, group.id, { confidentiality: 'WORKING_GROUP', title: 'Led by members', leadOrganizationId: member.organizationId });
      expect(await recipients('proposal.lead_invited', 'proposalId', id)).toEqual([member.id]);
      const mail = await waitForMail(member, /is asked to lead "Led by members"/);
      expect(mail.text).toContain('Ada Author named');
      // Nobody else hears of the draft.
      expect(mailsTo(observer, /Led by members/)).toHaveLength(0);
      expect(mailsTo(chair, /Led by members/)).toHaveLength(0);

      await ok(`mutation ($id: ID!) { respondToLeadInvitation(proposalId: $id, consent: CONSENTED) { id } }`, { id }, member);
      // The parties: the lead's seated people (the member answered, so not told) and the author.
      expect(await recipients('proposal.lead_responded', 'proposalId', id)).toEqual([author.id]);
      const answer = await waitForMail(author, /answered "consented" to leading "Led by members"/);
      expect(answer.text).toContain('to leading the proposal "Led by members"');
    });

    it('tells the parties of an answer and of a state change, in their language', async () => {
      await t.dataSource.query(`UPDATE people SET locale = 'DE' WHERE id = $1`, [colleague.id]);
      try {
        const id = await makeProposal(t, author, group.id, { confidentiality: 'PARTIES', title: 'Shared compute' });
        await ok(CHANGE_STATE, { id, state: 'SUBMITTED' }, author);
        await ok(INVITE_PARTNER, { proposalId: id, organizationId: partner.organizationId }, author);
        expect(await recipients('proposal.partner_invited', 'proposalId', id)).toEqual([partner.id]);

        await ok(RESPOND_PARTNER, { proposalId: id, consent: 'CONSENTED' }, partner);
        expect(await recipients('proposal.partner_responded', 'proposalId', id)).toEqual(sorted([author.id, colleague.id]));
        const [german] = await t.dataSource.query(
          `SELECT title FROM notifications WHERE type = 'proposal.partner_responded' AND person_id = $1 AND data->>'proposalId' = $2`,
          [colleague.id, id],
        );
        expect(german.title).toContain('„zugestimmt“');

        await ok(CHANGE_STATE, { id, state: 'UNDER_REVIEW' }, chair);
        expect(await recipients('proposal.state_changed', 'proposalId', id)).toEqual(sorted([author.id, colleague.id, partner.id]));
        const mail = await waitForMail(author, /"Shared compute" is now under review/);
        expect(mail.text).toContain('moved from submitted to under review');
        const [state] = await t.dataSource.query(
          `SELECT title FROM notifications WHERE type = 'proposal.state_changed' AND person_id = $1 AND data->>'proposalId' = $2`,
          [colleague.id, id],
        );
        expect(state.title).toBe('„Shared compute“ ist jetzt in Prüfung');
      } finally {
        await t.dataSource.query(`UPDATE people SET locale = 'EN' WHERE id = $1`, [colleague.id]);
      }
    });

    it("tells only the invited organisation's seated people of an invitation on a submitted proposal", async () => {
      const invitee = await makePerson(t, { name: 'Quinn Invitee' });
      const unseated = await makePerson(t, { organizationId: invitee.organizationId });
      await seat(t, group.id, invitee, 'MEMBER');
      await immediate([invitee, unseated], 'PROPOSALS');
      const id = await makeProposal(t, author, group.id, { confidentiality: 'WORKING_GROUP' });
      await ok(CHANGE_STATE, { id, state: 'SUBMITTED' }, author);
      await ok(INVITE_PARTNER, { proposalId: id, organizationId: invitee.organizationId }, author);
      expect(await recipients('proposal.partner_invited', 'proposalId', id)).toEqual([invitee.id]);
    });

    it('tells the author and earlier commenters who may still read the proposal', async () => {
      const id = await makeProposal(t, author, group.id, { confidentiality: 'WORKING_GROUP', title: 'Benchmark suite' });
      await ok(CHANGE_STATE, { id, state: 'SUBMITTED' }, author);

      const first = (await ok(ADD_COMMENT, { proposalId: id, body: 'We can contribute scenarios.' }, member)).addComment.id;
      expect(await recipients('proposal.commented', 'commentId', first)).toEqual([author.id]);

      const second = (await ok(ADD_COMMENT, { proposalId: id, body: 'And the metrics.' }, colleague)).addComment.id;
      expect(await recipients('proposal.commented', 'commentId', second)).toEqual(sorted([author.id, member.id]));
      await waitForMail(member, /New comment on "Benchmark suite"/);

      // The member leaves the group: a WORKING_GROUP proposal is no longer theirs to read.
      await t.dataSource.query(`UPDATE working_group_participants SET ended_at = now() WHERE person_id = $1`, [member.id]);
      try {
        const third = (await ok(ADD_COMMENT, { proposalId: id, body: 'Reviewed.' }, chair)).addComment.id;
        expect(await recipients('proposal.commented', 'commentId', third)).toEqual(sorted([author.id, colleague.id]));
      } finally {
        await t.dataSource.query(`UPDATE working_group_participants SET ended_at = NULL WHERE person_id = $1`, [member.id]);
      }
    });
  });

  describe('priorities', () => {
    it("tells the group's participants of an adopted priority, and every participant of an alliance-wide re-ranking", async () => {
      const group = await makeGroup(t);
      const chair = await makePerson(t);
      const member = await makePerson(t);
      const observer = await makePerson(t);
      const unseated = await makePerson(t);
      const admin = await makePerson(t, { admin: true });
      await seat(t, group.id, chair, 'CHAIR');
      await seat(t, group.id, member, 'MEMBER');
      await seat(t, group.id, observer, 'OBSERVER');
      await immediate([chair, member, observer, unseated], 'PRIORITIES');

      const priorityId = (await ok(CREATE_PRIORITY, { input: { workingGroupId: group.id, title: 'Open HD maps', description: 'Shared maps' } }, chair))
        .createPriority.id;
      await ok(UPDATE_PRIORITY, { id: priorityId, input: { status: 'ADOPTED' } }, chair);
      expect(await recipients('priority.adopted', 'priorityId', priorityId)).toEqual(sorted([member.id, observer.id]));
      const mail = await waitForMail(member, /Priority adopted in Group .*: Open HD maps/);
      expect(mail.text).toContain('The priority "Open HD maps" was adopted in Group');

      await ok(CREATE_PRIORITY, { input: { title: 'Alliance data space', description: 'Federated' } }, admin);
      const alliance: { id: string }[] = await t.dataSource.query(`SELECT id FROM priorities WHERE working_group_id IS NULL ORDER BY rank DESC`);
      await ok(REORDER, { group: null, ids: alliance.map((p) => p.id) }, admin);
      await settled();
      const seated: { id: string }[] = await t.dataSource.query(`SELECT DISTINCT person_id AS id FROM working_group_participants WHERE ended_at IS NULL`);
      const told: { id: string }[] = await t.dataSource.query(`SELECT person_id AS id FROM notifications WHERE type = 'priority.reranked'`);
      expect(sorted(told.map((r) => r.id))).toEqual(sorted(seated.map((r) => r.id).filter((id) => id !== admin.id)));
      expect(told.map((r) => r.id)).toContain(member.id);
      expect(told.map((r) => r.id)).not.toContain(unseated.id);
      expect((await waitForMail(member, /The priorities of the alliance were re-ranked/)).subject).toBe('The priorities of the alliance were re-ranked');
    });
  });

  describe('meetings', () => {
    let chair: Actor;
    let brussels: Actor;
    let newYork: Actor;
    let group: { id: string };

    beforeAll(async () => {
      group = await makeGroup(t);
      chair = await makePerson(t, { name: 'Clara Chair' });
      brussels = await makePerson(t, { name: 'Bea Brussels' });
      newYork = await makePerson(t, { name: 'Nils New York' });
      await seat(t, group.id, chair, 'CHAIR');
      await seat(t, group.id, brussels, 'MEMBER');
      await seat(t, group.id, newYork, 'MEMBER');
      await t.dataSource.query(`UPDATE people SET locale = 'DE', timezone = 'America/New_York' WHERE id = $1`, [newYork.id]);
    });

    function icsOf(mail: ParsedMail): Attachment {
      const files = mail.attachments.filter((a) => a.filename?.endsWith('.ics'));
      expect(files.length).toBeGreaterThanOrEqual(1);
      return files[0];
    }

    it('invites, updates and cancels with an ICS whose UID stays and whose SEQUENCE follows the meeting', async () => {
      const input = {
        workingGroupId: group.id,
        title: 'Sensor data workshop',
        format: 'IN_PERSON',
        location: 'Brussels',
        startsAt: '2031-03-10T09:00:00Z',
        endsAt: '2031-03-10T11:00:00Z',
        timezone: 'Europe/Brussels',
        inviteParticipants: true,
      };
      const meeting = (await ok(SCHEDULE, { input }, chair)).scheduleMeeting;
      expect(await recipients('meeting.scheduled', 'meetingId', meeting.id)).toEqual(sorted([brussels.id, newYork.id]));

      const invitation = await waitForMail(brussels, /^Invitation: Sensor data workshop/);
      expect(invitation.subject).toBe('Invitation: Sensor data workshop on Monday, 10 March 2031, 10:00–12:00 CET');
      const german = await waitForMail(newYork, /^Einladung: Sensor data workshop/);
      // In the recipient's own zone (New York is on daylight time from 9 March 2031) and language.
      expect(german.subject).toContain('Montag, 10. März 2031, 05:00–07:00');
      const first = parseIcs(icsOf(invitation).content);
      expect(first).toMatchObject({ method: 'REQUEST', uid: `${meeting.id}@ecava`, sequence: 0, status: 'CONFIRMED' });
      expect(icsOf(invitation).contentType).toMatch(/^text\/calendar/);
      expect(mailsTo(chair, /Sensor data workshop/)).toHaveLength(0);

      // An edit that is neither time nor place tells nobody.
      await ok(UPDATE_MEETING, { id: meeting.id, input: { description: 'Bring your data catalogue.' } }, chair);
      await settled();
      expect(await recipients('meeting.changed', 'meetingId', meeting.id)).toEqual([]);

      const moved = (await ok(UPDATE_MEETING, { id: meeting.id, input: { startsAt: '2031-03-10T13:00:00Z', endsAt: '2031-03-10T15:00:00Z' } }, chair))
        .updateMeeting;
      // Every change bumps the sequence (the description edit too).
      expect(moved.sequence).toBe(2);
      expect(await recipients('meeting.changed', 'meetingId', meeting.id)).toEqual(sorted([brussels.id, newYork.id]));
      const update = await waitForMail(brussels, /^Updated: Sensor data workshop/);
      expect(update.subject).toContain('14:00–16:00 CET');
      expect(parseIcs(icsOf(update).content)).toMatchObject({ method: 'REQUEST', uid: `${meeting.id}@ecava`, sequence: moved.sequence });

      const guest = await makePerson(t, { name: 'Gina Guest' });
      await ok(INVITE, { id: meeting.id, people: [guest.id] }, chair);
      await settled();
      const scheduled: { id: string }[] = await t.dataSource.query(
        `SELECT person_id AS id FROM notifications WHERE type = 'meeting.scheduled' AND data->>'meetingId' = $1`,
        [meeting.id],
      );
      expect(sorted(scheduled.map((r) => r.id))).toEqual(sorted([brussels.id, newYork.id, guest.id]));
      const guestMail = await waitForMail(guest, /^Invitation: Sensor data workshop/);
      expect(parseIcs(icsOf(guestMail).content)).toMatchObject({ method: 'REQUEST', sequence: moved.sequence });
      expect(mailsTo(brussels, /^Invitation: Sensor data workshop/)).toHaveLength(1);

      const cancelled = (await ok(CANCEL, { id: meeting.id, reason: 'Venue unavailable' }, chair)).cancelMeeting;
      expect(await recipients('meeting.cancelled', 'meetingId', meeting.id)).toEqual(sorted([brussels.id, newYork.id, guest.id]));
      const cancel = await waitForMail(guest, /^Cancelled: Sensor data workshop/);
      expect(cancel.text).toContain('Venue unavailable');
      expect(parseIcs(icsOf(cancel).content)).toEqual({
        method: 'CANCEL',
        uid: `${meeting.id}@ecava`,
        sequence: cancelled.sequence,
        status: 'CANCELLED',
        summary: 'Cancelled: Sensor data workshop',
      });
      // Every calendar part names its iTIP method in the media type too (RFC 6047 §2.4).
      const methods = cancel.attachments
        .filter((a) => a.contentType === 'text/calendar')
        .map((a) => (a.headers.get('content-type') as { params: Record<string, string> }).params.method);
      expect(methods.length).toBeGreaterThanOrEqual(1);
      expect(new Set(methods)).toEqual(new Set(['CANCEL']));
    });

    it('tells the owner of a new action item, unless they added it themselves', async () => {
      const meetingId = await insertMeeting(t, chair, group.id, { title: 'Planning call', startsAt: '2031-04-01T08:00:00Z', endsAt: '2031-04-01T09:00:00Z' });
      const item = (
        await ok(ADD_ACTION, { id: meetingId, input: { title: 'Draft the data-sharing terms', ownerId: brussels.id, dueDate: '2031-04-15T10:00:00Z' } }, chair)
      ).addActionItem;
      expect(await recipients('action_item.assigned', 'actionItemId', item.id)).toEqual([brussels.id]);
      const mail = await waitForMail(brussels, /^Action item for you: Draft the data-sharing terms/);
      expect(mail.text).toContain('from Planning call. Due: 15 April 2031.');

      const own = (await ok(ADD_ACTION, { id: meetingId, input: { title: 'Book the room', ownerId: chair.id } }, chair)).addActionItem;
      expect(await recipients('action_item.assigned', 'actionItemId', own.id)).toEqual([]);
    });
  });

  describe('scheduled reminders', () => {
    it('sends the brief a day ahead to invitees who did not decline, with only what each may read, once', async () => {
      const group = await makeGroup(t);
      const chair = await makePerson(t);
      const lead = await makePerson(t, { name: 'Lena Lead' });
      const member = await makePerson(t, { name: 'Rolf Reader' });
      const declined = await makePerson(t, { name: 'Dora Declined' });
      await seat(t, group.id, chair, 'CHAIR');
      await seat(t, group.id, lead, 'MEMBER');
      await seat(t, group.id, member, 'MEMBER');
      await seat(t, group.id, declined, 'MEMBER');
      const proposalId = await insertProposal(t, lead, group.id, { title: 'Confidential fleet telemetry', confidentiality: 'PARTIES' });
      const meetingId = await insertMeeting(t, chair, group.id, {
        title: 'Telemetry steering',
        startsAt: '2032-05-10T08:00:00Z',
        endsAt: '2032-05-10T10:00:00Z',
      });
      await insertAgenda(t, meetingId, [
        { title: 'Welcome', durationMinutes: 15 },
        { title: 'Telemetry proposal', durationMinutes: 45, proposalId },
      ]);
      await insertInvitation(t, meetingId, lead, 'ACCEPTED');
      await insertInvitation(t, meetingId, member);
      await insertInvitation(t, meetingId, declined, 'DECLINED');
      const reminders = t.app.get(ReminderScheduler);

      expect((await reminders.runPass(new Date('2032-05-09T07:00:00Z'))).briefs).toBe(0);
      expect((await reminders.runPass(new Date('2032-05-09T08:10:00Z'))).briefs).toBe(2);
      expect(await recipients('meeting.brief_ready', 'meetingId', meetingId)).toEqual(sorted([lead.id, member.id]));

      const forLead = await waitForMail(lead, /^Brief for Telemetry steering/);
      const forMember = await waitForMail(member, /^Brief for Telemetry steering/);
      const pdfOf = (mail: ParsedMail) => {
        const files = mail.attachments.filter((a) => a.contentType === 'application/pdf');
        expect(files).toHaveLength(1);
        return pdfText(files[0].content);
      };
      const leadText = pdfOf(forLead);
      expect(leadText).toContain('Telemetry steering');
      expect(leadText).toContain('Confidential fleet telemetry');
      const memberText = pdfOf(forMember);
      expect(memberText).toContain('Telemetry steering');
      expect(memberText).toContain('Restricted proposal');
      expect(memberText).not.toContain('Confidential fleet telemetry');

      // Later passes and a second worker's overlapping pass add nothing.
      const again = await Promise.all([reminders.runPass(new Date('2032-05-09T08:15:00Z')), reminders.runPass(new Date('2032-05-09T08:16:00Z'))]);
      expect(again.map((r) => r.briefs)).toEqual([0, 0]);
      await settled();
      expect(mailsTo(member, /^Brief for Telemetry steering/)).toHaveLength(1);
      expect(mailsTo(declined, /Telemetry steering/)).toHaveLength(0);
    });

    it('reminds the owner once of an open item due on their next day, from 08:00 in their zone', async () => {
      const group = await makeGroup(t);
      const chair = await makePerson(t);
      const owner = await makePerson(t, { name: 'Olga Owner' });
      await seat(t, group.id, chair, 'CHAIR');
      await t.dataSource.query(`UPDATE people SET timezone = 'Europe/Berlin' WHERE id = $1`, [owner.id]);
      const meetingId = await insertMeeting(t, chair, group.id, { title: 'Kick-off', startsAt: '2033-06-01T08:00:00Z', endsAt: '2033-06-01T09:00:00Z' });
      const due = await insertActionItem(t, meetingId, chair, { title: 'Send the dataset sample', owner, dueDate: '2033-06-15T14:00:00Z' });
      await insertActionItem(t, meetingId, chair, { title: 'Already done', owner, dueDate: '2033-06-15T14:00:00Z', status: 'DONE' });
      await insertActionItem(t, meetingId, chair, { title: 'Due later', owner, dueDate: '2033-06-16T14:00:00Z' });
      const reminders = t.app.get(ReminderScheduler);

      // 07:00 in Berlin: not yet.
      expect((await reminders.runPass(new Date('2033-06-14T05:00:00Z'))).dueTomorrow).toBe(0);
      // 09:00 in Berlin, twice in a row and twice at once.
      expect((await reminders.runPass(new Date('2033-06-14T07:00:00Z'))).dueTomorrow).toBe(1);
      expect((await reminders.runPass(new Date('2033-06-14T07:15:00Z'))).dueTomorrow).toBe(0);
      const overlapping = await Promise.all([reminders.runPass(new Date('2033-06-14T20:00:00Z')), reminders.runPass(new Date('2033-06-14T20:00:00Z'))]);
      expect(overlapping.map((r) => r.dueTomorrow)).toEqual([0, 0]);

      expect(await recipients('action_item.due_tomorrow', 'actionItemId', due)).toEqual([owner.id]);
      const mail = await waitForMail(owner, /^Due tomorrow: Send the dataset sample/);
      expect(mail.text).toContain('from Kick-off is due tomorrow');
      await settled();
      expect(mailsTo(owner, /^Due tomorrow/)).toHaveLength(1);
      const all: { n: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM notifications WHERE type = 'action_item.due_tomorrow' AND person_id = $1`,
        [owner.id],
      );
      expect(all[0].n).toBe(1);
    });
  });
});
