import { BallotClosePass } from "@app/governance";
import { PeopleService, PlatformRole } from "@app/people";
import { FORMER_MEMBER } from "@app/privacy";
import {
  BALLOT,
  ballotInput,
  CAST_VOTE,
  CHANGE_BALLOT_STATE,
  CREATE_BALLOT,
  inDays,
  must,
} from "./support/ballots";
import { EXPORT_FILE_FIELDS, ExportFile } from "./support/exports";
import {
  Actor,
  insertInvitation,
  insertMeeting,
  makeGroup,
  makePerson,
  makePriority,
  seat,
} from "./support/factories";
import { ok, refusal, startTestApp, TestApp } from "./support/test-app";

const AUDIT_LOG = `query ($filter: AuditFilter, $first: Int) {
  auditLog(filter: $filter, first: $first) {
    totalCount edges { node { id action entityType entityId details actor { id } actorOrganization { id } } }
  } }`;
const APPROVE = `mutation ($id: ID!) { approveMeetingAgenda(meetingId: $id) { id antitrust { agendaApprovedAt } } }`;
const SET_STATEMENT = `mutation ($id: ID!, $statement: String) { setAntitrustStatement(meetingId: $id, statement: $statement) { id antitrust { statement } } }`;
const ACKNOWLEDGE = `mutation ($id: ID!) { acknowledgeAntitrustStatement(meetingId: $id) { id antitrust { viewerAcknowledged } } }`;
const SET_AGENDA = `mutation ($id: ID!, $items: [AgendaItemInput!]!) { setAgenda(meetingId: $id, items: $items) { id antitrust { agendaApprovedAt } } }`;
const EXPORT_MINE = `mutation { exportMyData(format: JSON) { ${EXPORT_FILE_FIELDS} } }`;
const EXPORT_PERSON = `mutation ($id: ID!) { exportPersonData(personId: $id) { ${EXPORT_FILE_FIELDS} } }`;
const ERASE = `mutation ($id: ID!, $reason: String!) { erasePerson(personId: $id, reason: $reason) }`;

interface Entry {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  details: string | null;
  actor: { id: string } | null;
  actorOrganization: { id: string } | null;
}

/** Distinctive enough that any hit in the audit log is theirs. */
const NAME = "Wendelin Brackwasser-Ærø";
const EMAIL = "wendelin.brackwasser@brackwasser-example.org";

/**
 * The audit log (contract 07) as the governance features write it: every ballot, antitrust and privacy
 * action leaves one entry on its entity with its actor and their organisation; a secret ballot's entries
 * never say how an organisation voted; an erased person leaves no name or email in any entry and no actor.
 */
