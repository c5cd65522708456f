import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../ui/errors';
import { formatDateTime } from '../ui/format';

const NotificationsQuery = graphql(`
  query Notifications($after: String) {
    myNotifications(first: 30, after: $after) {
      unreadCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          link
          category
          createdAt
          readAt
        }
      }
    }
  }
`);

const MarkRead = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

export default function NotificationsPage() {
  const { t } = useTranslation();
  const [{ data, error }, refresh] = useQuery({ query: NotificationsQuery });
  const [marking, markRead] = useMutation(MarkRead);
  const unread = data?.myNotifications.edges.filter((e) => !e.node.readAt).map((e) => e.node.id) ?? [];
  const mark = async (ids: string[]) => {
    const answer = await markRead({ ids });
    if (!answer.error) refresh({ requestPolicy: 'network-only' });
  };
  return (
    <div>
      <h1>{t('notifications.title')}</h1>
      <ErrorMessage error={error ?? marking.error} />
      {unread.length > 0 && (
        <button type="button" className="button" onClick={() => void mark(unread)} disabled={marking.fetching}>
          {t('notifications.markAllRead')}
        </button>
      )}
      {data && data.myNotifications.edges.length === 0 && <p>{t('notifications.none')}</p>}
      <ul className="list">
        {data?.myNotifications.edges.map(({ node: n }) => (
          <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
            {n.link ? (
              <Link to={n.link} onClick={() => !n.readAt && void mark([n.id])}>
                {n.title}
              </Link>
            ) : (
              n.title
            )}
            <span className="meta">
              {t(`categories.${n.category}`)} · {formatDateTime(n.createdAt)}
            </span>
            {!n.readAt && <span className="tag">{t('notifications.unread')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
