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
