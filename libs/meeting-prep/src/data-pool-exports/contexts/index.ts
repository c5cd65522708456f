import { CONTEXT_URL_V1, CONTEXT_V1 } from '@digitalbazaar/odrl-context';
import { DCAT_AP_CONTEXT_URL, ODRL_CONTEXT_URL } from '../vocabulary';
import { DCAT_AP_CONTEXT } from './dcat-ap-3.context';

/**
 * The JSON-LD contexts the data-pool exports name, shipped with the platform: nothing is fetched to
 * read, check or serve them. The W3C publishes the ODRL context over http and https; both name it.
 */
export const SHIPPED_CONTEXTS: ReadonlyMap<string, object> = new Map<string, object>([
  [DCAT_AP_CONTEXT_URL, DCAT_AP_CONTEXT],
  [ODRL_CONTEXT_URL, CONTEXT_V1],
  [CONTEXT_URL_V1, CONTEXT_V1],
  [ODRL_CONTEXT_URL.replace(/^https:/, 'http:'), CONTEXT_V1],
]);

export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: object;
}

/**
 * A `documentLoader` for the `jsonld` package that answers from the shipped contexts only and refuses
 * every other URL, so expanding an export never touches the network.
 */
export function offlineDocumentLoader(url: string): Promise<RemoteDocument> {
  const document = SHIPPED_CONTEXTS.get(url);
  if (!document) return Promise.reject(new Error(`No shipped JSON-LD document for ${url} (offline loader)`));
  return Promise.resolve({ contextUrl: null, documentUrl: url, document });
}

export { DCAT_AP_CONTEXT };
