import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { PriorityStatus } from '../gql/graphql';
import { ErrorMessage, fieldProblem } from '../ui/errors';
import { formatDate } from '../ui/format';
import { ConfirmDialog, DialogClose } from '../ui/confirm-dialog';
import { MarkdownText } from '../ui/markdown';
import NotFoundPage from './not-found';
import { ShowMore } from '../ui/show-more';

const PriorityQuery = graphql(`
  query PriorityDetail($id: ID!, $proposalsAfter: String) {
    priority(id: $id) {
      id
      rank
      title
      description
      status
      createdAt
      endorsementCount
      viewerHasEndorsed
      viewerCan {
        edit
        endorse
        withdrawEndorsement
      }
      endorsements {
        id
        name
      }
      workingGroup {
        id
        name
      }
      proposals(first: 50, after: $proposalsAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            title
            state
          }
        }
      }
    }
  }
`);

const EndorseOne = graphql(`
  mutation EndorseOnePriority($id: ID!) {
    endorsePriority(id: $id) {
      id
      endorsementCount
      viewerHasEndorsed
      endorsements {
        id
        name
      }
    }
  }
`);

const WithdrawOne = graphql(`
  mutation WithdrawOnePriority($id: ID!) {
    withdrawPriorityEndorsement(id: $id) {
      id
      endorsementCount
      viewerHasEndorsed
      endorsements {
        id
        name
      }
    }
  }
`);

const UpdatePriority = graphql(`
  mutation UpdatePriority($id: ID!, $input: UpdatePriorityInput!) {
    updatePriority(id: $id, input: $input) {
      id
      rank
      title
      description
      status
      viewerCan {
        edit
        endorse
        withdrawEndorsement
      }
    }
  }
`);

/** One priority: its description, rank, endorsing organisations and linked proposals. */
export default function PriorityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // Linked proposals, 50 a page with "Show more" (Graphcache merges the pages); another priority starts again.
  const [paging, setPaging] = useState<{ id: string; after: string | null }>({ id, after: null });
  const proposalsAfter = paging.id === id ? paging.after : null;
  const [{ data, error, fetching }] = useQuery({ query: PriorityQuery, variables: { id, proposalsAfter } });
  const [endorsed, endorse] = useMutation(EndorseOne);
  const [withdrawn, withdraw] = useMutation(WithdrawOne);
  const [last, setLast] = useState<'endorse' | 'withdraw' | null>(null);
  if (!data) return fetching ? <p role="status">{t('common.loading')}</p> : <ErrorMessage error={error} />;
  const p = data.priority;
  if (!p) return <NotFoundPage />;
  const scope = p.workingGroup;
  return (
    <div className="priority">
      <h1>{p.title}</h1>
      <p className="meta">
        <span className="tag">{t(`groups.priorityStatus.${p.status}`)}</span> {t('groups.priorities.rank', { rank: p.rank })} ·{' '}
        {scope ? <Link to={`/working-groups/${scope.id}/priorities`}>{scope.name}</Link> : <Link to="/priorities">{t('groups.priorities.allianceTitle')}</Link>} ·{' '}
        {formatDate(p.createdAt)}
      </p>
      <MarkdownText text={p.description} />
      {p.viewerCan.edit && <ManagePriority priority={p} />}
      <section aria-labelledby="endorsements-heading" className="card">
        <h2 id="endorsements-heading">{t('groups.priorities.endorsements', { count: p.endorsementCount })}</h2>
        <ErrorMessage reasons="groups.reasons" error={last === 'endorse' ? endorsed.error : last === 'withdraw' ? withdrawn.error : undefined} />
        {p.endorsements.length > 0 && (
          <ul>
            {p.endorsements.map((o) => (
              <li key={o.id}>{o.name}</li>
            ))}
          </ul>
        )}
        {p.viewerHasEndorsed
          ? p.viewerCan.withdrawEndorsement && (
            <button
              type="button"
              className="button subtle"
              onClick={() => {
                setLast('withdraw');
                void withdraw({ id: p.id });
              }}
            >
              {t('groups.priorities.withdraw', { title: p.title })}
            </button>
          )
          : p.viewerCan.endorse && (
            <button
              type="button"
              className="button primary"
              onClick={() => {
                setLast('endorse');
                void endorse({ id: p.id });
              }}
            >
              {t('groups.priorities.endorse', { title: p.title })}
            </button>
          )}
      </section>
      <section aria-labelledby="linked-heading">
        <h2 id="linked-heading">{t('groups.priorities.proposals', { count: p.proposals.totalCount })}</h2>
        {p.proposals.edges.length === 0 ? (
          <p>{t('groups.priorities.noProposals')}</p>
        ) : (
          <ul className="list">
            {p.proposals.edges.map(({ node: pr }) => (
              <li key={pr.id}>
                <Link to={`/proposals/${pr.id}`}>{pr.title}</Link> <span className="tag">{t(`groups.proposalState.${pr.state}`)}</span>
              </li>
            ))}
          </ul>
        )}
        <ShowMore
          pageInfo={p.proposals.pageInfo}
          fetching={fetching}
          label={t('groups.priorities.moreProposals')}
          shown={t('groups.priorities.proposalsShown', { shown: p.proposals.edges.length, count: p.proposals.totalCount })}
          onMore={(cursor) => setPaging({ id, after: cursor })}
        />
      </section>
    </div>
  );
}

