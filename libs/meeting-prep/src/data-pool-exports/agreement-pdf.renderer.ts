import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { humanize } from '../renderers/brief-text';
import { grid, lockDownPdfMake, MUTED, platformDocument, printable as t, WARNING } from '../renderers/pdf.renderer';
import { DataPoolDocument, PoolDataset, PoolSignatory, PoolTerms } from './data-pool-document';
import { isAgreement } from './odrl.renderer';
// pdfmake's CommonJS export is an instance whose methods live on its prototype (see pdf.renderer.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
import pdfMake = require('pdfmake');



/** `2026-03-01T14:05:09.000Z` → `2026-03-01 14:05 UTC`: the agreement states times in UTC, as signed. */
export function utc(iso: string | null): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '—';
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** The terms as the parties read them, one line each. */
export function termLines(terms: PoolTerms, processingLocations: string[]): [string, string][] {
  return [
    ['Allowed purposes', terms.purposes.map(humanize).join(', ') || 'none'],
    ['Commercial use', yesNo(terms.commercialUse)],
    ['Models trained on the pool may be shared outside the signatories', yesNo(terms.derivedModelsShareable)],
    ['Onward transfer to third parties', yesNo(terms.onwardTransfer)],
    ['Processing locations', terms.allowedLocations.length > 0 ? terms.allowedLocations.join(', ') : `any EU/EEA country (${processingLocations.join(', ')})`],
    ['Retention', terms.retentionDays === null ? 'until the pool closes' : `${terms.retentionDays} days, then users delete their copies`],
    ['Attribution required', yesNo(terms.attributionRequired)],
    ['Personal data allowed', yesNo(terms.personalDataAllowed)],
  ];
}

function size(dataset: PoolDataset): string {
  const parts: string[] = [];
  if (dataset.sizeBytes !== null) parts.push(`${(dataset.sizeBytes / 1e9).toLocaleString('en-GB', { maximumFractionDigits: 1 })} GB`);
  if (dataset.recordingHours !== null) parts.push(`${dataset.recordingHours.toLocaleString('en-GB')} h`);
  if (dataset.distanceKm !== null) parts.push(`${dataset.distanceKm.toLocaleString('en-GB')} km`);
  return parts.join(' · ') || '—';
}

/**
 * Datasets and signatories are printed as full-width blocks, not table columns: a title, a name or a
 * digest then wraps only when it is longer than the page is wide, and reads back in one piece.
 */
function datasetBlock(item: PoolDataset): Content {
  const personal = item.personalData ? `personal data (${t(item.legalBasis ?? 'no legal basis')})${item.anonymised ? ', anonymised' : ''}` : item.anonymised ? 'anonymised' : 'no personal data';
  return {
    stack: [
      { text: t(item.title), bold: true },
      ...(item.description ? [{ text: t(item.description) }] : []),
      { text: `${humanize(item.modality)} · ${humanize(item.sensitivity)} · ${personal} · ${size(item)}`, color: MUTED },
      { text: `Contributed by ${t(item.contributor.name)}${item.hostedBy ? ` · hosted by ${t(item.hostedBy.name)}` : ''} · licence ${t(item.license)} · location ${t(item.location)}`, color: MUTED },
    ],
    margin: [0, 0, 0, 6],
  };
}

function signatureLines(signatory: PoolSignatory, currentVersion: number): Content[] {
  if (signatory.state !== 'SIGNED' || signatory.termsVersion === null) return [{ text: signatory.state === 'WITHDRAWN' ? 'Withdrew' : 'Not signed yet', color: MUTED }];
  const stale = signatory.termsVersion !== currentVersion;
  return [
    { text: `Signed version ${signatory.termsVersion} by ${t(signatory.signedBy?.name ?? 'a former member')} on ${utc(signatory.signedAt)}`, color: stale ? WARNING : undefined },
    ...(stale ? [{ text: 'This signature binds an earlier version of the terms: the organisation must sign again.', color: WARNING }] : []),
    ...(signatory.termsDigest ? [{ text: `SHA-256 ${signatory.termsDigest}`, fontSize: 8, color: MUTED }] : []),
  ];
}

function signatoryBlock(signatory: PoolSignatory, currentVersion: number): Content {
  return {
    stack: [{ text: `${t(signatory.organization.name)} — ${humanize(signatory.role)}`, bold: true }, ...signatureLines(signatory, currentVersion)],
    margin: [0, 0, 0, 6],
    unbreakable: true,
  };
}

export function agreementDefinition(document: DataPoolDocument): TDocumentDefinitions {
  const { pool } = document;
  const inForce = isAgreement(document);
  const content: Content[] = [
    { text: `${t(pool.workingGroup.name)} · data pool`, color: MUTED, fontSize: 11 },
    { text: t(pool.title), style: 'title' },
    { text: inForce ? 'Data-pool agreement, in force' : `Data-pool agreement, not in force (${humanize(pool.state)})`, bold: true, color: inForce ? undefined : WARNING },
    { text: `Steward: ${t(pool.steward.name)} · confidentiality ${humanize(pool.confidentiality)}`, margin: [0, 2, 0, 0] },
    { text: `Valid ${pool.validFrom ? `from ${utc(pool.validFrom)}` : 'from signature'} ${pool.validUntil ? `until ${utc(pool.validUntil)}` : 'with no end date'}`, margin: [0, 2, 0, 0] },
    { text: `Terms version ${pool.termsVersion}`, bold: true, margin: [0, 8, 0, 0] },
    { text: `SHA-256 of the terms' canonical JSON: ${pool.termsDigest}`, fontSize: 8 },
    { text: 'Purpose', style: 'h2' },
    { text: t(pool.purpose) },
    { text: 'Usage terms', style: 'h2' },
    {
      table: { widths: [220, '*'], body: termLines(pool.terms, pool.processingLocations).map(([label, value]): TableCell[] => [{ text: label, bold: true }, value]) },
      layout: grid,
    },
    { text: `Datasets (${document.datasets.length})`, style: 'h2' },
    document.datasets.length > 0 ? document.datasets.map(datasetBlock) : { text: 'No datasets registered yet.', color: MUTED },
    { text: `Signatories (${document.signatories.length})`, style: 'h2' },
    document.signatories.length > 0 ? document.signatories.map((s) => signatoryBlock(s, pool.termsVersion)) : { text: 'Nobody is invited yet.', color: MUTED },
  ];
  return platformDocument({
    title: t(pool.title),
    subject: `Data-pool agreement, terms version ${pool.termsVersion}`,
    footer: `${t(pool.title)} · terms version ${pool.termsVersion} · generated ${utc(document.generatedAt)} for ${t(document.generatedBy)}`,
    content,
  });
}

/**
 * The agreement as a PDF: the terms in words and with their digest, the datasets, and each signatory
 * with the version and digest it signed, who signed and when. Same pdfmake set-up as the meeting brief:
 * DejaVu Sans embedded as a subset (every European name prints as written), no URL or file access.
 */
export async function renderAgreementPdf(document: DataPoolDocument): Promise<Buffer> {
  lockDownPdfMake();
  return pdfMake.createPdf(agreementDefinition(document)).getBuffer();
}
