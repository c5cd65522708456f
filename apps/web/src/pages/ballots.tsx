import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { BallotKind, BallotState } from '../gql/graphql';
import { ErrorMessage, fieldProblem } from '../ui/errors';
import { formatDateTime } from '../ui/format';

const STATES: BallotState[] = ['OPEN', 'DRAFT', 'CLOSED', 'CANCELLED'];
const PAGE = 20;

const BallotsQuery = graphql(`
  query Ballots($state: BallotState, $first: Int, $after: String) {
    me {
      id
      role
      timezone
    }
    workingGroups {
      id
      name
      viewerCan {
        createBallot
      }
    }
    ballots(state: $state, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          kind
          state
          secret
          closesAt
          votesCast
          eligibleCount
          workingGroup {
            id
            name
          }
          viewerVote {
            castAt
          }
        }
      }
    }
  }
`);

const PrioritiesQuery = graphql(`
  query BallotPriorities($workingGroupId: ID) {
    priorities(workingGroupId: $workingGroupId) {
      id
      title
    }
  }
`);

const ProposalsQuery = graphql(`
  query BallotProposals($workingGroupId: ID!) {
    proposals(first: 50, filter: { workingGroupId: $workingGroupId, states: [SUBMITTED, UNDER_REVIEW] }) {
      edges {
        node {
          id
          title
          state
        }
      }
    }
  }
`);

const CreateBallot = graphql(`
  mutation CreateBallot($input: CreateBallotInput!) {
    createBallot(input: $input) {
      id
      title
      state
    }
  }
`);

