import { Actor } from './factories';
import { GqlResponse, TestApp } from './test-app';

// --- Data pools (test/data-pools*.e2e-spec.ts) ---

export const POOL_FIELDS = `id title purpose state confidentiality termsVersion termsDigest validFrom validUntil version createdAt updatedAt
  terms { purposes commercialUse derivedModelsShareable onwardTransfer allowedLocations retentionDays attributionRequired personalDataAllowed }
  workingGroup { id } proposal { id } steward { id }
  signatories { organization { id } role state termsVersion termsDigest signedBy { id } signedAt }`;

export const CREATE_POOL = `mutation ($input: CreateDataPoolInput!) { createDataPool(input: $input) { ${POOL_FIELDS} } }`;
export const POOL = `query ($id: ID!) { dataPool(id: $id) { ${POOL_FIELDS} } }`;

/** Terms that pass every rule: research and training, anywhere in the EU/EEA, no personal data. */
export function termsInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    purposes: ['RESEARCH', 'MODEL_TRAINING'],
    commercialUse: false,
    derivedModelsShareable: true,
    onwardTransfer: false,
    allowedLocations: [],
    retentionDays: 365,
    attributionRequired: true,
    personalDataAllowed: false,
    ...overrides,
  };
}

/** A pool input that passes every rule in `workingGroupId`. */
export function poolInput(workingGroupId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { workingGroupId, title: 'Highway driving pool', purpose: 'Pool highway camera and lidar for perception models', terms: termsInput(), ...overrides };
}

function created<T>(response: GqlResponse, field: string): T {
  if (response.errors) throw new Error(`${field} failed: ${JSON.stringify(response.errors)}`);
  return response.data[field] as T;
}

/** A pool created through the API by `steward` (seated in the group). */
export async function createPool(t: TestApp, steward: Actor, workingGroupId: string, overrides: Record<string, unknown> = {}): Promise<any> {
  return created(await t.gql(CREATE_POOL, { input: poolInput(workingGroupId, overrides) }, steward.token), 'createDataPool');
}

export const INVITE = `mutation ($pool: ID!, $org: ID!, $role: DataPoolRole!) { inviteToDataPool(poolId: $pool, organizationId: $org, role: $role) { ${POOL_FIELDS} } }`;
export const SIGN = `mutation ($pool: ID!, $org: ID!, $v: Int!) { signDataPool(poolId: $pool, organizationId: $org, termsVersion: $v) { ${POOL_FIELDS} } }`;
export const WITHDRAW = `mutation ($pool: ID!, $org: ID!, $note: String) { withdrawFromDataPool(poolId: $pool, organizationId: $org, note: $note) { ${POOL_FIELDS} } }`;
export const CHANGE_STATE = `mutation ($id: ID!, $state: DataPoolState!, $note: String) { changeDataPoolState(id: $id, state: $state, note: $note) { ${POOL_FIELDS} } }`;
export const UPDATE_TERMS = `mutation ($id: ID!, $v: Int!, $terms: UsageTermsInput!, $until: DateTime) { updateDataPoolTerms(id: $id, expectedVersion: $v, terms: $terms, validUntil: $until) { ${POOL_FIELDS} } }`;
export const DATASET_FIELDS = `id title description modality sizeBytes recordingHours distanceKm sensitivity license location personalData anonymised legalBasis createdAt
  pool { id } contributor { id } hostedBy { id }`;
export const ADD_DATASET = `mutation ($input: DatasetInput!) { addDataset(input: $input) { ${DATASET_FIELDS} } }`;
export const REQUEST_FIELDS = `id purpose justification state decidedAt note expiresAt createdAt pool { id } organization { id } requestedBy { id } decidedBy { id }`;
export const REQUEST_ACCESS = `mutation ($pool: ID!, $org: ID!, $purpose: UsagePurpose!, $why: String!) {
  requestDataAccess(poolId: $pool, organizationId: $org, purpose: $purpose, justification: $why) { ${REQUEST_FIELDS} } }`;
export const DECIDE_ACCESS = `mutation ($id: ID!, $state: AccessRequestState!, $note: String, $until: DateTime) {
  changeDataAccessRequestState(id: $id, state: $state, note: $note, expiresAt: $until) { ${REQUEST_FIELDS} } }`;

/** A dataset input that passes every rule for terms allowing any EU/EEA country and no personal data. */
export function datasetInput(poolId: string, contributorOrganizationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    poolId,
    contributorOrganizationId,
    title: 'Highway camera, Munich ring',
    modality: 'CAMERA',
    sizeBytes: 4.2e12,
    recordingHours: 120,
    distanceKm: 9000,
    sensitivity: 'CONFIDENTIAL',
    license: 'CC-BY-4.0',
    location: 'DE',
    personalData: false,
    anonymised: true,
    ...overrides,
  };
}

/** A mutation through the API that must succeed; its field's value. */
export async function must(t: TestApp, query: string, variables: Record<string, unknown>, actor: Actor): Promise<any> {
  const response = await t.gql(query, variables, actor.token);
  if (response.errors) throw new Error(`${query.slice(0, 60)}… failed: ${JSON.stringify(response.errors)}`);
  return Object.values(response.data)[0];
}

/**
 * An ACTIVE pool by `steward`: each of `parties` invited in its role and, with the steward, signed; the pool opened
 * and activated. Returns it as the last mutation answered.
 */
export async function activePool(t: TestApp, steward: Actor, groupId: string, parties: [Actor, string][], overrides: Record<string, unknown> = {}): Promise<any> {
  const pool = await createPool(t, steward, groupId, overrides);
  for (const [actor, role] of parties) await must(t, INVITE, { pool: pool.id, org: actor.organizationId, role }, steward);
  await must(t, CHANGE_STATE, { id: pool.id, state: 'OPEN_FOR_SIGNATURE' }, steward);
  for (const actor of [steward, ...parties.map(([a]) => a)]) await must(t, SIGN, { pool: pool.id, org: actor.organizationId, v: 1 }, actor);
  return must(t, CHANGE_STATE, { id: pool.id, state: 'ACTIVE' }, steward);
}
