import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { BallotState, VoteChoice } from '../gql/graphql';
import { ConfirmDialog, DialogClose } from '../ui/confirm-dialog';
import { ErrorMessage } from '../ui/errors';
import { formatDateTime } from '../ui/format';

const BallotQuery = graphql(`
  query BallotDetail($id: ID!) {
    me {
      id
      role
      timezone
      organization {
        id
        name
      }
    }
    ballot(id: $id) {
      id
      title
      motion
      kind
      state
      secret
      opensAt
      closesAt
      createdAt
      quorumPercent
      majorityPercent
      decidesProposal
      eligibleCount
      votesCast
      viewerCan {
        open
        close
        cancel
        vote
      }
      workingGroup {
        id
        name
      }
      proposal {
        id
        title
      }
      priorities {
        id
        title
      }
      recused {
        id
        name
      }
      viewerVote {
        castAt
        choice
        castBy {
          id
          name
        }
        ranking {
          id
          title
        }
      }
      result {
        yes
        no
        abstain
        passed
        quorumReached
        ranking {
          position
          points
          priority {
            id
            title
          }
        }
      }
      votes {
        castAt
        choice
        organization {
          id
          name
        }
        ranking {
          id
          title
        }
      }
    }
  }
`);

const CastVote = graphql(`
  mutation CastVote($ballotId: ID!, $organizationId: ID!, $choice: VoteChoice, $ranking: [ID!]) {
    castVote(ballotId: $ballotId, organizationId: $organizationId, choice: $choice, ranking: $ranking) {
      id
      votesCast
      viewerVote {
        castAt
        choice
        castBy {
          id
          name
        }
        ranking {
          id
          title
        }
      }
    }
  }
`);

const ChangeState = graphql(`
  mutation ChangeBallotState($id: ID!, $state: BallotState!, $note: String) {
    changeBallotState(id: $id, state: $state, note: $note) {
      id
      state
      viewerCan {
        open
        close
        cancel
        vote
      }
      opensAt
      eligibleCount
      votesCast
    }
  }
`);

const CHOICES: VoteChoice[] = ['YES', 'NO', 'ABSTAIN'];

