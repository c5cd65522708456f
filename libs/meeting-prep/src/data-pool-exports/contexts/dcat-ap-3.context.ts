import { NS } from '../vocabulary';

const id = { '@type': '@id' } as const;
const typed = (datatype: string) => ({ '@type': `xsd:${datatype}` });

/**
 * The JSON-LD context of the DCAT-AP catalogue export, written for it (see contexts/README.md): the
 * prefixes of DCAT 3, DCMI Terms, FOAF, ODRL and the platform's own terms, and for each property the
 * export uses, how its value reads — an IRI (`@id`) or a literal of an XSD datatype — as DCAT 3 and
 * the DCAT-AP 3.0 SHACL shapes give their ranges. Properties keep their usual compact names
 * (`dct:title`, `dcat:byteSize`), so the JSON reads like the specifications' own examples.
 */
export const DCAT_AP_CONTEXT = {
  '@context': {
    '@version': 1.1,
    '@protected': true,
    dcat: NS.dcat,
    dct: NS.dct,
    foaf: NS.foaf,
    odrl: NS.odrl,
    rdfs: NS.rdfs,
    xsd: NS.xsd,
    ecava: NS.ecava,
    // dcat:Catalog (DCAT 3 §6.3) and dcat:Resource (§6.4)
    'dcat:dataset': { '@type': '@id', '@container': '@set' },
    'dcat:theme': id,
    'dcat:keyword': { '@container': '@set' },
    'dct:publisher': id,
    'dct:creator': id,
    'dct:license': id,
    'dct:spatial': id,
    'dct:accessRights': id,
    'dct:conformsTo': id,
    'dct:isPartOf': id,
    'dct:issued': typed('dateTime'),
    'dct:modified': typed('dateTime'),
    'foaf:homepage': id,
    // dcat:Dataset (§6.6) and dcat:Distribution (§6.8)
    'dcat:distribution': { '@type': '@id', '@container': '@set' },
    'dcat:accessURL': id,
    'dcat:byteSize': typed('nonNegativeInteger'),
    'odrl:hasPolicy': id,
    // The platform's terms (docs/data-pool-exports.md)
    'ecava:modality': id,
    'ecava:hostedBy': id,
    'ecava:recordingHours': typed('decimal'),
    'ecava:distanceKm': typed('decimal'),
    'ecava:personalData': typed('boolean'),
    'ecava:anonymised': typed('boolean'),
    'ecava:termsVersion': typed('integer'),
  },
} as const;
