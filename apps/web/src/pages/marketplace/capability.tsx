import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { CapabilityStatus } from '../../gql/graphql';
import { formatDate } from '../../ui/format';
import { CapabilityForm, capabilityInput, capabilityValues, useListingLabels } from './forms';
import { formatQuantity, useViewer } from './shared';
import { ErrorMessage } from '../../ui/errors';

const CapabilityQuery = graphql(`
  query CapabilityDetail($id: ID!) {
    capability(id: $id) {
      id
      kind
      title
      description
      quantity
      unit
      availableFrom
      availableUntil
      location
      maxSensitivity
      certifications
      accessModel
      status
      confidentiality
      version
      updatedAt
      workingGroup {
        id
        name
      }
      organization {
        id
        name
      }
      viewerCan {
        edit
        pause
        resume
        retire
        requestIntroduction
      }
    }
  }
`);

const AddCapability = graphql(`
  mutation AddCapability($input: CapabilityInput!) {
    addCapability(input: $input) {
      id
    }
  }
`);

const UpdateCapability = graphql(`
  mutation UpdateCapability($id: ID!, $expectedVersion: Int!, $input: UpdateCapabilityInput!) {
    updateCapability(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      kind
      title
      description
      quantity
      unit
      availableFrom
      availableUntil
      location
      maxSensitivity
      certifications
      accessModel
      status
      confidentiality
      version
      updatedAt
      workingGroup {
        id
        name
      }
      viewerCan {
        edit
        pause
        resume
        retire
        requestIntroduction
      }
    }
  }
`);

const MyOpenNeedsQuery = graphql(`
  query MyOpenNeeds($organizationId: ID!) {
    resourceNeeds(filter: { organizationId: $organizationId, status: OPEN }, first: 50) {
      edges {
        node {
          id
          title
          viewerCan {
            requestIntroduction
          }
        }
      }
    }
  }
`);

const AskAboutCapability = graphql(`
  mutation AskAboutCapability($needId: ID!, $capabilityId: ID!, $message: String) {
    requestIntroduction(needId: $needId, capabilityId: $capabilityId, message: $message) {
      id
      state
    }
  }
`);

/** Publish a capability for the viewer's organisation. */
export function NewCapabilityPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { orgId, me } = useViewer();
  const [result, add] = useMutation(AddCapability);
  if (!orgId) return <p role="status">{t('common.loading')}</p>;
  return (
    <div>
      <h1>{t('marketplace.newCapability')}</h1>
      <p>{t('marketplace.publishFor', { organization: me?.organization.name })}</p>
      <CapabilityForm
        id="capability"
        initial={capabilityValues()}
        editing={false}
        error={result.error}
        busy={result.fetching}
        submitLabel={t('marketplace.publish')}
        onSubmit={(values) => {
          const { kind } = values;
          void add({ input: { ...capabilityInput(values), kind, organizationId: orgId } }).then((answer) => {
            if (answer.data) void navigate(`/capabilities/${answer.data.addCapability.id}`);
          });
        }}
      />
    </div>
  );
}

