import { CONTEXT_V1 } from '@digitalbazaar/odrl-context';
import { DCAT_AP_CONTEXT_URL, ODRL_CONTEXT_URL } from '../vocabulary';
import { offlineDocumentLoader } from './index';

describe(offlineDocumentLoader.name, () => {
  it('serves the shipped DCAT-AP and ODRL contexts', async () => {
    expect((await offlineDocumentLoader(ODRL_CONTEXT_URL)).document).toBe(CONTEXT_V1);
    expect((await offlineDocumentLoader('http://www.w3.org/ns/odrl.jsonld')).document).toBe(CONTEXT_V1);
    const dcat = (await offlineDocumentLoader(DCAT_AP_CONTEXT_URL)).document as { '@context': Record<string, unknown> };
    expect(dcat['@context'].dcat).toBe('http://www.w3.org/ns/dcat#');
  });

  it('refuses every other URL instead of fetching it', async () => {
    await expect(offlineDocumentLoader('https://example.org/context.jsonld')).rejects.toThrow(/No shipped JSON-LD document/);
  });
});
