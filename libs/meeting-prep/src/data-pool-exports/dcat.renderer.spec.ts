import * as jsonld from 'jsonld';
import { sampleDataPool } from '../testing/sample-data-pool';
import { offlineDocumentLoader } from './contexts';
import { renderDcat } from './dcat.renderer';
import { DCAT_AP_CONTEXT_URL } from './vocabulary';

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
type Node = Record<string, any>;

/** Expands with the shipped contexts only; `safe` makes any term the context does not define an error instead of a silent drop. */
async function expand(file: Buffer): Promise<Node[]> {
  const document = JSON.parse(file.toString('utf8'));
  return (await jsonld.expand(document, { documentLoader: offlineDocumentLoader as any, safe: true } as any)) as unknown as Node[];
}

const ids = (values: Node[] | undefined) => (values ?? []).map((v) => v['@id']);
const values = (values: Node[] | undefined) => (values ?? []).map((v) => v['@value']);

describe(renderDcat.name, () => {
  it('expands to one dcat:Catalog with one dcat:Dataset per dataset, each with title, publisher, licence, size and place', async () => {
    const document = sampleDataPool({ datasets: 3 });
    const file = renderDcat(document);
    expect(JSON.parse(file.toString('utf8'))['@context']).toBe(DCAT_AP_CONTEXT_URL);
    const [catalog] = await expand(file);
    expect(catalog['@type']).toEqual([`${DCAT}Catalog`]);
    expect(catalog['@id']).toBe(`urn:uuid:${document.pool.id}`);
    expect(values(catalog[`${DCT}title`])).toEqual(['Highway perception pool']);
    expect(catalog[`${DCT}publisher`][0][`${FOAF}name`][0]['@value']).toBe('Bayerische Motoren Werke AG');
    expect(ids(catalog[`${DCT}spatial`])).toEqual([
      'http://publications.europa.eu/resource/authority/country/DEU',
      'http://publications.europa.eu/resource/authority/country/CZE',
    ]);

    const datasets: Node[] = catalog[`${DCAT}dataset`];
    expect(datasets).toHaveLength(3);
    for (const dataset of datasets) {
      expect(dataset['@type']).toEqual([`${DCAT}Dataset`]);
      for (const property of [`${DCT}title`, `${DCT}publisher`, `${DCT}license`, `${DCT}spatial`, `${DCAT}distribution`]) {
        expect(dataset[property]).toHaveLength(1);
      }
    }
    const [lidar, camera] = datasets;
    expect(values(lidar[`${DCT}title`])).toEqual(['Autobahn A9 lidar sweeps, Großraum München']);
    expect(ids(lidar[`${DCT}license`])).toEqual(['http://spdx.org/licenses/CC-BY-4.0']);
    expect(ids(lidar[`${DCT}spatial`])).toEqual(['http://publications.europa.eu/resource/authority/country/DEU']);
    expect(ids(camera[`${DCT}spatial`])).toEqual(['http://publications.europa.eu/resource/authority/country/CZE']);
    expect(camera[`${DCT}publisher`][0][`${FOAF}name`][0]['@value']).toBe('Škoda Auto a.s.');
    const [distribution] = lidar[`${DCAT}distribution`];
    expect(distribution['@type']).toEqual([`${DCAT}Distribution`]);
    expect(distribution[`${DCAT}byteSize`]).toEqual([{ '@value': 1.5e12, '@type': 'http://www.w3.org/2001/XMLSchema#nonNegativeInteger' }]);
    expect(ids(distribution[`${DCAT}accessURL`])).toEqual(['https://wg.ecava.test/graphql']);
    expect(ids(distribution['http://www.w3.org/ns/odrl/2/hasPolicy'])).toEqual([`urn:uuid:${document.pool.id}#terms-v2`]);
    // A dataset of unknown size has a distribution without dcat:byteSize (never 0 or null).
    expect(camera[`${DCAT}distribution`][0][`${DCAT}byteSize`]).toBeUndefined();
  });

  it('turns a proprietary licence into an IRI of its own, labelled with the SPDX LicenseRef', async () => {
    const [catalog] = await expand(renderDcat(sampleDataPool()));
    const camera = catalog[`${DCAT}dataset`][1];
    const [license] = camera[`${DCT}license`];
    expect(license['@id']).toMatch(/^urn:uuid:.*#LicenseRef-proprietary$/);
    expect(values(license[`${DCT}identifier`])).toEqual(['LicenseRef-proprietary']);
  });

  it('writes an empty catalogue for a pool without datasets', async () => {
    const [catalog] = await expand(renderDcat(sampleDataPool({ datasets: 0 })));
    expect(catalog['@type']).toEqual([`${DCAT}Catalog`]);
    expect(catalog[`${DCAT}dataset`] ?? []).toEqual([]);
  });

  it('keeps user text as data: quotes, JSON-LD keywords and markup stay literal', async () => {
    const document = sampleDataPool({ datasets: 1 });
    document.datasets[0].title = '"@id": "urn:x", "@context": null } <script>';
    const [catalog] = await expand(renderDcat(document));
    expect(values(catalog[`${DCAT}dataset`][0][`${DCT}title`])).toEqual(['"@id": "urn:x", "@context": null } <script>']);
  });
});
