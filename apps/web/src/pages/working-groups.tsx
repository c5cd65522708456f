import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../ui/errors';
import { seatRole, useViewer } from './groups-shared';

const WorkingGroupsQuery = graphql(`
  query WorkingGroups {
    workingGroups {
      id
      name
      slug
      mission
      status
      viewerApplication {
        id
        state
      }
    }
  }
`);

/** Every working group: name, mission, status and the viewer's own role in it. */
export default function WorkingGroupsPage() {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery({ query: WorkingGroupsQuery });
  const { viewer } = useViewer();
  const memberOf = new Set(viewer?.organization.memberships.filter((m) => m.status === 'ACTIVE').map((m) => m.workingGroup.id));
  return (
    <div className="working-groups">
      <div className="page-head">
        <h1>{t('groups.list.title')}</h1>
        {viewer?.role === 'ADMIN' && (
          <Link className="button primary" to="/working-groups/new">
            {t('groups.form.new')}
          </Link>
        )}
      </div>
      <ErrorMessage error={error} />
      {!data && fetching && <p role="status">{t('common.loading')}</p>}
      {data && data.workingGroups.length === 0 && <p>{t('groups.list.none')}</p>}
      {data && data.workingGroups.length > 0 && (
        <ul className="list group-list">
          {data.workingGroups.map((g) => {
            const role = seatRole(viewer, g.id);
            return (
              <li key={g.id}>
                <h2 className="group-name">
                  <Link to={`/working-groups/${g.id}`}>{g.name}</Link>
                </h2>
                <p>{g.mission}</p>
                <p className="meta">
                  <span className="tag">{t(`groups.status.${g.status}`)}</span>{' '}
                  {role ? (
                    <span className="tag">{t('groups.list.myRole', { role: t(`roles.${role}`) })}</span>
                  ) : memberOf.has(g.id) ? (
                    <span className="tag">{t('groups.list.orgMember')}</span>
                  ) : g.viewerApplication ? (
                    <span className="tag">{t('groups.list.application', { state: t(`groups.applicationState.${g.viewerApplication.state}`) })}</span>
                  ) : (
                    <span>{t('groups.list.noRole')}</span>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
