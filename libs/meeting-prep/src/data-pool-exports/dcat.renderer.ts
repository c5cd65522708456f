import { DataPoolDocument, PoolDataset, PoolOrganization } from './data-pool-document';
import {
  countryIri,
  DCAT_AP_CONTEXT_URL,
  licenseIri,
  modalityIri,
  policyIri,
  recordIri,
  RESTRICTED_ACCESS,
  TRANSPORT_THEME,
} from './vocabulary';

type Node = Record<string, unknown>;

/** An organisation as a foaf:Agent (DCAT-AP: dct:publisher's range, with a mandatory foaf:name). */
function agent(organization: PoolOrganization): Node {
  return { '@id': recordIri(organization.id), '@type': 'foaf:Agent', 'foaf:name': organization.name };
}

/** Optional values are left out rather than written as null (JSON-LD drops nulls anyway). */
function compact(node: Node): Node {
  return Object.fromEntries(Object.entries(node).filter(([, value]) => value !== null && value !== undefined));
}

function license(dataset: PoolDataset, poolId: string): Node {
  return { '@id': licenseIri(dataset.license, poolId), '@type': 'dct:LicenseDocument', 'dct:identifier': dataset.license };
}

/**
 * One dataset. DCAT 3 gives dcat:byteSize to distributions only, so the size sits on the dataset's one
 * distribution: the data where its host keeps it, reached by asking for access on the platform
 * (dcat:accessURL, DCAT-AP's one mandatory distribution property), under the pool's ODRL policy
 * (odrl:hasPolicy). The licence is on both: DCAT 3 allows dct:license on any catalogued resource.
 */
function dataset(document: DataPoolDocument, item: PoolDataset): Node {
  const { pool } = document;
  return compact({
    '@id': recordIri(item.id),
    '@type': 'dcat:Dataset',
    'dct:identifier': item.id,
    'dct:title': item.title,
    'dct:description': item.description,
    'dct:publisher': agent(item.contributor),
    'dct:license': license(item, pool.id),
    'dct:spatial': { '@id': countryIri(item.location), '@type': 'dct:Location' },
    'dct:accessRights': RESTRICTED_ACCESS,
    'dct:issued': item.createdAt,
    'dct:isPartOf': recordIri(pool.id),
    'dcat:theme': TRANSPORT_THEME,
    'dcat:keyword': [item.modality.toLowerCase().replace(/_/g, ' ')],
    'ecava:modality': modalityIri(item.modality),
    'ecava:sensitivity': item.sensitivity,
    'ecava:recordingHours': item.recordingHours,
    'ecava:distanceKm': item.distanceKm,
    'ecava:personalData': item.personalData,
    'ecava:anonymised': item.anonymised,
    'ecava:legalBasis': item.legalBasis,
    'ecava:hostedBy': item.hostedBy ? agent(item.hostedBy) : null,
    'dcat:distribution': [
      compact({
        '@id': `${recordIri(item.id)}#distribution`,
        '@type': 'dcat:Distribution',
        'dct:title': item.hostedBy ? `${item.title} at ${item.hostedBy.name}` : item.title,
        'dcat:accessURL': `${document.publicUrl}/graphql`,
        'dcat:byteSize': item.sizeBytes === null ? null : Math.max(0, Math.round(item.sizeBytes)),
        'dct:license': license(item, pool.id),
        'odrl:hasPolicy': policyIri(pool.id, pool.termsVersion),
      }),
    ],
  });
}

/**
 * The pool's catalogue as DCAT-AP 3.0 JSON-LD (https://semiceu.github.io/DCAT-AP/releases/3.0.0/): one
 * dcat:Catalog published by the steward, one dcat:Dataset per dataset. Pretty-printed UTF-8 JSON.
 */
export function renderDcat(document: DataPoolDocument): Buffer {
  const { pool } = document;
  const catalog = compact({
    '@context': DCAT_AP_CONTEXT_URL,
    '@id': recordIri(pool.id),
    '@type': 'dcat:Catalog',
    'dct:identifier': pool.id,
    'dct:title': pool.title,
    'dct:description': pool.purpose,
    'dct:publisher': agent(pool.steward),
    'dct:issued': pool.createdAt,
    'dct:modified': pool.updatedAt,
    'dct:spatial': pool.processingLocations.map((code) => ({ '@id': countryIri(code), '@type': 'dct:Location' })),
    'dcat:theme': TRANSPORT_THEME,
    'odrl:hasPolicy': policyIri(pool.id, pool.termsVersion),
    'ecava:termsVersion': pool.termsVersion,
    'ecava:termsDigest': pool.termsDigest,
    'ecava:workingGroup': pool.workingGroup.name,
    'dcat:dataset': document.datasets.map((item) => dataset(document, item)),
  });
  return Buffer.from(`${JSON.stringify(catalog, null, 2)}\n`, 'utf8');
}
