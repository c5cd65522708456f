import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { AccessRequestState, DataModality, DataPoolExportFormat, DataPoolRole, DataPoolState, DataSensitivity, UsagePurpose } from '../../gql/graphql';
import { ErrorMessage, fieldProblem } from '../../ui/errors';
import { formatDate, formatDateTime } from '../../ui/format';
import { instantOf, numberOrNull, SENSITIVITIES, useViewer } from '../marketplace/shared';
import { TermsEditor } from './terms-editor';
import { ShowMore } from '../../ui/show-more';

/** What the viewer may do with the pool (the API's viewerCan), read with the pool and after every change of it. */
export const PoolActions = graphql(`
  fragment PoolActions on DataPool {
    viewerCan {
      openForSignature
      activate
      suspend
      close
      sign
      withdraw
      addDataset
      requestAccess
      decideAccessRequests
      invite
      editTerms
    }
  }
`);

const PoolQuery = graphql(`
  query DataPoolDetail($id: ID!, $historyAfter: String, $requestsAfter: String) {
    dataPool(id: $id) {
      id
      title
      purpose
      state
      confidentiality
      termsVersion
      termsDigest
      validFrom
      validUntil
      version
      ...PoolActions
      terms {
        purposes
        commercialUse
        derivedModelsShareable
        onwardTransfer
        allowedLocations
        retentionDays
        attributionRequired
        personalDataAllowed
      }
      workingGroup {
        id
        name
      }
      steward {
        id
        name
      }
      signatories {
        role
        state
        termsVersion
        termsDigest
        signedAt
        signedBy {
          id
          name
        }
        organization {
          id
          name
        }
      }
      datasets {
        id
        title
        description
        modality
        sizeBytes
        recordingHours
        distanceKm
        sensitivity
        license
        location
        personalData
        anonymised
        contributor {
          id
          name
        }
        hostedBy {
          id
          name
        }
        viewerCan {
          remove
        }
      }
      history(first: 100, after: $historyAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            type
            at
            termsVersion
            fromState
            toState
            note
            actor {
              id
              name
            }
            organization {
              id
              name
            }
          }
        }
      }
      accessRequests(first: 100, after: $requestsAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            purpose
            justification
            state
            note
            createdAt
            decidedAt
            expiresAt
            organization {
              id
              name
            }
            requestedBy {
              id
              name
            }
            decidedBy {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const SignPool = graphql(`
  mutation SignDataPool($poolId: ID!, $organizationId: ID!, $termsVersion: Int!) {
    signDataPool(poolId: $poolId, organizationId: $organizationId, termsVersion: $termsVersion) {
      id
      state
      ...PoolActions
      signatories {
        role
        state
        termsVersion
        termsDigest
        signedAt
        signedBy {
          id
          name
        }
        organization {
          id
          name
        }
      }
    }
  }
`);

const WithdrawPool = graphql(`
  mutation WithdrawFromDataPool($poolId: ID!, $organizationId: ID!, $note: String) {
    withdrawFromDataPool(poolId: $poolId, organizationId: $organizationId, note: $note) {
      id
      state
      ...PoolActions
    }
  }
`);

const AddDataset = graphql(`
  mutation AddDataset($input: DatasetInput!) {
    addDataset(input: $input) {
      id
    }
  }
`);

const OrganizationsQuery = graphql(`
  query PoolInviteOrganizations($search: String!) {
    organizations(filter: { search: $search }, first: 20) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const InviteToPool = graphql(`
  mutation InviteToDataPool($poolId: ID!, $organizationId: ID!, $role: DataPoolRole!) {
    inviteToDataPool(poolId: $poolId, organizationId: $organizationId, role: $role) {
      id
      state
      ...PoolActions
    }
  }
`);

const RemoveDataset = graphql(`
  mutation RemoveDataset($id: ID!) {
    removeDataset(id: $id)
  }
`);

const RequestAccess = graphql(`
  mutation RequestDataAccess($poolId: ID!, $organizationId: ID!, $purpose: UsagePurpose!, $justification: String!) {
    requestDataAccess(poolId: $poolId, organizationId: $organizationId, purpose: $purpose, justification: $justification) {
      id
      state
    }
  }
`);

const DecideAccess = graphql(`
  mutation ChangeDataAccessRequestState($id: ID!, $state: AccessRequestState!, $note: String, $expiresAt: DateTime) {
    changeDataAccessRequestState(id: $id, state: $state, note: $note, expiresAt: $expiresAt) {
      id
      state
      note
      decidedAt
      expiresAt
      decidedBy {
        id
        name
      }
    }
  }
`);

const ChangePoolState = graphql(`
  mutation ChangeDataPoolState($id: ID!, $state: DataPoolState!, $note: String) {
    changeDataPoolState(id: $id, state: $state, note: $note) {
      id
      state
      ...PoolActions
    }
  }
`);

const ExportPool = graphql(`
  mutation ExportDataPool($poolId: ID!, $format: DataPoolExportFormat!) {
    exportDataPool(poolId: $poolId, format: $format) {
      id
      url
      filename
      byteSize
      expiresAt
    }
  }
`);

const MODALITIES: DataModality[] = ['CAMERA', 'LIDAR', 'RADAR', 'ULTRASONIC', 'CAN_BUS', 'GNSS_IMU', 'HD_MAP', 'SCENARIOS', 'SIMULATION', 'TABULAR', 'TEXT', 'OTHER'];
const EXPORTS: DataPoolExportFormat[] = ['DCAT_AP_JSONLD', 'ODRL_JSONLD', 'AGREEMENT_PDF'];

export default function DataPoolPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { orgId } = useViewer();
  // History and access requests: 100 a page with "Show more" (Graphcache merges the pages); another pool,
  // or a change made here, starts again at their first pages.
  const [paging, setPaging] = useState<{ id: string; historyAfter: string | null; requestsAfter: string | null }>({ id, historyAfter: null, requestsAfter: null });
  const after = paging.id === id ? paging : { historyAfter: null, requestsAfter: null };
  const [{ data, error, fetching }, refresh] = useQuery({
    query: PoolQuery,
    variables: { id, historyAfter: after.historyAfter, requestsAfter: after.requestsAfter },
  });
  const reload = () => {
    setPaging({ id, historyAfter: null, requestsAfter: null });
    refresh({ requestPolicy: 'network-only' });
  };
  if (!data) return fetching ? <p role="status">{t('common.loading')}</p> : <ErrorMessage reasons="dataPools.errorReasons" error={error} />;
  const pool = data.dataPool;
  if (!pool) {
    return (
      <div>
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.text')}</p>
      </div>
    );
  }
  const mine = pool.signatories.find((s) => s.organization.id === orgId);
  const signedCurrent = mine?.state === 'SIGNED' && mine.termsVersion === pool.termsVersion;
  // What the viewer may do is the API's answer (viewerCan), not worked out here.
  const can = pool.viewerCan;
  const moves = (
    [
      ['OPEN_FOR_SIGNATURE', can.openForSignature],
      ['ACTIVE', can.activate],
      ['SUSPENDED', can.suspend],
      ['CLOSED', can.close],
    ] as [DataPoolState, boolean][]
  )
    .filter(([, allowed]) => allowed)
    .map(([to]) => to);
  const yes = (value: boolean) => (value ? t('dataPools.yes') : t('dataPools.no'));

  return (
    <article>
      <p className="meta">
        <Link to="/data-pools">{t('dataPools.title')}</Link>
      </p>
      <h1>{pool.title}</h1>
      <p>
        <span className="tag" data-testid="pool-state">
          {t(`dataPools.states.${pool.state}`)}
        </span>{' '}
        <span className="tag">{t(`dataPools.confidentialities.${pool.confidentiality}`)}</span>
      </p>
      <p className="prose">{pool.purpose}</p>
      <dl className="facts">
        <dt>{t('dataPools.group')}</dt>
        <dd>{pool.workingGroup.name}</dd>
        <dt>{t('dataPools.steward')}</dt>
        <dd>{pool.steward.name}</dd>
        <dt>{t('dataPools.validity')}</dt>
        <dd>
          {pool.validFrom ? formatDate(pool.validFrom) : '–'} – {pool.validUntil ? formatDate(pool.validUntil) : t('dataPools.untilClosed')}
        </dd>
      </dl>

      {moves.length > 0 && <StateMoves poolId={pool.id} moves={moves} />}

      <section aria-labelledby="terms-heading" className="card">
        <h2 id="terms-heading">{t('dataPools.terms', { version: pool.termsVersion })}</h2>
        <dl className="facts">
          <dt>{t('dataPools.purposesAllowed')}</dt>
          <dd>{pool.terms.purposes.map((p) => t(`dataPools.purposes.${p}`)).join(', ')}</dd>
          <dt>{t('dataPools.commercialUse')}</dt>
          <dd>{yes(pool.terms.commercialUse)}</dd>
          <dt>{t('dataPools.derivedModelsShareable')}</dt>
          <dd>{yes(pool.terms.derivedModelsShareable)}</dd>
          <dt>{t('dataPools.onwardTransfer')}</dt>
          <dd>{yes(pool.terms.onwardTransfer)}</dd>
          <dt>{t('dataPools.allowedLocations')}</dt>
          <dd>{pool.terms.allowedLocations.length ? pool.terms.allowedLocations.join(', ') : t('dataPools.anyEea')}</dd>
          <dt>{t('dataPools.retention')}</dt>
          <dd>{pool.terms.retentionDays == null ? t('dataPools.untilClosed') : t('dataPools.days', { count: pool.terms.retentionDays })}</dd>
          <dt>{t('dataPools.attributionRequired')}</dt>
          <dd>{yes(pool.terms.attributionRequired)}</dd>
          <dt>{t('dataPools.personalDataAllowed')}</dt>
          <dd>{yes(pool.terms.personalDataAllowed)}</dd>
          <dt>{t('dataPools.digest')}</dt>
          <dd>
            <code className="digest">{pool.termsDigest}</code>
          </dd>
        </dl>
        <p className="meta">{t('dataPools.digestHint')}</p>
        {can.editTerms && <TermsEditor pool={pool} onSaved={reload} />}
      </section>

      {mine && (
        <MySignature
          poolId={pool.id}
          poolState={pool.state}
          termsVersion={pool.termsVersion}
          organization={mine.organization}
          role={mine.role}
          state={mine.state}
          signedCurrent={signedCurrent}
          signedVersion={mine.termsVersion ?? null}
          maySign={can.sign && !signedCurrent}
          mayWithdraw={can.withdraw}
          onChange={reload}
        />
      )}

      <section aria-labelledby="signatories-heading" className="card">
        <h2 id="signatories-heading">{t('dataPools.signatories')}</h2>
        {/* Focusable, so that a keyboard can scroll the table on a narrow screen. */}
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="signatories-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dataPools.organization')}</th>
                <th scope="col">{t('dataPools.role')}</th>
                <th scope="col">{t('dataPools.signature')}</th>
                <th scope="col">{t('dataPools.signedVersion')}</th>
                <th scope="col">{t('dataPools.signedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {pool.signatories.map((s) => (
                <tr key={s.organization.id} data-testid={`signatory-${s.organization.id}`}>
                  <th scope="row">{s.organization.name}</th>
                  <td>{t(`dataPools.roles.${s.role}`)}</td>
                  <td>{t(`dataPools.signatureStates.${s.state}`)}</td>
                  <td>{s.termsVersion ?? '–'}</td>
                  <td>{s.signedBy ? `${s.signedBy.name}, ${s.signedAt ? formatDateTime(s.signedAt) : ''}` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {can.invite && <InviteForm poolId={pool.id} invited={pool.signatories.filter((x) => x.state !== 'WITHDRAWN').map((x) => x.organization.id)} onDone={reload} />}
      </section>

      <section aria-labelledby="datasets-heading" className="card">
        <h2 id="datasets-heading">{t('dataPools.datasets', { count: pool.datasets.length })}</h2>
        {pool.datasets.length === 0 && <p>{t('dataPools.noDatasets')}</p>}
        <ul className="list">
          {pool.datasets.map((d) => (
            <li key={d.id}>
              <strong>{d.title}</strong>
              <span className="meta">
                {d.contributor.name} · {t(`dataPools.modalities.${d.modality}`)} · {d.license} · {d.location}
                {d.hostedBy && ` · ${t('dataPools.hostedBy', { organization: d.hostedBy.name })}`}
                {d.recordingHours != null && ` · ${t('dataPools.hours', { count: d.recordingHours })}`}
                {d.personalData && ` · ${t('dataPools.personalData')}`}
              </span>
              {d.viewerCan.remove && <RemoveButton id={d.id} title={d.title} onDone={reload} />}
            </li>
          ))}
        </ul>
        {mine && can.addDataset && (
          <DatasetForm
            poolId={pool.id}
            organizationId={mine.organization.id}
            hosts={pool.signatories.filter((s) => s.role === 'HOST' && s.state !== 'WITHDRAWN').map((s) => s.organization)}
            onDone={reload}
          />
        )}
      </section>

      <section aria-labelledby="access-heading" className="card">
        <h2 id="access-heading">{t('dataPools.accessRequests')}</h2>
        {pool.accessRequests.totalCount === 0 && <p>{t('dataPools.noRequests')}</p>}
        <ul className="list">
          {pool.accessRequests.edges.map(({ node: r }) => (
            <li key={r.id}>
              <span>
                <strong>{r.organization.name}</strong>: {t(`dataPools.purposes.${r.purpose}`)}
              </span>
              <span className="tag">{t(`dataPools.requestStates.${r.state}`)}</span>
              <span className="meta">
                {r.justification} · {r.requestedBy.name}, {formatDateTime(r.createdAt)}
                {r.decidedBy && ` · ${t('dataPools.decidedBy', { name: r.decidedBy.name })}`}
                {r.note && ` · ${r.note}`}
                {r.expiresAt && ` · ${t('dataPools.expires', { date: formatDate(r.expiresAt) })}`}
              </span>
              {can.decideAccessRequests && (r.state === 'REQUESTED' || r.state === 'APPROVED') && <Decision id={r.id} state={r.state} organization={r.organization.name} poolActive={pool.state === 'ACTIVE'} />}
            </li>
          ))}
        </ul>
        <ShowMore
          pageInfo={pool.accessRequests.pageInfo}
          fetching={fetching}
          label={t('dataPools.moreRequests')}
          shown={t('dataPools.shown', { shown: pool.accessRequests.edges.length, count: pool.accessRequests.totalCount })}
          onMore={(cursor) => setPaging({ ...after, id, requestsAfter: cursor })}
        />
        {mine && can.requestAccess && <AccessForm poolId={pool.id} organizationId={mine.organization.id} purposes={pool.terms.purposes} onDone={reload} />}
        {mine && !signedCurrent && mine.state !== 'WITHDRAWN' && <p className="meta">{t('dataPools.signFirst')}</p>}
      </section>

      <Exports poolId={pool.id} />

      <section aria-labelledby="history-heading" className="card">
        <h2 id="history-heading">{t('dataPools.history')}</h2>
        <p className="meta">{t('dataPools.historyHint', { count: pool.history.totalCount })}</p>
        <ol className="list history">
          {pool.history.edges.map(({ node: e }) => (
            <li key={e.id}>
              <span>{t(`dataPools.events.${e.type}`, { defaultValue: e.type })}</span>
              <span className="meta">
                {formatDateTime(e.at)} · {e.actor?.name ?? t('dataPools.platform')}
                {e.organization && ` · ${e.organization.name}`} · {t('dataPools.termsVersionShort', { version: e.termsVersion })}
                {e.toState && ` · ${e.fromState ? `${stateLabel(t, e.fromState)} → ` : ''}${stateLabel(t, e.toState)}`}
                {e.note && ` · ${e.note}`}
              </span>
            </li>
          ))}
        </ol>
        <ShowMore
          pageInfo={pool.history.pageInfo}
          fetching={fetching}
          label={t('dataPools.moreHistory')}
          shown={t('dataPools.shown', { shown: pool.history.edges.length, count: pool.history.totalCount })}
          onMore={(cursor) => setPaging({ ...after, id, historyAfter: cursor })}
        />
      </section>
    </article>
  );
}

/** A state in the history: a pool's, a signature's or a request's, whichever the event is about. */
function stateLabel(t: (key: string[] | string, options?: Record<string, unknown>) => string, state: string): string {
  return t([`dataPools.states.${state}`, `dataPools.requestStates.${state}`, `dataPools.signatureStates.${state}`], { defaultValue: state });
}

/** The moves the API says the viewer may make now (viewerCan); ACTIVE only once every bound party signed. */
function StateMoves({ poolId, moves }: { poolId: string; moves: DataPoolState[] }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [result, change] = useMutation(ChangePoolState);
  return (
    <section aria-labelledby="moves-heading" className="card">
      <h2 id="moves-heading">{t('dataPools.moveTitle')}</h2>
      <ErrorMessage reasons="dataPools.errorReasons" error={result.error} labels={{ state: t('dataPools.state'), note: t('dataPools.moveNote') }} />
      <div className="form">
        <label htmlFor="move-note">{t('dataPools.moveNote')}</label>
        <input id="move-note" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="actions">
        {moves.map((to) => (
          <button
            key={to}
            type="button"
            className={to === 'CLOSED' ? 'button subtle' : 'button'}
            disabled={result.fetching}
            onClick={() => {
              if (to === 'CLOSED' && !window.confirm(t('dataPools.closeConfirm'))) return;
              void change({ id: poolId, state: to, note: note.trim() || null });
            }}
          >
            {t(`dataPools.moves.${to}`)}
          </button>
        ))}
      </div>
    </section>
  );
}

function MySignature(props: {
  poolId: string;
  poolState: string;
  termsVersion: number;
  organization: { id: string; name: string };
  role: string;
  state: string;
  signedCurrent: boolean;
  signedVersion: number | null;
  maySign: boolean;
  mayWithdraw: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [signed, sign] = useMutation(SignPool);
  const [withdrawn, withdraw] = useMutation(WithdrawPool);
  const [note, setNote] = useState('');
  const stale = signed.error?.graphQLErrors.some((e) => e.extensions?.reason === 'STALE_TERMS_VERSION');
  const { maySign, mayWithdraw } = props;
  return (
    <section aria-labelledby="mine-heading" className="card">
      <h2 id="mine-heading">{t('dataPools.mySignature', { organization: props.organization.name })}</h2>
      <p data-testid="my-signature">
        {t(`dataPools.roles.${props.role}`)} ·{' '}
        {props.signedCurrent
          ? t('dataPools.signedCurrent', { version: props.termsVersion })
          : props.state === 'WITHDRAWN'
            ? t('dataPools.signatureStates.WITHDRAWN')
            : props.signedVersion
              ? t('dataPools.signedOlderVersion', { version: props.signedVersion, current: props.termsVersion })
              : t('dataPools.notSigned')}
      </p>
      {maySign && props.state === 'PENDING' && props.signedVersion !== null && props.signedVersion !== props.termsVersion && (
        <p className="notice" data-testid="sign-again">
          {t('dataPools.signAgain', { organization: props.organization.name, version: props.signedVersion, current: props.termsVersion })}
        </p>
      )}
      <ErrorMessage reasons="dataPools.errorReasons" error={signed.error ?? withdrawn.error} labels={{ termsVersion: t('dataPools.termsVersion'), note: t('dataPools.note') }} />
      {stale && (
        <button type="button" className="button" onClick={props.onChange}>
          {t('dataPools.readCurrent')}
        </button>
      )}
      {maySign && (
        <>
          <p>{t('dataPools.signExplain', { version: props.termsVersion, organization: props.organization.name })}</p>
          <button
            type="button"
            className="button primary"
            disabled={signed.fetching}
            onClick={() => void sign({ poolId: props.poolId, organizationId: props.organization.id, termsVersion: props.termsVersion })}
          >
            {t('dataPools.sign', { version: props.termsVersion })}
          </button>
        </>
      )}
      {!maySign && !props.signedCurrent && props.poolState === 'DRAFT' && <p className="meta">{t('dataPools.draftNotSignable')}</p>}
      {mayWithdraw && (
        <form
          className="form inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (window.confirm(t('dataPools.withdrawConfirm'))) void withdraw({ poolId: props.poolId, organizationId: props.organization.id, note: note.trim() || null }).then(props.onChange);
          }}
        >
          <label htmlFor="withdraw-note">{t('dataPools.withdrawNote')}</label>
          <input id="withdraw-note" value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="submit" className="button subtle" disabled={withdrawn.fetching}>
            {t('dataPools.withdraw')}
          </button>
        </form>
      )}
    </section>
  );
}

function DatasetForm({ poolId, organizationId, hosts, onDone }: { poolId: string; organizationId: string; hosts: { id: string; name: string }[]; onDone: () => void }) {
  const { t } = useTranslation();
  const empty = {
    title: '',
    description: '',
    modality: 'CAMERA' as DataModality,
    sizeBytes: '',
    recordingHours: '',
    distanceKm: '',
    sensitivity: 'CONFIDENTIAL' as DataSensitivity,
    license: '',
    location: '',
    hostedByOrganizationId: '',
    personalData: false,
    legalBasis: '',
    anonymised: false,
  };
  const [v, setV] = useState(empty);
  const [result, add] = useMutation(AddDataset);
  const labels = {
    title: t('dataPools.dataset.title'),
    description: t('dataPools.dataset.description'),
    modality: t('dataPools.dataset.modality'),
    sizeBytes: t('dataPools.dataset.sizeBytes'),
    recordingHours: t('dataPools.dataset.recordingHours'),
    distanceKm: t('dataPools.dataset.distanceKm'),
    sensitivity: t('dataPools.dataset.sensitivity'),
    license: t('dataPools.dataset.license'),
    location: t('dataPools.dataset.location'),
    hostedByOrganizationId: t('dataPools.dataset.host'),
    personalData: t('dataPools.dataset.personalData'),
    legalBasis: t('dataPools.dataset.legalBasis'),
    anonymised: t('dataPools.dataset.anonymised'),
    contributorOrganizationId: t('dataPools.organization'),
  };
  const invalid = (field: string) => !!fieldProblem(result.error, field);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add({
      input: {
        poolId,
        contributorOrganizationId: organizationId,
        title: v.title,
        description: v.description.trim() || null,
        modality: v.modality,
        sizeBytes: numberOrNull(v.sizeBytes),
        recordingHours: numberOrNull(v.recordingHours),
        distanceKm: numberOrNull(v.distanceKm),
        sensitivity: v.sensitivity,
        license: v.license.trim(),
        location: v.location.trim(),
        hostedByOrganizationId: v.hostedByOrganizationId || null,
        personalData: v.personalData,
        legalBasis: v.personalData ? v.legalBasis.trim() || null : null,
        anonymised: v.anonymised,
      },
    }).then((answer) => {
      if (answer.data) {
        setV(empty);
        onDone();
      }
    });
  };
  const text = (field: 'title' | 'description' | 'license' | 'location' | 'legalBasis' | 'sizeBytes' | 'recordingHours' | 'distanceKm', options: { required?: boolean; number?: boolean } = {}) => (
    <>
      <label htmlFor={`dataset-${field}`}>{labels[field]}</label>
      <input
        id={`dataset-${field}`}
        required={options.required}
        type={options.number ? 'number' : 'text'}
        min={options.number ? 0 : undefined}
        step={options.number ? 'any' : undefined}
        value={v[field]}
        aria-invalid={invalid(field)}
        onChange={(e) => setV({ ...v, [field]: e.target.value })}
      />
    </>
  );
  return (
    <details className="add">
      <summary>{t('dataPools.addDataset')}</summary>
      <form className="form" onSubmit={submit}>
        <ErrorMessage reasons="dataPools.errorReasons" error={result.error} labels={labels} />
        {text('title', { required: true })}
        {text('description')}
        <label htmlFor="dataset-modality">{labels.modality}</label>
        <select id="dataset-modality" value={v.modality} onChange={(e) => setV({ ...v, modality: e.target.value as DataModality })}>
          {MODALITIES.map((m) => (
            <option key={m} value={m}>
              {t(`dataPools.modalities.${m}`)}
            </option>
          ))}
        </select>
        {text('sizeBytes', { number: true })}
        {text('recordingHours', { number: true })}
        {text('distanceKm', { number: true })}
        <label htmlFor="dataset-sensitivity">{labels.sensitivity}</label>
        <select id="dataset-sensitivity" value={v.sensitivity} onChange={(e) => setV({ ...v, sensitivity: e.target.value as DataSensitivity })}>
          {SENSITIVITIES.map((s) => (
            <option key={s} value={s}>
              {t(`marketplace.sensitivities.${s}`)}
            </option>
          ))}
        </select>
        {text('license', { required: true })}
        {text('location', { required: true })}
        <label htmlFor="dataset-host">{labels.hostedByOrganizationId}</label>
        <select id="dataset-host" value={v.hostedByOrganizationId} aria-invalid={invalid('hostedByOrganizationId')} onChange={(e) => setV({ ...v, hostedByOrganizationId: e.target.value })}>
          <option value="">{t('dataPools.noHost')}</option>
          {hosts.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={v.personalData} aria-invalid={invalid('personalData')} onChange={(e) => setV({ ...v, personalData: e.target.checked })} /> {labels.personalData}
        </label>
        {v.personalData && text('legalBasis', { required: true })}
        <label className="check">
          <input type="checkbox" checked={v.anonymised} onChange={(e) => setV({ ...v, anonymised: e.target.checked })} /> {labels.anonymised}
        </label>
        <div className="actions">
          <button type="submit" className="button primary" disabled={result.fetching}>
            {t('dataPools.addDataset')}
          </button>
        </div>
      </form>
    </details>
  );
}

const INVITABLE: DataPoolRole[] = ['CONTRIBUTOR', 'HOST', 'USER'];

/** The steward invites an organisation, found by name, in a role (a new contributor or host reopens an active pool for signature). */
function InviteForm({ poolId, invited, onDone }: { poolId: string; invited: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState<DataPoolRole>('CONTRIBUTOR');
  const [{ data }] = useQuery({ query: OrganizationsQuery, variables: { search: search.trim() }, pause: search.trim().length < 2 });
  const [result, invite] = useMutation(InviteToPool);
  const found = search.trim().length < 2 ? [] : (data?.organizations.edges.map((e) => e.node).filter((o) => !invited.includes(o.id)) ?? []);
  const chosen = found.some((o) => o.id === organizationId) ? organizationId : (found[0]?.id ?? '');
  const labels = { organizationId: t('dataPools.organization'), role: t('dataPools.role') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    void invite({ poolId, organizationId: chosen, role }).then((answer) => {
      if (answer.data) {
        setSearch('');
        onDone();
      }
    });
  };
  return (
    <details className="add">
      <summary>{t('dataPools.invite')}</summary>
      <form className="form" onSubmit={submit}>
        <ErrorMessage reasons="dataPools.errorReasons" error={result.error} labels={labels} />
        <label htmlFor="invite-search">{t('dataPools.findOrganization')}</label>
        <input id="invite-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <label htmlFor="invite-organization">{labels.organizationId}</label>
        <select id="invite-organization" value={chosen} onChange={(e) => setOrganizationId(e.target.value)}>
          {found.length === 0 && <option value="">{t('dataPools.noOrganizationFound')}</option>}
          {found.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <label htmlFor="invite-role">{labels.role}</label>
        <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as DataPoolRole)}>
          {INVITABLE.map((r) => (
            <option key={r} value={r}>
              {t(`dataPools.roles.${r}`)}
            </option>
          ))}
        </select>
        <p className="meta">{t('dataPools.inviteHint')}</p>
        <div className="actions">
          <button type="submit" className="button primary" disabled={result.fetching || !chosen}>
            {t('dataPools.invite')}
          </button>
        </div>
      </form>
    </details>
  );
}

/** The contributor's people, the steward's and admins remove a dataset from the catalogue (offered by `Dataset.viewerCan.remove`). */
function RemoveButton({ id, title, onDone }: { id: string; title: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [result, remove] = useMutation(RemoveDataset);
  return (
    <>
      <button
        type="button"
        className="button subtle"
        disabled={result.fetching}
        onClick={() => {
          if (window.confirm(t('dataPools.removeConfirm', { title }))) void remove({ id }).then((answer) => !answer.error && onDone());
        }}
      >
        {t('dataPools.remove', { title })}
      </button>
      <ErrorMessage reasons="dataPools.errorReasons" error={result.error} />
    </>
  );
}

function AccessForm({ poolId, organizationId, purposes, onDone }: { poolId: string; organizationId: string; purposes: UsagePurpose[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState<UsagePurpose>(purposes[0] ?? 'RESEARCH');
  const [justification, setJustification] = useState('');
  const [result, request] = useMutation(RequestAccess);
  const labels = { purpose: t('dataPools.purpose'), justification: t('dataPools.justification') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void request({ poolId, organizationId, purpose, justification }).then((answer) => {
      if (answer.data) {
        setJustification('');
        onDone();
      }
    });
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby="request-heading">
      <h3 id="request-heading">{t('dataPools.requestAccess')}</h3>
      <ErrorMessage reasons="dataPools.errorReasons" error={result.error} labels={labels} />
      <label htmlFor="access-purpose">{labels.purpose}</label>
      <select id="access-purpose" value={purpose} aria-invalid={!!fieldProblem(result.error, 'purpose')} onChange={(e) => setPurpose(e.target.value as UsagePurpose)}>
        {purposes.map((p) => (
          <option key={p} value={p}>
            {t(`dataPools.purposes.${p}`)}
          </option>
        ))}
      </select>
      <label htmlFor="access-justification">{labels.justification}</label>
      <textarea id="access-justification" required value={justification} onChange={(e) => setJustification(e.target.value)} />
      <div className="actions">
        <button type="submit" className="button primary" disabled={result.fetching}>
          {t('dataPools.sendRequest')}
        </button>
      </div>
    </form>
  );
}

/** The steward's decision on a request: approve (optionally until a date) or reject it; revoke an approval. A note is needed to reject or revoke. */
function Decision({ id, state, organization, poolActive }: { id: string; state: AccessRequestState; organization: string; poolActive: boolean }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [until, setUntil] = useState('');
  const [result, decide] = useMutation(DecideAccess);
  const labels = { note: t('dataPools.note'), expiresAt: t('dataPools.until') };
  const go = (next: AccessRequestState) => void decide({ id, state: next, note: note.trim() || null, expiresAt: next === 'APPROVED' ? instantOf(until) : null });
  return (
    <div className="form decision" role="group" aria-label={t('dataPools.decide', { organization })}>
      <ErrorMessage reasons="dataPools.errorReasons" error={result.error} labels={labels} />
      <label htmlFor={`note-${id}`}>{labels.note}</label>
      <input id={`note-${id}`} value={note} aria-invalid={!!fieldProblem(result.error, 'note')} onChange={(e) => setNote(e.target.value)} />
      {state === 'REQUESTED' && poolActive && (
        <>
          <label htmlFor={`until-${id}`}>{labels.expiresAt}</label>
          <input id={`until-${id}`} type="date" value={until} aria-invalid={!!fieldProblem(result.error, 'expiresAt')} onChange={(e) => setUntil(e.target.value)} />
        </>
      )}
      <div className="actions">
        {state === 'REQUESTED' && poolActive && (
          <button type="button" className="button primary" disabled={result.fetching} onClick={() => go('APPROVED')}>
            {t('dataPools.approve')}
          </button>
        )}
        {state === 'REQUESTED' && (
          <button type="button" className="button subtle" disabled={result.fetching} onClick={() => go('REJECTED')}>
            {t('dataPools.reject')}
          </button>
        )}
        {state === 'APPROVED' && (
          <button type="button" className="button subtle" disabled={result.fetching} onClick={() => go('REVOKED')}>
            {t('dataPools.revoke')}
          </button>
        )}
      </div>
    </div>
  );
}

function Exports({ poolId }: { poolId: string }) {
  const { t } = useTranslation();
  const [result, exportPool] = useMutation(ExportPool);
  const file = result.data?.exportDataPool;
  return (
    <section aria-labelledby="exports-heading" className="card">
      <h2 id="exports-heading">{t('dataPools.exports')}</h2>
      <p className="meta">{t('dataPools.exportsHint')}</p>
      <ErrorMessage reasons="dataPools.errorReasons" error={result.error} />
      <div className="actions">
        {EXPORTS.map((format) => (
          <button key={format} type="button" className="button" disabled={result.fetching} onClick={() => void exportPool({ poolId, format })}>
            {t(`dataPools.formats.${format}`)}
          </button>
        ))}
      </div>
      {file && (
        <p role="status">
          <a href={file.url} download={file.filename}>
            {t('dataPools.download', { filename: file.filename })}
          </a>{' '}
          <span className="meta">{t('dataPools.linkExpires', { date: formatDateTime(file.expiresAt) })}</span>
        </p>
      )}
    </section>
  );
}
