import { Actor, makeGroup, makePerson, seat } from "./support/factories";
import { errorCode, ok, startTestApp, TestApp } from './support/test-app';

const APPLICATION_FIELDS = `id state motivation contribution decisionReason decidedAt createdAt
  decidedBy { id } submittedBy { id } organization { id } workingGroup { id }`;

const SUBMIT = `mutation ($input: SubmitApplicationInput!) { submitApplication(input: $input) { ${APPLICATION_FIELDS} } }`;
const CHANGE = `mutation ($id: ID!, $state: ApplicationState!, $note: String) {
  changeApplicationState(id: $id, state: $state, note: $note) { ${APPLICATION_FIELDS} } }`;
const APPLICATION = `query ($id: ID!) { application(id: $id) { ${APPLICATION_FIELDS} } }`;
const GROUP_APPLICATIONS = `query ($id: ID!, $state: ApplicationState) {
  workingGroup(id: $id) { id applications(state: $state) { totalCount edges { node { id state organization { id } } } } } }`;
const GROUP_SEATS = `query ($id: ID!) {
  workingGroup(id: $id) {
    memberships { totalCount edges { node { status organization { id } } } }
    participants { totalCount edges { node { role person { id } } } }
  } }`;
const PARTICIPATIONS = `query ($id: ID!) { person(id: $id) { participations { role workingGroup { id } } } }`;

type State =
  "SUBMITTED" | "UNDER_REVIEW" | "ACCEPTED" | "REJECTED" | "WITHDRAWN";

