import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import type { AccessModel, Certification, Confidentiality, DataSensitivity, ResourceKind, ResourceUnit } from '../../gql/graphql';
import { ErrorMessage, fieldProblem } from '../../ui/errors';
import { ACCESS_MODELS, CERTIFICATIONS, dayOf, instantOf, KINDS, LISTING_CONFIDENTIALITIES, numberOrNull, SENSITIVITIES, UNITS, useViewer } from './shared';

interface Common {
  kind: ResourceKind;
  title: string;
  description: string;
  quantity: string;
  unit: ResourceUnit | '';
  confidentiality: Confidentiality;
  workingGroupId: string;
}

export interface CapabilityValues extends Common {
  availableFrom: string;
  availableUntil: string;
  location: string;
  maxSensitivity: DataSensitivity;
  certifications: Certification[];
  accessModel: AccessModel;
}

export interface NeedValues extends Common {
  neededFrom: string;
  neededUntil: string;
  allowedLocations: string;
  sensitivity: DataSensitivity;
  requiredCertifications: Certification[];
  anonymous: boolean;
}

interface StoredListing {
  kind: ResourceKind;
  title: string;
  description?: string | null;
  quantity?: number | null;
  unit?: ResourceUnit | null;
  confidentiality: Confidentiality;
  workingGroup?: { id: string } | null;
}

function commonOf(stored: StoredListing | undefined): Common {
  return {
    kind: stored?.kind ?? 'GPU_COMPUTE',
    title: stored?.title ?? '',
    description: stored?.description ?? '',
    quantity: stored?.quantity == null ? '' : String(stored.quantity),
    unit: stored?.unit ?? '',
    confidentiality: stored?.confidentiality ?? 'MEMBERS',
    workingGroupId: stored?.workingGroup?.id ?? '',
  };
}

export function capabilityValues(
  stored?: StoredListing & { availableFrom?: string | null; availableUntil?: string | null; location: string; maxSensitivity: DataSensitivity; certifications: Certification[]; accessModel: AccessModel },
): CapabilityValues {
  return {
    ...commonOf(stored),
    availableFrom: dayOf(stored?.availableFrom),
    availableUntil: dayOf(stored?.availableUntil),
    location: stored?.location ?? '',
    maxSensitivity: stored?.maxSensitivity ?? 'CONFIDENTIAL',
    certifications: stored?.certifications ?? [],
    accessModel: stored?.accessModel ?? 'OPEN_CALL',
  };
}

export function needValues(
  stored?: StoredListing & {
    neededFrom?: string | null;
    neededUntil?: string | null;
    allowedLocations: string[];
    sensitivity: DataSensitivity;
    requiredCertifications: Certification[];
    anonymous: boolean;
  },
): NeedValues {
  return {
    ...commonOf(stored),
    neededFrom: dayOf(stored?.neededFrom),
    neededUntil: dayOf(stored?.neededUntil),
    allowedLocations: (stored?.allowedLocations ?? []).join(', '),
    sensitivity: stored?.sensitivity ?? 'CONFIDENTIAL',
    requiredCertifications: stored?.requiredCertifications ?? [],
    anonymous: stored?.anonymous ?? false,
  };
}

/** The fields both kinds of listing share, as the API's input (unchanged values change nothing there). */
function commonInput(v: Common) {
  return {
    title: v.title,
    description: v.description.trim() || null,
    quantity: numberOrNull(v.quantity),
    unit: v.unit || null,
    confidentiality: v.confidentiality,
    workingGroupId: v.confidentiality === 'WORKING_GROUP' ? v.workingGroupId || null : null,
  };
}

export function capabilityInput(v: CapabilityValues) {
  return {
    ...commonInput(v),
    availableFrom: instantOf(v.availableFrom),
    availableUntil: instantOf(v.availableUntil),
    location: v.location.trim(),
    maxSensitivity: v.maxSensitivity,
    certifications: v.certifications,
    accessModel: v.accessModel,
  };
}

export function needInput(v: NeedValues) {
  return {
    ...commonInput(v),
    neededFrom: instantOf(v.neededFrom),
    neededUntil: instantOf(v.neededUntil),
    allowedLocations: v.allowedLocations
      .split(/[\s,;]+/)
      .map((c) => c.trim())
      .filter(Boolean),
    sensitivity: v.sensitivity,
    requiredCertifications: v.requiredCertifications,
    anonymous: v.anonymous,
  };
}

interface FormProps<V> {
  id: string;
  initial: V;
  /** Editing: the kind is fixed once published. */
  editing: boolean;
  error: CombinedError | undefined;
  busy: boolean;
  submitLabel: string;
  onSubmit: (values: V) => void;
  children?: ReactNode;
}

function Field({ id, label, children }: { id: string; label: string; error?: CombinedError; field?: string; children: ReactNode }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {children}
    </>
  );
}

