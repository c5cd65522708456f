import { DataPoolDocument, PoolDataset, PoolSignatory } from '../data-pool-exports/data-pool-document';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const SAMPLE_DIGEST = 'c0ffee'.padEnd(64, '0123456789abcdef');

/** A pool built without a database, for the renderers' unit tests. */
export function sampleDataPool(options: { datasets?: number; state?: string; signedVersion?: number } = {}): DataPoolDocument {
  const steward = { id: uuid(1), name: 'Bayerische Motoren Werke AG', country: 'DE' };
  const host = { id: uuid(2), name: 'HammerHAI AI Factory (HLRS)', country: 'DE' };
  const supplier = { id: uuid(3), name: 'Škoda Auto a.s.', country: 'CZ' };
  const user = { id: uuid(4), name: 'Politechnika Łódzka', country: 'PL' };
  const signedVersion = options.signedVersion ?? 2;
  const signed = (organization: typeof steward, role: string, name: string, minute: number): PoolSignatory => ({
    organization,
    role,
    state: 'SIGNED',
    termsVersion: signedVersion,
    termsDigest: SAMPLE_DIGEST,
    signedBy: { id: uuid(100 + minute), name },
    signedAt: `2026-03-02T09:${String(minute).padStart(2, '0')}:00.000Z`,
  });
  const datasets: PoolDataset[] = Array.from({ length: options.datasets ?? 2 }, (_, i) => ({
    id: uuid(1000 + i),
    title: i === 0 ? 'Autobahn A9 lidar sweeps, Großraum München' : `Urban camera drives ${i}`,
    description: i === 0 ? 'Roof-mounted 128-beam lidar, 10 Hz.' : null,
    modality: i === 0 ? 'LIDAR' : 'CAMERA',
    sizeBytes: i === 0 ? 1.5e12 : null,
    recordingHours: 120.5,
    distanceKm: i === 0 ? 8400 : null,
    sensitivity: 'CONFIDENTIAL',
    license: i === 0 ? 'CC-BY-4.0' : 'LicenseRef-proprietary',
    contributor: i === 0 ? steward : supplier,
    hostedBy: i === 0 ? host : null,
    location: i === 0 ? 'DE' : 'CZ',
    personalData: i !== 0,
    anonymised: i !== 0,
    legalBasis: i !== 0 ? 'Art. 6(1)(f) GDPR' : null,
    createdAt: '2026-03-03T10:00:00.000Z',
  }));
  return {
    pool: {
      id: uuid(500),
      title: 'Highway perception pool',
      purpose: 'Train and benchmark perception models on pooled highway data.',
      state: options.state ?? 'ACTIVE',
      confidentiality: 'PARTIES',
      workingGroup: { id: uuid(600), name: 'AI Model Development and Data' },
      steward,
      terms: {
        purposes: ['RESEARCH', 'MODEL_TRAINING'],
        commercialUse: false,
        derivedModelsShareable: false,
        onwardTransfer: false,
        allowedLocations: ['DE', 'CZ'],
        retentionDays: 365,
        attributionRequired: true,
        personalDataAllowed: true,
      },
      processingLocations: ['DE', 'CZ'],
      termsVersion: 2,
      termsDigest: SAMPLE_DIGEST,
      validFrom: '2026-03-01T00:00:00.000Z',
      validUntil: '2027-03-01T00:00:00.000Z',
      createdAt: '2026-02-20T08:00:00.000Z',
      updatedAt: '2026-03-01T08:00:00.000Z',
    },
    datasets,
    signatories: [
      signed(steward, 'STEWARD', 'Katrin Müller', 1),
      signed(host, 'HOST', 'Jiří Dvořák', 2),
      signed(supplier, 'CONTRIBUTOR', 'Ștefan Țiriac', 3),
      { organization: user, role: 'USER', state: 'PENDING', termsVersion: null, termsDigest: null, signedBy: null, signedAt: null },
    ],
    publicUrl: 'https://wg.ecava.test',
    generatedAt: '2026-03-04T12:00:00.000Z',
    generatedBy: 'Γιώργος Παπαδόπουλος',
  };
}
