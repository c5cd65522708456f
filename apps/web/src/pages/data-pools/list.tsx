import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { DataPoolState } from '../../gql/graphql';
import { useViewer } from '../marketplace/shared';
import { ErrorMessage } from '../../ui/errors';
import { ShowMore } from '../../ui/show-more';

const DataPoolsQuery = graphql(`
  query DataPools($state: DataPoolState, $first: Int!, $after: String) {
    dataPools(first: $first, after: $after, state: $state) {
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
          termsVersion
          steward {
            id
            name
          }
          workingGroup {
            id
            name
          }
          signatories {
            role
            state
            termsVersion
            organization {
              id
            }
          }
        }
      }
    }
    workingGroups {
      id
      viewerCan {
        createDataPool
      }
    }
  }
`);

export const POOL_STATES: DataPoolState[] = ['DRAFT', 'OPEN_FOR_SIGNATURE', 'ACTIVE', 'SUSPENDED', 'EXPIRED', 'CLOSED'];

/** The pools the viewer may read, with their organisation's part in each. */
/** Pools a page. */
const PAGE = 50;

export default function DataPoolsPage() {
  const { t } = useTranslation();
  const { orgId } = useViewer();
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') ?? '') as DataPoolState | '';
  // "Show more": the pages asked for so far (merged by Graphcache); another state starts at the first page.
  const [paging, setPaging] = useState<{ state: string; after: string | null }>({ state, after: null });
  const after = paging.state === state ? paging.after : null;
  const [{ data, error, fetching }] = useQuery({ query: DataPoolsQuery, variables: { state: state || undefined, first: PAGE, after } });
  return (
    <div>
      <h1>{t('dataPools.title')}</h1>
      <p>{t('dataPools.intro')}</p>
      {data?.workingGroups.some((g) => g.viewerCan.createDataPool) && (
        <p>
          <Link className="button primary" to="/data-pools/new">
            {t('dataPools.form.heading')}
          </Link>
        </p>
      )}
      <div className="filters">
        <div>
          <label htmlFor="pool-state">{t('dataPools.state')}</label>
          <select id="pool-state" value={state} onChange={(e) => setParams(e.target.value ? { state: e.target.value } : {}, { replace: true })}>
            <option value="">{t('dataPools.any')}</option>
            {POOL_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`dataPools.states.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorMessage reasons="dataPools.errorReasons" error={error} />
      {!data && fetching && <p role="status">{t('common.loading')}</p>}
      {data && (
        <>
          <h2>{t('dataPools.count', { count: data.dataPools.totalCount })}</h2>
          <ul className="list">
            {data.dataPools.edges.map(({ node: p }) => {
              const mine = p.signatories.find((s) => s.organization.id === orgId);
              return (
                <li key={p.id}>
                  <Link to={`/data-pools/${p.id}`}>{p.title}</Link>
                  <span className="meta">
                    {p.workingGroup.name} · {t('dataPools.stewardIs', { organization: p.steward.name })}
                  </span>
                  <span className="tag">{t(`dataPools.states.${p.state}`)}</span>
                  {mine && (
                    <span className="tag">
                      {t(`dataPools.roles.${mine.role}`)}: {mine.state === 'SIGNED' && mine.termsVersion !== p.termsVersion ? t('dataPools.signedOlder') : t(`dataPools.signatureStates.${mine.state}`)}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          {data.dataPools.totalCount === 0 && <p>{t('dataPools.none')}</p>}
          <ShowMore
            pageInfo={data.dataPools.pageInfo}
            fetching={fetching}
            label={t('dataPools.more')}
            shown={t('dataPools.shown', { shown: data.dataPools.edges.length, count: data.dataPools.totalCount })}
            onMore={(cursor) => setPaging({ state, after: cursor })}
          />
        </>
      )}
    </div>
  );
}
