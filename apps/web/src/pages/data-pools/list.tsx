import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { DataPoolState } from '../../gql/graphql';
import { useViewer } from '../marketplace/shared';
import { ErrorMessage } from '../../ui/errors';

const DataPoolsQuery = graphql(`
  query DataPools($state: DataPoolState) {
    dataPools(first: 100, state: $state) {
      totalCount
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
export default function DataPoolsPage() {
  const { t } = useTranslation();
  const { orgId } = useViewer();
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') ?? '') as DataPoolState | '';
  const [{ data, error, fetching }] = useQuery({ query: DataPoolsQuery, variables: { state: state || undefined } });
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
        </>
      )}
    </div>
  );
}
