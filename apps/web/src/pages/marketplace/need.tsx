import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { NeedStatus } from '../../gql/graphql';
import { formatDate } from '../../ui/format';
import { NeedForm, needInput, needValues, useListingLabels } from './forms';
import { IntroductionCard } from './introductions';
import { formatQuantity, translateReason, useViewer } from './shared';
import { ErrorMessage } from '../../ui/errors';
import { ShowMore } from '../../ui/show-more';

const NeedQuery = graphql(`
  query ResourceNeedDetail($id: ID!, $matchesAfter: String) {
    resourceNeed(id: $id) {
      id
      kind
      title
      description
      quantity
      unit
      neededFrom
      neededUntil
      allowedLocations
      sensitivity
      requiredCertifications
      anonymous
      status
      confidentiality
      version
      workingGroup {
        id
        name
      }
      organization {
        id
        name
      }
      proposal {
        id
        title
      }
      viewerCan {
        edit
        fulfill
        close
        requestIntroduction
      }
      matches(first: 20, after: $matchesAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            score
            reasonDetails {
              code
              text
              percent
              needQuantity
              needUnit
              offeredQuantity
              offeredUnit
              offeredSensitivity
              neededSensitivity
              location
              certifications {
                required
                through
              }
            }
            capability {
              id
              title
              location
              organization {
                id
                name
              }
            }
          }
        }
      }
      introductions {
        ...IntroductionFields
      }
    }
  }
`);

const AddNeed = graphql(`
  mutation AddResourceNeed($input: ResourceNeedInput!) {
    addResourceNeed(input: $input) {
      id
    }
  }
`);

const UpdateNeed = graphql(`
  mutation UpdateResourceNeed($id: ID!, $expectedVersion: Int!, $input: UpdateResourceNeedInput!) {
    updateResourceNeed(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      title
      description
      quantity
      unit
      neededFrom
      neededUntil
      allowedLocations
      sensitivity
      requiredCertifications
      anonymous
      status
      confidentiality
      version
      workingGroup {
        id
        name
      }
      viewerCan {
        edit
        fulfill
        close
        requestIntroduction
      }
    }
  }
`);

const RequestIntroduction = graphql(`
  mutation RequestIntroduction($needId: ID!, $capabilityId: ID!, $message: String) {
    requestIntroduction(needId: $needId, capabilityId: $capabilityId, message: $message) {
      id
      state
    }
  }
`);

/** Publish a need for the viewer's organisation. */
export function NewNeedPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { orgId, me } = useViewer();
  const [result, add] = useMutation(AddNeed);
  if (!orgId) return <p role="status">{t('common.loading')}</p>;
  return (
    <div>
      <h1>{t('marketplace.newNeed')}</h1>
      <p>{t('marketplace.publishFor', { organization: me?.organization.name })}</p>
      <NeedForm
        id="need"
        initial={needValues()}
        editing={false}
        error={result.error}
        busy={result.fetching}
        submitLabel={t('marketplace.publish')}
        onSubmit={(values) => {
          void add({ input: { ...needInput(values), kind: values.kind, organizationId: orgId } }).then((answer) => {
            if (answer.data) void navigate(`/resource-needs/${answer.data.addResourceNeed.id}`);
          });
        }}
      />
    </div>
  );
}

