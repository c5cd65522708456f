import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { PriorityStatus } from '../gql/graphql';
import { ErrorMessage, fieldProblem, problemsOf } from '../ui/errors';

// Shared by the group's priorities tab and /priorities (not a screen itself): the ranking with its
// endorse and reorder buttons, and the form that adds a priority.

const Endorse = graphql(`
  mutation EndorsePriority($id: ID!) {
    endorsePriority(id: $id) {
      id
      endorsementCount
      viewerHasEndorsed
    }
  }
`);

const Unendorse = graphql(`
  mutation WithdrawPriorityEndorsement($id: ID!) {
    withdrawPriorityEndorsement(id: $id) {
      id
      endorsementCount
      viewerHasEndorsed
    }
  }
`);

const Reorder = graphql(`
  mutation ReorderPriorities($workingGroupId: ID, $orderedIds: [ID!]!) {
    reorderPriorities(workingGroupId: $workingGroupId, orderedIds: $orderedIds) {
      id
      rank
    }
  }
`);

const Create = graphql(`
  mutation CreatePriority($input: CreatePriorityInput!) {
    createPriority(input: $input) {
      id
      rank
      title
    }
  }
`);

export interface PriorityRow {
  id: string;
  rank: number;
  title: string;
  status: PriorityStatus;
  endorsementCount: number;
  viewerHasEndorsed: boolean;
  viewerCan: { endorse: boolean; withdrawEndorsement: boolean };
}

/**
 * A scope's priorities by rank with their endorsement counts; endorse / withdraw where `viewerCan` allows.
 * Archived priorities are listed apart, below. With `manage` (the scope's `managePriorities`) each current
 * priority has Move up / Move down buttons: a move sends the whole new order (`reorderPriorities` must get
 * every priority of the scope), the current ones first and the archived ones after them. When the scope
 * changed meanwhile (a priority added elsewhere) the API refuses the order and `onStale` fetches the list again.
 */
export function PriorityList({ priorities, groupId, manage, onStale }: { priorities: PriorityRow[]; groupId: string | null; manage: boolean; onStale: () => void }) {
  const { t } = useTranslation();
  const [endorsed, endorse] = useMutation(Endorse);
  const [withdrawn, withdraw] = useMutation(Unendorse);
  const [reordered, reorder] = useMutation(Reorder);
  const [last, setLast] = useState<'endorse' | 'withdraw' | 'reorder' | null>(null);
  const [announce, setAnnounce] = useState('');
  // The cache updates each priority's rank after a reorder; the list itself is ordered here.
  const byRank = [...priorities].sort((a, b) => a.rank - b.rank);
  const current = byRank.filter((p) => p.status !== 'ARCHIVED');
  const archived = byRank.filter((p) => p.status === 'ARCHIVED');

  const move = async (index: number, by: -1 | 1) => {
    const next = [...current];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    setLast('reorder');
    setAnnounce('');
    const result = await reorder({ workingGroupId: groupId, orderedIds: [...next, ...archived].map((p) => p.id) });
    if (result.error) {
      if (problemsOf(result.error).some((p) => p.reason === 'INVALID_ORDERING')) onStale();
      return;
    }
    const rank = result.data?.reorderPriorities.find((p) => p.id === item.id)?.rank ?? index + by + 1;
    setAnnounce(t('groups.priorities.moved', { title: item.title, rank }));
    // Keep focus on the moved priority's button, so repeated presses keep moving it (the other one at an end),
    // once the list has rendered its new order with the buttons enabled again (the effect below).
    refocus.current = { id: item.id, by };
  };
  const refocus = useRef<{ id: string; by: -1 | 1 } | null>(null);
  useEffect(() => {
    if (!refocus.current || reordered.fetching) return;
    const { id, by } = refocus.current;
    refocus.current = null;
    const same = document.getElementById(`priority-${by < 0 ? 'up' : 'down'}-${id}`) as HTMLButtonElement | null;
    const other = document.getElementById(`priority-${by < 0 ? 'down' : 'up'}-${id}`);
    (same && !same.disabled ? same : other)?.focus();
  });

  const error = last === 'endorse' ? endorsed.error : last === 'withdraw' ? withdrawn.error : last === 'reorder' ? reordered.error : undefined;
  const row = (p: PriorityRow, index: number | null) => (
    <li key={p.id}>
      <div>
        <span className="rank">{t('groups.priorities.rank', { rank: p.rank })}</span> <Link to={`/priorities/${p.id}`}>{p.title}</Link>{' '}
        <span className="tag">{t(`groups.priorityStatus.${p.status}`)}</span>
        <span className="meta">
          {' '}
          {t('groups.priorities.endorsements', { count: p.endorsementCount })}
          {p.viewerHasEndorsed && ` · ${t('groups.priorities.endorsedByUs')}`}
        </span>
      </div>
      <span className="priority-actions">
        {manage && index !== null && (
          <>
            <button
              type="button"
              id={`priority-up-${p.id}`}
              className="button subtle"
              disabled={index === 0 || reordered.fetching}
              onClick={() => void move(index, -1)}
              aria-label={t('groups.priorities.moveUp', { title: p.title })}
            >
              ↑
            </button>
            <button
              type="button"
              id={`priority-down-${p.id}`}
              className="button subtle"
              disabled={index === current.length - 1 || reordered.fetching}
              onClick={() => void move(index, 1)}
              aria-label={t('groups.priorities.moveDown', { title: p.title })}
            >
              ↓
            </button>
          </>
        )}
        {p.viewerHasEndorsed
          ? p.viewerCan.withdrawEndorsement && (
              <button
                type="button"
                className="button subtle"
                disabled={withdrawn.fetching}
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
                className="button"
                disabled={endorsed.fetching}
                onClick={() => {
                  setLast('endorse');
                  void endorse({ id: p.id });
                }}
              >
                {t('groups.priorities.endorse', { title: p.title })}
              </button>
            )}
      </span>
    </li>
  );

  return (
    <>
      <ErrorMessage reasons="groups.reasons" error={error} labels={{ orderedIds: t('groups.priorities.ranking') }} />
      <p role="status" aria-live="polite" className="meta">
        {announce}
      </p>
      {current.length === 0 ? <p>{t('groups.priorities.none')}</p> : <ol className="list priorities">{current.map((p, i) => row(p, i))}</ol>}
      {archived.length > 0 && (
        <details className="archived-priorities">
          <summary>{t('groups.priorities.archived', { count: archived.length })}</summary>
          <ul className="list priorities">{archived.map((p) => row(p, null))}</ul>
        </details>
      )}
    </>
  );
}