function Checks<T extends string>({ legend, options, value, onChange, label }: { legend: string; options: T[]; value: T[]; onChange: (v: T[]) => void; label: (o: T) => string }) {
  return (
    <fieldset className="checks">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o} className="check">
          <input type="checkbox" checked={value.includes(o)} onChange={(e) => onChange(e.target.checked ? [...value, o] : value.filter((x) => x !== o))} /> {label(o)}
        </label>
      ))}
    </fieldset>
  );
}

function useLabels() {
  const { t } = useTranslation();
  return {
    kind: t('marketplace.field.kind'),
    title: t('marketplace.field.title'),
    description: t('marketplace.field.description'),
    quantity: t('marketplace.field.quantity'),
    unit: t('marketplace.field.unit'),
    availableFrom: t('marketplace.field.availableFrom'),
    availableUntil: t('marketplace.field.availableUntil'),
    neededFrom: t('marketplace.field.neededFrom'),
    neededUntil: t('marketplace.field.neededUntil'),
    location: t('marketplace.field.location'),
    allowedLocations: t('marketplace.field.allowedLocations'),
    maxSensitivity: t('marketplace.field.maxSensitivity'),
    sensitivity: t('marketplace.field.sensitivity'),
    certifications: t('marketplace.field.certifications'),
    requiredCertifications: t('marketplace.field.requiredCertifications'),
    accessModel: t('marketplace.field.accessModel'),
    confidentiality: t('marketplace.field.confidentiality'),
    workingGroupId: t('marketplace.field.workingGroup'),
    anonymous: t('marketplace.field.anonymous'),
    expectedVersion: t('marketplace.field.version'),
    status: t('marketplace.field.status'),
    organizationId: t('marketplace.field.organization'),
  };
}

export const useListingLabels = useLabels;