/**
 * For the scope's managers (`viewerCan.edit`): edit the title and description, adopt, archive (asked once
 * more) and bring an archived priority back as proposed. The form keeps what was typed on an error.
 */
function ManagePriority({ priority }: { priority: { id: string; title: string; description: string; status: PriorityStatus } }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(priority.title);
  const [description, setDescription] = useState(priority.description);
  const [saved, save] = useMutation(UpdatePriority);
  const [changed, change] = useMutation(UpdatePriority);
  const [archiving, setArchiving] = useState(false);
  const [done, setDone] = useState('');
  const labels = { title: t('groups.priorities.form.title'), description: t('groups.priorities.form.description') };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save({ id: priority.id, input: { title, description } });
    if (result.error) return;
    setEditing(false);
    setDone(t('groups.priorities.manage.saved'));
  };
  const setStatus = async (status: PriorityStatus) => {
    setDone('');
    const result = await change({ id: priority.id, input: { status } });
    if (result.error) return;
    setArchiving(false);
    setDone(t(`groups.priorities.manage.now${status}`));
  };
  const invalid = (field: string) => (fieldProblem(saved.error, field) ? true : undefined);
  return (
    <section aria-label={t('groups.priorities.manage.label')} className="card">
      {!archiving && <ErrorMessage reasons="groups.reasons" error={changed.error} />}
      <div className="actions">
        {!editing && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setTitle(priority.title);
              setDescription(priority.description);
              setDone('');
              setEditing(true);
            }}
          >
            {t('groups.priorities.manage.edit')}
          </button>
        )}
        {priority.status === 'PROPOSED' && (
          <button type="button" className="button primary" disabled={changed.fetching} onClick={() => void setStatus('ADOPTED')}>
            {t('groups.priorities.manage.adopt')}
          </button>
        )}
        {priority.status === 'ARCHIVED' ? (
          <button type="button" className="button" disabled={changed.fetching} onClick={() => void setStatus('PROPOSED')}>
            {t('groups.priorities.manage.restore')}
          </button>
        ) : (
          <ConfirmDialog
            open={archiving}
            onOpenChange={setArchiving}
            title={t('groups.priorities.manage.archiveTitle', { title: priority.title })}
            description={t('groups.priorities.manage.archiveText')}
            trigger={
              <button type="button" className="button subtle">
                {t('groups.priorities.manage.archive')}
              </button>
            }
          >
            <ErrorMessage reasons="groups.reasons" error={changed.error} />
            <div className="actions">
              <button type="button" className="button danger" disabled={changed.fetching} onClick={() => void setStatus('ARCHIVED')}>
                {t('groups.priorities.manage.confirmArchive')}
              </button>
              <DialogClose asChild>
                <button type="button" className="button subtle">
                  {t('groups.priorities.manage.keep')}
                </button>
              </DialogClose>
            </div>
          </ConfirmDialog>
        )}
      </div>
      {done && <p role="status">{done}</p>}
      {editing && (
        <form className="form inset" onSubmit={(e) => void submit(e)}>
          <ErrorMessage reasons="groups.reasons" error={saved.error} labels={labels} />
          <label htmlFor="edit-priority-title">{labels.title}</label>
          <input id="edit-priority-title" required maxLength={200} value={title} aria-invalid={invalid('title')} onChange={(e) => setTitle(e.target.value)} />
          <label htmlFor="edit-priority-description">{labels.description}</label>
          <textarea id="edit-priority-description" maxLength={10000} value={description} aria-invalid={invalid('description')} onChange={(e) => setDescription(e.target.value)} />
          <div className="actions">
            <button type="submit" className="button primary" disabled={saved.fetching}>
              {t('groups.priorities.manage.save')}
            </button>
            <button type="button" className="button subtle" onClick={() => setEditing(false)}>
              {t('groups.priorities.manage.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
