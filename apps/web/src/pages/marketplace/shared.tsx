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

/** One reason of a match as the API gives it in `CapabilityMatch.reasonDetails` (decision 241). */
export interface MatchReasonDetail {
  code: string;
  text: string;
  percent?: number | null;
  needQuantity?: number | null;
  needUnit?: string | null;
  offeredQuantity?: number | null;
  offeredUnit?: string | null;
  offeredSensitivity?: string | null;
  neededSensitivity?: string | null;
  location?: string | null;
  certifications?: readonly { required: string; through?: string | null }[] | null;
}

/**
 * A match's reason in the person's language, worded from its code and values (decision 241, replacing the
 * sentence patterns of decision 215). A code this client does not know yet is shown as the API's English
 * `text` (marked as English).
 */
export function translateReason(t: TFunction, r: MatchReasonDetail): { text: string; translated: boolean } {
  const number = (n: number | null | undefined) => new Intl.NumberFormat(t('marketplace.numberLocale')).format(n ?? 0);
  const unit = (u: string | null | undefined) => t(`marketplace.units.${u}`, { defaultValue: u ?? '' });
  const level = (s: string | null | undefined) => t(`marketplace.sensitivities.${s}`, { defaultValue: s ?? '' });
  const certification = (c: string) => t(`marketplace.certifications.${c}`, { defaultValue: c });
  const needed = { quantity: number(r.needQuantity), unit: unit(r.needUnit) };
  const text = (() => {
    switch (r.code) {
      case 'ANY_QUANTITY':
        return t('marketplace.reason.noQuantity');
      case 'COVERS':
        return t('marketplace.reason.covers', { percent: r.percent, ...needed });
      case 'NO_QUANTITY_OFFERED':
        return t('marketplace.reason.offersNone', needed);
      case 'UNIT_NOT_COMPARABLE':
        return t('marketplace.reason.otherUnit', { offered: number(r.offeredQuantity), offeredUnit: unit(r.offeredUnit), ...needed });
      case 'WINDOW':
        return t('marketplace.reason.window', { percent: r.percent });
      case 'ANY_WINDOW':
        return t('marketplace.reason.anyWindow');
      case 'SENSITIVITY':
        return t('marketplace.reason.handles', { offered: level(r.offeredSensitivity), needed: level(r.neededSensitivity) });
      case 'ALLOWED_LOCATION':
        return t('marketplace.reason.allowedLocation', { country: r.location });
      case 'EU_EEA_LOCATION':
        return t('marketplace.reason.euLocation', { country: r.location });
      case 'CERTIFICATIONS':
        return t('marketplace.reason.certifications', {
          list: (r.certifications ?? [])
            .map((c) => (c.through ? `${certification(c.required)} ${t('marketplace.reason.through', { certification: certification(c.through) })}` : certification(c.required)))
            .join(', '),
        });
      default:
        return null;
    }
  })();
  return text === null ? { text: r.text, translated: false } : { text, translated: true };
}
