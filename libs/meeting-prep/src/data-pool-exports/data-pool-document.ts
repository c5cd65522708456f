/**
 * What the data-pool renderers read: a pool as the requester may see it, as plain data (it crosses
 * into the render pool's worker threads by structured clone), with every time already an ISO-8601 UTC
 * string. The renderers are pure functions of it: no database, no clock, no settings.
 */
export type DataPoolExportKind = 'DCAT_AP_JSONLD' | 'ODRL_JSONLD' | 'AGREEMENT_PDF';

export interface PoolOrganization {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2, when known */
  country?: string | null;
}

export interface PoolTerms {
  purposes: string[];
  commercialUse: boolean;
  derivedModelsShareable: boolean;
  onwardTransfer: boolean;
  /** ISO 3166-1 alpha-2; empty means any EU/EEA country */
  allowedLocations: string[];
  retentionDays: number | null;
  attributionRequired: boolean;
  personalDataAllowed: boolean;
}

export interface PoolDataset {
  id: string;
  title: string;
  description: string | null;
  modality: string;
  sizeBytes: number | null;
  recordingHours: number | null;
  distanceKm: number | null;
  sensitivity: string;
  /** SPDX licence id, or LicenseRef-… */
  license: string;
  contributor: PoolOrganization;
  hostedBy: PoolOrganization | null;
  /** ISO 3166-1 alpha-2 */
  location: string;
  personalData: boolean;
  anonymised: boolean;
  legalBasis: string | null;
  createdAt: string;
}

export interface PoolSignatory {
  organization: PoolOrganization;
  role: string;
  state: string;
  termsVersion: number | null;
  termsDigest: string | null;
  signedBy: { id: string; name: string } | null;
  signedAt: string | null;
}

export interface DataPoolDocument {
  pool: {
    id: string;
    title: string;
    purpose: string;
    state: string;
    confidentiality: string;
    workingGroup: { id: string; name: string };
    steward: PoolOrganization;
    terms: PoolTerms;
    /** Where the data may be processed: the allowed locations, or every EU/EEA state when the terms name none */
    processingLocations: string[];
    termsVersion: number;
    termsDigest: string;
    validFrom: string | null;
    validUntil: string | null;
    createdAt: string;
    updatedAt: string;
  };
  datasets: PoolDataset[];
  signatories: PoolSignatory[];
  /** The API's public URL: the DCAT-AP context is served under it (`/contexts/dcat-ap-3.jsonld`). */
  publicUrl: string;
  /** When the file was made (ISO-8601 UTC) */
  generatedAt: string;
  /** Who asked for it, printed in the PDF's footer */
  generatedBy: string;
}
