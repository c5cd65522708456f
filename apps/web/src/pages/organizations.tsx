import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { OrganizationFilter, OrganizationKind } from '../gql/graphql';
import { ErrorMessage } from '../ui/errors';
import { ORGANIZATION_KINDS } from '../ui/organization-kinds';

const OrganizationList = graphql(`
  query OrganizationList($first: Int!, $after: String, $filter: OrganizationFilter) {
    organizations(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          shortName
          kind
          country
        }
      }
    }
  }
`);

/** Whether the viewer is an admin: the predicate createOrganization, updateOrganization and invitePerson apply. */
const OrganizationsViewer = graphql(`
  query OrganizationsViewer {
    me {
      id
      role
    }
  }
`);

const PAGE = 20;

/** Every organisation on the platform, by name; searched by name, filtered by kind and country (in the address). */
export default function OrganizationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const kind = params.get('kind') ?? '';
  const country = params.get('country') ?? '';
  const [typed, setTyped] = useState({ search, country });
  const [{ data: viewer }] = useQuery({ query: OrganizationsViewer });
  const filter: OrganizationFilter = {
    ...(search ? { search } : {}),
    ...(kind ? { kind: kind as OrganizationKind } : {}),
    ...(country ? { country } : {}),
  };
  const setParam = (next: Record<string, string>) => {
    const all = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) all.set(key, value);
      else all.delete(key);
    }
    setParams(all, { replace: true });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParam({ q: typed.search.trim(), country: typed.country.trim().toUpperCase() });
  };
  return (
    <div className="organizations">
      <div className="page-head">
        <h1>{t('organizations.list.title')}</h1>
        {viewer?.me?.role === 'ADMIN' && (
          <Link className="button primary" to="/organizations/new">
            {t('organizations.list.new')}
          </Link>
        )}
      </div>
      <form role="search" className="filters" onSubmit={submit} aria-label={t('organizations.list.filters')}>
        <div>
          <label htmlFor="org-search">{t('organizations.list.search')}</label>
          <input id="org-search" type="search" value={typed.search} onChange={(e) => setTyped({ ...typed, search: e.target.value })} />
        </div>
        <div>
          <label htmlFor="org-kind">{t('organizations.list.kind')}</label>
          <select id="org-kind" value={kind} onChange={(e) => setParam({ kind: e.target.value })}>
            <option value="">{t('organizations.list.any')}</option>
            {ORGANIZATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`organizations.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="org-country">{t('organizations.list.country')}</label>
          <input id="org-country" size={4} maxLength={2} value={typed.country} onChange={(e) => setTyped({ ...typed, country: e.target.value })} />
        </div>
        <button type="submit" className="button">
          {t('organizations.list.apply')}
        </button>
      </form>
      {/* New filters start again at the first page. */}
      <Results key={JSON.stringify(filter)} filter={filter} />
    </div>
  );
}

function Results({ filter }: { filter: OrganizationFilter }) {
  const { t } = useTranslation();
  const [after, setAfter] = useState<string | null>(null);
  // Graphcache's relayPagination merges the pages asked for so far into one list.
  const [{ data, error, fetching }] = useQuery({ query: OrganizationList, variables: { first: PAGE, after, filter } });
  const connection = data?.organizations;
  return (
    <section aria-labelledby="org-results" aria-busy={fetching}>
      <h2 id="org-results" className="meta" aria-live="polite">
        {connection ? t('organizations.list.count', { count: connection.totalCount }) : t('common.loading')}
      </h2>
      <ErrorMessage error={error} labels={{ country: t('organizations.list.country') }} />
      {connection && connection.edges.length === 0 && <p>{t('organizations.list.none')}</p>}
      <ul className="list organization-list">
        {connection?.edges.map(({ node: o }) => (
          <li key={o.id}>
            <Link to={`/organizations/${o.id}`}>{o.name}</Link>
            {o.shortName && <span className="meta"> ({o.shortName})</span>} <span className="tag">{t(`organizations.kind.${o.kind}`)}</span>{' '}
            <span className="tag">{o.country}</span>
          </li>
        ))}
      </ul>
      {connection?.pageInfo.hasNextPage && (
        <button type="button" className="button" disabled={fetching} onClick={() => setAfter(connection.pageInfo.endCursor ?? null)}>
          {t('organizations.list.more')}
        </button>
      )}
    </section>
  );
}
