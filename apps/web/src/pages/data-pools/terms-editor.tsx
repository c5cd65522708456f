import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { UsageTermsInput } from '../../gql/graphql';
import { ErrorMessage, fieldProblem, problemsOf } from '../../ui/errors';
import { formatDate } from '../../ui/format';
import { instantOf } from '../marketplace/shared';
import { sameTerm, showTerm, TERMS_FIELDS, TermsFields, termsInputOf, termsValuesOf, useTermsLabels, type TermsField, type TermsValues } from './terms-fields';
import { ConflictPanel } from '../../ui/conflict-panel';

const PoolTermsQuery = graphql(`
  query DataPoolTerms($id: ID!) {
    dataPool(id: $id) {
      id
      version
      termsVersion
      validUntil
      terms {
        purposes
        commercialUse
        derivedModelsShareable
        onwardTransfer
        allowedLocations
        retentionDays
        attributionRequired
        personalDataAllowed
      }
    }
  }
`);

const UpdateTerms = graphql(`
  mutation UpdateDataPoolTerms($id: ID!, $expectedVersion: Int!, $terms: UsageTermsInput!, $validUntil: DateTime) {
    updateDataPoolTerms(id: $id, expectedVersion: $expectedVersion, terms: $terms, validUntil: $validUntil) {
      id
      state
      version
      termsVersion
      termsDigest
      validUntil
      terms {
        purposes
        commercialUse
        derivedModelsShareable
        onwardTransfer
        allowedLocations
        retentionDays
        attributionRequired
        personalDataAllowed
      }
    }
  }
`);

export interface PoolTerms {
  id: string;
  version: number;
  termsVersion: number;
  validUntil?: string | null;
  terms: Omit<UsageTermsInput, 'allowedLocations'> & { allowedLocations: readonly string[] };
}

type Field = TermsField | 'validUntil';
interface Values {
  terms: TermsValues;
  /** yyyy-mm-dd or empty (no end) */
  validUntil: string;
}
const dayOf = (instant: string | null | undefined) => (instant ? instant.slice(0, 10) : '');
const valuesOf = (pool: PoolTerms): Values => ({ terms: termsValuesOf(pool.terms), validUntil: dayOf(pool.validUntil) });

/**
 * "Change terms" (viewerCan.editTerms): a new terms version sent with the pool's `version` as `expectedVersion`.
 * When someone changed the pool meanwhile (CONFLICT, STALE_VERSION) it shows where the saved terms differ from
 * what is typed; the person keeps theirs (saved over the new version) or loads the saved ones. Nothing typed is
 * lost either way.
 */
export function TermsEditor({ pool, onSaved }: { pool: PoolTerms; onSaved: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const labels: Record<string, string> = { ...useTermsLabels(), validUntil: t('dataPools.form.validUntil'), expectedVersion: t('dataPools.termsVersion') };
  const [values, setValues] = useState<Values>(() => valuesOf(pool));
  // What the form started from: validUntil is sent only when it was changed here.
  const [base, setBase] = useState<{ version: number; validUntil: string }>({ version: pool.version, validUntil: dayOf(pool.validUntil) });
  const [conflict, setConflict] = useState<{ theirs: PoolTerms; fields: Field[] } | null>(null);
  const [lookupError, setLookupError] = useState<CombinedError | undefined>();
  const [result, update] = useMutation(UpdateTerms);
  const [open, setOpen] = useState(false);

  const save = async (version: number, validUntilBase: string) => {
    const answer = await update({
      id: pool.id,
      expectedVersion: version,
      terms: termsInputOf(values.terms),
      ...(values.validUntil !== validUntilBase ? { validUntil: instantOf(values.validUntil) } : {}),
    });
    if (answer.data) {
      setOpen(false);
      setBase({ version: answer.data.updateDataPoolTerms.version, validUntil: dayOf(answer.data.updateDataPoolTerms.validUntil) });
      onSaved();
      return;
    }
    if (problemsOf(answer.error).some((p) => p.reason === 'STALE_VERSION')) {
      const current = await client.query(PoolTermsQuery, { id: pool.id }, { requestPolicy: 'network-only' }).toPromise();
      setLookupError(current.error);
      const theirs = current.data?.dataPool;
      if (theirs) {
        const saved = valuesOf(theirs);
        const fields: Field[] = [...TERMS_FIELDS.filter((f) => !sameTerm(f, values.terms, saved.terms)), ...(values.validUntil !== saved.validUntil ? ['validUntil' as const] : [])];
        setConflict({ theirs, fields });
      }
    }
  };
  const show = (field: Field, v: Values) => (field === 'validUntil' ? (v.validUntil ? formatDate(v.validUntil) : t('dataPools.untilClosed')) : showTerm(t, field, v.terms));
  const keepMine = () => {
    if (!conflict) return;
    const next = { version: conflict.theirs.version, validUntil: dayOf(conflict.theirs.validUntil) };
    setBase(next);
    setConflict(null);
    void save(next.version, next.validUntil);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    setValues(valuesOf(conflict.theirs));
    setBase({ version: conflict.theirs.version, validUntil: dayOf(conflict.theirs.validUntil) });
    setConflict(null);
    onSaved();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(base.version, base.validUntil);
  };

  return (
    <details className="add" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('dataPools.changeTerms.open')}</summary>
      {conflict && (
        <ConflictPanel
          id="terms-conflict-heading"
          heading="h3"
          text={{
            title: t('dataPools.changeTerms.conflictTitle'),
            intro: t('dataPools.changeTerms.conflictIntro', { version: conflict.theirs.termsVersion }),
            same: t('dataPools.changeTerms.conflictSame'),
            caption: t('dataPools.changeTerms.conflictCaption'),
            field: t('dataPools.changeTerms.field'),
            mine: t('dataPools.changeTerms.mine'),
            theirs: t('dataPools.changeTerms.theirs'),
            keepMine: t('dataPools.changeTerms.keepMine'),
            takeTheirs: t('dataPools.changeTerms.takeTheirs'),
          }}
          rows={conflict.fields.map((f) => ({ field: f, label: labels[f], mine: show(f, values), theirs: show(f, valuesOf(conflict.theirs)) }))}
          busy={result.fetching}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
        />
      )}
      <form className="form" onSubmit={submit} noValidate>
        <p className="meta">{t('dataPools.changeTerms.explain')}</p>
        {!conflict && <ErrorMessage reasons="dataPools.errorReasons" error={result.error} labels={labels} />}
        <ErrorMessage error={lookupError} />
        <TermsFields idPrefix="edit-terms" values={values.terms} onChange={(terms) => setValues({ ...values, terms })} error={result.error} />
        <label htmlFor="edit-terms-valid-until">{labels.validUntil}</label>
        <input id="edit-terms-valid-until" type="date" value={values.validUntil} aria-invalid={!!fieldProblem(result.error, 'validUntil')} onChange={(e) => setValues({ ...values, validUntil: e.target.value })} />
        <div className="actions">
          <button type="submit" className="button primary" disabled={result.fetching}>
            {t('dataPools.changeTerms.save')}
          </button>
        </div>
      </form>
    </details>
  );
}
