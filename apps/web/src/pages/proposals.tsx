import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { OrderDirection, ProposalFilter, ProposalKind, ProposalOrderField, ProposalState } from '../gql/graphql';
import { formatDate } from '../ui/format';
import { KINDS, STATES } from '../ui/proposal-parts';
import { ErrorMessage } from '../ui/errors';

const ProposalList = graphql(`
  query ProposalList($first: Int!, $after: String, $filter: ProposalFilter, $orderBy: ProposalOrder) {
    proposals(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          summary
          state
          kind
          supportCount
          updatedAt
          workingGroup {
            id
            name
          }
          leadOrganization {
            id
            name
          }
        }
      }
    }
  }
`);

const ListOptions = graphql(`
  query ProposalListOptions {
    workingGroups {
      id
      name
    }
    me {
      id
      role
      participations {
        id
        workingGroup {
          id
          viewerCan {
            createProposal
          }
        }
      }
    }
  }
`);

const PAGE = 20;
const SORTS: Record<string, { field: ProposalOrderField; direction: OrderDirection }> = {
  newest: { field: 'CREATED_AT', direction: 'DESC' },
  updated: { field: 'UPDATED_AT', direction: 'DESC' },
  support: { field: 'SUPPORT_COUNT', direction: 'DESC' },
  title: { field: 'TITLE', direction: 'ASC' },
};

/** The proposals the viewer may read, filtered, searched and sorted; the filters live in the address. */
export default function ProposalsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const kind = params.get('kind') ?? '';
  const group = params.get('group') ?? '';
  const search = params.get('q') ?? '';
  const sort = params.get('sort') && SORTS[params.get('sort')!] ? params.get('sort')! : 'newest';
  const [typed, setTyped] = useState(search);
  const [{ data: options }] = useQuery({ query: ListOptions });
  // Drafting is offered where the viewer may draft in some group (admins anywhere); the API decides per group.
  const mayDraft = options?.me?.role === 'ADMIN' || !!options?.me?.participations.some((p) => p.workingGroup.viewerCan.createProposal);

  const filter: ProposalFilter = {
    ...(state ? { states: [state as ProposalState] } : {}),
    ...(kind ? { kinds: [kind as ProposalKind] } : {}),
    ...(group ? { workingGroupId: group } : {}),
    ...(search ? { search } : {}),
  };
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setParam('q', typed.trim());
  };

  return (
    <div className="proposals">
      <div className="page-head">
        <h1>{t('proposals.list.title')}</h1>
        {mayDraft && (
          <Link className="button primary" to={group ? `/proposals/new?group=${group}` : '/proposals/new'}>
            {t('proposals.list.new')}
          </Link>
        )}
      </div>
      <form role="search" className="filters" onSubmit={submitSearch} aria-label={t('proposals.list.filters')}>
        <div>
          <label htmlFor="filter-search">{t('proposals.list.search')}</label>
          <input id="filter-search" type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </div>
        <div>
          <label htmlFor="filter-state">{t('proposals.field.state')}</label>
          <select id="filter-state" value={state} onChange={(e) => setParam('state', e.target.value)}>
            <option value="">{t('proposals.list.any')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`proposals.state.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-kind">{t('proposals.field.kind')}</label>
          <select id="filter-kind" value={kind} onChange={(e) => setParam('kind', e.target.value)}>
            <option value="">{t('proposals.list.any')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`proposals.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-group">{t('proposals.field.group')}</label>
          <select id="filter-group" value={group} onChange={(e) => setParam('group', e.target.value)}>
            <option value="">{t('proposals.list.any')}</option>
            {options?.workingGroups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-sort">{t('proposals.list.sort')}</label>
          <select id="filter-sort" value={sort} onChange={(e) => setParam('sort', e.target.value === 'newest' ? '' : e.target.value)}>
            {Object.keys(SORTS).map((s) => (
              <option key={s} value={s}>
                {t(`proposals.list.sorts.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('proposals.list.apply')}
        </button>
      </form>
      {/* A new set of filters starts again at the first page. */}
      <Results key={JSON.stringify([filter, sort])} filter={filter} orderBy={SORTS[sort]} />
    </div>
  );
}

function Results({ filter, orderBy }: { filter: ProposalFilter; orderBy: { field: ProposalOrderField; direction: OrderDirection } }) {
  const { t } = useTranslation();
  const [after, setAfter] = useState<string | null>(null);
  // Graphcache's relayPagination merges the pages asked for so far into one list.
  const [{ data, error, fetching }] = useQuery({ query: ProposalList, variables: { first: PAGE, after, filter, orderBy } });
  const connection = data?.proposals;
  return (
    <section aria-labelledby="results-heading" aria-busy={fetching}>
      <h2 id="results-heading" className="meta" aria-live="polite">
        {connection ? t('proposals.list.count', { count: connection.totalCount }) : t('common.loading')}
      </h2>
      <ErrorMessage reasons="proposals.reasons" error={error} />
      {connection && connection.edges.length === 0 && <p>{t('proposals.list.none')}</p>}
      <ul className="list proposal-list">
        {connection?.edges.map(({ node: p }) => (
          <li key={p.id}>
            <Link to={`/proposals/${p.id}`}>{p.title}</Link>
            <span className="tag">{t(`proposals.state.${p.state}`)}</span>
            <span className="tag">{t(`proposals.kind.${p.kind}`)}</span>
            <span className="meta">
              {p.workingGroup.name} · {p.leadOrganization.name} · {t('proposals.list.supports', { count: p.supportCount })} · {formatDate(p.updatedAt)}
            </span>
          </li>
        ))}
      </ul>
      {connection?.pageInfo.hasNextPage && (
        <button type="button" className="button" disabled={fetching} onClick={() => setAfter(connection.pageInfo.endCursor ?? null)}>
          {t('proposals.list.more')}
        </button>
      )}
    </section>
  );
}
