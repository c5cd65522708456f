import { Actor } from './factories';
import { TestApp } from './test-app';

export const BALLOT_FIELDS = `id title kind state secret opensAt closesAt quorumPercent majorityPercent decidesProposal eligibleCount votesCast
  workingGroup { id } proposal { id state } priorities { id }
  recused { id }
  result { quorumReached yes no abstain passed ranking { priority { id } points position } }
  viewerVote { organization { id } castBy { id } choice ranking { id } }
  votes { organization { id } castBy { id } choice ranking { id } castAt }`;

export const CREATE_BALLOT = `mutation ($input: CreateBallotInput!) { createBallot(input: $input) { ${BALLOT_FIELDS} } }`;
export const CHANGE_BALLOT_STATE = `mutation ($id: ID!, $state: BallotState!, $note: String) { changeBallotState(id: $id, state: $state, note: $note) { ${BALLOT_FIELDS} } }`;
export const CAST_VOTE = `mutation ($ballot: ID!, $org: ID!, $choice: VoteChoice, $ranking: [ID!]) {
  castVote(ballotId: $ballot, organizationId: $org, choice: $choice, ranking: $ranking) { ${BALLOT_FIELDS} } }`;
export const BALLOT = `query ($id: ID!) { ballot(id: $id) { ${BALLOT_FIELDS} } }`;

/** In a week: far enough that no pass closes it unless a test moves the clock. */
export const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

export function ballotInput(workingGroupId: string | null, overrides: Record<string, unknown> = {}) {
  return { workingGroupId, title: 'Adopt the data charter', motion: 'The group adopts the charter.', kind: 'APPROVAL', closesAt: inDays(7), ...overrides };
}

/** Runs a mutation or query that must succeed; its data's first field. */
export async function must(t: TestApp, query: string, variables: Record<string, unknown>, actor: Actor): Promise<any> {
  const response = await t.gql(query, variables, actor.token);
  if (response.errors) throw new Error(`${query.slice(0, 60)} failed: ${JSON.stringify(response.errors)}`);
  return Object.values(response.data as Record<string, unknown>)[0];
}

/** A ballot created by `manager` and opened. */
export async function openBallot(t: TestApp, manager: Actor, workingGroupId: string | null, overrides: Record<string, unknown> = {}): Promise<any> {
  const ballot = await must(t, CREATE_BALLOT, { input: ballotInput(workingGroupId, overrides) }, manager);
  return must(t, CHANGE_BALLOT_STATE, { id: ballot.id, state: 'OPEN' }, manager);
}

export function vote(t: TestApp, voter: Actor, ballotId: string, choice: string | null, ranking?: string[]) {
  return t.gql(CAST_VOTE, { ballot: ballotId, org: voter.organizationId, choice, ranking: ranking ?? null }, voter.token);
}
