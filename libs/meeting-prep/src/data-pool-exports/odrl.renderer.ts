import { DataPoolDocument } from './data-pool-document';
import { countryIri, days, NS, ODRL_CONTEXT_URL, ODRL_PROFILE, policyIri, purposeIri, recordIri } from './vocabulary';

type Node = Record<string, unknown>;

/** The roles whose signature the pool needs before it goes ACTIVE (contract 06). */
const REQUIRED_ROLES = new Set(['STEWARD', 'CONTRIBUTOR', 'HOST']);

/** Terms the policy uses beyond the W3C context: the platform's namespace and typed metadata. */
const LOCAL_CONTEXT = {
  dct: NS.dct,
  xsd: NS.xsd,
  ecava: NS.ecava,
  'dct:issued': { '@type': 'xsd:dateTime' },
  'ecava:termsVersion': { '@type': 'xsd:integer' },
};

const constraint = (leftOperand: string, operator: string, rightOperand: unknown): Node => ({ leftOperand, operator, rightOperand });
const iris = (values: string[]) => values.map((value) => ({ '@id': value }));

/**
 * Is the pool in force under these terms: ACTIVE, with every steward, contributor and host that has not
 * withdrawn signed on the current version (decision 93)? Then the policy is the agreement they signed;
 * otherwise it is the steward's offer.
 */
export function isAgreement(document: DataPoolDocument): boolean {
  const { pool, signatories } = document;
  const required = signatories.filter((s) => REQUIRED_ROLES.has(s.role) && s.state !== 'WITHDRAWN');
  return (
    pool.state === 'ACTIVE' &&
    required.length > 0 &&
    required.every((s) => s.state === 'SIGNED' && s.termsVersion === pool.termsVersion)
  );
}

/**
 * The pool's current terms as an ODRL 2.2 policy in JSON-LD (https://www.w3.org/TR/odrl-model/), in the
 * shape dataspace connectors (Eclipse Dataspace Components, Catena-X) read: an odrl:Agreement between
 * the steward (assigner) and the organisations that signed this version (assignees) once the pool is
 * in force, else an odrl:Offer from the steward; target the pool's data as one asset collection.
 *
 * - permission `use`, constrained by purpose (isAnyOf the allowed purposes), by place (spatial isAnyOf
 *   the allowed countries, or the EU/EEA) and by the validity window (dateTime);
 * - duties on it: `attribute` when attribution is required; `delete` within `retentionDays`
 *   (elapsedTime) or, when the terms keep the data until the pool closes, by its validUntil;
 * - prohibitions: `commercialize` unless commercial use is allowed, `distribute` (supplying the data to
 *   third parties) unless onward transfer is, and the profile's `ecava:shareDerivedModels` unless models
 *   trained on the pool may leave the signatories.
 */
export function renderOdrl(document: DataPoolDocument): Buffer {
  const { pool } = document;
  const { terms } = pool;
  const agreement = isAgreement(document);
  const target = recordIri(pool.id);
  const constraints: Node[] = [
    constraint('purpose', 'isAnyOf', iris(terms.purposes.map(purposeIri))),
    constraint('spatial', 'isAnyOf', iris(pool.processingLocations.map(countryIri))),
  ];
  if (pool.validFrom) constraints.push(constraint('dateTime', 'gteq', { '@value': pool.validFrom, '@type': 'xsd:dateTime' }));
  if (pool.validUntil) constraints.push(constraint('dateTime', 'lt', { '@value': pool.validUntil, '@type': 'xsd:dateTime' }));

  const duties: Node[] = [];
  if (terms.attributionRequired) duties.push({ action: 'attribute' });
  if (terms.retentionDays !== null) {
    duties.push({ action: 'delete', constraint: [constraint('elapsedTime', 'lteq', { '@value': days(terms.retentionDays), '@type': 'xsd:duration' })] });
  } else if (pool.validUntil) {
    duties.push({ action: 'delete', constraint: [constraint('dateTime', 'lteq', { '@value': pool.validUntil, '@type': 'xsd:dateTime' })] });
  }

  const prohibitions: Node[] = [];
  if (!terms.commercialUse) prohibitions.push({ target, action: 'odrl:commercialize' });
  if (!terms.onwardTransfer) prohibitions.push({ target, action: 'distribute' });
  if (!terms.derivedModelsShareable) prohibitions.push({ target, action: 'ecava:shareDerivedModels' });

  const assignees = document.signatories
    .filter((s) => s.state === 'SIGNED' && s.termsVersion === pool.termsVersion && s.organization.id !== pool.steward.id)
    .map((s) => recordIri(s.organization.id));

  const policy: Node = {
    '@context': [ODRL_CONTEXT_URL, LOCAL_CONTEXT],
    uid: policyIri(pool.id, pool.termsVersion),
    type: agreement ? 'Agreement' : 'Offer',
    profile: ODRL_PROFILE,
    'dct:title': `${pool.title} — usage terms, version ${pool.termsVersion}`,
    'dct:description': pool.purpose,
    'dct:issued': document.generatedAt,
    'ecava:termsVersion': pool.termsVersion,
    'ecava:termsDigest': pool.termsDigest,
    'ecava:personalDataAllowed': terms.personalDataAllowed,
    'ecava:poolState': pool.state,
    assigner: { uid: recordIri(pool.steward.id), type: 'Party', 'dct:title': pool.steward.name },
    ...(agreement ? { assignee: assignees } : {}),
    target: { uid: target, type: 'AssetCollection', 'dct:title': pool.title },
    permission: [{ target, action: 'use', constraint: constraints, ...(duties.length > 0 ? { duty: duties } : {}) }],
    ...(prohibitions.length > 0 ? { prohibition: prohibitions } : {}),
  };
  return Buffer.from(`${JSON.stringify(policy, null, 2)}\n`, 'utf8');
}