/**
 * Adds a priority at the end of its scope's ranking (title, description, optionally adopted at once).
 * What was typed stays on an error; after a success the form empties and `onCreated` refreshes the list.
 */
export function CreatePriorityForm({ groupId, onCreated }: { groupId: string | null; onCreated: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [status, setStatus] = useState<PriorityStatus>('PROPOSED');
  const [result, create] = useMutation(Create);
  const [created, setCreated] = useState<string | null>(null);
  const labels = { title: t('groups.priorities.form.title'), description: t('groups.priorities.form.description'), status: t('groups.priorities.form.status') };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const response = await create({ input: { workingGroupId: groupId, title, description, status } });
    if (response.error || !response.data) return;
    setCreated(t('groups.priorities.form.created', { title: response.data.createPriority.title, rank: response.data.createPriority.rank }));
    setTitle('');
    setDescription('');
    setStatus('PROPOSED');
    onCreated();
  };
  const invalid = (field: string) => (fieldProblem(result.error, field) ? true : undefined);
  return (
    <details className="card create-priority">
      <summary>{t('groups.priorities.form.open')}</summary>
      <form className="form inset" onSubmit={(e) => void submit(e)}>
        <ErrorMessage reasons="groups.reasons" error={result.error} labels={labels} />
        <label htmlFor="priority-title">{labels.title}</label>
        <input id="priority-title" required maxLength={200} value={title} aria-invalid={invalid('title')} onChange={(e) => setTitle(e.target.value)} />
        <label htmlFor="priority-description">{labels.description}</label>
        <textarea id="priority-description" className="short" maxLength={10000} value={description} aria-invalid={invalid('description')} onChange={(e) => setDescription(e.target.value)} />
        <label htmlFor="priority-status">{labels.status}</label>
        <select id="priority-status" value={status} aria-invalid={invalid('status')} onChange={(e) => setStatus(e.target.value as PriorityStatus)}>
          <option value="PROPOSED">{t('groups.priorityStatus.PROPOSED')}</option>
          <option value="ADOPTED">{t('groups.priorityStatus.ADOPTED')}</option>
        </select>
        <div className="actions">
          <button type="submit" className="button primary" disabled={result.fetching}>
            {t('groups.priorities.form.create')}
          </button>
        </div>
        {created && <p role="status">{created}</p>}
      </form>
    </details>
  );
}
