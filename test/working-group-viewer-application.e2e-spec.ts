import { Actor, makeGroup, makePerson, seat } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const VIEWER_APPLICATION = `query ($id: ID!) { workingGroup(id: $id) { id viewerApplication { id state organization { id } } } }`;
const GROUPS = `query { workingGroups { id viewerApplication { id state } } }`;
const SUBMIT = `mutation ($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`;
const CHANGE = `mutation ($id: ID!, $state: ApplicationState!, $note: String) { changeApplicationState(id: $id, state: $state, note: $note) { id } }`;

describe('WorkingGroup.viewerApplication (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function data(query: string, variables: Record<string, unknown>, actor: Actor) {
    const response = await t.gql(query, variables, actor.token);
    expect(response.errors).toBeUndefined();
    return response.data;
  }

  it("is the newest application of the viewer's organisation, for its people only, in any state", async () => {
    const group = await makeGroup(t);
    const chair = await makePerson(t);
    await seat(t, group.id, chair, 'CHAIR');
    const applicant = await makePerson(t);
    const colleague = await makePerson(t, { organizationId: applicant.organizationId });
    const stranger = await makePerson(t);

    expect((await data(VIEWER_APPLICATION, { id: group.id }, applicant)).workingGroup.viewerApplication).toBeNull();
    const input = { workingGroupId: group.id, organizationId: applicant.organizationId, motivation: 'We want in' };
    const first = (await data(SUBMIT, { input }, applicant)).submitApplication.id;
    await data(CHANGE, { id: first, state: 'UNDER_REVIEW' }, chair);
    await data(CHANGE, { id: first, state: 'REJECTED', note: 'Not yet' }, chair);
    const second = (await data(SUBMIT, { input }, colleague)).submitApplication.id;

    // A colleague of the same organisation sees the newest one; another organisation and the chair's see none.
    expect((await data(VIEWER_APPLICATION, { id: group.id }, applicant)).workingGroup.viewerApplication).toEqual({
      id: second,
      state: 'SUBMITTED',
      organization: { id: applicant.organizationId },
    });
    expect((await data(VIEWER_APPLICATION, { id: group.id }, stranger)).workingGroup.viewerApplication).toBeNull();
    expect((await data(VIEWER_APPLICATION, { id: group.id }, chair)).workingGroup.viewerApplication).toBeNull();

    // Batched across the list of groups.
    const groups: { id: string; viewerApplication: { id: string; state: string } | null }[] = (await data(GROUPS, {}, colleague)).workingGroups;
    expect(groups.find((g) => g.id === group.id)?.viewerApplication).toEqual({ id: second, state: 'SUBMITTED' });
    expect(groups.filter((g) => g.id !== group.id).every((g) => g.viewerApplication === null)).toBe(true);
  });
});
