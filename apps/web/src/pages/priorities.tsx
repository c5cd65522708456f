import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../ui/errors';
import { CreatePriorityForm, PriorityList } from './priorities-shared';

const AlliancePrioritiesQuery = graphql(`
  query AlliancePriorities {
    alliancePrioritiesViewerCan {
      managePriorities
    }
    priorities {
      id
      rank
      title
      status
      endorsementCount
      viewerHasEndorsed
      viewerCan {
        endorse
        withdrawEndorsement
      }
    }
  }
`);

/**
 * The alliance-wide priorities (set by the steering committee), by rank; the link in PRIORITIES emails
 * without a group. Admins (`alliancePrioritiesViewerCan.managePriorities`) add and reorder them.
 */
export default function AlliancePrioritiesPage() {
  const { t } = useTranslation();
  const [{ data, error, fetching }, refetch] = useQuery({ query: AlliancePrioritiesQuery });
  const manage = !!data?.alliancePrioritiesViewerCan.managePriorities;
  return (
    <div className="priorities-page">
      <h1>{t('groups.priorities.allianceTitle')}</h1>
      <p>{t('groups.priorities.allianceIntro')}</p>
      <ErrorMessage error={error} />
      {!data && fetching && <p role="status">{t('common.loading')}</p>}
      {manage && <CreatePriorityForm groupId={null} onCreated={() => refetch({ requestPolicy: 'network-only' })} />}
      {data && <PriorityList priorities={data.priorities} groupId={null} manage={manage} onStale={() => refetch({ requestPolicy: 'network-only' })} />}
    </div>
  );
}
