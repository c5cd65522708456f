import { renderAgreementPdf } from './agreement-pdf.renderer';
import { DataPoolDocument, DataPoolExportKind } from './data-pool-document';
import { renderDcat } from './dcat.renderer';
import { renderOdrl } from './odrl.renderer';

export type DataPoolRenderer = (document: DataPoolDocument) => Promise<Buffer> | Buffer;

/** One pure renderer per data-pool export; like the briefs' renderers, loaded only by the render threads. */
export const DATA_POOL_RENDERERS: Record<DataPoolExportKind, DataPoolRenderer> = {
  DCAT_AP_JSONLD: renderDcat,
  ODRL_JSONLD: renderOdrl,
  AGREEMENT_PDF: renderAgreementPdf,
};