/** One ballot: its rules, the viewer's organisation's vote while OPEN, the result once CLOSED, and the chairs' actions. */
export default function BallotPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, error, fetching }, refresh] = useQuery({ query: BallotQuery, variables: { id } });
  if (!data) return fetching ? <p role="status">{t('common.loading')}</p> : <ErrorMessage error={error} />;
  const { me, ballot } = data;
  if (!ballot || !me)
    return (
      <div>
        <h1>{t('governance.ballot.notFound')}</h1>
        <ErrorMessage error={error} />
        <Link to="/ballots">{t('governance.ballot.back')}</Link>
      </div>
    );
  const tz = me.timezone;
  // The API's viewerCan decides what is offered (decision 220).
  const can = ballot.viewerCan;
  const mayVote = can.vote;
  const reload = () => refresh({ requestPolicy: 'network-only' });

  return (
    <div className="ballot">
      <p>
        <Link to="/ballots">{t('governance.ballot.back')}</Link>
      </p>
      <h1>{ballot.title}</h1>
      <p>
        <span className="tag">{t(`governance.state.${ballot.state}`)}</span> <span className="tag">{t(`governance.kind.${ballot.kind}`)}</span>{' '}
        {ballot.secret && <span className="tag">{t('governance.ballot.secretTag')}</span>}
      </p>
      <section aria-labelledby="ballot-motion" className="card">
        <h2 id="ballot-motion">{t('governance.ballot.motion')}</h2>
        <p className="gov-motion">{ballot.motion}</p>
        <dl className="gov-facts">
          <dt>{t('governance.ballot.group')}</dt>
          <dd>{ballot.workingGroup ? <Link to={`/working-groups/${ballot.workingGroup.id}`}>{ballot.workingGroup.name}</Link> : t('governance.ballot.allianceWide')}</dd>
          {ballot.proposal && (
            <>
              <dt>{t('governance.ballot.proposal')}</dt>
              <dd>
                <Link to={`/proposals/${ballot.proposal.id}`}>{ballot.proposal.title}</Link>
                {ballot.decidesProposal && ` · ${t('governance.ballot.decides')}`}
              </dd>
            </>
          )}
          {ballot.opensAt && (
            <>
              <dt>{t('governance.ballot.opensAt')}</dt>
              <dd>{formatDateTime(ballot.opensAt, tz)}</dd>
            </>
          )}
          <dt>{t('governance.ballot.closesAt')}</dt>
          <dd>{formatDateTime(ballot.closesAt, tz)}</dd>
          <dt>{t('governance.ballot.quorum')}</dt>
          <dd>{t('governance.ballot.quorumRule', { percent: ballot.quorumPercent })}</dd>
          {ballot.kind === 'APPROVAL' && (
            <>
              <dt>{t('governance.ballot.majority')}</dt>
              <dd>{t('governance.ballot.majorityRule', { percent: ballot.majorityPercent })}</dd>
            </>
          )}
          <dt>{t('governance.ballot.electorate')}</dt>
          <dd>{t('governance.ballot.turnout', { cast: ballot.votesCast, eligible: ballot.eligibleCount })}</dd>
          {ballot.recused.length > 0 && (
            <>
              <dt>{t('governance.ballot.recused')}</dt>
              <dd>{ballot.recused.map((o) => o.name).join(', ')}</dd>
            </>
          )}
        </dl>
        {ballot.secret && <p className="notice">{t('governance.ballot.secretRules')}</p>}
        {ballot.kind === 'RANKING' && ballot.state !== 'CLOSED' && (
          <>
            <h3>{t('governance.ballot.priorities')}</h3>
            <ol>
              {ballot.priorities.map((p) => (
                <li key={p.id}>{p.title}</li>
              ))}
            </ol>
          </>
        )}
      </section>

      {(mayVote || ballot.viewerVote) && (
        <section aria-labelledby="ballot-vote" className="card">
          <h2 id="ballot-vote">{t('governance.vote.heading', { organization: me.organization.name })}</h2>
          {ballot.viewerVote ? (
            <p role="status" data-testid="viewer-vote">
              {t('governance.vote.cast', { name: ballot.viewerVote.castBy.name, date: formatDateTime(ballot.viewerVote.castAt, tz) })}
              {ballot.viewerVote.choice && ` ${t('governance.vote.yourChoice', { choice: t(`governance.choice.${ballot.viewerVote.choice}`) })}`}
            </p>
          ) : (
            <p>{t('governance.vote.notYet')}</p>
          )}
          {mayVote &&
            (ballot.kind === 'APPROVAL' ? (
              <ApprovalVote ballotId={ballot.id} organizationId={me.organization.id} current={ballot.viewerVote?.choice ?? null} replacing={!!ballot.viewerVote} />
            ) : (
              <RankingVote
                ballotId={ballot.id}
                organizationId={me.organization.id}
                priorities={ballot.viewerVote?.ranking?.length ? [...ballot.viewerVote.ranking, ...ballot.priorities.filter((p) => !ballot.viewerVote?.ranking?.some((r) => r.id === p.id))] : ballot.priorities}
                replacing={!!ballot.viewerVote}
              />
            ))}
        </section>
      )}

      {ballot.state === 'CLOSED' && ballot.result && (
        <section aria-labelledby="ballot-result" className="card">
          <h2 id="ballot-result">{t('governance.result.heading')}</h2>
          <p className="gov-outcome" data-testid="ballot-outcome">
            {!ballot.result.quorumReached ? t('governance.result.noQuorum') : ballot.result.passed ? t('governance.result.passed') : t('governance.result.failed')}
          </p>
          {ballot.kind === 'APPROVAL' ? (
            <table className="gov-table">
              <caption className="visually-hidden">{t('governance.result.tally')}</caption>
              <tbody>
                {CHOICES.map((c) => (
                  <tr key={c}>
                    <th scope="row">{t(`governance.choice.${c}`)}</th>
                    <td>{ballot.result![c === 'YES' ? 'yes' : c === 'NO' ? 'no' : 'abstain']}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <ol className="gov-ranking">
              {ballot.result.ranking.map((r) => (
                <li key={r.priority.id}>
                  {r.priority.title} <span className="meta">{t('governance.result.points', { count: r.points })}</span>
                </li>
              ))}
            </ol>
          )}
          {!ballot.secret && ballot.votes.length > 0 && (
            <>
              <h3>{t('governance.result.votes')}</h3>
              <ul className="list">
                {ballot.votes.map((v) => (
                  <li key={v.organization.id}>
                    {v.organization.name}
                    <span className="tag">{v.choice ? t(`governance.choice.${v.choice}`) : (v.ranking ?? []).map((p) => p.title).join(' › ')}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {(can.open || can.close || can.cancel) && <ManageBallot id={ballot.id} state={ballot.state} can={can} onChange={reload} />}
    </div>
  );
}

function ApprovalVote({ ballotId, organizationId, current, replacing }: { ballotId: string; organizationId: string; current: VoteChoice | null; replacing: boolean }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<VoteChoice | null>(current);
  const [result, cast] = useMutation(CastVote);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice) void cast({ ballotId, organizationId, choice });
  };
  return (
    <form className="form" onSubmit={submit}>
      <ErrorMessage error={result.error} labels={{ choice: t('governance.vote.choice') }} />
      <fieldset className="gov-fieldset">
        <legend>{t('governance.vote.choice')}</legend>
        {CHOICES.map((c) => (
          <div key={c} className="gov-check">
            <input type="radio" id={`vote-${c}`} name="vote-choice" value={c} checked={choice === c} onChange={() => setChoice(c)} />
            <label htmlFor={`vote-${c}`}>{t(`governance.choice.${c}`)}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button primary" disabled={!choice || result.fetching}>
        {replacing ? t('governance.vote.replace') : t('governance.vote.submit')}
      </button>
      {result.data && !result.error && <p role="status">{t('governance.vote.saved')}</p>}
    </form>
  );
}

function RankingVote({ ballotId, organizationId, priorities, replacing }: { ballotId: string; organizationId: string; priorities: { id: string; title: string }[]; replacing: boolean }) {
  const { t } = useTranslation();
  const [order, setOrder] = useState(priorities);
  const [announce, setAnnounce] = useState('');
  const [result, cast] = useMutation(CastVote);
  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    setOrder(next);
    setAnnounce(t('governance.vote.moved', { title: item.title, position: index + by + 1 }));
    // Keep focus on the same button of the moved item, so repeated presses keep moving it.
    requestAnimationFrame(() => document.getElementById(`rank-${by < 0 ? 'up' : 'down'}-${item.id}`)?.focus());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void cast({ ballotId, organizationId, ranking: order.map((p) => p.id) });
  };
  return (
    <form className="form" onSubmit={submit}>
      <ErrorMessage error={result.error} labels={{ ranking: t('governance.vote.ranking') }} />
      <p id="ranking-help">{t('governance.vote.rankingHelp')}</p>
      <ol className="gov-rank" aria-describedby="ranking-help">
        {order.map((p, i) => (
          <li key={p.id}>
            <span className="gov-rank-title">{p.title}</span>
            <span className="gov-rank-buttons">
              <button type="button" id={`rank-up-${p.id}`} className="button subtle" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('governance.vote.up', { title: p.title })}>
                ↑
              </button>
              <button
                type="button"
                id={`rank-down-${p.id}`}
                className="button subtle"
                disabled={i === order.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t('governance.vote.down', { title: p.title })}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p role="status" aria-live="polite" className="visually-hidden">
        {announce}
      </p>
      <button type="submit" className="button primary" disabled={result.fetching}>
        {replacing ? t('governance.vote.replace') : t('governance.vote.submit')}
      </button>
      {result.data && !result.error && <p role="status">{t('governance.vote.saved')}</p>}
    </form>
  );
}

function ManageBallot({ id, state, can, onChange }: { id: string; state: BallotState; can: { open: boolean; close: boolean; cancel: boolean }; onChange: () => void }) {
  const { t } = useTranslation();
  const [result, change] = useMutation(ChangeState);
  const [cancelling, setCancelling] = useState(false);
  const [note, setNote] = useState('');
  const [cancelResult, cancel] = useMutation(ChangeState);
  const to = async (next: BallotState) => {
    const answer = await change({ id, state: next });
    if (answer.data) onChange();
  };
  const confirmCancel = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await cancel({ id, state: 'CANCELLED', note });
    if (answer.data) {
      setCancelling(false);
      onChange();
    }
  };
  return (
    <section aria-labelledby="ballot-manage" className="card">
      <h2 id="ballot-manage">{t('governance.manage.heading')}</h2>
      <ErrorMessage error={result.error} />
      <div className="gov-actions">
        {can.open && (
          <button type="button" className="button primary" disabled={result.fetching} onClick={() => void to('OPEN')}>
            {t('governance.manage.open')}
          </button>
        )}
        {can.close && (
          <button type="button" className="button primary" disabled={result.fetching} onClick={() => void to('CLOSED')}>
            {t('governance.manage.close')}
          </button>
        )}
        {can.cancel && (
          <ConfirmDialog
            open={cancelling}
            onOpenChange={setCancelling}
            title={t('governance.manage.cancelTitle')}
            description={t('governance.manage.cancelText')}
            trigger={
              <button type="button" className="button subtle">
                {t('governance.manage.cancel')}
              </button>
            }
          >
            <form className="form" onSubmit={confirmCancel}>
              <ErrorMessage error={cancelResult.error} labels={{ note: t('governance.manage.note') }} />
              <label htmlFor="cancel-note">{t('governance.manage.note')}</label>
              <textarea id="cancel-note" required value={note} onChange={(e) => setNote(e.target.value)} />
              <div className="gov-actions">
                <button type="submit" className="button primary" disabled={cancelResult.fetching}>
                  {t('governance.manage.confirmCancel')}
                </button>
                <DialogClose asChild>
                  <button type="button" className="button subtle">
                    {t('governance.keep')}
                  </button>
                </DialogClose>
              </div>
            </form>
          </ConfirmDialog>
        )}
      </div>
      {state === 'OPEN' && !can.close && <p className="meta">{t('governance.manage.closesItself')}</p>}
    </section>
  );
}