/** The ballots the person may read, open ones first by filter; chairs draft new ones here. */
export default function BallotsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = (STATES as string[]).includes(params.get('state') ?? '') ? (params.get('state') as BallotState) : null;
  // A stack of cursors: the pages seen so far, so "previous" needs no backwards pagination from the API.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const [{ data, error, fetching }] = useQuery({ query: BallotsQuery, variables: { state, first: PAGE, after } });
  const me = data?.me;
  const tz = me?.timezone;
  // The groups whose ballots the API lets the viewer draft (`viewerCan.createBallot`, decision 247); alliance-wide
  // ballots, which no group's viewerCan covers, are the admins' (the API's rule, the only role read here).
  const managed = (data?.workingGroups ?? []).filter((g) => g.viewerCan.createBallot);
  const mayCreate = me?.role === 'ADMIN' || managed.length > 0;

  const setState = (value: string) => {
    setCursors([null]);
    setParams(value ? { state: value } : {});
  };

  return (
    <div className="ballots">
      <h1>{t('governance.ballots.title')}</h1>
      <div className="form inline gov-filter">
        <label htmlFor="ballot-state">{t('governance.ballots.filterState')}</label>
        <select id="ballot-state" value={state ?? ''} onChange={(e) => setState(e.target.value)}>
          <option value="">{t('governance.ballots.allStates')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`governance.state.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={error} />
      {data && (
        <section aria-labelledby="ballot-list" className="card">
          <h2 id="ballot-list">{t('governance.ballots.count', { count: data.ballots.totalCount })}</h2>
          {data.ballots.edges.length ? (
            <ul className="list">
              {data.ballots.edges.map(({ node: b }) => (
                <li key={b.id}>
                  <Link to={`/ballots/${b.id}`}>{b.title}</Link>
                  <span className="tag">{t(`governance.state.${b.state}`)}</span>
                  <span className="tag">{t(`governance.kind.${b.kind}`)}</span>
                  {b.secret && <span className="tag">{t('governance.ballot.secretTag')}</span>}
                  <span className="meta">
                    {b.workingGroup?.name ?? t('governance.ballot.allianceWide')} · {t('governance.ballots.closes', { date: formatDateTime(b.closesAt, tz) })} ·{' '}
                    {t('governance.ballots.turnout', { cast: b.votesCast, eligible: b.eligibleCount })}
                  </span>
                  {b.state === 'OPEN' && <span className="tag">{b.viewerVote ? t('governance.ballots.voted') : t('governance.ballots.notVoted')}</span>}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('governance.ballots.none')}</p>
          )}
          <div className="gov-pager">
            {cursors.length > 1 && (
              <button type="button" className="button subtle" onClick={() => setCursors(cursors.slice(0, -1))}>
                {t('governance.previous')}
              </button>
            )}
            {data.ballots.pageInfo.hasNextPage && (
              <button type="button" className="button subtle" disabled={fetching} onClick={() => setCursors([...cursors, data.ballots.pageInfo.endCursor ?? null])}>
                {t('governance.next')}
              </button>
            )}
          </div>
        </section>
      )}
      {me && mayCreate && <CreateBallotForm groups={managed} admin={me.role === 'ADMIN'} />}
    </div>
  );
}

/** `datetime-local` wants local wall time without a zone. */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function CreateBallotForm({ groups, admin }: { groups: { id: string; name: string }[]; admin: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unique = groups.filter((g, i) => groups.findIndex((o) => o.id === g.id) === i);
  const [values, setValues] = useState({
    workingGroupId: unique[0]?.id ?? '',
    title: '',
    motion: '',
    kind: 'APPROVAL' as BallotKind,
    closesAt: localInput(new Date(Date.now() + 7 * 24 * 60 * 60 * 1000)),
    quorumPercent: '50',
    majorityPercent: '50',
    secret: false,
    priorityIds: [] as string[],
    proposalId: '',
    decidesProposal: false,
  });
  const [result, create] = useMutation(CreateBallot);
  const [priorities] = useQuery({
    query: PrioritiesQuery,
    variables: { workingGroupId: values.workingGroupId || null },
    pause: values.kind !== 'RANKING',
  });
  const [proposals] = useQuery({
    query: ProposalsQuery,
    variables: { workingGroupId: values.workingGroupId },
    pause: values.kind !== 'APPROVAL' || !values.workingGroupId,
  });
  const proposal = proposals.data?.proposals.edges.find((e) => e.node.id === values.proposalId)?.node;
  const labels = {
    workingGroupId: t('governance.create.group'),
    proposalId: t('governance.create.proposal'),
    decidesProposal: t('governance.create.decides'),
    title: t('governance.create.titleField'),
    motion: t('governance.create.motion'),
    kind: t('governance.create.kind'),
    closesAt: t('governance.create.closesAt'),
    quorumPercent: t('governance.create.quorum'),
    majorityPercent: t('governance.create.majority'),
    secret: t('governance.create.secret'),
    priorityIds: t('governance.create.priorities'),
  };
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));
  const invalid = (field: string) => !!fieldProblem(result.error, field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const closes = new Date(values.closesAt);
    const answer = await create({
      input: {
        workingGroupId: values.workingGroupId || null,
        title: values.title,
        motion: values.motion,
        kind: values.kind,
        closesAt: Number.isNaN(closes.getTime()) ? values.closesAt : closes.toISOString(),
        quorumPercent: Number(values.quorumPercent),
        majorityPercent: values.kind === 'APPROVAL' ? Number(values.majorityPercent) : undefined,
        secret: values.secret,
        priorityIds: values.kind === 'RANKING' ? values.priorityIds : undefined,
        proposalId: values.kind === 'APPROVAL' && values.proposalId ? values.proposalId : undefined,
        decidesProposal: values.kind === 'APPROVAL' && proposal?.state === 'UNDER_REVIEW' ? values.decidesProposal : undefined,
      },
    });
    if (answer.data) void navigate(`/ballots/${answer.data.createBallot.id}`);
  };

  return (
    <section aria-labelledby="create-ballot" className="card">
      <h2 id="create-ballot">{t('governance.create.heading')}</h2>
      <p className="meta">{t('governance.create.intro')}</p>
      <form className="form" onSubmit={submit}>
        <ErrorMessage error={result.error} labels={labels} />
        <label htmlFor="ballot-group">{labels.workingGroupId}</label>
        <select id="ballot-group" value={values.workingGroupId} aria-invalid={invalid('workingGroupId')} onChange={(e) => set({ workingGroupId: e.target.value, priorityIds: [], proposalId: '', decidesProposal: false })}>
          {unique.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
          {admin && <option value="">{t('governance.ballot.allianceWide')}</option>}
        </select>
        <label htmlFor="ballot-title">{labels.title}</label>
        <input id="ballot-title" required value={values.title} aria-invalid={invalid('title')} onChange={(e) => set({ title: e.target.value })} />
        <label htmlFor="ballot-motion">{labels.motion}</label>
        <textarea id="ballot-motion" required value={values.motion} aria-invalid={invalid('motion')} onChange={(e) => set({ motion: e.target.value })} />
        <label htmlFor="ballot-kind">{labels.kind}</label>
        <select id="ballot-kind" value={values.kind} onChange={(e) => set({ kind: e.target.value as BallotKind })}>
          <option value="APPROVAL">{t('governance.kind.APPROVAL')}</option>
          <option value="RANKING">{t('governance.kind.RANKING')}</option>
        </select>
        {values.kind === 'RANKING' && (
          <fieldset className="gov-fieldset">
            <legend>{labels.priorityIds}</legend>
            {priorities.data?.priorities.length === 0 && <p>{t('governance.create.noPriorities')}</p>}
            {priorities.data?.priorities.map((p) => (
              <div key={p.id} className="gov-check">
                <input
                  type="checkbox"
                  id={`ballot-priority-${p.id}`}
                  checked={values.priorityIds.includes(p.id)}
                  onChange={(e) => set({ priorityIds: e.target.checked ? [...values.priorityIds, p.id] : values.priorityIds.filter((id) => id !== p.id) })}
                />
                <label htmlFor={`ballot-priority-${p.id}`}>{p.title}</label>
              </div>
            ))}
          </fieldset>
        )}
        {values.kind === 'APPROVAL' && values.workingGroupId && (
          <>
            <label htmlFor="ballot-proposal">{labels.proposalId}</label>
            <select id="ballot-proposal" value={values.proposalId} aria-invalid={invalid('proposalId')} onChange={(e) => set({ proposalId: e.target.value, decidesProposal: false })}>
              <option value="">{t('governance.create.noProposal')}</option>
              {proposals.data?.proposals.edges.map(({ node: p }) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
            {proposal?.state === 'UNDER_REVIEW' && (
              <div className="gov-check">
                <input id="ballot-decides" type="checkbox" checked={values.decidesProposal} onChange={(e) => set({ decidesProposal: e.target.checked })} />
                <label htmlFor="ballot-decides">{labels.decidesProposal}</label>
              </div>
            )}
          </>
        )}
        <label htmlFor="ballot-closes">{labels.closesAt}</label>
        <input id="ballot-closes" type="datetime-local" required value={values.closesAt} aria-invalid={invalid('closesAt')} onChange={(e) => set({ closesAt: e.target.value })} />
        <label htmlFor="ballot-quorum">{labels.quorumPercent}</label>
        <input id="ballot-quorum" type="number" min={1} max={100} required value={values.quorumPercent} aria-invalid={invalid('quorumPercent')} onChange={(e) => set({ quorumPercent: e.target.value })} />
        {values.kind === 'APPROVAL' && (
          <>
            <label htmlFor="ballot-majority">{labels.majorityPercent}</label>
            <input
              id="ballot-majority"
              type="number"
              min={1}
              max={99}
              required
              value={values.majorityPercent}
              aria-invalid={invalid('majorityPercent')}
              onChange={(e) => set({ majorityPercent: e.target.value })}
            />
          </>
        )}
        <div className="gov-check">
          <input id="ballot-secret" type="checkbox" checked={values.secret} onChange={(e) => set({ secret: e.target.checked })} />
          <label htmlFor="ballot-secret">{labels.secret}</label>
        </div>
        <button type="submit" className="button primary" disabled={result.fetching}>
          {t('governance.create.submit')}
        </button>
      </form>
    </section>
  );
}
