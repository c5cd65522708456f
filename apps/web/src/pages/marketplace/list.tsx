import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { CapabilityStatus, DataSensitivity, NeedStatus, ResourceKind } from '../../gql/graphql';
import { formatQuantity, KINDS, SENSITIVITIES } from './shared';
import { ErrorMessage } from '../../ui/errors';
import { ShowMore } from '../../ui/show-more';

const MarketplaceQuery = graphql(`
  query Marketplace(
    $capabilities: CapabilityFilter
    $needs: ResourceNeedFilter
    $showCapabilities: Boolean!
    $showNeeds: Boolean!
    $first: Int!
    $capabilitiesAfter: String
    $needsAfter: String
  ) {
    capabilities(filter: $capabilities, first: $first, after: $capabilitiesAfter) @include(if: $showCapabilities) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          kind
          status
          quantity
          unit
          location
          organization {
            id
            name
          }
        }
      }
    }
    resourceNeeds(filter: $needs, first: $first, after: $needsAfter) @include(if: $showNeeds) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          kind
          status
          quantity
          unit
          anonymous
          organization {
            id
            name
          }
        }
      }
    }
  }
`);

/** Capabilities or needs a page. */
const PAGE = 50;

const CAPABILITY_STATUSES: CapabilityStatus[] = ['ACTIVE', 'PAUSED', 'RETIRED'];
const NEED_STATUSES: NeedStatus[] = ['OPEN', 'FULFILLED', 'CLOSED'];

