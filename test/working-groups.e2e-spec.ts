import { randomUUID } from "node:crypto";
import { Actor, makeGroup, makePerson, seat } from "./support/factories";
import { errorCode, GqlResponse, ok, startTestApp, TestApp } from './support/test-app';

const GROUP_FIELDS = "id slug name mission status createdAt";
const CREATE = `mutation ($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { ${GROUP_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateWorkingGroupInput!) { updateWorkingGroup(id: $id, input: $input) { ${GROUP_FIELDS} } }`;
const SET_ROLE = `mutation ($g: ID!, $p: ID!, $role: ParticipantRole!) {
  setParticipantRole(workingGroupId: $g, personId: $p, role: $role) { id role since person { id } workingGroup { id } } }`;
const REMOVE = `mutation ($g: ID!, $p: ID!) { removeParticipant(workingGroupId: $g, personId: $p) }`;
const END = `mutation ($g: ID!, $o: ID!) {
  endMembership(workingGroupId: $g, organizationId: $o) { id status since organization { id } workingGroup { id } } }`;
const CHANGE_APPLICATION = `mutation ($id: ID!, $state: ApplicationState!) { changeApplicationState(id: $id, state: $state) { id state } }`;
const GROUP = `query ($id: ID, $slug: String) {
  workingGroup(id: $id, slug: $slug) {
    ${GROUP_FIELDS}
    chairs { id }
    memberships { totalCount edges { node { status organization { id } } } }
    participants { totalCount edges { node { role person { id } } } }
  } }`;
const PARTICIPATIONS = `query ($id: ID!) { person(id: $id) { participations { role workingGroup { id } } } }`;

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

