import { Actor, makeGroup, makeOrganization, makePerson, makeProposal, moveProposal, seat, acceptLead, invitePartner } from './support/factories';
import { GqlResponse, ok, startTestApp, TestApp } from './support/test-app';
import { expectMutationsAgree, statementsOf } from './support/viewer-can';

const STATES = ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'IN_PROGRESS', 'COMPLETED', 'WITHDRAWN'] as const;
type State = (typeof STATES)[number];
const ROLES = ['admin', 'chair', 'secretary', 'author', 'colleague', 'member', 'observer', 'outsider'] as const;
type Role = (typeof ROLES)[number];

const FLAGS = [
  'edit', 'submit', 'withdraw', 'startReview', 'approve', 'reject', 'startWork', 'complete',
  'support', 'unsupport', 'comment', 'invitePartners', 'respondToPartnerInvitation', 'respondToLeadInvitation',
] as const;
type Flag = (typeof FLAGS)[number];
type Can = Record<Flag, boolean>;

const VIEWER_CAN = `viewerCan { ${FLAGS.join(' ')} }`;
const READ = `query ($id: ID!) { proposal(id: $id) { version ${VIEWER_CAN} } }`;

/** The moves a flag stands for, with the contract's state machine. */
const MOVES: Partial<Record<Flag, State>> = {
  submit: 'SUBMITTED',
  withdraw: 'WITHDRAWN',
  startReview: 'UNDER_REVIEW',
  approve: 'APPROVED',
  reject: 'REJECTED',
  startWork: 'IN_PROGRESS',
  complete: 'COMPLETED',
};
const LEGAL: Record<State, State[]> = {
  DRAFT: ['SUBMITTED', 'WITHDRAWN'],
  SUBMITTED: ['UNDER_REVIEW', 'WITHDRAWN'],
  UNDER_REVIEW: ['APPROVED', 'REJECTED', 'WITHDRAWN'],
  APPROVED: ['IN_PROGRESS'],
  IN_PROGRESS: ['COMPLETED', 'WITHDRAWN'],
  REJECTED: [],
  COMPLETED: [],
  WITHDRAWN: [],
};
const OPEN: State[] = ['SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'IN_PROGRESS'];
const CLOSED: State[] = ['REJECTED', 'COMPLETED', 'WITHDRAWN'];

/**
 * The spec, written out independently of the product code, for a PUBLIC proposal by `author` (a MEMBER)
 * whose own organisation leads it; `colleague` is of the author's organisation without a seat. Null: the
 * viewer does not read it: only the parties and admins read a draft, or one withdrawn before it was submitted.
 */
function expected(role: Role, state: State): Can | null {
  const neverSubmitted = state === 'DRAFT' || state === 'WITHDRAWN';
  if (neverSubmitted && !['admin', 'author', 'colleague'].includes(role)) return null;
  const authorOrg = ['admin', 'author', 'colleague'].includes(role);
  const manager = ['admin', 'chair', 'secretary'].includes(role);
  const takesPart = ['admin', 'chair', 'secretary', 'author', 'member'].includes(role);
  const own = ['author', 'colleague'].includes(role);
  const move = (to: State) => LEGAL[state].includes(to) && (to === 'SUBMITTED' || to === 'WITHDRAWN' ? authorOrg : manager);
  return {
    edit: authorOrg && (state === 'DRAFT' || state === 'SUBMITTED'),
    submit: move('SUBMITTED'),
    withdraw: move('WITHDRAWN'),
    startReview: move('UNDER_REVIEW'),
    approve: move('APPROVED'),
    reject: move('REJECTED'),
    startWork: move('IN_PROGRESS'),
    complete: move('COMPLETED'),
    support: takesPart && !own && OPEN.includes(state),
    unsupport: takesPart && OPEN.includes(state),
    comment: own || takesPart,
    invitePartners: authorOrg && !CLOSED.includes(state),
    respondToPartnerInvitation: false,
    respondToLeadInvitation: false,
  };
}

describe('CooperationProposal.viewerCan (e2e)', () => {
  let t: TestApp;
  let admin: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
  });
  afterAll(() => t.close());

  async function fixture() {
    const group = await makeGroup(t);
    const actors = {
      admin,
      chair: await makePerson(t),
      secretary: await makePerson(t),
      author: await makePerson(t),
      member: await makePerson(t),
      observer: await makePerson(t),
    };
    await seat(t, group.id, actors.chair, 'CHAIR');
    await seat(t, group.id, actors.secretary, 'SECRETARY');
    await seat(t, group.id, actors.author, 'MEMBER');
    await seat(t, group.id, actors.member, 'MEMBER');
    await seat(t, group.id, actors.observer, 'OBSERVER');
    const colleague = await makePerson(t, { organizationId: actors.author.organizationId });
    const outsider = await makePerson(t);
    return { group, people: { ...actors, colleague, outsider } as Record<Role, Actor> };
  }
  type Fixture = Awaited<ReturnType<typeof fixture>>;

  async function proposalIn(f: Fixture, state: State): Promise<string> {
    const id = await makeProposal(t, f.people.author, f.group.id, { confidentiality: 'PUBLIC' });
    await moveProposal(t, id, state, { author: f.people.author, manager: f.people.chair });
    return id;
  }

  async function read(id: string, who: Actor): Promise<{ version: number; viewerCan: Can } | null> {
    return ok(await t.gql(READ, { id }, who.token)).proposal;
  }

  /** Tries the mutation a flag stands for; a flag's mutation must succeed when true and be refused when false. */
  async function attempt(flag: Flag, id: string, who: Actor): Promise<GqlResponse> {
    switch (flag) {
      case 'submit':
      case 'withdraw':
      case 'startReview':
      case 'approve':
      case 'reject':
      case 'startWork':
      case 'complete':
        return t.gql(`mutation ($id: ID!, $s: ProposalState!) { changeProposalState(id: $id, state: $s, note: "Because") { id } }`, { id, s: MOVES[flag] }, who.token);
      case 'edit': {
        const version = (await read(id, who))?.version ?? 1;
        return t.gql(`mutation ($id: ID!, $v: Int!) { updateProposal(id: $id, expectedVersion: $v, input: { title: "Edited" }) { id } }`, { id, v: version }, who.token);
      }
      case 'support':
        return t.gql(`mutation ($id: ID!) { supportProposal(id: $id) { id } }`, { id }, who.token);
      case 'unsupport':
        return t.gql(`mutation ($id: ID!) { withdrawSupport(id: $id) { id } }`, { id }, who.token);
      case 'comment':
        return t.gql(`mutation ($id: ID!) { addComment(proposalId: $id, body: "A thought") { id } }`, { id }, who.token);
      case 'invitePartners': {
        const organization = await makeOrganization(t);
        return t.gql(`mutation ($id: ID!, $org: ID!) { invitePartner(proposalId: $id, organizationId: $org) { id } }`, { id, org: organization.id }, who.token);
      }
      case 'respondToPartnerInvitation':
        return t.gql(`mutation ($id: ID!) { respondToPartnerInvitation(proposalId: $id, consent: CONSENTED) { id } }`, { id }, who.token);
      case 'respondToLeadInvitation':
        return t.gql(`mutation ($id: ID!) { respondToLeadInvitation(proposalId: $id, consent: CONSENTED) { id } }`, { id }, who.token);
    }
  }

  const refusedCode = (response: GqlResponse) => response.errors?.[0]?.extensions.code;

  it.each(STATES)('answers per role for a %s proposal, and each mutation agrees with it', async (state) => {
    const f = await fixture();
    const id = await proposalIn(f, state);
    const answers = new Map<Role, Can | null>();
    for (const role of ROLES) answers.set(role, (await read(id, f.people[role]))?.viewerCan ?? null);
    expect(Object.fromEntries(answers)).toEqual(Object.fromEntries(ROLES.map((role) => [role, expected(role, state)])));

    await expectMutationsAgree({
      id,
      answers: Object.fromEntries(answers) as Record<Role, Can | null>,
      flags: FLAGS,
      attempt: (flag, target, role) => attempt(flag, target, f.people[role]),
      // A move that succeeds changes the state; the other actions leave it as it is.
      fresh: async (flag) => (MOVES[flag] ? proposalIn(f, state) : id),
    });
  });

  it('offers the lead invitation to the organisation named as lead, and submission only once it consented', async () => {
    const f = await fixture();
    const { author, member, outsider } = f.people;
    const id = await makeProposal(t, author, f.group.id, { confidentiality: 'PUBLIC', leadOrganizationId: member.organizationId });
    const before = { author: (await read(id, author))!.viewerCan, lead: (await read(id, member))!.viewerCan };
    expect(before.author).toMatchObject({ submit: false, invitePartners: false, respondToLeadInvitation: false, edit: true });
    expect(before.lead).toMatchObject({ respondToLeadInvitation: true, invitePartners: false, comment: true, edit: false });
    expect(refusedCode(await attempt('submit', id, author))).toBe('CONFLICT');
    expect(refusedCode(await attempt('invitePartners', id, member))).toBe('CONFLICT');

    await acceptLead(t, id, member);
    const after = { author: (await read(id, author))!.viewerCan, lead: (await read(id, member))!.viewerCan };
    expect(after.author).toMatchObject({ submit: true, invitePartners: false });
    // The lead may change its answer while the proposal is a draft.
    expect(after.lead).toMatchObject({ respondToLeadInvitation: true, invitePartners: true });

    // The lead invites the outsider's organisation: the outsider may answer and comment, not support.
    await invitePartner(t, member, id, outsider.organizationId);
    expect((await read(id, outsider))!.viewerCan).toMatchObject({ respondToPartnerInvitation: true, comment: true, support: false, edit: false });
    ok(await attempt('respondToPartnerInvitation', id, outsider));
    ok(await attempt('submit', id, author));
    expect((await read(id, author))!.viewerCan).toMatchObject({ submit: false, startReview: false, withdraw: true });
    expect((await read(id, member))!.viewerCan).toMatchObject({ respondToLeadInvitation: false });
    expect(refusedCode(await attempt('respondToLeadInvitation', id, member))).toBe('CONFLICT');
  });

  it('declined partners may answer again and are no longer parties', async () => {
    const f = await fixture();
    const { author, member, outsider } = f.people;
    const id = await proposalIn(f, 'SUBMITTED');
    await invitePartner(t, author, id, member.organizationId, { by: member, consent: 'CONSENTED' });
    expect((await read(id, member))!.viewerCan).toMatchObject({ support: false, unsupport: true, respondToPartnerInvitation: true });
    expect(refusedCode(await attempt('support', id, member))).toBe('FORBIDDEN');
    await invitePartner(t, author, id, outsider.organizationId, { by: outsider, consent: 'DECLINED' });
    expect((await read(id, outsider))!.viewerCan).toMatchObject({ respondToPartnerInvitation: true, comment: false, support: false });
    expect(refusedCode(await attempt('comment', id, outsider))).toBe('FORBIDDEN');
  });

  it('is refused to anonymous clients with the proposal itself', async () => {
    const f = await fixture();
    const id = await proposalIn(f, 'SUBMITTED');
    const response = await t.gql(READ, { id });
    expect(response.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(response.data?.proposal ?? null).toBeNull();
  });

  it('sends as many statements for many proposals as for a few', async () => {
    const f = await fixture();
    const query = `query ($g: ID!) { proposals(first: 50, filter: { workingGroupId: $g }) { edges { node { id state ${VIEWER_CAN} } } } }`;
    const statementsFor = async (who: Actor, rows: number) => {
      const { data, statements } = await statementsOf(t, query, { g: f.group.id }, who.token);
      expect(data.proposals.edges).toHaveLength(rows);
      return statements;
    };
    for (let i = 0; i < 3; i += 1) await proposalIn(f, STATES[i]);
    const few = { member: await statementsFor(f.people.member, 2), author: await statementsFor(f.people.author, 3) };
    for (let i = 0; i < 30; i += 1) await proposalIn(f, STATES[i % STATES.length]);
    // The member reads neither the drafts nor the proposals withdrawn as drafts (4 and 3 of the 30).
    const many = { member: await statementsFor(f.people.member, 2 + 23), author: await statementsFor(f.people.author, 33) };
    expect(many).toEqual(few);
    // Auth, the page, the viewer's seat role in the groups, their organisation's partner answers.
    expect(many.author).toBeLessThanOrEqual(4);
  });
});
