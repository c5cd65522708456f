import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { MeetingStatus } from '../gql/graphql';
import { ErrorMessage } from '../ui/errors';
import { formatDateTime } from '../ui/format';
import { ShowMore } from '../ui/show-more';

const MeetingsQuery = graphql(`
  query MeetingList($first: Int!, $after: String, $filter: MeetingFilter) {
    me {
      id
      role
      timezone
      participations {
        id
        role
        workingGroup {
          id
          name
          viewerCan {
            scheduleMeeting
          }
        }
      }
    }
    meetings(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          startsAt
          endsAt
          timezone
          status
          format
          workingGroup {
            id
            name
          }
          invitations {
            status
            person {
              id
            }
          }
        }
      }
    }
  }
`);

/** Meetings a page: "Show more" asks for the next one after the last shown. */
const PAGE = 50;

const STATUSES: MeetingStatus[] = ['SCHEDULED', 'HELD', 'CANCELLED'];
type When = 'upcoming' | 'past' | 'all';

/** The meetings the person may read: upcoming first, by time, group and status. */
export default function MeetingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const when = (params.get('when') as When | null) ?? 'upcoming';
  const status = (params.get('status') as MeetingStatus | null) ?? '';
  const group = params.get('group') ?? '';
  // Rounded to the minute so the variables (and the cache entry) stay the same between renders.
  const now = useMemo(() => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString(), []);
  const filter = {
    // Past meetings: the most recent first (the API orders them, so "Show more" continues into older ones).
    ...(when === 'upcoming' ? { from: now } : when === 'past' ? { to: now, latestFirst: true } : {}),
    ...(status ? { statuses: [status] } : {}),
    ...(group ? { workingGroupId: group } : {}),
  };
  // The pages asked for so far (Graphcache's relayPagination merges them); new filters start at the first page.
  const filterKey = JSON.stringify(filter);
  const [paging, setPaging] = useState<{ filterKey: string; after: string | null }>({ filterKey, after: null });
  const after = paging.filterKey === filterKey ? paging.after : null;
  const [{ data, error, fetching }] = useQuery({ query: MeetingsQuery, variables: { first: PAGE, after, filter } });
  const me = data?.me;
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const meetings = data?.meetings.edges.map((e) => e.node) ?? [];
  const mayOrganise = !!me && (me.role === 'ADMIN' || me.participations.some((p) => p.workingGroup.viewerCan.scheduleMeeting));

  return (
    <div className="meetings">
      <div className="page-head">
        <h1>{t('meetings.title')}</h1>
        {mayOrganise && (
          <Link to="/meetings/new" className="button primary">
            {t('meetings.schedule')}
          </Link>
        )}
      </div>
      <form className="filters" aria-label={t('meetings.filters')} onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="filter-when">{t('meetings.when')}</label>
          <select id="filter-when" value={when} onChange={(e) => set('when', e.target.value === 'upcoming' ? '' : e.target.value)}>
            <option value="upcoming">{t('meetings.upcoming')}</option>
            <option value="past">{t('meetings.past')}</option>
            <option value="all">{t('meetings.all')}</option>
          </select>
        </div>
        <div>
          <label htmlFor="filter-status">{t('meetings.status')}</label>
          <select id="filter-status" value={status} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('meetings.anyStatus')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`meetings.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-group">{t('meetings.group')}</label>
          <select id="filter-group" value={group} onChange={(e) => set('group', e.target.value)}>
            <option value="">{t('meetings.anyGroup')}</option>
            {me?.participations.map((p) => (
              <option key={p.workingGroup.id} value={p.workingGroup.id}>
                {p.workingGroup.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ErrorMessage error={error} />
      {!data && fetching && <p role="status">{t('common.loading')}</p>}
      {data && (
        <>
          <p className="meta" role="status">
            {t('meetings.count', { count: data.meetings.totalCount })}
          </p>
          {meetings.length === 0 ? (
            <p>{t('meetings.none')}</p>
          ) : (
            <ul className="list meeting-list">
              {meetings.map((m) => {
                const rsvp = m.invitations.find((i) => i.person.id === me?.id)?.status;
                return (
                  <li key={m.id}>
                    <Link to={`/meetings/${m.id}`}>{m.title}</Link>
                    <span className="meta">
                      {formatDateTime(m.startsAt, m.timezone)} ({m.timezone})
                      {' · '}
                      {m.workingGroup ? m.workingGroup.name : t('meetings.workshop')}
                      {' · '}
                      {t(`meetings.formats.${m.format}`)}
                    </span>
                    {m.status !== 'SCHEDULED' && <span className="tag">{t(`meetings.statuses.${m.status}`)}</span>}
                    {rsvp && <span className="tag">{t(`rsvp.${rsvp}`)}</span>}
                  </li>
                );
              })}
            </ul>
          )}
          <ShowMore
            pageInfo={data.meetings.pageInfo}
            fetching={fetching}
            label={t('meetings.more')}
            shown={t('meetings.shown', { shown: meetings.length, count: data.meetings.totalCount })}
            onMore={(cursor) => setPaging({ filterKey, after: cursor })}
          />
        </>
      )}
    </div>
  );
}
