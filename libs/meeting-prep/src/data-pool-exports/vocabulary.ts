import { alpha3 } from './countries';

/**
 * The namespaces the data-pool exports use, and how the platform's values become IRIs. Vocabularies:
 * DCAT 3 (https://www.w3.org/TR/vocab-dcat-3/), DCAT-AP 3.0 (SEMIC), DCMI Terms, FOAF, ODRL 2.2
 * (https://www.w3.org/TR/odrl-vocab/), the EU Publications Office's authority tables (countries, data
 * themes, access rights) and SPDX licences. Terms with no standard home (modality, recording hours,
 * the terms digest …) live in the platform's own namespace, `ecava:`.
 */
export const NS = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  odrl: 'http://www.w3.org/ns/odrl/2/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  ecava: 'https://wg.ecava.eu/ns/data-pools#',
} as const;

/** The URL the DCAT-AP context is published at (served by every API instance too, at the same path). */
export const DCAT_AP_CONTEXT_PATH = '/contexts/data-pools/dcat-ap-3.jsonld';
export const DCAT_AP_CONTEXT_URL = `https://wg.ecava.eu${DCAT_AP_CONTEXT_PATH}`;

/** The W3C's ODRL 2.2 context, as @digitalbazaar/odrl-context ships it (its CONTEXT_URL_V1). */
export const ODRL_CONTEXT_URL = 'https://www.w3.org/ns/odrl.jsonld';

/** The ODRL profile the policies follow: ODRL 2.2 core plus the `ecava:` terms named in docs/data-pool-exports.md. */
export const ODRL_PROFILE = 'https://wg.ecava.eu/ns/data-pools';

const AUTHORITY = 'http://publications.europa.eu/resource/authority/';

/** Platform records are named by their UUID (RFC 9562 `urn:uuid:`), stable across deployments and exports. */
export const recordIri = (id: string): string => `urn:uuid:${id}`;

/** The policy of one terms version: exports of the same version name the same policy. */
export const policyIri = (poolId: string, termsVersion: number): string => `urn:uuid:${poolId}#terms-v${termsVersion}`;

/** The EU Country authority IRI of an ISO 3166-1 alpha-2 code (an unknown code keeps an ISO-based IRI). */
export function countryIri(alpha2: string): string {
  const code = alpha3(alpha2);
  return code ? `${AUTHORITY}country/${code}` : `urn:iso:std:iso:3166:-1:${alpha2.toUpperCase()}`;
}

/** Driving data is the EU data theme "Transport" (DCAT-AP recommends the Data Theme vocabulary). */
export const TRANSPORT_THEME = `${AUTHORITY}data-theme/TRAN`;

/** Pools are never public: their datasets are RESTRICTED (access on request under the signed terms). */
export const RESTRICTED_ACCESS = `${AUTHORITY}access-right/RESTRICTED`;

/**
 * An SPDX licence id as its SPDX IRI; `LicenseRef-…` ids (proprietary terms, SPDX §10.1) have no
 * public IRI and get one in the pool's namespace, labelled with the id.
 */
export function licenseIri(license: string, poolId: string): string {
  return license.startsWith('LicenseRef-') ? `urn:uuid:${poolId}#${license}` : `http://spdx.org/licenses/${license}`;
}

/** A usage purpose of the contract's UsagePurpose enum, as an IRI of the platform's vocabulary. */
export const purposeIri = (purpose: string): string => `${NS.ecava}purpose-${purpose}`;

/** A modality of the contract's DataModality enum. */
export const modalityIri = (modality: string): string => `${NS.ecava}modality-${modality}`;

/** Days as an xsd:duration (`P30D`). */
export const days = (n: number): string => `P${n}D`;