describe("Governance actions in the audit log (e2e)", () => {
  let t: TestApp;
  let admin: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
  });
  afterAll(() => t.close());

  /** Entries matching `filter`, oldest first (the API answers newest first). */
  async function entries(filter: Record<string, unknown>): Promise<Entry[]> {
    const data = ok(
      await t.gql(AUDIT_LOG, { filter, first: 100 }, admin.token),
    );
    return (data.auditLog.edges as { node: Entry }[])
      .map((e) => e.node)
      .reverse();
  }

  const details = (entry: Entry) => JSON.parse(entry.details ?? "null");
  const by = (actor: Actor | null) => ({
    actor: actor && { id: actor.id },
    actorOrganization: actor && { id: actor.organizationId },
  });

  /** A fresh group: a CHAIR and `voters` MEMBERs, each of their own organisation. */
  async function electorate(voters: number) {
    const group = (await makeGroup(t)).id;
    const chair = await makePerson(t);
    await seat(t, group, chair, "CHAIR");
    const members: Actor[] = [];
    for (let i = 0; i < voters; i += 1) {
      const member = await makePerson(t);
      await seat(t, group, member, "MEMBER");
      members.push(member);
    }
    return { group, chair, members };
  }

  const cast = (
    voter: Actor,
    ballot: string,
    choice: string | null,
    ranking?: string[],
  ) =>
    must(
      t,
      CAST_VOTE,
      { ballot, org: voter.organizationId, choice, ranking: ranking ?? null },
      voter,
    );

  describe("ballots", () => {
    it("records creating, opening, each vote, a replaced vote and closing an open ballot, with the choices", async () => {
      const { group, chair, members } = await electorate(2);
      const [first, second] = members;
      const ballot = await must(
        t,
        CREATE_BALLOT,
        { input: ballotInput(group) },
        chair,
      );
      await must(
        t,
        CHANGE_BALLOT_STATE,
        { id: ballot.id, state: "OPEN" },
        chair,
      );
      await cast(first, ballot.id, "YES");
      await cast(first, ballot.id, "NO");
      await cast(second, ballot.id, "ABSTAIN");
      await cast(chair, ballot.id, "YES");
      await must(
        t,
        CHANGE_BALLOT_STATE,
        { id: ballot.id, state: "CLOSED" },
        chair,
      );

      const found = await entries({
        entityType: "Ballot",
        entityId: ballot.id,
      });
      expect(found.map((e) => [e.action, e.entityType, e.entityId])).toEqual(
        [
          "BALLOT_CREATED",
          "BALLOT_STATE_CHANGED",
          "BALLOT_VOTE_CAST",
          "BALLOT_VOTE_CAST",
          "BALLOT_VOTE_CAST",
          "BALLOT_VOTE_CAST",
          "BALLOT_STATE_CHANGED",
        ].map((a) => [a, "Ballot", ballot.id]),
      );
      expect(
        found.map((e) => ({
          actor: e.actor,
          actorOrganization: e.actorOrganization,
        })),
      ).toEqual([chair, chair, first, first, second, chair, chair].map(by));
      const [created, opened, yes, replaced, abstain, chairs, closed] = found;
      expect(details(created)).toMatchObject({
        workingGroupId: group,
        kind: "APPROVAL",
        state: "DRAFT",
      });
      expect(details(opened)).toMatchObject({
        from: "DRAFT",
        to: "OPEN",
        eligibleCount: 3,
      });
      // Not secret: the entry says how the organisation voted, and whether it replaced an earlier vote.
      expect(details(yes)).toMatchObject({
        organizationId: first.organizationId,
        choice: "YES",
        ranking: null,
        replaced: false,
      });
      expect(details(replaced)).toMatchObject({
        organizationId: first.organizationId,
        choice: "NO",
        replaced: true,
      });
      expect(details(abstain)).toMatchObject({
        organizationId: second.organizationId,
        choice: "ABSTAIN",
        replaced: false,
      });
      expect(details(chairs)).toMatchObject({
        organizationId: chair.organizationId,
        choice: "YES",
        replaced: false,
      });
      expect(details(closed)).toMatchObject({
        from: "OPEN",
        to: "CLOSED",
        yes: 1,
        no: 1,
        abstain: 1,
        votesCast: 3,
        quorumReached: true,
        passed: false,
      });
    });

    it("records a secret ballot's votes and close without any choice", async () => {
      const { group, chair, members } = await electorate(2);
      const [first, second] = members;
      const ballot = await must(
        t,
        CREATE_BALLOT,
        { input: ballotInput(group, { secret: true }) },
        chair,
      );
      await must(
        t,
        CHANGE_BALLOT_STATE,
        { id: ballot.id, state: "OPEN" },
        chair,
      );
      await cast(first, ballot.id, "YES");
      await cast(first, ballot.id, "NO");
      await cast(second, ballot.id, "ABSTAIN");
      await cast(chair, ballot.id, "YES");
      await must(
        t,
        CHANGE_BALLOT_STATE,
        { id: ballot.id, state: "CLOSED" },
        chair,
      );

      const found = await entries({ entityId: ballot.id });
      expect(found.map((e) => e.action)).toEqual([
        "BALLOT_CREATED",
        "BALLOT_STATE_CHANGED",
        "BALLOT_VOTE_CAST",
        "BALLOT_VOTE_CAST",
        "BALLOT_VOTE_CAST",
        "BALLOT_VOTE_CAST",
        "BALLOT_STATE_CHANGED",
      ]);
      const votes = found.filter((e) => e.action === "BALLOT_VOTE_CAST");
      // Who voted (turnout) and whether a vote was replaced stay on record; how, never.
      expect(
        votes.map((e) => [
          e.actor?.id,
          e.actorOrganization?.id,
          details(e).replaced,
        ]),
      ).toEqual([
        [first.id, first.organizationId, false],
        [first.id, first.organizationId, true],
        [second.id, second.organizationId, false],
        [chair.id, chair.organizationId, false],
      ]);
      // Who voted and whether it replaced a vote, that the ballot is secret, never how.
      for (const entry of votes)
        expect(details(entry)).toEqual({
          workingGroupId: group,
          secret: true,
          organizationId: entry.actorOrganization!.id,
          replaced: expect.any(Boolean),
        });
      // The tallies are public after the close; no entry of the ballot names a choice.
      expect(details(found[6])).toMatchObject({
        to: "CLOSED",
        yes: 1,
        no: 1,
        abstain: 1,
        votesCast: 3,
      });
      const rows: { details: string | null }[] = await t.dataSource.query(
        `SELECT details::text AS details FROM audit_log WHERE entity_id = $1 OR details::text LIKE $2`,
        [ballot.id, `%${ballot.id}%`],
      );
      expect(rows).toHaveLength(7);
      for (const { details: text } of rows) {
        expect(text).not.toMatch(/"(YES|NO|ABSTAIN)"/);
        expect(text).not.toMatch(/"choice"|"ranking"/);
      }
    });

    it("records a secret RANKING ballot's votes without the ranking", async () => {
      const { group, chair, members } = await electorate(1);
      const priorities = [
        await makePriority(t, group, chair),
        await makePriority(t, group, chair),
      ].map((p) => p.id);
      const ballot = await must(
        t,
        CREATE_BALLOT,
        {
          input: ballotInput(group, {
            secret: true,
            kind: "RANKING",
            priorityIds: priorities,
          }),
        },
        chair,
      );
      await must(
        t,
        CHANGE_BALLOT_STATE,
        { id: ballot.id, state: "OPEN" },
        chair,
      );
      await cast(members[0], ballot.id, null, [priorities[1], priorities[0]]);
      await cast(chair, ballot.id, null, [priorities[0]]);
      await must(
        t,
        CHANGE_BALLOT_STATE,
        { id: ballot.id, state: "CLOSED" },
        chair,
      );
      const found = await entries({ entityId: ballot.id });
      expect(found.map((e) => e.action)).toEqual([
        "BALLOT_CREATED",
        "BALLOT_STATE_CHANGED",
        "BALLOT_VOTE_CAST",
        "BALLOT_VOTE_CAST",
        "BALLOT_STATE_CHANGED",
      ]);
      expect(found[2]).toMatchObject(by(members[0]));
      for (const entry of found) {
        expect(entry.details).not.toMatch(/"ranking"|"choice"/);
        for (const priority of priorities)
          expect(entry.details).not.toContain(priority);
      }
    });

    it("records an open RANKING ballot vote with its ranking", async () => {
      const { group, chair, members } = await electorate(1);
      const priorities = [
        await makePriority(t, group, chair),
        await makePriority(t, group, chair),
      ].map((p) => p.id);
      const ballot = await must(
        t,
        CREATE_BALLOT,
        {
          input: ballotInput(group, {
            kind: "RANKING",
            priorityIds: priorities,
          }),
        },
        chair,
      );
      await must(
        t,
        CHANGE_BALLOT_STATE,
        { id: ballot.id, state: "OPEN" },
        chair,
      );
      await cast(members[0], ballot.id, null, [priorities[1], priorities[0]]);
      const [vote] = await entries({
        entityId: ballot.id,
        action: "BALLOT_VOTE_CAST",
      });
      expect(vote).toMatchObject(by(members[0]));
      expect(details(vote)).toMatchObject({
        choice: null,
        ranking: [priorities[1], priorities[0]],
        replaced: false,
      });
    });

    it("records a cancel with its note, and a close by the platform at closesAt without an actor", async () => {
      const { group, chair } = await electorate(1);
      const draft = await must(
        t,
        CREATE_BALLOT,
        { input: ballotInput(group) },
        chair,
      );
      await must(
        t,
        CHANGE_BALLOT_STATE,
        {
          id: draft.id,
          state: "CANCELLED",
          note: "Superseded by the charter vote",
        },
        chair,
      );
      const [, cancelled] = await entries({ entityId: draft.id });
      expect(cancelled).toMatchObject({
        action: "BALLOT_STATE_CHANGED",
        entityType: "Ballot",
        ...by(chair),
      });
      expect(details(cancelled)).toMatchObject({
        from: "DRAFT",
        to: "CANCELLED",
        note: "Superseded by the charter vote",
      });

      const opened = await must(
        t,
        CREATE_BALLOT,
        { input: ballotInput(group, { closesAt: inDays(0.5) }) },
        chair,
      );
      await must(
        t,
        CHANGE_BALLOT_STATE,
        { id: opened.id, state: "OPEN" },
        chair,
      );
      await must(
        t,
        CHANGE_BALLOT_STATE,
        { id: opened.id, state: "CANCELLED", note: "Wrong motion" },
        chair,
      );
      const moves = await entries({
        entityId: opened.id,
        action: "BALLOT_STATE_CHANGED",
      });
      expect(moves.map((e) => [details(e).from, details(e).to])).toEqual([
        ["DRAFT", "OPEN"],
        ["OPEN", "CANCELLED"],
      ]);

      const due = await must(
        t,
        CREATE_BALLOT,
        { input: ballotInput(group, { closesAt: inDays(0.25) }) },
        chair,
      );
      await must(t, CHANGE_BALLOT_STATE, { id: due.id, state: "OPEN" }, chair);
      await t.app
        .get(BallotClosePass)
        .run(new Date(Date.now() + 7 * 60 * 60 * 1000));
      expect((await must(t, BALLOT, { id: due.id }, chair)).state).toBe(
        "CLOSED",
      );
      const [, closed] = await entries({
        entityId: due.id,
        action: "BALLOT_STATE_CHANGED",
      });
      expect(closed).toMatchObject({
        entityType: "Ballot",
        actor: null,
        actorOrganization: null,
      });
      expect(details(closed)).toMatchObject({
        from: "OPEN",
        to: "CLOSED",
        votesCast: 0,
        quorumReached: false,
      });
    });
  });

  describe("antitrust safeguards", () => {
    it("records the approval, the statement, each acknowledgement and the approval cleared by an agenda change, on the meeting", async () => {
      const { group, chair, members } = await electorate(1);
      const [member] = members;
      const counsel = await makePerson(t);
      await t.app.get(PeopleService).setRole(counsel.id, PlatformRole.COUNSEL);
      const meeting = await insertMeeting(t, chair, group, {
        title: "Sensor formats",
        startsAt: inDays(10),
        endsAt: inDays(10.1),
      });
      await insertInvitation(t, meeting, member);
      ok(
        await t.gql(
          SET_AGENDA,
          { id: meeting, items: [{ title: "Welcome", durationMinutes: 10 }] },
          chair.token,
        ),
      );
      ok(await t.gql(APPROVE, { id: meeting }, counsel.token));
      // Approving an approved agenda changes nothing and records nothing.
      ok(await t.gql(APPROVE, { id: meeting }, admin.token));
      ok(
        await t.gql(
          SET_STATEMENT,
          { id: meeting, statement: "No prices, no markets, no customers." },
          chair.token,
        ),
      );
      ok(await t.gql(ACKNOWLEDGE, { id: meeting }, member.token));
      ok(await t.gql(ACKNOWLEDGE, { id: meeting }, member.token));
      const changed = ok(
        await t.gql(
          SET_AGENDA,
          {
            id: meeting,
            items: [
              { title: "Welcome", durationMinutes: 10 },
              { title: "Pricing", durationMinutes: 20 },
            ],
          },
          chair.token,
        ),
      );
      expect(changed.setAgenda.antitrust.agendaApprovedAt).toBeNull();
      ok(
        await t.gql(
          SET_STATEMENT,
          { id: meeting, statement: null },
          chair.token,
        ),
      );

      const found = await entries({ entityType: "Meeting", entityId: meeting });
      // The approval is cleared inside the agenda change's transaction, so its entry comes with that change's.
      expect(found.map((e) => e.action)).toEqual([
        "AGENDA_SET",
        "MEETING_AGENDA_APPROVED",
        "MEETING_ANTITRUST_STATEMENT_SET",
        "MEETING_ANTITRUST_ACKNOWLEDGED",
        "MEETING_AGENDA_APPROVAL_CLEARED",
        "AGENDA_SET",
        "MEETING_ANTITRUST_STATEMENT_SET",
      ]);
      const [
        ,
        approved,
        statement,
        acknowledged,
        cleared,
        changedAgenda,
        restored,
      ] = found;
      expect(approved).toMatchObject(by(counsel));
      expect(details(approved)).toMatchObject({ workingGroupId: group });
      expect(statement).toMatchObject(by(chair));
      expect(details(statement)).toMatchObject({
        restoredDefault: false,
        acknowledgementsWithdrawn: 0,
      });
      expect(acknowledged).toMatchObject(by(member));
      expect(cleared).toMatchObject(by(chair));
      expect(changedAgenda).toMatchObject(by(chair));
      expect(details(cleared)).toMatchObject({
        previousApproverId: counsel.id,
        workingGroupId: group,
      });
      // The default reads differently from the statement acknowledged: the acknowledgement went with it.
      expect(details(restored)).toMatchObject({
        restoredDefault: true,
        acknowledgementsWithdrawn: 1,
      });
    });
  });

  describe("personal data", () => {
    let subject: Actor;
    let group: string;
    let chair: Actor;
    let ownEntries: Entry[];

    beforeAll(async () => {
      ({ group, chair } = await electorate(0));
      subject = await makePerson(t, { name: NAME });
      await t.dataSource.query(`UPDATE people SET email = $2 WHERE id = $1`, [
        subject.id,
        EMAIL,
      ]);
      await seat(t, group, subject, "MEMBER");
    });

    it("records an export of their own data, without their name or email", async () => {
      const file: ExportFile = ok(
        await t.gql(EXPORT_MINE, {}, subject.token),
      ).exportMyData;
      const [created] = await entries({
        entityType: "Export",
        entityId: file.id,
      });
      expect(created).toMatchObject({
        action: "EXPORT_CREATED",
        ...by(subject),
      });
      expect(details(created)).toMatchObject({
        personId: subject.id,
        format: "JSON",
        filename: file.filename,
        sha256: file.sha256,
      });
      const [exported] = await entries({
        entityType: "Person",
        entityId: subject.id,
        action: "PERSON_DATA_EXPORTED",
      });
      expect(exported).toMatchObject(by(subject));
      expect(details(exported)).toMatchObject({ exportFileId: file.id });
      for (const entry of [created, exported]) {
        expect(entry.details).not.toContain(NAME);
        expect(entry.details?.toLowerCase()).not.toContain(EMAIL);
        expect(entry.details).not.toContain(new URL(file.url).search.slice(1));
      }
    });

    it("records an admin's export of another person's data as the admin's", async () => {
      const file: ExportFile = ok(
        await t.gql(EXPORT_PERSON, { id: subject.id }, admin.token),
      ).exportPersonData;
      const [created] = await entries({
        entityType: "Export",
        entityId: file.id,
      });
      expect(created).toMatchObject({ action: "EXPORT_CREATED", ...by(admin) });
      expect(details(created)).toMatchObject({
        personId: subject.id,
        format: "JSON",
      });
      const exported = await entries({
        entityId: subject.id,
        action: "PERSON_DATA_EXPORTED",
      });
      expect(
        exported.map((e) => [e.actor?.id, details(e).exportFileId]),
      ).toEqual([
        [subject.id, expect.any(String)],
        [admin.id, file.id],
      ]);
      expect(exported[1].details).not.toContain(NAME);
    });

    it("records an erasure without the old name or email, leaving neither in any entry and the actor cleared", async () => {
      // The subject votes and acts, and a note quotes their name and email: audit details hold them now.
      const ballot = await must(
        t,
        CREATE_BALLOT,
        { input: ballotInput(group) },
        chair,
      );
      await must(
        t,
        CHANGE_BALLOT_STATE,
        { id: ballot.id, state: "OPEN" },
        chair,
      );
      await cast(subject, ballot.id, "YES");
      await must(
        t,
        CHANGE_BALLOT_STATE,
        {
          id: ballot.id,
          state: "CANCELLED",
          note: `Withdrawn at the request of ${NAME} <${EMAIL}>`,
        },
        chair,
      );
      ownEntries = await entries({ actorId: subject.id });
      expect(
        ownEntries.map((e) => [e.action, e.actorOrganization?.id]),
      ).toEqual(
        ["EXPORT_CREATED", "PERSON_DATA_EXPORTED", "BALLOT_VOTE_CAST"].map(
          (action) => [action, subject.organizationId],
        ),
      );
      const quoting = async () =>
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS n FROM audit_log WHERE details::text ILIKE $1 OR details::text ILIKE $2`,
            [`%${NAME}%`, `%${EMAIL}%`],
          )
        )[0].n;
      expect(await quoting()).toBe(1);

      ok(
        await t.gql(
          ERASE,
          { id: subject.id, reason: `Art. 17 request from ${NAME} (${EMAIL})` },
          admin.token,
        ),
      );

      const [erased] = await entries({
        entityType: "Person",
        entityId: subject.id,
        action: "PERSON_ERASED",
      });
      expect(erased).toMatchObject(by(admin));
      expect(details(erased)).toMatchObject({
        organizationId: subject.organizationId,
        reason: `Art. 17 request from ${FORMER_MEMBER} (erased-${subject.id}@invalid)`,
      });
      expect(await quoting()).toBe(0);
      const all: { details: string | null }[] = await t.dataSource.query(
        `SELECT details::text AS details FROM audit_log`,
      );
      expect(all.length).toBeGreaterThan(30);
      const [family] = NAME.split(" ").slice(-1);
      for (const { details: text } of all) {
        expect(text ?? "").not.toContain(family);
        expect((text ?? "").toLowerCase()).not.toContain("brackwasser");
      }
      const [cancelled] = (
        await entries({ entityId: ballot.id, action: "BALLOT_STATE_CHANGED" })
      ).filter((e) => details(e).to === "CANCELLED");
      expect(details(cancelled).note).toBe(
        `Withdrawn at the request of ${FORMER_MEMBER} <erased-${subject.id}@invalid>`,
      );
    });

    it("shows the erased person's entries with no actor but their organisation kept", async () => {
      // Decision 156: audit_log.actor_id is nulled, so the entries are no longer found by the person's id.
      expect(await entries({ actorId: subject.id })).toEqual([]);
      const ofOrganization = await entries({
        organizationId: subject.organizationId,
      });
      const kept = ofOrganization.filter((e) =>
        ownEntries.some((own) => own.id === e.id),
      );
      expect(kept.map((e) => e.action)).toEqual(
        ownEntries.map((e) => e.action),
      );
      for (const entry of kept)
        expect(entry).toMatchObject({
          actor: null,
          actorOrganization: { id: subject.organizationId },
        });
    });
  });

  it("is refused to a member and to counsel (FORBIDDEN)", async () => {
    const member = await makePerson(t);
    const counsel = await makePerson(t);
    await t.app.get(PeopleService).setRole(counsel.id, PlatformRole.COUNSEL);
    for (const viewer of [member, counsel]) {
      expect(
        refusal(await t.gql(AUDIT_LOG, { filter: {} }, viewer.token)),
      ).toMatchObject({ code: "FORBIDDEN", reason: "NOT_ADMIN" });
    }
    // An admin reads the same query.
    expect(
      ok(await t.gql(AUDIT_LOG, { filter: {} }, admin.token)).auditLog
        .totalCount,
    ).toBeGreaterThan(0);
  });
});
