import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import type { UsagePurpose, UsageTermsInput } from '../../gql/graphql';
import { fieldProblem } from '../../ui/errors';

export const PURPOSES: UsagePurpose[] = ['RESEARCH', 'MODEL_TRAINING', 'MODEL_EVALUATION', 'SAFETY_VALIDATION', 'SYNTHETIC_DATA_GENERATION', 'STANDARDISATION', 'COMMERCIAL_PRODUCT'];

/** The yes/no terms, in the order the pool screen shows them. */
const FLAGS = ['commercialUse', 'derivedModelsShareable', 'onwardTransfer', 'attributionRequired', 'personalDataAllowed'] as const;
type Flag = (typeof FLAGS)[number];

/** The terms as the form holds them: what is typed, so a refusal never loses it. */
export interface TermsValues extends Record<Flag, boolean> {
  purposes: UsagePurpose[];
  /** ISO 3166-1 alpha-2 codes separated by commas or spaces; empty: any EU/EEA country. */
  allowedLocations: string;
  /** Empty: until the pool closes. */
  retentionDays: string;
}

export const TERMS_FIELDS = ['purposes', ...FLAGS, 'allowedLocations', 'retentionDays'] as const;
export type TermsField = (typeof TERMS_FIELDS)[number];

export const DEFAULT_TERMS: TermsValues = {
  purposes: ['RESEARCH'],
  commercialUse: false,
  derivedModelsShareable: false,
  onwardTransfer: false,
  attributionRequired: true,
  personalDataAllowed: false,
  allowedLocations: '',
  retentionDays: '',
};

export function termsValuesOf(terms: Omit<UsageTermsInput, 'allowedLocations'> & { allowedLocations?: readonly string[] | null }): TermsValues {
  return {
    purposes: PURPOSES.filter((p) => terms.purposes.includes(p)),
    commercialUse: terms.commercialUse,
    derivedModelsShareable: terms.derivedModelsShareable,
    onwardTransfer: terms.onwardTransfer,
    attributionRequired: terms.attributionRequired,
    personalDataAllowed: terms.personalDataAllowed,
    allowedLocations: (terms.allowedLocations ?? []).join(', '),
    retentionDays: terms.retentionDays == null ? '' : String(terms.retentionDays),
  };
}

/** What the API is sent; a retention that is not a whole number goes as typed so the API names the field. */
export function termsInputOf(v: TermsValues): UsageTermsInput {
  const days = v.retentionDays.trim();
  return {
    purposes: v.purposes,
    commercialUse: v.commercialUse,
    derivedModelsShareable: v.derivedModelsShareable,
    onwardTransfer: v.onwardTransfer,
    attributionRequired: v.attributionRequired,
    personalDataAllowed: v.personalDataAllowed,
    allowedLocations: locationsOf(v.allowedLocations),
    retentionDays: days === '' ? null : Number(days),
  };
}

function locationsOf(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
}

/** Two term values mean the same (order and case of the codes aside). */
export function sameTerm(field: TermsField, a: TermsValues, b: TermsValues): boolean {
  if (field === 'purposes') return [...a.purposes].sort().join() === [...b.purposes].sort().join();
  if (field === 'allowedLocations') return locationsOf(a.allowedLocations).sort().join() === locationsOf(b.allowedLocations).sort().join();
  if (field === 'retentionDays') return a.retentionDays.trim() === b.retentionDays.trim();
  return a[field] === b[field];
}

/** A term's value as a sentence part, for the conflict table. */
export function showTerm(t: TFunction, field: TermsField, v: TermsValues): string {
  if (field === 'purposes') return v.purposes.map((p) => t(`dataPools.purposes.${p}`)).join(', ') || '–';
  if (field === 'allowedLocations') return locationsOf(v.allowedLocations).join(', ') || t('dataPools.anyEea');
  if (field === 'retentionDays') return v.retentionDays.trim() === '' ? t('dataPools.untilClosed') : t('dataPools.days', { count: Number(v.retentionDays) });
  return v[field] ? t('dataPools.yes') : t('dataPools.no');
}

/** The form's labels by the API's field names (`terms.retentionDays`), for <ErrorMessage labels>. */
export function useTermsLabels(): Record<TermsField, string> & Record<string, string> {
  const { t } = useTranslation();
  const labels = {
    purposes: t('dataPools.purposesAllowed'),
    commercialUse: t('dataPools.commercialUse'),
    derivedModelsShareable: t('dataPools.derivedModelsShareable'),
    onwardTransfer: t('dataPools.onwardTransfer'),
    attributionRequired: t('dataPools.attributionRequired'),
    personalDataAllowed: t('dataPools.personalDataAllowed'),
    allowedLocations: t('dataPools.form.allowedLocations'),
    retentionDays: t('dataPools.form.retentionDays'),
  };
  return { ...labels, ...Object.fromEntries(Object.entries(labels).map(([field, label]) => [`terms.${field}`, label])) };
}

/** The usage terms as labelled inputs: purposes as a group of checkboxes, the flags as checkboxes, codes and days as text. */
export function TermsFields({ idPrefix, values, onChange, error }: { idPrefix: string; values: TermsValues; onChange: (v: TermsValues) => void; error: CombinedError | undefined }) {
  const { t } = useTranslation();
  const labels = useTermsLabels();
  const invalid = (field: TermsField) => !!fieldProblem(error, `terms.${field}`);
  const hint = (field: string) => `${idPrefix}-${field}-hint`;
  return (
    <>
      <fieldset className="checks" aria-describedby={hint('purposes')}>
        <legend>{labels.purposes}</legend>
        {PURPOSES.map((p) => (
          <label key={p} className="check">
            <input
              type="checkbox"
              name={`${idPrefix}-purposes`}
              value={p}
              aria-invalid={invalid('purposes')}
              checked={values.purposes.includes(p)}
              onChange={(e) => onChange({ ...values, purposes: e.target.checked ? PURPOSES.filter((x) => x === p || values.purposes.includes(x)) : values.purposes.filter((x) => x !== p) })}
            />{' '}
            {t(`dataPools.purposes.${p}`)}
          </label>
        ))}
      </fieldset>
      <p className="meta" id={hint('purposes')}>
        {t('dataPools.form.purposesHint')}
      </p>
      <fieldset className="checks">
        <legend>{t('dataPools.form.permissions')}</legend>
        {FLAGS.map((flag) => (
          <label key={flag} className="check">
            <input type="checkbox" checked={values[flag]} aria-invalid={invalid(flag)} onChange={(e) => onChange({ ...values, [flag]: e.target.checked })} /> {labels[flag]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${idPrefix}-locations`}>{labels.allowedLocations}</label>
      <input
        id={`${idPrefix}-locations`}
        value={values.allowedLocations}
        aria-invalid={invalid('allowedLocations')}
        aria-describedby={hint('locations')}
        onChange={(e) => onChange({ ...values, allowedLocations: e.target.value })}
      />
      <p className="meta" id={hint('locations')}>
        {t('dataPools.form.allowedLocationsHint')}
      </p>
      <label htmlFor={`${idPrefix}-retention`}>{labels.retentionDays}</label>
      <input
        id={`${idPrefix}-retention`}
        type="number"
        inputMode="numeric"
        value={values.retentionDays}
        aria-invalid={invalid('retentionDays')}
        aria-describedby={hint('retention')}
        onChange={(e) => onChange({ ...values, retentionDays: e.target.value })}
      />
      <p className="meta" id={hint('retention')}>
        {t('dataPools.form.retentionDaysHint')}
      </p>
    </>
  );
}