export default function CapabilityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { orgId } = useViewer();
  const [{ data, error, fetching }, refresh] = useQuery({ query: CapabilityQuery, variables: { id } });
  const [updated, update] = useMutation(UpdateCapability);
  const [editing, setEditing] = useState(false);
  const labels = useListingLabels();
  if (!data) return fetching ? <p role="status">{t('common.loading')}</p> : <ErrorMessage reasons="marketplace.errorReasons" error={error} />;
  const c = data.capability;
  if (!c) {
    return (
      <div>
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.text')}</p>
      </div>
    );
  }
  // What the API's viewerCan allows (decision 245): the capability's organisation's people and admins, by its status.
  const can = c.viewerCan;
  const manages = can.edit || can.pause || can.resume || can.retire;
  const move = (status: CapabilityStatus) => void update({ id: c.id, expectedVersion: c.version, input: { status } });

  return (
    <article>
      <p className="meta">
        <Link to="/marketplace">{t('marketplace.title')}</Link>
      </p>
      <h1>{c.title}</h1>
      <p>
        <span className="tag">{t(`marketplace.kinds.${c.kind}`)}</span> <span className="tag">{t(`marketplace.statuses.${c.status}`)}</span>{' '}
        <span className="tag">{t(`marketplace.confidentialities.${c.confidentiality}`)}</span>
      </p>
      <dl className="facts">
        <dt>{t('marketplace.provider')}</dt>
        <dd>
          <Link to={`/organizations/${c.organization.id}`}>{c.organization.name}</Link>
        </dd>
        <dt>{labels.quantity}</dt>
        <dd>{formatQuantity(t, c.quantity, c.unit)}</dd>
        <dt>{t('marketplace.window')}</dt>
        <dd>
          {c.availableFrom ? formatDate(c.availableFrom, 'UTC') : t('marketplace.openEnd')} – {c.availableUntil ? formatDate(c.availableUntil, 'UTC') : t('marketplace.openEnd')}
        </dd>
        <dt>{labels.location}</dt>
        <dd>{c.location}</dd>
        <dt>{labels.maxSensitivity}</dt>
        <dd>{t(`marketplace.sensitivities.${c.maxSensitivity}`)}</dd>
        <dt>{labels.certifications}</dt>
        <dd>{c.certifications.length ? c.certifications.map((x) => t(`marketplace.certifications.${x}`)).join(', ') : t('marketplace.none')}</dd>
        <dt>{labels.accessModel}</dt>
        <dd>{t(`marketplace.accessModels.${c.accessModel}`)}</dd>
        {c.workingGroup && (
          <>
            <dt>{labels.workingGroupId}</dt>
            <dd>{c.workingGroup.name}</dd>
          </>
        )}
        <dt>{labels.expectedVersion}</dt>
        <dd>{c.version}</dd>
      </dl>
      {c.description && <p className="prose">{c.description}</p>}

      {orgId && can.requestIntroduction && <AskAbout capabilityId={c.id} organizationId={orgId} />}

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
            {can.pause && (
              <button type="button" className="button subtle" disabled={updated.fetching} onClick={() => move('PAUSED')}>
                {t('marketplace.pause')}
              </button>
            )}
            {can.resume && (
              <button type="button" className="button subtle" disabled={updated.fetching} onClick={() => move('ACTIVE')}>
                {t('marketplace.resume')}
              </button>
            )}
            {can.retire && (
              <button type="button" className="button subtle" disabled={updated.fetching} onClick={() => window.confirm(t('marketplace.retireConfirm')) && move('RETIRED')}>
                {t('marketplace.retire')}
              </button>
            )}
            {updated.error?.graphQLErrors.some((e) => e.extensions?.code === 'CONFLICT') && (
              <button type="button" className="button subtle" onClick={() => refresh({ requestPolicy: 'network-only' })}>
                {t('marketplace.loadLatest')}
              </button>
            )}
          </div>
          {editing && can.edit && (
            <CapabilityForm
              id="capability-edit"
              initial={capabilityValues(c)}
              editing
              error={updated.error}
              busy={updated.fetching}
              submitLabel={t('common.save')}
              onSubmit={(values) => {
                void update({ id: c.id, expectedVersion: c.version, input: capabilityInput(values) }).then((answer) => {
                  if (answer.data) setEditing(false);
                });
              }}
            >
              <button type="button" className="button subtle" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </button>
              {updated.error?.graphQLErrors.some((e) => e.extensions?.code === 'CONFLICT') && (
                <button type="button" className="button subtle" onClick={() => refresh({ requestPolicy: 'network-only' })}>
                  {t('marketplace.loadLatest')}
                </button>
              )}
            </CapabilityForm>
          )}
        </section>
      )}
    </article>
  );
}

/**
 * A need's owner may ask about any active capability it may read, not only its matches (decision 85): one of
 * the viewer's organisation's open needs, and a message. Shown only when the organisation has an open need.
 */
function AskAbout({ capabilityId, organizationId }: { capabilityId: string; organizationId: string }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: MyOpenNeedsQuery, variables: { organizationId } });
  const [needId, setNeedId] = useState('');
  const [message, setMessage] = useState('');
  const [result, ask] = useMutation(AskAboutCapability);
  const needs = data?.resourceNeeds.edges.map((e) => e.node).filter((n) => n.viewerCan.requestIntroduction) ?? [];
  if (needs.length === 0) return null;
  const chosen = needId || needs[0].id;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void ask({ needId: chosen, capabilityId, message: message.trim() || null });
  };
  return (
    <section aria-labelledby="ask-heading" className="card">
      <h2 id="ask-heading">{t('marketplace.ask')}</h2>
      {result.data ? (
        <p role="status">
          {t('marketplace.asked')} <Link to={`/resource-needs/${chosen}`}>{needs.find((n) => n.id === chosen)?.title}</Link>
        </p>
      ) : (
        <form className="form" onSubmit={submit}>
          <ErrorMessage reasons="marketplace.errorReasons" error={result.error} labels={{ needId: t('marketplace.forNeed'), capabilityId: t('marketplace.capability'), message: t('marketplace.message') }} />
          <label htmlFor="ask-need">{t('marketplace.forNeed')}</label>
          <select id="ask-need" value={chosen} onChange={(e) => setNeedId(e.target.value)}>
            {needs.map((n) => (
              <option key={n.id} value={n.id}>
                {n.title}
              </option>
            ))}
          </select>
          <label htmlFor="ask-message">{t('marketplace.message')}</label>
          <p className="meta" id="ask-message-hint">
            {t('marketplace.messageHint')}
          </p>
          <textarea id="ask-message" aria-describedby="ask-message-hint" value={message} onChange={(e) => setMessage(e.target.value)} />
          <div className="actions">
            <button type="submit" className="button primary" disabled={result.fetching}>
              {t('marketplace.sendRequest')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