describe("Working groups, seats and permissions (e2e)", () => {
  let t: TestApp;
  let admin: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
  });
  afterAll(() => t.close());


  /** The error's code and reason, for one-line assertions. */
  function refusal(response: GqlResponse): { code?: string; reason?: string } {
    const error = response.errors?.[0];
    return { code: error?.extensions.code, reason: error?.extensions.reason };
  }

  /** A group with one person per role, each from their own organisation, and an outsider. */
  async function fixture() {
    const group = await makeGroup(t);
    const chair = await makePerson(t);
    const secretary = await makePerson(t);
    const member = await makePerson(t);
    const observer = await makePerson(t);
    await seat(t, group.id, chair, "CHAIR");
    await seat(t, group.id, secretary, "SECRETARY");
    await seat(t, group.id, member, "MEMBER");
    await seat(t, group.id, observer, "OBSERVER");
    const outsider = await makePerson(t);
    return { group, chair, secretary, member, observer, outsider };
  }

  async function readGroup(id: string) {
    return ok(await t.gql(GROUP, { id }, admin.token)).workingGroup;
  }

  async function activeSeats(
    groupId: string,
  ): Promise<{ person_id: string; role: string }[]> {
    return t.dataSource.query(
      `SELECT person_id, role FROM working_group_participants WHERE working_group_id = $1 AND ended_at IS NULL ORDER BY person_id`,
      [groupId],
    );
  }

  async function membershipsOf(
    groupId: string,
  ): Promise<{ organization_id: string; status: string }[]> {
    return t.dataSource.query(
      `SELECT organization_id, status FROM working_group_memberships WHERE working_group_id = $1 ORDER BY organization_id`,
      [groupId],
    );
  }

  describe("createWorkingGroup", () => {
    it("lets an admin create a group, ACTIVE by default", async () => {
      const slug = `software-defined-vehicles-${Date.now()}`;
      const created = ok(
        await t.gql(
          CREATE,
          {
            input: {
              slug,
              name: "  Software-defined vehicles ",
              mission: "SDV stacks",
            },
          },
          admin.token,
        ),
      ).createWorkingGroup;
      expect(created).toMatchObject({
        slug,
        name: "Software-defined vehicles",
        mission: "SDV stacks",
        status: "ACTIVE",
      });
      expect(await readGroup(created.id)).toMatchObject({
        id: created.id,
        slug,
        status: "ACTIVE",
        chairs: [],
        memberships: { totalCount: 0 },
      });

      const proposed = ok(
        await t.gql(
          CREATE,
          {
            input: {
              slug: `${slug}-2`,
              name: "Chips",
              mission: "Automotive hardware",
              status: "PROPOSED",
            },
          },
          admin.token,
        ),
      ).createWorkingGroup;
      expect(proposed.status).toBe("PROPOSED");
    });

    it("refuses a duplicate slug with CONFLICT", async () => {
      const { slug } = await makeGroup(t);
      const response = await t.gql(
        CREATE,
        { input: { slug, name: "Again", mission: "Again" } },
        admin.token,
      );
      expect(refusal(response)).toEqual({
        code: "CONFLICT",
        reason: "SLUG_TAKEN",
      });
      expect(response.errors![0].extensions.field).toBe("slug");
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM working_groups WHERE slug = $1`,
        [slug],
      );
      expect(count).toBe(1);
    });

    it.each([
      "Software Vehicles",
      "UPPER",
      "double--dash",
      "-leading",
      "trailing-",
      "ünïcode",
      "",
      "x".repeat(81),
    ])(
      "refuses the slug %p with BAD_USER_INPUT on field slug",
      async (slug) => {
        const response = await t.gql(
          CREATE,
          { input: { slug, name: "Name", mission: "Mission" } },
          admin.token,
        );
        expect(errorCode(response)).toBe("BAD_USER_INPUT");
        expect(response.errors![0].extensions.field).toBe("slug");
      },
    );

    it("refuses an empty name with BAD_USER_INPUT on field name", async () => {
      const response = await t.gql(
        CREATE,
        {
          input: {
            slug: `empty-name-${Date.now()}`,
            name: "   ",
            mission: "Mission",
          },
        },
        admin.token,
      );
      expect(errorCode(response)).toBe("BAD_USER_INPUT");
      expect(response.errors![0].extensions.field).toBe("name");
    });
  });

  describe("updateWorkingGroup", () => {
    it("lets the group’s CHAIR, CO_CHAIR, SECRETARY and an admin update it, keeping fields not given", async () => {
      const f = await fixture();
      const coChair = await makePerson(t);
      await seat(t, f.group.id, coChair, "CO_CHAIR");
      for (const [i, actor] of [
        f.chair,
        coChair,
        f.secretary,
        admin,
      ].entries()) {
        const updated = ok(
          await t.gql(
            UPDATE,
            { id: f.group.id, input: { name: `Renamed ${i}` } },
            actor.token,
          ),
        ).updateWorkingGroup;
        expect(updated).toMatchObject({
          id: f.group.id,
          slug: f.group.slug,
          name: `Renamed ${i}`,
          mission: "Mission",
          status: "ACTIVE",
        });
      }
      const statusOnly = ok(
        await t.gql(
          UPDATE,
          { id: f.group.id, input: { status: "DORMANT" } },
          f.chair.token,
        ),
      ).updateWorkingGroup;
      expect(statusOnly).toMatchObject({
        name: "Renamed 3",
        mission: "Mission",
        status: "DORMANT",
      });
      expect(await readGroup(f.group.id)).toMatchObject({
        name: "Renamed 3",
        mission: "Mission",
        status: "DORMANT",
      });
    });

    it("refuses MEMBER, OBSERVER, an outsider and the chair of another group with FORBIDDEN, changing nothing", async () => {
      const f = await fixture();
      const otherChair = await makePerson(t);
      await seat(t, (await makeGroup(t)).id, otherChair, "CHAIR");
      for (const actor of [f.member, f.observer, f.outsider, otherChair]) {
        const response = await t.gql(
          UPDATE,
          { id: f.group.id, input: { name: "Hijacked" } },
          actor.token,
        );
        expect(refusal(response)).toEqual({
          code: "FORBIDDEN",
          reason: "NOT_GROUP_MANAGER",
        });
      }
      expect((await readGroup(f.group.id)).name).toBe(`Group ${f.group.slug}`);
    });

    it("refuses a null or empty name with BAD_USER_INPUT", async () => {
      const f = await fixture();
      for (const name of [null, ""]) {
        const response = await t.gql(
          UPDATE,
          { id: f.group.id, input: { name } },
          f.chair.token,
        );
        expect(errorCode(response)).toBe("BAD_USER_INPUT");
        expect(response.errors![0].extensions.field).toBe("name");
      }
    });

    it("answers NOT_FOUND for an unknown group", async () => {
      expect(
        errorCode(
          await t.gql(
            UPDATE,
            { id: UNKNOWN, input: { name: "x" } },
            admin.token,
          ),
        ),
      ).toBe("NOT_FOUND");
      expect(
        errorCode(
          await t.gql(
            UPDATE,
            { id: "not-an-id", input: { name: "x" } },
            admin.token,
          ),
        ),
      ).toBe("NOT_FOUND");
    });
  });

  describe("workingGroup(id | slug)", () => {
    it("finds a group by id and by slug, and lists it among all groups", async () => {
      const f = await fixture();
      const byId = ok(
        await t.gql(GROUP, { id: f.group.id }, f.outsider.token),
      ).workingGroup;
      const bySlug = ok(
        await t.gql(GROUP, { slug: f.group.slug }, f.outsider.token),
      ).workingGroup;
      expect(byId).toEqual(bySlug);
      expect(byId).toMatchObject({
        id: f.group.id,
        slug: f.group.slug,
        chairs: [{ id: f.chair.id }],
      });
      expect(byId.memberships.totalCount).toBe(4);
      expect(byId.participants.totalCount).toBe(4);
      const all = ok(
        await t.gql(`{ workingGroups { id } }`, {}, f.outsider.token),
      ).workingGroups;
      expect(all.map((g: { id: string }) => g.id)).toContain(f.group.id);
    });

    it("returns null for an unknown id or slug, and BAD_USER_INPUT when given neither", async () => {
      expect(
        ok(await t.gql(GROUP, { id: UNKNOWN }, admin.token)).workingGroup,
      ).toBeNull();
      expect(
        ok(await t.gql(GROUP, { id: "not-an-id" }, admin.token)).workingGroup,
      ).toBeNull();
      expect(
        ok(await t.gql(GROUP, { slug: "no-such-group" }, admin.token))
          .workingGroup,
      ).toBeNull();
      const neither = await t.gql(GROUP, {}, admin.token);
      expect(errorCode(neither)).toBe("BAD_USER_INPUT");
    });

    it("refuses anonymous readers with UNAUTHENTICATED", async () => {
      const f = await fixture();
      expect(errorCode(await t.gql(GROUP, { id: f.group.id }))).toBe(
        "UNAUTHENTICATED",
      );
    });
  });

  describe("setParticipantRole", () => {
    it("seats a person whose organisation is an active member", async () => {
      const f = await fixture();
      const colleague = await makePerson(t, {
        organizationId: f.member.organizationId,
      });
      const created = ok(
        await t.gql(
          SET_ROLE,
          { g: f.group.id, p: colleague.id, role: "OBSERVER" },
          f.secretary.token,
        ),
      ).setParticipantRole;
      expect(created).toMatchObject({
        role: "OBSERVER",
        person: { id: colleague.id },
        workingGroup: { id: f.group.id },
      });
      const participants = (await readGroup(f.group.id)).participants;
      expect(participants.totalCount).toBe(5);
      expect(participants.edges.map((e: any) => e.node)).toContainEqual({
        role: "OBSERVER",
        person: { id: colleague.id },
      });
      expect(
        ok(await t.gql(PARTICIPATIONS, { id: colleague.id }, colleague.token))
          .person.participations,
      ).toEqual([{ role: "OBSERVER", workingGroup: { id: f.group.id } }]);
    });

    it("refuses with CONFLICT when the person’s organisation is not an active member", async () => {
      const f = await fixture();
      const response = await t.gql(
        SET_ROLE,
        { g: f.group.id, p: f.outsider.id, role: "MEMBER" },
        f.chair.token,
      );
      expect(refusal(response)).toEqual({
        code: "CONFLICT",
        reason: "ORGANIZATION_NOT_MEMBER",
      });
      expect(
        (await activeSeats(f.group.id)).map((s) => s.person_id),
      ).not.toContain(f.outsider.id);
      // Nor for an admin.
      expect(
        errorCode(
          await t.gql(
            SET_ROLE,
            { g: f.group.id, p: f.outsider.id, role: "MEMBER" },
            admin.token,
          ),
        ),
      ).toBe("CONFLICT");
    });

    it("changes a role in place, without a second seat", async () => {
      const f = await fixture();
      const changed = ok(
        await t.gql(
          SET_ROLE,
          { g: f.group.id, p: f.member.id, role: "SECRETARY" },
          f.chair.token,
        ),
      ).setParticipantRole;
      expect(changed).toMatchObject({
        role: "SECRETARY",
        person: { id: f.member.id },
      });
      const seats = (await activeSeats(f.group.id)).filter(
        (s) => s.person_id === f.member.id,
      );
      expect(seats).toEqual([{ person_id: f.member.id, role: "SECRETARY" }]);
      // The new secretary now manages the group.
      ok(
        await t.gql(
          UPDATE,
          { id: f.group.id, input: { mission: "Set by the new secretary" } },
          f.member.token,
        ),
      );
    });

    it("answers NOT_FOUND for an unknown group or person", async () => {
      const f = await fixture();
      expect(
        errorCode(
          await t.gql(
            SET_ROLE,
            { g: UNKNOWN, p: f.member.id, role: "MEMBER" },
            admin.token,
          ),
        ),
      ).toBe("NOT_FOUND");
      expect(
        errorCode(
          await t.gql(
            SET_ROLE,
            { g: f.group.id, p: UNKNOWN, role: "MEMBER" },
            admin.token,
          ),
        ),
      ).toBe("NOT_FOUND");
      expect(
        errorCode(
          await t.gql(
            SET_ROLE,
            { g: f.group.id, p: "not-an-id", role: "MEMBER" },
            admin.token,
          ),
        ),
      ).toBe("NOT_FOUND");
    });
  });

  describe("removeParticipant", () => {
    it("ends a seat but not the organisation’s membership", async () => {
      const f = await fixture();
      expect(
        ok(
          await t.gql(REMOVE, { g: f.group.id, p: f.member.id }, f.chair.token),
        ).removeParticipant,
      ).toBe(true);
      const group = await readGroup(f.group.id);
      expect(
        group.participants.edges.map((e: any) => e.node.person.id),
      ).not.toContain(f.member.id);
      expect(
        group.memberships.edges.map((e: any) => e.node.organization.id),
      ).toContain(f.member.organizationId);
      expect(
        ok(await t.gql(PARTICIPATIONS, { id: f.member.id }, f.member.token))
          .person.participations,
      ).toEqual([]);
      // Gone: a second removal finds nothing.
      expect(
        errorCode(
          await t.gql(REMOVE, { g: f.group.id, p: f.member.id }, f.chair.token),
        ),
      ).toBe("NOT_FOUND");
    });

    it("answers NOT_FOUND for an unknown group or a person without a seat", async () => {
      const f = await fixture();
      expect(
        errorCode(
          await t.gql(REMOVE, { g: UNKNOWN, p: f.member.id }, admin.token),
        ),
      ).toBe("NOT_FOUND");
      expect(
        errorCode(
          await t.gql(REMOVE, { g: f.group.id, p: f.outsider.id }, admin.token),
        ),
      ).toBe("NOT_FOUND");
      expect(
        errorCode(
          await t.gql(REMOVE, { g: f.group.id, p: UNKNOWN }, admin.token),
        ),
      ).toBe("NOT_FOUND");
    });
  });

  describe("endMembership", () => {
    it("ends the organisation’s membership and the seats of all its people, and nobody else’s", async () => {
      const f = await fixture();
      const colleague = await makePerson(t, {
        organizationId: f.member.organizationId,
      });
      ok(
        await t.gql(
          SET_ROLE,
          { g: f.group.id, p: colleague.id, role: "OBSERVER" },
          f.chair.token,
        ),
      );

      const ended = ok(
        await t.gql(
          END,
          { g: f.group.id, o: f.member.organizationId },
          f.secretary.token,
        ),
      ).endMembership;
      expect(ended).toMatchObject({
        status: "ENDED",
        organization: { id: f.member.organizationId },
        workingGroup: { id: f.group.id },
      });

      const group = await readGroup(f.group.id);
      expect(group.memberships.totalCount).toBe(3);
      expect(
        group.memberships.edges.map((e: any) => e.node.organization.id),
      ).not.toContain(f.member.organizationId);
      expect(
        (await activeSeats(f.group.id)).map((s) => s.person_id).sort(),
      ).toEqual([f.chair.id, f.secretary.id, f.observer.id].sort());
      for (const person of [f.member, colleague]) {
        expect(
          ok(await t.gql(PARTICIPATIONS, { id: person.id }, person.token))
            .person.participations,
        ).toEqual([]);
      }
      // The organisation's people can no longer be seated.
      expect(
        refusal(
          await t.gql(
            SET_ROLE,
            { g: f.group.id, p: f.member.id, role: "MEMBER" },
            admin.token,
          ),
        ),
      ).toEqual({
        code: "CONFLICT",
        reason: "ORGANIZATION_NOT_MEMBER",
      });
      // Ending it again finds no active membership.
      expect(
        errorCode(
          await t.gql(
            END,
            { g: f.group.id, o: f.member.organizationId },
            admin.token,
          ),
        ),
      ).toBe("NOT_FOUND");
    });

    it("answers NOT_FOUND for an unknown group or an organisation that is not a member", async () => {
      const f = await fixture();
      expect(
        errorCode(
          await t.gql(
            END,
            { g: UNKNOWN, o: f.member.organizationId },
            admin.token,
          ),
        ),
      ).toBe("NOT_FOUND");
      expect(
        errorCode(
          await t.gql(
            END,
            { g: f.group.id, o: f.outsider.organizationId },
            admin.token,
          ),
        ),
      ).toBe("NOT_FOUND");
      expect(
        errorCode(await t.gql(END, { g: f.group.id, o: UNKNOWN }, admin.token)),
      ).toBe("NOT_FOUND");
    });
  });

  describe("the group keeps at least one chair", () => {
    async function snapshot(groupId: string) {
      return {
        seats: await activeSeats(groupId),
        memberships: await membershipsOf(groupId),
      };
    }

    it("refuses demoting the last CHAIR with CONFLICT LAST_CHAIR, changing nothing", async () => {
      const f = await fixture();
      const before = await snapshot(f.group.id);
      for (const role of ["CO_CHAIR", "SECRETARY", "MEMBER", "OBSERVER"]) {
        expect(
          refusal(
            await t.gql(
              SET_ROLE,
              { g: f.group.id, p: f.chair.id, role },
              admin.token,
            ),
          ),
        ).toEqual({
          code: "CONFLICT",
          reason: "LAST_CHAIR",
        });
      }
      expect(await snapshot(f.group.id)).toEqual(before);
    });

    it("refuses removing the last CHAIR with CONFLICT LAST_CHAIR, changing nothing", async () => {
      const f = await fixture();
      const before = await snapshot(f.group.id);
      expect(
        refusal(
          await t.gql(
            REMOVE,
            { g: f.group.id, p: f.chair.id },
            f.secretary.token,
          ),
        ),
      ).toEqual({ code: "CONFLICT", reason: "LAST_CHAIR" });
      expect(await snapshot(f.group.id)).toEqual(before);
    });

    it("refuses ending the membership of the organisation holding the only CHAIR, changing nothing", async () => {
      const f = await fixture();
      const colleague = await makePerson(t, {
        organizationId: f.chair.organizationId,
      });
      ok(
        await t.gql(
          SET_ROLE,
          { g: f.group.id, p: colleague.id, role: "MEMBER" },
          f.chair.token,
        ),
      );
      const before = await snapshot(f.group.id);
      expect(
        refusal(
          await t.gql(
            END,
            { g: f.group.id, o: f.chair.organizationId },
            admin.token,
          ),
        ),
      ).toEqual({ code: "CONFLICT", reason: "LAST_CHAIR" });
      expect(await snapshot(f.group.id)).toEqual(before);
    });

    it("a CO_CHAIR does not count as the other chair", async () => {
      const f = await fixture();
      ok(
        await t.gql(
          SET_ROLE,
          { g: f.group.id, p: f.member.id, role: "CO_CHAIR" },
          f.chair.token,
        ),
      );
      expect(
        refusal(
          await t.gql(REMOVE, { g: f.group.id, p: f.chair.id }, admin.token),
        ),
      ).toEqual({ code: "CONFLICT", reason: "LAST_CHAIR" });
    });

    it("allows demoting, removing or ending the membership once another CHAIR exists", async () => {
      const f = await fixture();
      ok(
        await t.gql(
          SET_ROLE,
          { g: f.group.id, p: f.member.id, role: "CHAIR" },
          f.chair.token,
        ),
      );
      const demoted = ok(
        await t.gql(
          SET_ROLE,
          { g: f.group.id, p: f.chair.id, role: "CO_CHAIR" },
          f.chair.token,
        ),
      ).setParticipantRole;
      expect(demoted.role).toBe("CO_CHAIR");
      // Now f.member is the only CHAIR again.
      expect(
        errorCode(
          await t.gql(REMOVE, { g: f.group.id, p: f.member.id }, admin.token),
        ),
      ).toBe("CONFLICT");

      ok(
        await t.gql(
          SET_ROLE,
          { g: f.group.id, p: f.chair.id, role: "CHAIR" },
          admin.token,
        ),
      );
      expect(
        ok(await t.gql(REMOVE, { g: f.group.id, p: f.member.id }, admin.token))
          .removeParticipant,
      ).toBe(true);

      ok(
        await t.gql(
          SET_ROLE,
          { g: f.group.id, p: f.secretary.id, role: "CHAIR" },
          admin.token,
        ),
      );
      expect(
        ok(
          await t.gql(
            END,
            { g: f.group.id, o: f.chair.organizationId },
            admin.token,
          ),
        ).endMembership.status,
      ).toBe("ENDED");
      expect((await readGroup(f.group.id)).chairs).toEqual([
        { id: f.secretary.id },
      ]);
    });

    it("a group without a chair may still lose members", async () => {
      const group = await makeGroup(t);
      const member = await makePerson(t);
      await seat(t, group.id, member, "MEMBER");
      expect(
        ok(await t.gql(REMOVE, { g: group.id, p: member.id }, admin.token))
          .removeParticipant,
      ).toBe(true);
    });

    it("two concurrent demotions of the only two chairs leave exactly one CHAIR", async () => {
      const f = await fixture();
      ok(
        await t.gql(
          SET_ROLE,
          { g: f.group.id, p: f.member.id, role: "CHAIR" },
          admin.token,
        ),
      );
      const responses = await Promise.all(
        [f.chair, f.member].map((p) =>
          t.gql(
            SET_ROLE,
            { g: f.group.id, p: p.id, role: "MEMBER" },
            admin.token,
          ),
        ),
      );
      expect(responses.map(errorCode).sort()).toEqual(["CONFLICT", undefined]);
      expect(
        (await activeSeats(f.group.id)).filter((s) => s.role === "CHAIR"),
      ).toHaveLength(1);
    });
  });

  describe("chairs", () => {
    it("lists the CHAIR and CO_CHAIR holders, chairs first, and drops ended seats", async () => {
      const f = await fixture();
      const coChair = await makePerson(t);
      const secondChair = await makePerson(t);
      await seat(t, f.group.id, coChair, "CO_CHAIR");
      await seat(t, f.group.id, secondChair, "CHAIR");
      const chairs = (await readGroup(f.group.id)).chairs.map(
        (p: { id: string }) => p.id,
      );
      expect(chairs).toHaveLength(3);
      expect(chairs.slice(0, 2).sort()).toEqual(
        [f.chair.id, secondChair.id].sort(),
      );
      expect(chairs[2]).toBe(coChair.id);

      ok(await t.gql(REMOVE, { g: f.group.id, p: f.chair.id }, admin.token));
      expect((await readGroup(f.group.id)).chairs).toEqual([
        { id: secondChair.id },
        { id: coChair.id },
      ]);
    });
  });

  describe("permission matrix", () => {
    type ActorName =
      | "admin"
      | "chair"
      | "secretary"
      | "member"
      | "observer"
      | "outsider"
      | "anonymous";
    type Outcome = "success" | "FORBIDDEN" | "UNAUTHENTICATED" | "NOT_FOUND";
    type Fixture = Awaited<ReturnType<typeof fixture>> & {
      admin: Actor;
      target: Actor;
      applicationId: string;
    };

    interface Case {
      run(f: Fixture, token: string | undefined): Promise<GqlResponse>;
      /** Whether the mutation's effect is in the database. */
      applied(f: Fixture): Promise<boolean>;
    }

    /** Fresh per case: a managed group, a MEMBER `target` from its own member organisation, and a SUBMITTED application. */
    async function matrixFixture(): Promise<Fixture> {
      const f = await fixture();
      const target = await makePerson(t);
      await seat(t, f.group.id, target, "MEMBER");
      const applicant = await makePerson(t);
      const submitted = await t.gql(
        `mutation ($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`,
        {
          input: {
            workingGroupId: f.group.id,
            organizationId: applicant.organizationId,
            motivation: "We bring HPC compute.",
          },
        },
        applicant.token,
      );
      return {
        ...f,
        admin: await makePerson(t, { admin: true }),
        target,
        applicationId: ok(submitted).submitApplication.id,
      };
    }

    const seatRole = async (f: Fixture, personId: string) =>
      (await activeSeats(f.group.id)).find((s) => s.person_id === personId)
        ?.role ?? null;

    const cases: Record<string, Case> = {
      createWorkingGroup: {
        run: (f, token) =>
          t.gql(
            CREATE,
            {
              input: {
                slug: `matrix-${f.group.slug}`,
                name: "Matrix",
                mission: "Matrix",
              },
            },
            token,
          ),
        applied: async (f) =>
          (
            await t.dataSource.query(
              `SELECT 1 FROM working_groups WHERE slug = $1`,
              [`matrix-${f.group.slug}`],
            )
          ).length === 1,
      },
      updateWorkingGroup: {
        run: (f, token) =>
          t.gql(
            UPDATE,
            { id: f.group.id, input: { name: "Renamed by matrix" } },
            token,
          ),
        applied: async (f) =>
          (
            await t.dataSource.query(
              `SELECT name FROM working_groups WHERE id = $1`,
              [f.group.id],
            )
          )[0].name === "Renamed by matrix",
      },
      setParticipantRole: {
        run: (f, token) =>
          t.gql(
            SET_ROLE,
            { g: f.group.id, p: f.target.id, role: "OBSERVER" },
            token,
          ),
        applied: async (f) => (await seatRole(f, f.target.id)) === "OBSERVER",
      },
      removeParticipant: {
        run: (f, token) =>
          t.gql(REMOVE, { g: f.group.id, p: f.target.id }, token),
        applied: async (f) => (await seatRole(f, f.target.id)) === null,
      },
      endMembership: {
        run: (f, token) =>
          t.gql(END, { g: f.group.id, o: f.target.organizationId }, token),
        applied: async (f) =>
          (await membershipsOf(f.group.id)).find(
            (m) => m.organization_id === f.target.organizationId,
          )?.status === "ENDED" && (await seatRole(f, f.target.id)) === null,
      },
      "changeApplicationState to UNDER_REVIEW": {
        run: (f, token) =>
          t.gql(
            CHANGE_APPLICATION,
            { id: f.applicationId, state: "UNDER_REVIEW" },
            token,
          ),
        applied: async (f) =>
          (
            await t.dataSource.query(
              `SELECT state FROM membership_applications WHERE id = $1`,
              [f.applicationId],
            )
          )[0].state === "UNDER_REVIEW",
      },
    };

    const MANAGERS_ONLY: Record<ActorName, Outcome> = {
      admin: "success",
      chair: "success",
      secretary: "success",
      member: "FORBIDDEN",
      observer: "FORBIDDEN",
      outsider: "FORBIDDEN",
      anonymous: "UNAUTHENTICATED",
    };
    const expected: Record<string, Record<ActorName, Outcome>> = {
      createWorkingGroup: {
        ...MANAGERS_ONLY,
        chair: "FORBIDDEN",
        secretary: "FORBIDDEN",
      },
      updateWorkingGroup: MANAGERS_ONLY,
      setParticipantRole: MANAGERS_ONLY,
      removeParticipant: MANAGERS_ONLY,
      endMembership: MANAGERS_ONLY,
      // The application is invisible to those who may not read it (application(id) is null for them),
      // so acting on it answers NOT_FOUND rather than revealing that it exists.
      "changeApplicationState to UNDER_REVIEW": {
        ...MANAGERS_ONLY,
        member: "NOT_FOUND",
        observer: "NOT_FOUND",
        outsider: "NOT_FOUND",
      },
    };

    const table = Object.entries(expected).flatMap(([mutation, byActor]) =>
      Object.entries(byActor).map(
        ([actor, outcome]) => [mutation, actor as ActorName, outcome] as const,
      ),
    );

    it("covers every mutation × actor", () => {
      expect(table).toHaveLength(6 * 7);
    });

    it.each(table)("%s by %s → %s", async (mutation, actor, outcome) => {
      const f = await matrixFixture();
      const token = actor === "anonymous" ? undefined : f[actor].token;
      const response = await cases[mutation].run(f, token);
      if (outcome === "success") {
        expect(response.errors).toBeUndefined();
        expect(await cases[mutation].applied(f)).toBe(true);
      } else {
        expect(errorCode(response)).toBe(outcome);
        expect(await cases[mutation].applied(f)).toBe(false);
      }
    });

    it("the applicant organisation may read its application but not review it (FORBIDDEN)", async () => {
      const f = await matrixFixture();
      const [{ organization_id: orgId }] = await t.dataSource.query(
        `SELECT organization_id FROM membership_applications WHERE id = $1`,
        [f.applicationId],
      );
      const applicant = await makePerson(t, { organizationId: orgId });
      expect(
        errorCode(
          await t.gql(
            CHANGE_APPLICATION,
            { id: f.applicationId, state: "UNDER_REVIEW" },
            applicant.token,
          ),
        ),
      ).toBe("FORBIDDEN");
    });
  });

  it("mutations on unknown ids answer NOT_FOUND", async () => {
    const f = await fixture();
    const id = randomUUID();
    const responses = [
      await t.gql(UPDATE, { id, input: { name: "x" } }, admin.token),
      await t.gql(
        SET_ROLE,
        { g: id, p: f.member.id, role: "MEMBER" },
        admin.token,
      ),
      await t.gql(
        SET_ROLE,
        { g: f.group.id, p: id, role: "MEMBER" },
        admin.token,
      ),
      await t.gql(REMOVE, { g: id, p: f.member.id }, admin.token),
      await t.gql(REMOVE, { g: f.group.id, p: id }, admin.token),
      await t.gql(END, { g: id, o: f.member.organizationId }, admin.token),
      await t.gql(END, { g: f.group.id, o: id }, admin.token),
      await t.gql(
        CHANGE_APPLICATION,
        { id, state: "UNDER_REVIEW" },
        admin.token,
      ),
    ];
    expect(responses.map(errorCode)).toEqual(
      Array(responses.length).fill("NOT_FOUND"),
    );
  });
});
