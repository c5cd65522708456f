import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { ApplicationState } from '../gql/graphql';
import { ErrorMessage, fieldProblem } from '../ui/errors';
import { formatDateTime } from '../ui/format';
import { useViewer } from './groups-shared';
import NotFoundPage from './not-found';

const ApplicationQuery = graphql(`
  query Application($id: ID!) {
    application(id: $id) {
      id
      state
      motivation
      contribution
      createdAt
      decidedAt
      decisionReason
      decidedBy {
        id
        name
      }
      submittedBy {
        id
        name
      }
      organization {
        id
        name
      }
      workingGroup {
        viewerCan {
          reviewApplications
        }
        id
        name
      }
    }
  }
`);

const ChangeState = graphql(`
  mutation ChangeApplicationState($id: ID!, $state: ApplicationState!, $note: String) {
    changeApplicationState(id: $id, state: $state, note: $note) {
      id
      state
      decidedAt
      decisionReason
      decidedBy {
        id
        name
      }
    }
  }
`);

/**
 * One membership application (the link in the APPLICATIONS emails): the applicant organisation's people,
 * the group's chairs and secretaries, and admins see it. Managers review, accept or reject with a reason;
 * the applicant organisation may withdraw it while it is open.
 */
export default function ApplicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: ApplicationQuery, variables: { id } });
  const { viewer } = useViewer();
  const [result, change] = useMutation(ChangeState);
  const [note, setNote] = useState('');
  const [decided, setDecided] = useState<ApplicationState | null>(null);
  if (!data) return fetching ? <p role="status">{t('common.loading')}</p> : <ErrorMessage error={error} />;
  const application = data.application;
  if (!application) return <NotFoundPage />;
  const manager = application.workingGroup.viewerCan.reviewApplications;
  const applicant = viewer?.organization.id === application.organization.id || viewer?.role === 'ADMIN';
  const open = application.state === 'SUBMITTED' || application.state === 'UNDER_REVIEW';
  const move = async (state: ApplicationState) => {
    setDecided(null);
    const answer = await change({ id: application.id, state, note: state === 'REJECTED' ? note : null });
    if (answer.data) setDecided(state);
  };
  const reject = (event: FormEvent) => {
    event.preventDefault();
    void move('REJECTED');
  };
  return (
    <div className="application">
      <h1>{t('groups.application.title', { organization: application.organization.name, group: application.workingGroup.name })}</h1>
      <p>
        <span className="tag" data-testid="application-state">
          {t(`groups.applicationState.${application.state}`)}
        </span>
      </p>
      <dl className="facts">
        <dt>{t('groups.application.group')}</dt>
        <dd>
          <Link to={`/working-groups/${application.workingGroup.id}`}>{application.workingGroup.name}</Link>
        </dd>
        <dt>{t('groups.application.organization')}</dt>
        <dd>
          <Link to={`/organizations/${application.organization.id}`}>{application.organization.name}</Link>
        </dd>
        <dt>{t('groups.application.submitted')}</dt>
        <dd>{t('groups.application.submittedBy', { name: application.submittedBy.name, date: formatDateTime(application.createdAt) })}</dd>
        <dt>{t('groups.apply.motivation')}</dt>
        <dd className="prose">{application.motivation}</dd>
        {application.contribution && (
          <>
            <dt>{t('groups.apply.contribution')}</dt>
            <dd className="prose">{application.contribution}</dd>
          </>
        )}
        {application.decidedAt && (
          <>
            <dt>{t('groups.application.decided')}</dt>
            <dd>{t('groups.application.decidedBy', { name: application.decidedBy?.name ?? '—', date: formatDateTime(application.decidedAt) })}</dd>
          </>
        )}
        {application.decisionReason && (
          <>
            <dt>{t('groups.application.reason')}</dt>
            <dd className="prose">{application.decisionReason}</dd>
          </>
        )}
      </dl>
      {application.state === 'ACCEPTED' && <p>{t('groups.application.acceptedText', { organization: application.organization.name })}</p>}
      {open && (manager || applicant) && (
        <section aria-labelledby="decide-heading" className="card">
          <h2 id="decide-heading">{manager ? t('groups.application.decide') : t('groups.application.yours')}</h2>
          <ErrorMessage reasons="groups.reasons" error={result.error} labels={{ note: t('groups.application.note') }} />
          {decided && <p role="status">{t('groups.application.changed', { state: t(`groups.applicationState.${decided}`) })}</p>}
          {manager && application.state === 'SUBMITTED' && (
            <p>
              <button type="button" className="button primary" disabled={result.fetching} onClick={() => void move('UNDER_REVIEW')}>
                {t('groups.application.review')}
              </button>
            </p>
          )}
          {manager && application.state === 'UNDER_REVIEW' && (
            <>
              <p>
                <button type="button" className="button primary" disabled={result.fetching} onClick={() => void move('ACCEPTED')}>
                  {t('groups.application.accept')}
                </button>
              </p>
              <form className="form" onSubmit={reject}>
                <label htmlFor="reject-note">{t('groups.application.note')}</label>
                <textarea
                  id="reject-note"
                  rows={3}
                  value={note}
                  aria-invalid={!!fieldProblem(result.error, 'note')}
                  aria-describedby="reject-note-hint"
                  onChange={(e) => setNote(e.target.value)}
                />
                <p id="reject-note-hint" className="meta">
                  {t('groups.application.noteHint')}
                </p>
                <button type="submit" className="button" disabled={result.fetching}>
                  {t('groups.application.reject')}
                </button>
              </form>
            </>
          )}
          {applicant && (
            <p>
              <button type="button" className="button subtle" disabled={result.fetching} onClick={() => void move('WITHDRAWN')}>
                {t('groups.application.withdraw')}
              </button>
            </p>
          )}
        </section>
      )}
    </div>
  );
}
