import type { TFunction } from 'i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { AccessModel, Certification, Confidentiality, DataSensitivity, ResourceKind, ResourceUnit } from '../../gql/graphql';

export const KINDS: ResourceKind[] = [
  'GPU_COMPUTE',
  'HPC_COMPUTE',
  'STORAGE',
  'DATASET',
  'DATA_SERVICES',
  'SIMULATION',
  'SYNTHETIC_DATA_GENERATION',
  'MODEL_TRAINING_SUPPORT',
  'MODEL_BENCHMARKING',
  'EXPERTISE',
];
export const UNITS: ResourceUnit[] = ['GPU_HOURS', 'CORE_HOURS', 'NODE_HOURS', 'TERABYTES', 'RECORDING_HOURS', 'PERSON_DAYS'];
export const SENSITIVITIES: DataSensitivity[] = ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'PERSONAL_DATA'];
export const CERTIFICATIONS: Certification[] = ['BSI_C5', 'ISO_27001', 'ISO_27701', 'SOC2_TYPE2', 'TISAX_AL2', 'TISAX_AL3'];
export const ACCESS_MODELS: AccessModel[] = ['OPEN_CALL', 'IN_KIND', 'PAID', 'RESEARCH_ONLY'];
/** PARTIES is refused for listings (docs/marketplace.md). */
export const LISTING_CONFIDENTIALITIES: Confidentiality[] = ['PUBLIC', 'MEMBERS', 'WORKING_GROUP'];

const MarketViewerQuery = graphql(`
  query MarketViewer {
    me {
      id
      role
      organization {
        id
        name
      }
      participations {
        id
        workingGroup {
          id
          name
          viewerCan {
            createProposal
          }
        }
      }
    }
  }
`);

/**
 * Who is looking: their organisation (for which they publish), their seats' groups, and those of them where the
 * API lets them draft a proposal (`viewerCan.createProposal`). What they may do with an item is its own `viewerCan`.
 */
export function useViewer() {
  const [{ data }] = useQuery({ query: MarketViewerQuery });
  const me = data?.me;
  return {
    me,
    orgId: me?.organization.id,
    /** Only the data-pool page reads it (removing a dataset has no viewerCan yet, decision 217); the marketplace asks each item's viewerCan. */
    isAdmin: me?.role === 'ADMIN',
    /** Every group of their seats (a listing may be shown to one of them). */
    groups: (me?.participations ?? []).map((p) => ({ id: p.workingGroup.id, name: p.workingGroup.name })),
    proposalGroups: (me?.participations ?? []).filter((p) => p.workingGroup.viewerCan.createProposal).map((p) => ({ id: p.workingGroup.id, name: p.workingGroup.name })),
  };
}

/** 'YYYY-MM-DD' of an ISO instant (the day in UTC), for a date input. */
export const dayOf = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');
/** A date input's day as the instant the API stores (midnight UTC), or null. */
export const instantOf = (day: string) => (day ? `${day}T00:00:00.000Z` : null);
export const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

export function formatQuantity(t: TFunction, quantity: number | null | undefined, unit: string | null | undefined): string {
  if (quantity == null || !unit) return t('marketplace.noQuantity');
  return `${new Intl.NumberFormat(t('marketplace.numberLocale')).format(quantity)} ${t(`marketplace.units.${unit}`)}`;
}

/**
 * The API writes a match's reasons in English, one line each from a fixed set of sentences
 * (libs/marketplace/src/matching/match-reasons.ts). They are shown in the person's language by recognising
 * each sentence; a line not recognised is shown as written (marked as English).
 */
export function translateReason(t: TFunction, line: string): { text: string; translated: boolean } {
  const unit = (u: string) => t(`marketplace.units.${u}`, { defaultValue: u });
  const level = (s: string) => t(`marketplace.sensitivities.${s}`, { defaultValue: s });
  const patterns: [RegExp, (m: RegExpMatchArray) => string][] = [
    [/^the need names no quantity, so any quantity covers it$/, () => t('marketplace.reason.noQuantity')],
    [/^covers (\d+)% of ([\d,.]+) (\w+)$/, (m) => t('marketplace.reason.covers', { percent: m[1], quantity: m[2], unit: unit(m[3]) })],
    [/^offers no quantity to compare with the ([\d,.]+) (\w+) needed \(counted as 50%\)$/, (m) => t('marketplace.reason.offersNone', { quantity: m[1], unit: unit(m[2]) })],
    [
      /^offers ([\d,.]+) (\w+), not comparable with the ([\d,.]+) (\w+) needed \(counted as 50%\)$/,
      (m) => t('marketplace.reason.otherUnit', { offered: m[1], offeredUnit: unit(m[2]), quantity: m[3], unit: unit(m[4]) }),
    ],
    [/^available for (\d+)% of the needed window$/, (m) => t('marketplace.reason.window', { percent: m[1] })],
    [/^the need gives no complete window, so any availability fits$/, () => t('marketplace.reason.anyWindow')],
    [/^handles (\w+) data; the need's data is (\w+)$/, (m) => t('marketplace.reason.handles', { offered: level(m[1]), needed: level(m[2]) })],
    [/^runs in (\w+), an allowed location$/, (m) => t('marketplace.reason.allowedLocation', { country: m[1] })],
    [/^runs in (\w+), in the EU\/EEA \(the need names no locations\)$/, (m) => t('marketplace.reason.euLocation', { country: m[1] })],
    [
      /^holds the required certifications: (.+)$/,
      (m) => t('marketplace.reason.certifications', { list: m[1].replace(/\(through (\w+)\)/g, (_, c: string) => t('marketplace.reason.through', { certification: c })) }),
    ],
  ];
  for (const [pattern, render] of patterns) {
    const match = line.match(pattern);
    if (match) return { text: render(match), translated: true };
  }
  return { text: line, translated: false };
}
