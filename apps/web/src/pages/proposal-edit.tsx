import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useClient, useMutation, useQuery, type CombinedError } from 'urql';
import { graphql } from '../gql';
import type { ProposalForEditQuery } from '../gql/graphql';
import { ErrorMessage, problemsOf } from '../ui/errors';
import { EDITED_FIELDS, ProposalFields, sameValue, useFieldLabels, type EditedField, type ProposalValues } from '../ui/proposal-parts';
import { ConflictPanel } from '../ui/conflict-panel';

const ProposalForEdit = graphql(`
  query ProposalForEdit($id: ID!) {
    proposal(id: $id) {
      id
      title
      summary
      body
      kind
      confidentiality
      state
      version
      viewerCan {
        edit
      }
      priorities {
        id
        title
      }
      workingGroup {
        id
        name
        priorities {
          id
          title
          status
        }
      }
      updatedAt
    }
    alliancePriorities: priorities {
      id
      title
      status
    }
  }
`);

const UpdateProposal = graphql(`
  mutation UpdateProposal($id: ID!, $expectedVersion: Int!, $input: UpdateProposalInput!) {
    updateProposal(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      title
      summary
      body
      kind
      confidentiality
      version
      updatedAt
      priorities {
        id
        title
      }
    }
  }
`);

type Loaded = NonNullable<ProposalForEditQuery['proposal']>;

function valuesOf(p: Loaded): ProposalValues {
  return { title: p.title, summary: p.summary, body: p.body, kind: p.kind, confidentiality: p.confidentiality, priorityIds: p.priorities.map((x) => x.id) };
}

/** Editing waits for the proposal once, then owns its form state: a live change elsewhere never overwrites what is typed. */
export default function EditProposalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: ProposalForEdit, variables: { id }, requestPolicy: 'network-only' });
  if (!data) return fetching ? <p role="status">{t('common.loading')}</p> : <ErrorMessage error={error} />;
  if (!data.proposal) {
    return (
      <div>
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.text')}</p>
      </div>
    );
  }
  if (!data.proposal.viewerCan.edit) {
    return (
      <div>
        <h1>{data.proposal.title}</h1>
        <p>{t('proposals.edit.notAllowed')}</p>
        <Link to={`/proposals/${data.proposal.id}`}>{t('proposals.edit.back')}</Link>
      </div>
    );
  }
  const priorities = [...data.proposal.workingGroup.priorities, ...data.alliancePriorities].filter(
    (p) => p.status !== 'ARCHIVED' || data.proposal!.priorities.some((x) => x.id === p.id),
  );
  return <EditForm initial={data.proposal} priorities={priorities} />;
}

interface Conflict {
  theirs: Loaded;
  fields: EditedField[];
}

function EditForm({ initial, priorities }: { initial: Loaded; priorities: { id: string; title: string }[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useClient();
  const labels = useFieldLabels();
  const [values, setValues] = useState<ProposalValues>(() => valuesOf(initial));
  const [baseVersion, setBaseVersion] = useState(initial.version);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [result, update] = useMutation(UpdateProposal);
  const [lookupError, setLookupError] = useState<CombinedError | undefined>();

  const save = async (version: number) => {
    const answer = await update({ id: initial.id, expectedVersion: version, input: values });
    if (answer.data) {
      void navigate(`/proposals/${initial.id}`);
      return;
    }
    if (problemsOf(answer.error).some((p) => p.reason === 'STALE_VERSION')) {
      // Someone saved in the meantime: fetch their version and show where it differs from what is typed here.
      const current = await client.query(ProposalForEdit, { id: initial.id }, { requestPolicy: 'network-only' }).toPromise();
      setLookupError(current.error);
      if (current.data?.proposal) {
        const theirs = current.data.proposal;
        setConflict({ theirs, fields: EDITED_FIELDS.filter((f) => !sameValue(f, values, valuesOf(theirs))) });
      }
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(baseVersion);
  };
  const keepMine = () => {
    if (!conflict) return;
    setBaseVersion(conflict.theirs.version);
    setConflict(null);
    void save(conflict.theirs.version);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    setValues(valuesOf(conflict.theirs));
    setBaseVersion(conflict.theirs.version);
    setConflict(null);
  };
  const show = (field: EditedField, v: ProposalValues) => {
    if (field === 'kind') return t(`proposals.kind.${v.kind}`);
    if (field === 'confidentiality') return t(`proposals.confidentiality.${v.confidentiality}`);
    if (field === 'priorityIds') {
      const titles = [...priorities, ...(conflict?.theirs.priorities ?? [])];
      return v.priorityIds.map((id) => titles.find((p) => p.id === id)?.title ?? id).join(', ') || '—';
    }
    return v[field];
  };

  return (
    <div className="proposal-form">
      <h1>{t('proposals.edit.title', { title: initial.title })}</h1>
      <p>
        <Link to={`/proposals/${initial.id}`}>{t('proposals.edit.back')}</Link>
      </p>
      {conflict && (
        <ConflictPanel
          id="conflict-heading"
          text={{
            title: t('proposals.conflict.title'),
            intro: t('proposals.conflict.intro', { version: conflict.theirs.version }),
            same: t('proposals.conflict.same'),
            caption: t('proposals.conflict.caption'),
            field: t('proposals.conflict.field'),
            mine: t('proposals.conflict.mine'),
            theirs: t('proposals.conflict.theirs'),
            keepMine: t('proposals.conflict.keepMine'),
            takeTheirs: t('proposals.conflict.takeTheirs'),
          }}
          rows={conflict.fields.map((f) => ({ field: f, label: labels[f], mine: show(f, values), theirs: show(f, valuesOf(conflict.theirs)) }))}
          busy={result.fetching}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
        />
      )}
      <form className="form" onSubmit={submit}>
        {!conflict && <ErrorMessage reasons="proposals.reasons" error={result.error} labels={labels} />}
        <ErrorMessage error={lookupError} />
        <ProposalFields values={values} onChange={setValues} error={result.error} priorities={priorities} />
        <button type="submit" className="button primary" disabled={result.fetching}>
          {t('common.save')}
        </button>
      </form>
    </div>
  );
}