function CommonFields<V extends Common>({ id, values, set, editing, error }: { id: string; values: V; set: (patch: Partial<V>) => void; editing: boolean; error: CombinedError | undefined }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { groups } = useViewer();
  const invalid = (field: string) => !!fieldProblem(error, field);
  return (
    <>
      <Field id={`${id}-kind`} label={labels.kind} error={error} field="kind">
        <select id={`${id}-kind`} value={values.kind} disabled={editing} onChange={(e) => set({ kind: e.target.value as ResourceKind } as Partial<V>)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`marketplace.kinds.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-title`} label={labels.title} error={error} field="title">
        <input id={`${id}-title`} required value={values.title} aria-invalid={invalid('title')} onChange={(e) => set({ title: e.target.value } as Partial<V>)} />
      </Field>
      <Field id={`${id}-description`} label={labels.description} error={error} field="description">
        <textarea id={`${id}-description`} value={values.description} aria-invalid={invalid('description')} onChange={(e) => set({ description: e.target.value } as Partial<V>)} />
      </Field>
      <div className="row">
        <div className="form">
          <label htmlFor={`${id}-quantity`}>{labels.quantity}</label>
          <input
            id={`${id}-quantity`}
            type="number"
            min="0"
            step="any"
            value={values.quantity}
            aria-invalid={invalid('quantity')}
            onChange={(e) => set({ quantity: e.target.value } as Partial<V>)}
          />
        </div>
        <div className="form">
          <label htmlFor={`${id}-unit`}>{labels.unit}</label>
          <select id={`${id}-unit`} value={values.unit} aria-invalid={invalid('unit')} onChange={(e) => set({ unit: e.target.value as ResourceUnit } as Partial<V>)}>
            <option value="">{t('marketplace.noUnit')}</option>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`marketplace.units.${u}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Field id={`${id}-confidentiality`} label={labels.confidentiality} error={error} field="confidentiality">
        <select
          id={`${id}-confidentiality`}
          value={values.confidentiality}
          aria-invalid={invalid('confidentiality')}
          onChange={(e) => set({ confidentiality: e.target.value as Confidentiality } as Partial<V>)}
        >
          {LISTING_CONFIDENTIALITIES.map((c) => (
            <option key={c} value={c}>
              {t(`marketplace.confidentialities.${c}`)}
            </option>
          ))}
        </select>
      </Field>
      {values.confidentiality === 'WORKING_GROUP' && (
        <Field id={`${id}-group`} label={labels.workingGroupId} error={error} field="workingGroupId">
          <select id={`${id}-group`} value={values.workingGroupId} aria-invalid={invalid('workingGroupId')} onChange={(e) => set({ workingGroupId: e.target.value } as Partial<V>)}>
            <option value="">{t('marketplace.chooseGroup')}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </Field>
      )}
    </>
  );
}

export function CapabilityForm({ id, initial, editing, error, busy, submitLabel, onSubmit, children }: FormProps<CapabilityValues>) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [values, setValues] = useState(initial);
  const set = (patch: Partial<CapabilityValues>) => setValues((v) => ({ ...v, ...patch }));
  const invalid = (field: string) => !!fieldProblem(error, field);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  return (
    <form className="form" onSubmit={submit} aria-label={submitLabel}>
      <ErrorMessage reasons="marketplace.errorReasons" error={error} labels={labels} />
      <CommonFields id={id} values={values} set={set} editing={editing} error={error} />
      <div className="row">
        <div className="form">
          <label htmlFor={`${id}-from`}>{labels.availableFrom}</label>
          <input id={`${id}-from`} type="date" value={values.availableFrom} aria-invalid={invalid('availableFrom')} onChange={(e) => set({ availableFrom: e.target.value })} />
        </div>
        <div className="form">
          <label htmlFor={`${id}-until`}>{labels.availableUntil}</label>
          <input id={`${id}-until`} type="date" value={values.availableUntil} aria-invalid={invalid('availableUntil')} onChange={(e) => set({ availableUntil: e.target.value })} />
        </div>
      </div>
      <label htmlFor={`${id}-location`}>{labels.location}</label>
      <p className="meta" id={`${id}-location-hint`}>
        {t('marketplace.locationHint')}
      </p>
      <input
        id={`${id}-location`}
        required
        maxLength={2}
        aria-describedby={`${id}-location-hint`}
        value={values.location}
        aria-invalid={invalid('location')}
        onChange={(e) => set({ location: e.target.value })}
      />
      <label htmlFor={`${id}-sensitivity`}>{labels.maxSensitivity}</label>
      <select id={`${id}-sensitivity`} value={values.maxSensitivity} onChange={(e) => set({ maxSensitivity: e.target.value as DataSensitivity })}>
        {SENSITIVITIES.map((s) => (
          <option key={s} value={s}>
            {t(`marketplace.sensitivities.${s}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-access`}>{labels.accessModel}</label>
      <select id={`${id}-access`} value={values.accessModel} onChange={(e) => set({ accessModel: e.target.value as AccessModel })}>
        {ACCESS_MODELS.map((a) => (
          <option key={a} value={a}>
            {t(`marketplace.accessModels.${a}`)}
          </option>
        ))}
      </select>
      <Checks legend={labels.certifications} options={CERTIFICATIONS} value={values.certifications} onChange={(c) => set({ certifications: c })} label={(c) => t(`marketplace.certifications.${c}`)} />
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          {submitLabel}
        </button>
        {children}
      </div>
    </form>
  );
}

export function NeedForm({ id, initial, editing, error, busy, submitLabel, onSubmit, children }: FormProps<NeedValues>) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [values, setValues] = useState(initial);
  const set = (patch: Partial<NeedValues>) => setValues((v) => ({ ...v, ...patch }));
  const invalid = (field: string) => !!fieldProblem(error, field);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  return (
    <form className="form" onSubmit={submit} aria-label={submitLabel}>
      <ErrorMessage reasons="marketplace.errorReasons" error={error} labels={labels} />
      <CommonFields id={id} values={values} set={set} editing={editing} error={error} />
      <div className="row">
        <div className="form">
          <label htmlFor={`${id}-from`}>{labels.neededFrom}</label>
          <input id={`${id}-from`} type="date" value={values.neededFrom} aria-invalid={invalid('neededFrom')} onChange={(e) => set({ neededFrom: e.target.value })} />
        </div>
        <div className="form">
          <label htmlFor={`${id}-until`}>{labels.neededUntil}</label>
          <input id={`${id}-until`} type="date" value={values.neededUntil} aria-invalid={invalid('neededUntil')} onChange={(e) => set({ neededUntil: e.target.value })} />
        </div>
      </div>
      <label htmlFor={`${id}-locations`}>{labels.allowedLocations}</label>
      <p className="meta" id={`${id}-locations-hint`}>
        {t('marketplace.allowedLocationsHint')}
      </p>
      <input
        id={`${id}-locations`}
        aria-describedby={`${id}-locations-hint`}
        value={values.allowedLocations}
        aria-invalid={invalid('allowedLocations')}
        onChange={(e) => set({ allowedLocations: e.target.value })}
      />
      <label htmlFor={`${id}-sensitivity`}>{labels.sensitivity}</label>
      <select id={`${id}-sensitivity`} value={values.sensitivity} onChange={(e) => set({ sensitivity: e.target.value as DataSensitivity })}>
        {SENSITIVITIES.map((s) => (
          <option key={s} value={s}>
            {t(`marketplace.sensitivities.${s}`)}
          </option>
        ))}
      </select>
      <Checks
        legend={labels.requiredCertifications}
        options={CERTIFICATIONS}
        value={values.requiredCertifications}
        onChange={(c) => set({ requiredCertifications: c })}
        label={(c) => t(`marketplace.certifications.${c}`)}
      />
      <label className="check">
        <input type="checkbox" checked={values.anonymous} aria-describedby={`${id}-anonymous-hint`} onChange={(e) => set({ anonymous: e.target.checked })} /> {labels.anonymous}
      </label>
      <p className="meta" id={`${id}-anonymous-hint`}>
        {t('marketplace.anonymousHint')}
      </p>
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          {submitLabel}
        </button>
        {children}
      </div>
    </form>
  );
}
