import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../ui/errors';
import { formatDate, formatDateTime } from '../ui/format';

const HomeQuery = graphql(`
  query Home($from: DateTime!) {
    me {
      id
      timezone
      organization {
        id
      }
      participations {
        id
        role
        workingGroup {
          id
          name
          slug
        }
      }
    }
    meetings(first: 10, filter: { from: $from, statuses: [SCHEDULED] }) {
      edges {
        node {
          id
          title
          startsAt
          timezone
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
    myActionItems(status: OPEN) {
      id
      title
      dueDate
      meeting {
        id
        title
      }
    }
    myNotifications(first: 5, unreadOnly: true) {
      edges {
        node {
          id
          title
          link
          createdAt
        }
      }
    }
    ballots(first: 10, state: OPEN) {
      edges {
        node {
          id
          title
          closesAt
          viewerVote {
            castAt
          }
        }
      }
    }
    dataPools(first: 20, state: OPEN_FOR_SIGNATURE) {
      edges {
        node {
          id
          title
          signatories {
            state
            organization {
              id
            }
          }
        }
      }
    }
  }
`);

/** What needs the person's attention, on one page. */
export default function HomePage() {
  const { t } = useTranslation();
  // Rounded to the minute so the query's variables (and its cache entry) stay the same between renders.
  const from = useMemo(() => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString(), []);
  const [{ data, error, fetching }] = useQuery({ query: HomeQuery, variables: { from } });
  if (!data) return fetching ? <p role="status">{t('common.loading')}</p> : <ErrorMessage error={error} />;
  const me = data.me;
  const tz = me?.timezone;
  const myOrg = me?.organization.id;
  const pools = data.dataPools.edges.map((e) => e.node).filter((p) => p.signatories.some((s) => s.organization.id === myOrg && s.state === 'PENDING'));
  return (
    <div className="home">
      <h1>{t('home.title')}</h1>
      <ErrorMessage error={error} />
      <div className="cards">
        <section aria-labelledby="home-groups" className="card">
          <h2 id="home-groups">{t('home.groups')}</h2>
          {me?.participations.length ? (
            <ul>
              {me.participations.map((p) => (
                <li key={p.id}>
                  <Link to={`/working-groups/${p.workingGroup.id}`}>{p.workingGroup.name}</Link> <span className="tag">{t(`roles.${p.role}`)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('home.noGroups')}</p>
          )}
        </section>
        <section aria-labelledby="home-meetings" className="card">
          <h2 id="home-meetings">{t('home.meetings')}</h2>
          {data.meetings.edges.length ? (
            <ul>
              {data.meetings.edges.map(({ node: m }) => {
                const rsvp = m.invitations.find((i) => i.person.id === me?.id)?.status;
                return (
                  <li key={m.id}>
                    <Link to={`/meetings/${m.id}`}>{m.title}</Link>
                    <span className="meta">
                      {formatDateTime(m.startsAt, tz ?? m.timezone)}
                      {m.workingGroup && ` · ${m.workingGroup.name}`}
                    </span>
                    {rsvp && <span className="tag">{t(`rsvp.${rsvp}`)}</span>}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p>{t('home.noMeetings')}</p>
          )}
        </section>
        <section aria-labelledby="home-actions" className="card">
          <h2 id="home-actions">{t('home.actionItems')}</h2>
          {data.myActionItems.length ? (
            <ul>
              {data.myActionItems.map((a) => (
                <li key={a.id}>
                  {a.title}
                  <span className="meta">
                    <Link to={`/meetings/${a.meeting.id}`}>{a.meeting.title}</Link>
                    {a.dueDate && ` · ${t('home.due', { date: formatDate(a.dueDate, tz) })}`}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('home.noActionItems')}</p>
          )}
        </section>
        <section aria-labelledby="home-notifications" className="card">
          <h2 id="home-notifications">{t('home.notifications')}</h2>
          {data.myNotifications.edges.length ? (
            <ul>
              {data.myNotifications.edges.map(({ node: n }) => (
                <li key={n.id}>
                  {n.link ? <Link to={n.link}>{n.title}</Link> : n.title}
                  <span className="meta">{formatDateTime(n.createdAt, tz)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('home.noNotifications')}</p>
          )}
          <Link to="/notifications">{t('home.allNotifications')}</Link>
        </section>
        <section aria-labelledby="home-ballots" className="card">
          <h2 id="home-ballots">{t('home.ballots')}</h2>
          {data.ballots.edges.length ? (
            <ul>
              {data.ballots.edges.map(({ node: b }) => (
                <li key={b.id}>
                  <Link to={`/ballots/${b.id}`}>{b.title}</Link>
                  <span className="meta">{t('home.closes', { date: formatDateTime(b.closesAt, tz) })}</span>
                  <span className="tag">{b.viewerVote ? t('home.voted') : t('home.notVoted')}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('home.noBallots')}</p>
          )}
        </section>
        <section aria-labelledby="home-pools" className="card">
          <h2 id="home-pools">{t('home.pools')}</h2>
          {pools.length ? (
            <ul>
              {pools.map((p) => (
                <li key={p.id}>
                  <Link to={`/data-pools/${p.id}`}>{p.title}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('home.noPools')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
