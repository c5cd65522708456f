import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import type { Confidentiality, ProposalKind, ProposalState } from '../gql/graphql';
import { fieldProblem } from './errors';

// The proposals area's shared parts: the enums in display order and the form's fields (drafting and editing).

export const KINDS: ProposalKind[] = [
  'DATA_POOLING',
  'DATA_EXCHANGE',
  'FOUNDATION_MODEL',
  'COMPUTE_ACCESS',
  'JOINT_RESEARCH',
  'MODEL_BENCHMARKING',
  'SYNTHETIC_DATA',
  'STANDARDISATION',
  'OTHER',
];
export const CONFIDENTIALITIES: Confidentiality[] = ['WORKING_GROUP', 'PARTIES', 'MEMBERS', 'PUBLIC'];
export const STATES: ProposalState[] = ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'IN_PROGRESS', 'COMPLETED', 'WITHDRAWN'];

/** What the drafting and editing forms hold; nothing of it is reset on an error. */
export interface ProposalValues {
  title: string;
  summary: string;
  body: string;
  kind: ProposalKind;
  confidentiality: Confidentiality;
  priorityIds: string[];
}

export const EDITED_FIELDS = ['title', 'summary', 'body', 'kind', 'confidentiality', 'priorityIds'] as const;
export type EditedField = (typeof EDITED_FIELDS)[number];

export function sameValue(field: EditedField, a: ProposalValues, b: ProposalValues): boolean {
  if (field === 'priorityIds') return [...a.priorityIds].sort().join(',') === [...b.priorityIds].sort().join(',');
  return a[field] === b[field];
}

export function useFieldLabels(): Record<string, string> {
  const { t } = useTranslation();
  return {
    title: t('proposals.field.title'),
    summary: t('proposals.field.summary'),
    body: t('proposals.field.body'),
    kind: t('proposals.field.kind'),
    confidentiality: t('proposals.field.confidentiality'),
    priorityIds: t('proposals.field.priorities'),
    leadOrganizationId: t('proposals.field.lead'),
    workingGroupId: t('proposals.field.group'),
    note: t('proposals.review.reason'),
    body_comment: t('proposals.comments.body'),
    organizationId: t('proposals.partners.organization'),
    role: t('proposals.partners.role'),
    expectedVersion: t('proposals.field.version'),
  };
}

export interface PriorityOption {
  id: string;
  title: string;
}

/** The editable fields of a proposal; `idPrefix` keeps ids unique when two forms share a page. */
export function ProposalFields({
  values,
  onChange,
  error,
  priorities,
  idPrefix = 'proposal',
}: {
  values: ProposalValues;
  onChange: (values: ProposalValues) => void;
  error: CombinedError | undefined;
  priorities: PriorityOption[];
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  const labels = useFieldLabels();
  const invalid = (field: string) => !!fieldProblem(error, field);
  const set = <K extends keyof ProposalValues>(key: K, value: ProposalValues[K]) => onChange({ ...values, [key]: value });
  return (
    <>
      <label htmlFor={`${idPrefix}-title`}>{labels.title}</label>
      <input id={`${idPrefix}-title`} required value={values.title} aria-invalid={invalid('title')} onChange={(e) => set('title', e.target.value)} />
      <label htmlFor={`${idPrefix}-summary`}>{labels.summary}</label>
      <textarea
        id={`${idPrefix}-summary`}
        className="short"
        required
        value={values.summary}
        aria-invalid={invalid('summary')}
        onChange={(e) => set('summary', e.target.value)}
      />
      <label htmlFor={`${idPrefix}-body`}>{labels.body}</label>
      <textarea id={`${idPrefix}-body`} required value={values.body} aria-invalid={invalid('body')} onChange={(e) => set('body', e.target.value)} />
      <label htmlFor={`${idPrefix}-kind`}>{labels.kind}</label>
      <select id={`${idPrefix}-kind`} value={values.kind} aria-invalid={invalid('kind')} onChange={(e) => set('kind', e.target.value as ProposalKind)}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`proposals.kind.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${idPrefix}-confidentiality`}>{labels.confidentiality}</label>
      <select
        id={`${idPrefix}-confidentiality`}
        value={values.confidentiality}
        aria-invalid={invalid('confidentiality')}
        onChange={(e) => set('confidentiality', e.target.value as Confidentiality)}
      >
        {CONFIDENTIALITIES.map((c) => (
          <option key={c} value={c}>
            {t(`proposals.confidentiality.${c}`)}
          </option>
        ))}
      </select>
      {priorities.length > 0 && (
        <fieldset className="choices">
          <legend>{labels.priorityIds}</legend>
          {priorities.map((p) => (
            <label key={p.id} className="choice">
              <input
                type="checkbox"
                checked={values.priorityIds.includes(p.id)}
                onChange={(e) => set('priorityIds', e.target.checked ? [...values.priorityIds, p.id] : values.priorityIds.filter((id) => id !== p.id))}
              />{' '}
              {p.title}
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}