export default function NeedPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // The matches, 20 a page with "Show more" (Graphcache merges the pages). An edit of the need drops the
  // cached pages (src/api/client.ts), and a new version starts again at the first page.
  const [paging, setPaging] = useState<{ key: string; after: string | null }>({ key: '', after: null });
  const [version, setVersion] = useState<string>('');
  const matchesAfter = paging.key === `${id}@${version}` ? paging.after : null;
  const [{ data, error, fetching }, refresh] = useQuery({ query: NeedQuery, variables: { id, matchesAfter } });
  const loadedVersion = data?.resourceNeed ? String(data.resourceNeed.version) : '';
  if (loadedVersion !== version) setVersion(loadedVersion);
  const [updated, update] = useMutation(UpdateNeed);
  const [editing, setEditing] = useState(false);
  const labels = useListingLabels();
  if (!data) return fetching ? <p role="status">{t('common.loading')}</p> : <ErrorMessage reasons="marketplace.errorReasons" error={error} />;
  const n = data.resourceNeed;
  if (!n) {
    return (
      <div>
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.text')}</p>
      </div>
    );
  }
  // What the API's viewerCan allows (decision 245): the need's organisation's people and admins, while it is OPEN.
  // Its matches are theirs too (the API answers anyone else with none); they ask from them while it is open.
  const can = n.viewerCan;
  const manages = can.edit || can.fulfill || can.close;
  const move = (status: NeedStatus) => void update({ id: n.id, expectedVersion: n.version, input: { status } });
  const reload = () => refresh({ requestPolicy: 'network-only' });
  const conflict = updated.error?.graphQLErrors.some((e) => e.extensions?.code === 'CONFLICT');
  const asked = new Map(n.introductions.filter((i) => i.state === 'REQUESTED' || i.state === 'ACCEPTED').map((i) => [i.capability.id, i.state]));

  return (
    <article>
      <p className="meta">
        <Link to="/marketplace?tab=needs">{t('marketplace.title')}</Link>
      </p>
      <h1>{n.title}</h1>
      <p>
        <span className="tag">{t(`marketplace.kinds.${n.kind}`)}</span> <span className="tag">{t(`marketplace.statuses.${n.status}`)}</span>{' '}
        <span className="tag">{t(`marketplace.confidentialities.${n.confidentiality}`)}</span>
        {n.anonymous && (
          <>
            {' '}
            <span className="tag">{t('marketplace.anonymous')}</span>
          </>
        )}
      </p>
      {n.anonymous && manages && <p className="notice">{t('marketplace.anonymousOwnerNote')}</p>}
      <dl className="facts">
        <dt>{t('marketplace.postedBy')}</dt>
        <dd>{n.organization?.name ?? t('marketplace.anonymousMember')}</dd>
        <dt>{labels.quantity}</dt>
        <dd>{formatQuantity(t, n.quantity, n.unit)}</dd>
        <dt>{t('marketplace.window')}</dt>
        <dd>
          {n.neededFrom ? formatDate(n.neededFrom, 'UTC') : t('marketplace.openEnd')} – {n.neededUntil ? formatDate(n.neededUntil, 'UTC') : t('marketplace.openEnd')}
        </dd>
        <dt>{labels.allowedLocations}</dt>
        <dd>{n.allowedLocations.length ? n.allowedLocations.join(', ') : t('marketplace.anyEea')}</dd>
        <dt>{labels.sensitivity}</dt>
        <dd>{t(`marketplace.sensitivities.${n.sensitivity}`)}</dd>
        <dt>{labels.requiredCertifications}</dt>
        <dd>{n.requiredCertifications.length ? n.requiredCertifications.map((x) => t(`marketplace.certifications.${x}`)).join(', ') : t('marketplace.none')}</dd>
        {n.proposal && (
          <>
            <dt>{t('marketplace.proposal')}</dt>
            <dd>
              <Link to={`/proposals/${n.proposal.id}`}>{n.proposal.title}</Link>
            </dd>
          </>
        )}
        <dt>{labels.expectedVersion}</dt>
        <dd>{n.version}</dd>
      </dl>
      {n.description && <p className="prose">{n.description}</p>}

      {manages && (
        <section aria-labelledby="manage-heading" className="card">
          <h2 id="manage-heading">{t('marketplace.manage')}</h2>
          {!editing && <ErrorMessage reasons="marketplace.errorReasons" error={updated.error} labels={labels} />}
          <div className="actions">
            {!editing && can.edit && (
              <button type="button" className="button" onClick={() => setEditing(true)}>
                {t('marketplace.edit')}
              </button>
            )}
            {can.fulfill && (
              <button type="button" className="button subtle" disabled={updated.fetching} onClick={() => move('FULFILLED')}>
                {t('marketplace.markFulfilled')}
              </button>
            )}
            {can.close && (
              <button type="button" className="button subtle" disabled={updated.fetching} onClick={() => move('CLOSED')}>
                {t('marketplace.close')}
              </button>
            )}
            {conflict && !editing && (
              <button type="button" className="button subtle" onClick={reload}>
                {t('marketplace.loadLatest')}
              </button>
            )}
          </div>
          {editing && can.edit && (
            <NeedForm
              id="need-edit"
              initial={needValues(n)}
              editing
              error={updated.error}
              busy={updated.fetching}
              submitLabel={t('common.save')}
              onSubmit={(values) => {
                void update({ id: n.id, expectedVersion: n.version, input: needInput(values) }).then((answer) => {
                  if (answer.data) setEditing(false);
                });
              }}
            >
              <button type="button" className="button subtle" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </button>
              {conflict && (
                <button type="button" className="button subtle" onClick={reload}>
                  {t('marketplace.loadLatest')}
                </button>
              )}
            </NeedForm>
          )}
        </section>
      )}

      {(can.requestIntroduction || n.matches.totalCount > 0) && (
        <section aria-labelledby="matches-heading">
          <h2 id="matches-heading">{t('marketplace.matches', { count: n.matches.totalCount })}</h2>
          {n.matches.totalCount === 0 && <p>{t('marketplace.noMatches')}</p>}
          <ol className="matches">
            {n.matches.edges.map(({ node: m }) => (
              <li key={m.capability.id} className="card">
                <h3>
                  <Link to={`/capabilities/${m.capability.id}`}>{m.capability.title}</Link>
                </h3>
                <p>
                  <span className="score">{t('marketplace.score', { score: Math.round(m.score * 100) })}</span>{' '}
                  <span className="meta">
                    {m.capability.organization.name} · {m.capability.location}
                  </span>
                </p>
                <h4 className="visually-hidden">{t('marketplace.reasonsHeading')}</h4>
                <ul className="reasons">
                  {m.reasonDetails.map((detail) => {
                    const reason = translateReason(t, detail);
                    return (
                      <li key={detail.code} lang={reason.translated ? undefined : 'en'}>
                        {reason.text}
                      </li>
                    );
                  })}
                </ul>
                {asked.has(m.capability.id) ? (
                  <p className="tag">{t(`marketplace.introStates.${asked.get(m.capability.id)}`)}</p>
                ) : (
                  can.requestIntroduction && <AskForm needId={n.id} capabilityId={m.capability.id} title={m.capability.title} onDone={reload} />
                )}
              </li>
            ))}
          </ol>
          <ShowMore
            pageInfo={n.matches.pageInfo}
            fetching={fetching}
            label={t('marketplace.moreMatches')}
            shown={t('marketplace.shown', { shown: n.matches.edges.length, count: n.matches.totalCount })}
            onMore={(cursor) => setPaging({ key: `${id}@${version}`, after: cursor })}
          />
        </section>
      )}

      {n.introductions.length > 0 && (
        <section aria-labelledby="introductions-heading">
          <h2 id="introductions-heading">{t('marketplace.introductions')}</h2>
          {n.introductions.map((i) => (
            <IntroductionCard key={i.id} introduction={i} />
          ))}
        </section>
      )}
    </article>
  );
}

/** Ask the capability's provider for an introduction, with a message (kept on a refusal). */
function AskForm({ needId, capabilityId, title, onDone }: { needId: string; capabilityId: string; title: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [result, ask] = useMutation(RequestIntroduction);
  const id = `ask-${capabilityId}`;
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)} aria-label={t('marketplace.askFor', { title })}>
        {t('marketplace.ask')}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void ask({ needId, capabilityId, message: message.trim() || null }).then((answer) => {
      if (answer.data) onDone();
    });
  };
  return (
    <form className="form" onSubmit={submit}>
      <ErrorMessage reasons="marketplace.errorReasons" error={result.error} labels={{ message: t('marketplace.message'), capabilityId: t('marketplace.capability'), needId: t('marketplace.need') }} />
      <label htmlFor={id}>{t('marketplace.message')}</label>
      <p className="meta" id={`${id}-hint`}>
        {t('marketplace.messageHint')}
      </p>
      <textarea id={id} aria-describedby={`${id}-hint`} value={message} onChange={(e) => setMessage(e.target.value)} />
      <div className="actions">
        <button type="submit" className="button primary" disabled={result.fetching}>
          {t('marketplace.sendRequest')}
        </button>
        <button type="button" className="button subtle" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
