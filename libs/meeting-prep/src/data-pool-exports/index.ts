import { DataPoolExportKind } from './data-pool-document';

export interface DataPoolExportKindInfo {
  /** The file name's suffix after the pool's slug */
  suffix: string;
  contentType: string;
}

/**
 * Each data-pool export's file name suffix and media type. The renderers are in data-pool-renderers.ts,
 * which only the render threads load (the agreement's PDF needs pdfmake; decision 190).
 */
export const DATA_POOL_EXPORT_KINDS: Record<DataPoolExportKind, DataPoolExportKindInfo> = {
  // JSON-LD 1.1 §9.1: application/ld+json; the DCAT-AP context is named in the document.
  DCAT_AP_JSONLD: { suffix: 'dcat-ap.jsonld', contentType: 'application/ld+json; charset=utf-8' },
  ODRL_JSONLD: { suffix: 'odrl.jsonld', contentType: 'application/ld+json; charset=utf-8' },
  AGREEMENT_PDF: { suffix: 'agreement.pdf', contentType: 'application/pdf' },
};

export * from './contexts';
export * from './data-pool-document';
export * from './vocabulary';
export { isAgreement, renderOdrl } from './odrl.renderer';
export { renderDcat } from './dcat.renderer';
