import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { AuditFilter } from '../gql/graphql';
import { ErrorMessage } from '../ui/errors';
import { formatDateTime } from '../ui/format';

const PAGE = 25;

const AuditViewerQuery = graphql(`
  query AuditViewer {
    me {
      id
      role
      timezone
    }
  }
`);

const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          action
          entityType
          entityId
          details
          actor {
            id
            name
          }
          actorOrganization {
            id
            name
          }
        }
      }
    }
  }
`);

interface Filters {
  action: string;
  entityType: string;
  entityId: string;
  from: string;
  to: string;
}
const EMPTY: Filters = { action: '', entityType: '', entityId: '', from: '', to: '' };

/** The filters as the API wants them: empty fields left out, dates as the start of the day (to: the day after). */
function toFilter(f: Filters): AuditFilter {
  const filter: AuditFilter = {};
  if (f.action.trim()) filter.action = f.action.trim().toUpperCase();
  if (f.entityType.trim()) filter.entityType = f.entityType.trim();
  if (f.entityId.trim()) filter.entityId = f.entityId.trim();
  if (f.from) filter.from = new Date(`${f.from}T00:00:00`).toISOString();
  if (f.to) filter.to = new Date(new Date(`${f.to}T00:00:00`).getTime() + 24 * 60 * 60 * 1000).toISOString();
  return filter;
}

/** Admins: the platform's audit log, newest first, filtered and in pages. */
export default function AuditLogPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<AuditFilter>({});
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  // Who is asking first: the log itself is only asked for by admins (others would get FORBIDDEN).
  const [viewer] = useQuery({ query: AuditViewerQuery });
  const me = viewer.data?.me;
  const [{ data, error, fetching }] = useQuery({
    query: AuditLogQuery,
    variables: { filter: applied, first: PAGE, after: cursors[cursors.length - 1] },
    pause: me?.role !== 'ADMIN',
  });
  const labels = {
    action: t('governance.audit.action'),
    entityType: t('governance.audit.entityType'),
    entityId: t('governance.audit.entityId'),
    from: t('governance.audit.from'),
    to: t('governance.audit.to'),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCursors([null]);
    setApplied(toFilter(draft));
  };
  const reset = () => {
    setDraft(EMPTY);
    setCursors([null]);
    setApplied({});
  };
  if (!me) return <ErrorMessage error={viewer.error} />;
  if (me.role !== 'ADMIN')
    return (
      <div>
        <h1>{t('governance.audit.title')}</h1>
        <p>{t('governance.audit.adminsOnly')}</p>
        <Link to="/">{t('nav.home')}</Link>
      </div>
    );
  const tz = me.timezone;
  return (
    <div className="audit-log">
      <h1>{t('governance.audit.title')}</h1>
      <form className="gov-filters" onSubmit={submit} aria-label={t('governance.audit.filters')}>
        {(['action', 'entityType', 'entityId'] as const).map((field) => (
          <div key={field} className="gov-field">
            <label htmlFor={`audit-${field}`}>{labels[field]}</label>
            <input id={`audit-${field}`} value={draft[field]} onChange={(e) => setDraft({ ...draft, [field]: e.target.value })} />
          </div>
        ))}
        {(['from', 'to'] as const).map((field) => (
          <div key={field} className="gov-field">
            <label htmlFor={`audit-${field}`}>{labels[field]}</label>
            <input id={`audit-${field}`} type="date" value={draft[field]} onChange={(e) => setDraft({ ...draft, [field]: e.target.value })} />
          </div>
        ))}
        <div className="gov-actions">
          <button type="submit" className="button primary">
            {t('governance.audit.apply')}
          </button>
          <button type="button" className="button subtle" onClick={reset}>
            {t('governance.audit.reset')}
          </button>
        </div>
      </form>
      <ErrorMessage error={error} labels={labels} />
      {data && (
        <section aria-labelledby="audit-entries" className="card">
          <h2 id="audit-entries">{t('governance.audit.count', { count: data.auditLog.totalCount })}</h2>
          <div className="gov-scroll" tabIndex={0} role="region" aria-labelledby="audit-entries">
            <table className="gov-table">
              <thead>
                <tr>
                  <th scope="col">{t('governance.audit.at')}</th>
                  <th scope="col">{t('governance.audit.actor')}</th>
                  <th scope="col">{labels.action}</th>
                  <th scope="col">{t('governance.audit.entity')}</th>
                  <th scope="col">{t('governance.audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {data.auditLog.edges.map(({ node: e }) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.at, tz)}</td>
                    <td>
                      {e.actor?.name ?? t('governance.audit.erased')}
                      {e.actorOrganization && <span className="meta"> · {e.actorOrganization.name}</span>}
                    </td>
                    <td>
                      <code>{e.action}</code>
                    </td>
                    <td>
                      {e.entityType} <span className="meta gov-id">{e.entityId}</span>
                    </td>
                    <td>{e.details && <code className="gov-details">{e.details}</code>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.auditLog.edges.length === 0 && <p>{t('governance.audit.none')}</p>}
          <div className="gov-pager">
            {cursors.length > 1 && (
              <button type="button" className="button subtle" onClick={() => setCursors(cursors.slice(0, -1))}>
                {t('governance.previous')}
              </button>
            )}
            {data.auditLog.pageInfo.hasNextPage && (
              <button type="button" className="button subtle" disabled={fetching} onClick={() => setCursors([...cursors, data.auditLog.pageInfo.endCursor ?? null])}>
                {t('governance.next')}
              </button>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