/** Capabilities and needs, one tab each, with the API's filters; the filters live in the address. */
export default function MarketplacePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'needs' ? 'needs' : 'capabilities';
  const kind = (params.get('kind') ?? '') as ResourceKind | '';
  const status = params.get('status') ?? '';
  const location = params.get('location') ?? '';
  const handles = (params.get('handles') ?? '') as DataSensitivity | '';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const filters = {
    capabilities: {
      kind: kind || undefined,
      status: (status as CapabilityStatus) || undefined,
      location: location.length === 2 ? location : undefined,
      handles: handles || undefined,
      search: params.get('q') || undefined,
    },
    needs: { kind: kind || undefined, status: (status as NeedStatus) || undefined, search: params.get('q') || undefined },
  };
  // "Show more": the pages asked for so far (merged by Graphcache); other filters start at the first page.
  const filterKey = JSON.stringify(filters);
  const [paging, setPaging] = useState<{ filterKey: string; capabilitiesAfter: string | null; needsAfter: string | null }>({
    filterKey,
    capabilitiesAfter: null,
    needsAfter: null,
  });
  const after = paging.filterKey === filterKey ? paging : { capabilitiesAfter: null, needsAfter: null };
  const [{ data, error, fetching }] = useQuery({
    query: MarketplaceQuery,
    variables: {
      showCapabilities: tab === 'capabilities',
      showNeeds: tab === 'needs',
      ...filters,
      first: PAGE,
      capabilitiesAfter: after.capabilitiesAfter,
      needsAfter: after.needsAfter,
    },
  });
  const statuses = tab === 'capabilities' ? CAPABILITY_STATUSES : NEED_STATUSES;

  return (
    <div className="marketplace">
      <h1>{t('marketplace.title')}</h1>
      <p className="actions">
        <Link className="button" to="/capabilities/new">
          {t('marketplace.publishCapability')}
        </Link>
        <Link className="button" to="/resource-needs/new">
          {t('marketplace.publishNeed')}
        </Link>
        <Link className="button subtle" to="/introductions">
          {t('marketplace.introductions')}
        </Link>
      </p>
      <nav aria-label={t('marketplace.tabs')} className="tabs">
        <Link to="?tab=capabilities" aria-current={tab === 'capabilities' ? 'page' : undefined}>
          {t('marketplace.capabilities')}
        </Link>
        <Link to="?tab=needs" aria-current={tab === 'needs' ? 'page' : undefined}>
          {t('marketplace.needs')}
        </Link>
      </nav>
      <form
        className="filters"
        role="search"
        aria-label={t('marketplace.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: search.trim() });
        }}
      >
        <div>
          <label htmlFor="market-search">{t('marketplace.search')}</label>
          <input id="market-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div>
          <label htmlFor="market-kind">{t('marketplace.field.kind')}</label>
          <select id="market-kind" value={kind} onChange={(e) => update({ kind: e.target.value })}>
            <option value="">{t('marketplace.any')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`marketplace.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="market-status">{t('marketplace.field.status')}</label>
          <select id="market-status" value={statuses.includes(status as never) ? status : ''} onChange={(e) => update({ status: e.target.value })}>
            <option value="">{t('marketplace.any')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`marketplace.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {tab === 'capabilities' && (
          <>
            <div>
              <label htmlFor="market-location">{t('marketplace.field.location')}</label>
              <input id="market-location" maxLength={2} size={4} value={location} onChange={(e) => update({ location: e.target.value.toUpperCase() })} />
            </div>
            <div>
              <label htmlFor="market-handles">{t('marketplace.handles')}</label>
              <select id="market-handles" value={handles} onChange={(e) => update({ handles: e.target.value })}>
                <option value="">{t('marketplace.any')}</option>
                {SENSITIVITIES.map((s) => (
                  <option key={s} value={s}>
                    {t(`marketplace.sensitivities.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        <button type="submit" className="button">
          {t('marketplace.apply')}
        </button>
      </form>
      <ErrorMessage reasons="marketplace.errorReasons" error={error} />
      {!data && fetching && <p role="status">{t('common.loading')}</p>}
      {tab === 'capabilities' && data?.capabilities && (
        <section aria-labelledby="capabilities-heading">
          <h2 id="capabilities-heading">{t('marketplace.capabilitiesCount', { count: data.capabilities.totalCount })}</h2>
          <ul className="list">
            {data.capabilities.edges.map(({ node: c }) => (
              <li key={c.id}>
                <Link to={`/capabilities/${c.id}`}>{c.title}</Link>
                <span className="meta">
                  {c.organization.name} · {t(`marketplace.kinds.${c.kind}`)} · {formatQuantity(t, c.quantity, c.unit)} · {c.location}
                </span>
                <span className="tag">{t(`marketplace.statuses.${c.status}`)}</span>
              </li>
            ))}
          </ul>
          {data.capabilities.totalCount === 0 && <p>{t('marketplace.noneFound')}</p>}
          <ShowMore
            pageInfo={data.capabilities.pageInfo}
            fetching={fetching}
            label={t('marketplace.moreCapabilities')}
            shown={t('marketplace.shown', { shown: data.capabilities.edges.length, count: data.capabilities.totalCount })}
            onMore={(cursor) => setPaging({ filterKey, needsAfter: after.needsAfter, capabilitiesAfter: cursor })}
          />
        </section>
      )}
      {tab === 'needs' && data?.resourceNeeds && (
        <section aria-labelledby="needs-heading">
          <h2 id="needs-heading">{t('marketplace.needsCount', { count: data.resourceNeeds.totalCount })}</h2>
          <ul className="list">
            {data.resourceNeeds.edges.map(({ node: n }) => (
              <li key={n.id}>
                <Link to={`/resource-needs/${n.id}`}>{n.title}</Link>
                <span className="meta">
                  {n.organization?.name ?? t('marketplace.anonymousMember')} · {t(`marketplace.kinds.${n.kind}`)} · {formatQuantity(t, n.quantity, n.unit)}
                </span>
                {n.anonymous && <span className="tag">{t('marketplace.anonymous')}</span>}
                <span className="tag">{t(`marketplace.statuses.${n.status}`)}</span>
              </li>
            ))}
          </ul>
          {data.resourceNeeds.totalCount === 0 && <p>{t('marketplace.noneFound')}</p>}
          <ShowMore
            pageInfo={data.resourceNeeds.pageInfo}
            fetching={fetching}
            label={t('marketplace.moreNeeds')}
            shown={t('marketplace.shown', { shown: data.resourceNeeds.edges.length, count: data.resourceNeeds.totalCount })}
            onMore={(cursor) => setPaging({ filterKey, capabilitiesAfter: after.capabilitiesAfter, needsAfter: cursor })}
          />
        </section>
      )}
    </div>
  );
}
