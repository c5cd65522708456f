import { renderAgreementPdf } from './agreement-pdf.renderer';
import { DataPoolDocument, DataPoolExportKind } from './data-pool-document';
import { renderDcat } from './dcat.renderer';
import { renderOdrl } from './odrl.renderer';

export interface DataPoolRenderer {
  render: (document: DataPoolDocument) => Promise<Buffer> | Buffer;
  /** The file name's suffix after the pool's slug */
  suffix: string;
  contentType: string;
}

/** One pure renderer per data-pool export, with its file name suffix and media type. */
export const DATA_POOL_RENDERERS: Record<DataPoolExportKind, DataPoolRenderer> = {
  // JSON-LD 1.1 §9.1: application/ld+json; the DCAT-AP context is named in the document.
  DCAT_AP_JSONLD: { render: renderDcat, suffix: 'dcat-ap.jsonld', contentType: 'application/ld+json; charset=utf-8' },
  ODRL_JSONLD: { render: renderOdrl, suffix: 'odrl.jsonld', contentType: 'application/ld+json; charset=utf-8' },
  AGREEMENT_PDF: { render: renderAgreementPdf, suffix: 'agreement.pdf', contentType: 'application/pdf' },
};

export * from './contexts';
export * from './data-pool-document';
export * from './vocabulary';
export { isAgreement, renderOdrl } from './odrl.renderer';
export { renderAgreementPdf } from './agreement-pdf.renderer';
export { renderDcat } from './dcat.renderer';
