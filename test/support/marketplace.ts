import { randomUUID } from 'node:crypto';
import { Actor } from './factories';
import { GqlResponse, TestApp } from './test-app';

// --- Marketplace (test/marketplace*.e2e-spec.ts) ---

export const CAPABILITY_FIELDS = `id kind title description quantity unit availableFrom availableUntil location maxSensitivity certifications
  accessModel status confidentiality workingGroup { id } organization { id } createdAt updatedAt version`;
export const NEED_FIELDS = `id anonymous kind title description quantity unit neededFrom neededUntil sensitivity allowedLocations requiredCertifications
  status confidentiality workingGroup { id } organization { id } proposal { id } createdAt updatedAt version`;

export const ADD_CAPABILITY = `mutation ($input: CapabilityInput!) { addCapability(input: $input) { ${CAPABILITY_FIELDS} } }`;
export const UPDATE_CAPABILITY = `mutation ($id: ID!, $v: Int!, $input: UpdateCapabilityInput!) { updateCapability(id: $id, expectedVersion: $v, input: $input) { ${CAPABILITY_FIELDS} } }`;
export const ADD_NEED = `mutation ($input: ResourceNeedInput!) { addResourceNeed(input: $input) { ${NEED_FIELDS} } }`;
export const UPDATE_NEED = `mutation ($id: ID!, $v: Int!, $input: UpdateResourceNeedInput!) { updateResourceNeed(id: $id, expectedVersion: $v, input: $input) { ${NEED_FIELDS} } }`;

/** A capability input that passes every rule: GPU compute in Germany, confidential data, public. */
export function capabilityInput(organizationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organizationId,
    kind: 'GPU_COMPUTE',
    title: `GPU cluster ${randomUUID().slice(0, 8)}`,
    location: 'DE',
    maxSensitivity: 'CONFIDENTIAL',
    accessModel: 'IN_KIND',
    confidentiality: 'PUBLIC',
    ...overrides,
  };
}

/** A need input that passes every rule: GPU compute, confidential data, anywhere in the EU/EEA, public. */
export function needInput(organizationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organizationId,
    kind: 'GPU_COMPUTE',
    title: `Training run ${randomUUID().slice(0, 8)}`,
    sensitivity: 'CONFIDENTIAL',
    confidentiality: 'PUBLIC',
    ...overrides,
  };
}

function created<T>(response: GqlResponse, field: string): T {
  if (response.errors) throw new Error(`${field} failed: ${JSON.stringify(response.errors)}`);
  return response.data[field] as T;
}

/** A capability published through the API by `actor` for its organisation (or `organizationId`). */
export async function addCapability(t: TestApp, actor: Actor, overrides: Record<string, unknown> = {}): Promise<{ id: string; version: number; [key: string]: unknown }> {
  return created(await t.gql(ADD_CAPABILITY, { input: capabilityInput(actor.organizationId, overrides) }, actor.token), 'addCapability');
}

/** A need published through the API by `actor` for its organisation (or `organizationId`). */
export async function addNeed(t: TestApp, actor: Actor, overrides: Record<string, unknown> = {}): Promise<{ id: string; version: number; [key: string]: unknown }> {
  return created(await t.gql(ADD_NEED, { input: needInput(actor.organizationId, overrides) }, actor.token), 'addResourceNeed');
}

/** An introduction inserted directly (its behaviour is not built here), e.g. an ACCEPTED one that reveals an anonymous need's owner. */
export async function insertIntroduction(t: TestApp, needId: string, capabilityId: string, requestedBy: Actor, state = 'ACCEPTED'): Promise<string> {
  const id = randomUUID();
  await t.dataSource.query(
    `INSERT INTO introductions (id, need_id, capability_id, state, requested_by_id, answered_at) VALUES ($1, $2, $3, $4, $5, CASE WHEN $4 = 'REQUESTED' THEN NULL ELSE now() END)`,
    [id, needId, capabilityId, state, requestedBy.id],
  );
  return id;
}
