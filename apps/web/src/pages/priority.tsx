import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../ui/errors';
import { formatDate } from '../ui/format';
import { MarkdownText } from '../ui/markdown';
import { canEndorse, useViewer } from './groups-shared';
import NotFoundPage from './not-found';

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

/** One priority: its description, rank, endorsing organisations and linked proposals. */
export default function PriorityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // Linked proposals, 50 a page with "Show more" (Graphcache merges the pages); another priority starts again.
  const [paging, setPaging] = useState<{ id: string; after: string | null }>({ id, after: null });
  const proposalsAfter = paging.id === id ? paging.after : null;
  const [{ data, error, fetching }] = useQuery({ query: PriorityQuery, variables: { id, proposalsAfter } });
  const { viewer } = useViewer();
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
        {canEndorse(viewer, scope?.id ?? null, p.status) &&
          (p.viewerHasEndorsed ? (
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
          ) : (
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
          ))}
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
        {p.proposals.pageInfo.hasNextPage && (
          <p className="pager">
            <button type="button" className="button" disabled={fetching} onClick={() => setPaging({ id, after: p.proposals.pageInfo.endCursor ?? null })}>
              {t('groups.priorities.moreProposals')}
            </button>
            <span className="meta">{t('groups.priorities.proposalsShown', { shown: p.proposals.edges.length, count: p.proposals.totalCount })}</span>
          </p>
        )}
      </section>
    </div>
  );
}
