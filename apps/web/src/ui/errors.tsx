import type { CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';

export interface ApiProblem {
  code: string;
  reason?: string;
  field?: string;
  message: string;
}

/** The API's errors (extensions: code, reason, field) or a network failure, as data the screens can show. */
export function problemsOf(error: CombinedError | undefined): ApiProblem[] {
  if (!error) return [];
  if (error.networkError) return [{ code: 'NETWORK', message: error.networkError.message }];
  return error.graphQLErrors.map((e) => ({
    code: String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
    reason: e.extensions?.reason ? String(e.extensions.reason) : undefined,
    field: e.extensions?.field ? String(e.extensions.field) : undefined,
    message: e.message,
  }));
}

/**
 * An error in the person's language: the code (and the reason, where the API gives one) picks the sentence,
 * the field is named with the form's own label. The API's English message is kept as a tooltip-free detail
 * for support, never as the only text.
 */
export function ErrorMessage({
  error,
  labels = {},
  reasons,
}: {
  error: CombinedError | undefined;
  labels?: Record<string, string>;
  /** Where an area keeps its own sentences for the refusal reasons it knows (`proposals.reasons`), tried first. */
  reasons?: string;
}) {
  const { t } = useTranslation();
  const problems = problemsOf(error);
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="error">
      {problems.map((p, i) => (
        <p key={i} data-code={p.code} data-reason={p.reason} data-field={p.field}>
          {t([...(reasons ? [`${reasons}.${p.reason ?? '-'}`] : []), `errors.reason.${p.reason ?? '-'}`, `errors.code.${p.code}`, 'errors.code.INTERNAL_SERVER_ERROR'])}
          {p.field && <> {t('errors.field', { field: labels[p.field] ?? p.field })}</>}
        </p>
      ))}
    </div>
  );
}

/** The problem a form field has, for aria-invalid and its message. */
export function fieldProblem(error: CombinedError | undefined, field: string): ApiProblem | undefined {
  return problemsOf(error).find((p) => p.field === field);
}
