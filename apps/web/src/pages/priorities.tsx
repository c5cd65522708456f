import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../ui/errors';
import { PriorityList, useViewer } from './groups-shared';

const AlliancePrioritiesQuery = graphql(`
  query AlliancePriorities {
    priorities {
      id
      rank
      title
      description
      status
      endorsementCount
      viewerHasEndorsed
    }
  }
`);

/** The alliance-wide priorities (set by the steering committee), by rank; the link in PRIORITIES emails without a group. */
export default function AlliancePrioritiesPage() {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery({ query: AlliancePrioritiesQuery });
  const { viewer } = useViewer();
  return (
    <div className="priorities-page">
      <h1>{t('groups.priorities.allianceTitle')}</h1>
      <p>{t('groups.priorities.allianceIntro')}</p>
      <ErrorMessage error={error} />
      {!data && fetching && <p role="status">{t('common.loading')}</p>}
      {data && <PriorityList priorities={data.priorities} groupId={null} viewer={viewer} />}
    </div>
  );
}