describe("Membership applications (e2e)", () => {
  let t: TestApp;
  let admin: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
  });
  afterAll(() => t.close());

  /** The data of a response that must have succeeded. */

  /** A group with a chair and a secretary, and a person from an organisation that is not a member. */
  async function fixture() {
    const group = await makeGroup(t);
    const chair = await makePerson(t);
    const secretary = await makePerson(t);
    await seat(t, group.id, chair, "CHAIR");
    await seat(t, group.id, secretary, "SECRETARY");
    const applicant = await makePerson(t);
    return { group, chair, secretary, applicant };
  }

  function submit(
    actor: Actor,
    groupId: string,
    organizationId = actor.organizationId,
    motivation = "We build perception stacks.",
  ) {
    return t.gql(
      SUBMIT,
      {
        input: {
          workingGroupId: groupId,
          organizationId,
          motivation,
          contribution: "Labelled fleet data",
        },
      },
      actor.token,
    );
  }

  function change(actor: Actor, id: string, state: State, note?: string) {
    return t.gql(CHANGE, { id, state, note }, actor.token);
  }

  async function stateOf(id: string): Promise<State> {
    const [row] = await t.dataSource.query(
      `SELECT state FROM membership_applications WHERE id = $1`,
      [id],
    );
    return row.state;
  }

  /** An application by `applicant`, moved into `state` through the API. */
  async function applicationIn(
    state: State,
    f: Awaited<ReturnType<typeof fixture>>,
  ): Promise<string> {
    const id = ok(await submit(f.applicant, f.group.id)).submitApplication.id;
    const path: Record<State, State[]> = {
      SUBMITTED: [],
      UNDER_REVIEW: ["UNDER_REVIEW"],
      ACCEPTED: ["UNDER_REVIEW", "ACCEPTED"],
      REJECTED: ["UNDER_REVIEW", "REJECTED"],
      WITHDRAWN: ["WITHDRAWN"],
    };
    for (const step of path[state]) {
      const actor = step === "WITHDRAWN" ? f.applicant : f.chair;
      ok(
        await change(
          actor,
          id,
          step,
          step === "REJECTED" ? "Out of scope" : undefined,
        ),
      );
    }
    expect(await stateOf(id)).toBe(state);
    return id;
  }

  describe("submitApplication", () => {
    it("lets a signed-in person apply for their own organisation", async () => {
      const f = await fixture();
      const application = ok(
        await submit(f.applicant, f.group.id),
      ).submitApplication;
      expect(application).toMatchObject({
        state: "SUBMITTED",
        motivation: "We build perception stacks.",
        contribution: "Labelled fleet data",
        decisionReason: null,
        decidedAt: null,
        decidedBy: null,
        submittedBy: { id: f.applicant.id },
        organization: { id: f.applicant.organizationId },
        workingGroup: { id: f.group.id },
      });
      expect(new Date(application.createdAt).getTime()).toBeGreaterThan(
        Date.now() - 60_000,
      );
      expect(await stateOf(application.id)).toBe("SUBMITTED");
    });

    it("refuses an application for another organisation with FORBIDDEN", async () => {
      const f = await fixture();
      const other = await makePerson(t);
      const response = await submit(
        f.applicant,
        f.group.id,
        other.organizationId,
      );
      expect(errorCode(response)).toBe("FORBIDDEN");
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM membership_applications WHERE working_group_id = $1`,
        [f.group.id],
      );
      expect(count).toBe(0);
    });

    it("answers NOT_FOUND for an unknown working group or organisation", async () => {
      const f = await fixture();
      expect(
        errorCode(
          await submit(f.applicant, "00000000-0000-4000-8000-000000000000"),
        ),
      ).toBe("NOT_FOUND");
      // Admins may apply on behalf of any organisation, so the organisation lookup is reached.
      expect(
        errorCode(
          await submit(
            admin,
            f.group.id,
            "00000000-0000-4000-8000-000000000000",
          ),
        ),
      ).toBe("NOT_FOUND");
    });

    it("refuses a second open application of the same organisation with CONFLICT", async () => {
      const f = await fixture();
      ok(await submit(f.applicant, f.group.id));
      const colleague = await makePerson(t, {
        organizationId: f.applicant.organizationId,
      });
      const second = await submit(colleague, f.group.id);
      expect(errorCode(second)).toBe("CONFLICT");
      expect(second.errors![0].extensions.reason).toBe("APPLICATION_OPEN");
    });

    it("refuses a second application while the first is UNDER_REVIEW", async () => {
      const f = await fixture();
      await applicationIn("UNDER_REVIEW", f);
      expect(errorCode(await submit(f.applicant, f.group.id))).toBe("CONFLICT");
    });

    it("refuses an organisation that is already an active member with CONFLICT", async () => {
      const f = await fixture();
      const response = await submit(f.chair, f.group.id);
      expect(errorCode(response)).toBe("CONFLICT");
      expect(response.errors![0].extensions.reason).toBe("ALREADY_MEMBER");
    });

    it("refuses applications to a closed group with CONFLICT", async () => {
      const group = await makeGroup(t, "CLOSED");
      const applicant = await makePerson(t);
      const response = await submit(applicant, group.id);
      expect(errorCode(response)).toBe("CONFLICT");
      expect(response.errors![0].extensions.reason).toBe(
        "WORKING_GROUP_CLOSED",
      );
    });

    it("refuses an empty motivation with BAD_USER_INPUT naming the field", async () => {
      const f = await fixture();
      for (const motivation of ["", "   "]) {
        const response = await submit(
          f.applicant,
          f.group.id,
          f.applicant.organizationId,
          motivation,
        );
        expect(errorCode(response)).toBe("BAD_USER_INPUT");
        expect(response.errors![0].extensions.field).toBe("motivation");
      }
    });

    it("accepts exactly one of five parallel duplicate submissions", async () => {
      const f = await fixture();
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => submit(f.applicant, f.group.id)),
      );
      const codes = responses.map(errorCode);
      expect(codes.filter((c) => c === undefined)).toHaveLength(1);
      expect(codes.filter((c) => c === "CONFLICT")).toHaveLength(4);
      const rows = await t.dataSource.query(
        `SELECT id FROM membership_applications WHERE working_group_id = $1 AND organization_id = $2`,
        [f.group.id, f.applicant.organizationId],
      );
      expect(rows).toHaveLength(1);
    });

    it("refuses anonymous callers with UNAUTHENTICATED", async () => {
      const f = await fixture();
      const response = await t.gql(SUBMIT, {
        input: {
          workingGroupId: f.group.id,
          organizationId: f.applicant.organizationId,
          motivation: "x",
        },
      });
      expect(errorCode(response)).toBe("UNAUTHENTICATED");
    });
  });

  describe("changeApplicationState: legal transitions", () => {
    it("moves SUBMITTED → UNDER_REVIEW (by a chair) without recording a decision", async () => {
      const f = await fixture();
      const id = await applicationIn("SUBMITTED", f);
      const moved = ok(
        await change(f.chair, id, "UNDER_REVIEW"),
      ).changeApplicationState;
      expect(moved).toMatchObject({
        id,
        state: "UNDER_REVIEW",
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
      });
      expect(await stateOf(id)).toBe("UNDER_REVIEW");
    });

    it("moves SUBMITTED → UNDER_REVIEW by a secretary, and by an admin", async () => {
      const f = await fixture();
      const first = await applicationIn("SUBMITTED", f);
      expect(
        ok(await change(f.secretary, first, "UNDER_REVIEW"))
          .changeApplicationState.state,
      ).toBe("UNDER_REVIEW");
      const g = await fixture();
      const second = await applicationIn("SUBMITTED", g);
      expect(
        ok(await change(admin, second, "UNDER_REVIEW")).changeApplicationState
          .state,
      ).toBe("UNDER_REVIEW");
    });

    it("moves SUBMITTED → WITHDRAWN (by the applicant organisation)", async () => {
      const f = await fixture();
      const id = await applicationIn("SUBMITTED", f);
      const colleague = await makePerson(t, {
        organizationId: f.applicant.organizationId,
      });
      expect(
        ok(await change(colleague, id, "WITHDRAWN")).changeApplicationState
          .state,
      ).toBe("WITHDRAWN");
      expect(await stateOf(id)).toBe("WITHDRAWN");
    });

    it("moves UNDER_REVIEW → WITHDRAWN (by the applicant organisation)", async () => {
      const f = await fixture();
      const id = await applicationIn("UNDER_REVIEW", f);
      expect(
        ok(await change(f.applicant, id, "WITHDRAWN")).changeApplicationState
          .state,
      ).toBe("WITHDRAWN");
      expect(await stateOf(id)).toBe("WITHDRAWN");
    });

    it("only the applicant organisation (or an admin) withdraws: a chair gets FORBIDDEN", async () => {
      const f = await fixture();
      const id = await applicationIn("SUBMITTED", f);
      expect(errorCode(await change(f.chair, id, "WITHDRAWN"))).toBe(
        "FORBIDDEN",
      );
      expect(await stateOf(id)).toBe("SUBMITTED");
    });

    it("the applicant organisation cannot review its own application: FORBIDDEN", async () => {
      const f = await fixture();
      const id = await applicationIn("SUBMITTED", f);
      expect(errorCode(await change(f.applicant, id, "UNDER_REVIEW"))).toBe(
        "FORBIDDEN",
      );
      const g = await fixture();
      const reviewed = await applicationIn("UNDER_REVIEW", g);
      expect(errorCode(await change(g.applicant, reviewed, "ACCEPTED"))).toBe(
        "FORBIDDEN",
      );
      expect(
        errorCode(
          await change(
            g.applicant,
            reviewed,
            "REJECTED",
            "We changed our minds",
          ),
        ),
      ).toBe("FORBIDDEN");
      expect(await stateOf(reviewed)).toBe("UNDER_REVIEW");
    });

    it("moves UNDER_REVIEW → ACCEPTED: records the decision, creates the ACTIVE membership and seats the submitter as MEMBER", async () => {
      const f = await fixture();
      const id = await applicationIn("UNDER_REVIEW", f);
      const before = Date.now();
      const accepted = ok(
        await change(f.secretary, id, "ACCEPTED", "  Welcome aboard  "),
      ).changeApplicationState;
      expect(accepted).toMatchObject({
        id,
        state: "ACCEPTED",
        decidedBy: { id: f.secretary.id },
        decisionReason: "Welcome aboard",
      });
      expect(new Date(accepted.decidedAt).getTime()).toBeGreaterThanOrEqual(
        before - 1000,
      );

      const group = ok(
        await t.gql(GROUP_SEATS, { id: f.group.id }, f.chair.token),
      ).workingGroup;
      const membership = group.memberships.edges
        .map((e: any) => e.node)
        .find((m: any) => m.organization.id === f.applicant.organizationId);
      expect(membership).toEqual({
        status: "ACTIVE",
        organization: { id: f.applicant.organizationId },
      });
      const seatOf = group.participants.edges
        .map((e: any) => e.node)
        .find((p: any) => p.person.id === f.applicant.id);
      expect(seatOf).toEqual({
        role: "MEMBER",
        person: { id: f.applicant.id },
      });

      const person = ok(
        await t.gql(PARTICIPATIONS, { id: f.applicant.id }, f.applicant.token),
      ).person;
      expect(person.participations).toEqual([
        { role: "MEMBER", workingGroup: { id: f.group.id } },
      ]);

      // The new member now reads the group's application like any applicant-organisation person, and it is final.
      expect(
        ok(await t.gql(APPLICATION, { id }, f.applicant.token)).application
          .state,
      ).toBe("ACCEPTED");
    });

    it("accepting is atomic: if seating the submitter fails, the application stays UNDER_REVIEW and no membership exists", async () => {
      const f = await fixture();
      const id = await applicationIn("UNDER_REVIEW", f);
      const fn = `fail_seat_${Date.now()}`;
      await t.dataSource.query(
        `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN IF NEW.person_id = '${f.applicant.id}' THEN RAISE EXCEPTION 'seat refused'; END IF; RETURN NEW; END $$`,
      );
      await t.dataSource.query(
        `CREATE TRIGGER ${fn} BEFORE INSERT ON working_group_participants FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
      );
      try {
        const response = await change(f.chair, id, "ACCEPTED");
        expect(errorCode(response)).toBe("INTERNAL_SERVER_ERROR");
      } finally {
        await t.dataSource.query(
          `DROP TRIGGER ${fn} ON working_group_participants`,
        );
        await t.dataSource.query(`DROP FUNCTION ${fn}()`);
      }
      expect(await stateOf(id)).toBe("UNDER_REVIEW");
      const memberships = await t.dataSource.query(
        `SELECT id FROM working_group_memberships WHERE working_group_id = $1 AND organization_id = $2`,
        [f.group.id, f.applicant.organizationId],
      );
      expect(memberships).toHaveLength(0);
      // And once the obstacle is gone, accepting works.
      expect(
        ok(await change(f.chair, id, "ACCEPTED")).changeApplicationState.state,
      ).toBe("ACCEPTED");
    });

    it("re-admits an organisation whose earlier membership had ended", async () => {
      const f = await fixture();
      const firstId = await applicationIn("ACCEPTED", f);
      expect(firstId).toBeDefined();
      ok(
        await t.gql(
          `mutation ($g: ID!, $o: ID!) { endMembership(workingGroupId: $g, organizationId: $o) { status } }`,
          { g: f.group.id, o: f.applicant.organizationId },
          f.chair.token,
        ),
      );
      expect(
        ok(
          await t.gql(
            PARTICIPATIONS,
            { id: f.applicant.id },
            f.applicant.token,
          ),
        ).person.participations,
      ).toEqual([]);
      await applicationIn("ACCEPTED", f);
      const [membership] = await t.dataSource.query(
        `SELECT status, ended_at FROM working_group_memberships WHERE working_group_id = $1 AND organization_id = $2`,
        [f.group.id, f.applicant.organizationId],
      );
      expect(membership).toEqual({ status: "ACTIVE", ended_at: null });
      expect(
        ok(
          await t.gql(
            PARTICIPATIONS,
            { id: f.applicant.id },
            f.applicant.token,
          ),
        ).person.participations,
      ).toEqual([{ role: "MEMBER", workingGroup: { id: f.group.id } }]);
    });

    it("accepting an application an admin filed for another organisation admits that organisation but seats nobody from outside it", async () => {
      const f = await fixture();
      const organizationId = f.applicant.organizationId;
      const id = ok(await submit(admin, f.group.id, organizationId))
        .submitApplication.id;
      ok(await change(f.chair, id, "UNDER_REVIEW"));
      ok(await change(f.chair, id, "ACCEPTED"));
      const group = ok(
        await t.gql(GROUP_SEATS, { id: f.group.id }, admin.token),
      ).workingGroup;
      expect(
        group.memberships.edges.map((e: any) => e.node.organization.id),
      ).toContain(organizationId);
      // A seat needs the person's organisation to be an active member: the admin's is not.
      expect(
        group.participants.edges.map((e: any) => e.node.person.id),
      ).not.toContain(admin.id);
      expect(
        ok(await t.gql(PARTICIPATIONS, { id: admin.id }, admin.token)).person
          .participations,
      ).toEqual([]);
      // The organisation's own people can now be seated by the group's managers.
      const seated = await t.gql(
        `mutation ($g: ID!, $p: ID!) { setParticipantRole(workingGroupId: $g, personId: $p, role: MEMBER) { role } }`,
        { g: f.group.id, p: f.applicant.id },
        f.chair.token,
      );
      expect(ok(seated).setParticipantRole.role).toBe("MEMBER");
    });

    it("moves UNDER_REVIEW → REJECTED with a note, recording decidedBy, decidedAt and decisionReason; no membership", async () => {
      const f = await fixture();
      const id = await applicationIn("UNDER_REVIEW", f);
      const rejected = ok(
        await change(
          f.chair,
          id,
          "REJECTED",
          "Outside the scope of this group",
        ),
      ).changeApplicationState;
      expect(rejected).toMatchObject({
        state: "REJECTED",
        decidedBy: { id: f.chair.id },
        decisionReason: "Outside the scope of this group",
      });
      expect(rejected.decidedAt).not.toBeNull();
      const stored = ok(
        await t.gql(APPLICATION, { id }, f.applicant.token),
      ).application;
      expect(stored).toMatchObject({
        state: "REJECTED",
        decidedBy: { id: f.chair.id },
        decisionReason: "Outside the scope of this group",
      });
      const memberships = await t.dataSource.query(
        `SELECT id FROM working_group_memberships WHERE working_group_id = $1 AND organization_id = $2`,
        [f.group.id, f.applicant.organizationId],
      );
      expect(memberships).toHaveLength(0);
    });

    it("refuses REJECTED without a note (or with a blank one) with BAD_USER_INPUT on field note, state unchanged", async () => {
      const f = await fixture();
      const id = await applicationIn("UNDER_REVIEW", f);
      for (const note of [undefined, "", "   "]) {
        const response = await change(f.chair, id, "REJECTED", note);
        expect(errorCode(response)).toBe("BAD_USER_INPUT");
        expect(response.errors![0].extensions.field).toBe("note");
      }
      expect(await stateOf(id)).toBe("UNDER_REVIEW");
    });

    it("allows a new application after a rejection (and after a withdrawal)", async () => {
      const f = await fixture();
      const rejected = await applicationIn("REJECTED", f);
      const again = ok(await submit(f.applicant, f.group.id)).submitApplication;
      expect(again.id).not.toBe(rejected);
      expect(again.state).toBe("SUBMITTED");
      ok(await change(f.applicant, again.id, "WITHDRAWN"));
      expect(
        ok(await submit(f.applicant, f.group.id)).submitApplication.state,
      ).toBe("SUBMITTED");
    });

    it("answers NOT_FOUND for an unknown application id", async () => {
      expect(
        errorCode(
          await change(
            admin,
            "00000000-0000-4000-8000-000000000000",
            "UNDER_REVIEW",
          ),
        ),
      ).toBe("NOT_FOUND");
      expect(errorCode(await change(admin, "not-an-id", "UNDER_REVIEW"))).toBe(
        "NOT_FOUND",
      );
    });
  });

  describe("changeApplicationState: illegal transitions", () => {
    const ALL: State[] = [
      "SUBMITTED",
      "UNDER_REVIEW",
      "ACCEPTED",
      "REJECTED",
      "WITHDRAWN",
    ];
    const LEGAL: Record<State, State[]> = {
      SUBMITTED: ["UNDER_REVIEW", "WITHDRAWN"],
      UNDER_REVIEW: ["ACCEPTED", "REJECTED", "WITHDRAWN"],
      ACCEPTED: [],
      REJECTED: [],
      WITHDRAWN: [],
    };
    const illegal = ALL.flatMap((from) =>
      ALL.filter((to) => !LEGAL[from].includes(to)).map(
        (to) => [from, to] as [State, State],
      ),
    );

    it("covers every illegal pair of the state machine", () => {
      expect(illegal).toHaveLength(20);
      expect(illegal).toEqual(
        expect.arrayContaining([
          ["SUBMITTED", "ACCEPTED"],
          ["REJECTED", "UNDER_REVIEW"],
          ["WITHDRAWN", "SUBMITTED"],
        ]),
      );
    });

    it.each(illegal)(
      "refuses %s → %s with CONFLICT ILLEGAL_TRANSITION and leaves the state unchanged",
      async (from, to) => {
        const f = await fixture();
        const id = await applicationIn(from, f);
        const before = await t.dataSource.query(
          `SELECT * FROM membership_applications WHERE id = $1`,
          [id],
        );
        // An admin may both withdraw and decide, so only the state machine can refuse; a note is given for REJECTED.
        const response = await change(admin, id, to, "A reason");
        expect(errorCode(response)).toBe("CONFLICT");
        expect(response.errors![0].extensions.reason).toBe(
          "ILLEGAL_TRANSITION",
        );
        expect(response.data?.changeApplicationState ?? null).toBeNull();
        expect(
          await t.dataSource.query(
            `SELECT * FROM membership_applications WHERE id = $1`,
            [id],
          ),
        ).toEqual(before);
      },
    );
  });

  describe("reading applications", () => {
    it("application(id) is visible to the applicant organisation's people, the group's managers and admins", async () => {
      const f = await fixture();
      const id = await applicationIn("SUBMITTED", f);
      const coChair = await makePerson(t);
      await seat(t, f.group.id, coChair, "CO_CHAIR");
      const colleague = await makePerson(t, {
        organizationId: f.applicant.organizationId,
      });
      for (const reader of [
        f.applicant,
        colleague,
        f.chair,
        coChair,
        f.secretary,
        admin,
      ]) {
        expect(
          ok(await t.gql(APPLICATION, { id }, reader.token)).application,
        ).toMatchObject({
          id,
          organization: { id: f.applicant.organizationId },
        });
      }
    });

    it("application(id) is null for members, observers, outsiders and managers of other groups", async () => {
      const f = await fixture();
      const id = await applicationIn("UNDER_REVIEW", f);
      const member = await makePerson(t);
      const observer = await makePerson(t);
      await seat(t, f.group.id, member, "MEMBER");
      await seat(t, f.group.id, observer, "OBSERVER");
      const outsider = await makePerson(t);
      const otherChair = await makePerson(t);
      await seat(t, (await makeGroup(t)).id, otherChair, "CHAIR");
      for (const reader of [member, observer, outsider, otherChair]) {
        const response = await t.gql(APPLICATION, { id }, reader.token);
        expect(response).toEqual({ data: { application: null } });
      }
      expect(errorCode(await t.gql(APPLICATION, { id }))).toBe(
        "UNAUTHENTICATED",
      );
      expect(
        ok(
          await t.gql(
            APPLICATION,
            { id: "00000000-0000-4000-8000-000000000000" },
            admin.token,
          ),
        ).application,
      ).toBeNull();
    });

    it("WorkingGroup.applications is FORBIDDEN for a MEMBER, an OBSERVER and an outsider", async () => {
      const f = await fixture();
      await applicationIn("SUBMITTED", f);
      const member = await makePerson(t);
      const observer = await makePerson(t);
      await seat(t, f.group.id, member, "MEMBER");
      await seat(t, f.group.id, observer, "OBSERVER");
      const outsider = await makePerson(t);
      for (const reader of [member, observer, outsider, f.applicant]) {
        const response = await t.gql(
          GROUP_APPLICATIONS,
          { id: f.group.id },
          reader.token,
        );
        expect(errorCode(response)).toBe("FORBIDDEN");
        expect(response.errors![0].path).toEqual([
          "workingGroup",
          "applications",
        ]);
        expect(JSON.stringify(response.data ?? {})).not.toContain("SUBMITTED");
      }
    });

    it("WorkingGroup.applications lists the group’s applications for a CHAIR, a SECRETARY and an ADMIN, filtered by state", async () => {
      const f = await fixture();
      const submitted = await applicationIn("SUBMITTED", f);
      const g = { ...f, applicant: await makePerson(t) };
      const reviewing = await applicationIn("UNDER_REVIEW", g);
      const h = { ...f, applicant: await makePerson(t) };
      const rejected = await applicationIn("REJECTED", h);
      // An application to another group is not listed.
      const elsewhere = await fixture();
      await applicationIn("SUBMITTED", elsewhere);

      for (const reader of [f.chair, f.secretary, admin]) {
        const all = ok(
          await t.gql(GROUP_APPLICATIONS, { id: f.group.id }, reader.token),
        ).workingGroup.applications;
        expect(all.totalCount).toBe(3);
        expect(all.edges.map((e: any) => e.node.id).sort()).toEqual(
          [submitted, reviewing, rejected].sort(),
        );

        const underReview = ok(
          await t.gql(
            GROUP_APPLICATIONS,
            { id: f.group.id, state: "UNDER_REVIEW" },
            reader.token,
          ),
        ).workingGroup.applications;
        expect(underReview.totalCount).toBe(1);
        expect(underReview.edges).toEqual([
          {
            node: {
              id: reviewing,
              state: "UNDER_REVIEW",
              organization: { id: g.applicant.organizationId },
            },
          },
        ]);

        const accepted = ok(
          await t.gql(
            GROUP_APPLICATIONS,
            { id: f.group.id, state: "ACCEPTED" },
            reader.token,
          ),
        ).workingGroup.applications;
        expect(accepted).toEqual({ totalCount: 0, edges: [] });
      }
    });
  });
});
