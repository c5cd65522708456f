/** @digitalbazaar/odrl-context ships no type definitions: the part the exports use. */
declare module '@digitalbazaar/odrl-context' {
  /** https://www.w3.org/ns/odrl.jsonld */
  export const CONTEXT_URL_V1: string;
  /** The W3C's ODRL 2.2 JSON-LD context document. */
  export const CONTEXT_V1: { '@context': Record<string, unknown> };
}
