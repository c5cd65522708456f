import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useClient, useMutation, useQuery, useSubscription } from 'urql';
import { graphql } from '../gql';
import type { PartnerConsent, ProposalDetailQuery, ProposalState } from '../gql/graphql';
import { ErrorMessage } from '../ui/errors';
import { formatDateTime } from '../ui/format';
import { MarkdownText } from '../ui/markdown';
import { useFieldLabels } from '../ui/proposal-parts';
import { ShowMore } from '../ui/show-more';

const ProposalDetail = graphql(`
  query ProposalDetail($id: ID!) {
    me {
      id
      timezone
    }
    proposal(id: $id) {
      id
      title
      summary
      body
      kind
      confidentiality
      state
      version
      createdAt
      updatedAt
      submittedAt
      decidedAt
      author {
        id
        name
        organization {
          id
          name
        }
      }
      workingGroup {
        id
        name
      }
      leadOrganization {
        id
        name
      }
      leadConsent
      partners {
        consent
        role
        respondedAt
        organization {
          id
          name
        }
      }
      priorities {
        id
        title
      }
      supportCount
      supporters {
        id
        name
      }
      viewerHasSupported
      viewerCan {
        edit
        submit
        withdraw
        startReview
        approve
        reject
        startWork
        complete
        support
        unsupport
        invitePartners
        respondToPartnerInvitation
        respondToLeadInvitation
        comment
      }
      history {
        id
        type
        at
        fromState
        toState
        note
        actor {
          id
          name
        }
      }
      comments(first: 100) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            body
            parentId
            createdAt
            author {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const ProposalChanged = graphql(`
  subscription ProposalChanged($workingGroupId: ID) {
    proposalChanged(workingGroupId: $workingGroupId) {
      id
      version
      state
    }
  }
`);

const ChangeState = graphql(`
  mutation ChangeProposalState($id: ID!, $state: ProposalState!, $note: String) {
    changeProposalState(id: $id, state: $state, note: $note) {
      id
      state
      version
    }
  }
`);

const Support = graphql(`
  mutation SupportProposal($id: ID!) {
    supportProposal(id: $id) {
      id
      supportCount
      viewerHasSupported
    }
  }
`);

const Unsupport = graphql(`
  mutation WithdrawSupport($id: ID!) {
    withdrawSupport(id: $id) {
      id
      supportCount
      viewerHasSupported
    }
  }
`);

const AddComment = graphql(`
  mutation AddComment($proposalId: ID!, $body: String!, $parentId: ID) {
    addComment(proposalId: $proposalId, body: $body, parentId: $parentId) {
      id
    }
  }
`);

const ProposalComments = graphql(`
  query ProposalComments($id: ID!, $after: String) {
    proposal(id: $id) {
      id
      comments(first: 100, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            body
            parentId
            createdAt
            author {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const InvitePartner = graphql(`
  mutation InvitePartner($proposalId: ID!, $organizationId: ID!, $role: String) {
    invitePartner(proposalId: $proposalId, organizationId: $organizationId, role: $role) {
      id
      version
    }
  }
`);

const RespondPartner = graphql(`
  mutation RespondToPartnerInvitation($proposalId: ID!, $consent: PartnerConsent!) {
    respondToPartnerInvitation(proposalId: $proposalId, consent: $consent) {
      id
      version
    }
  }
`);

const RespondLead = graphql(`
  mutation RespondToLeadInvitation($proposalId: ID!, $consent: PartnerConsent!) {
    respondToLeadInvitation(proposalId: $proposalId, consent: $consent) {
      id
      version
    }
  }
`);

const Organizations = graphql(`
  query PartnerCandidates($search: String) {
    organizations(first: 50, filter: { search: $search }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

type Proposal = NonNullable<ProposalDetailQuery['proposal']>;
type Comment = Proposal['comments']['edges'][number]['node'];

/**
 * What the viewer is offered: the API's viewerCan, computed by the rules the mutations apply. Refusals
 * (a change in the meantime) are still shown where they happen.
 */
function offers(p: Proposal) {
  const can = p.viewerCan;
  return {
    ...can,
    // A draft the author's organisation cannot submit yet because the lead has not consented: say why.
    waitingForLead: can.edit && p.state === 'DRAFT' && p.leadConsent !== 'CONSENTED',
    review: can.startReview || can.approve || can.reject || can.startWork || can.complete,
  };
}

export default function ProposalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, error, fetching }, refresh] = useQuery({ query: ProposalDetail, variables: { id } });
  const proposal = data?.proposal;
  const me = data?.me;
  const later = useLaterComments(id, proposal?.comments.pageInfo.endCursor ?? null);
  const reload = () => {
    refresh({ requestPolicy: 'network-only' });
    later.reload();
  };

  // Live: any change to a proposal of this group that is this one (a comment, a consent, a state) reloads it.
  const [{ data: changed }] = useSubscription({ query: ProposalChanged, variables: { workingGroupId: proposal?.workingGroup.id }, pause: !proposal });
  useEffect(() => {
    if (changed?.proposalChanged.id === id) {
      refresh({ requestPolicy: 'network-only' });
      later.reload();
    }
  }, [changed, id, refresh]);

  if (!data) return fetching ? <p role="status">{t('common.loading')}</p> : <ErrorMessage error={error} />;
  if (!proposal || !me) {
    return (
      <div>
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.text')}</p>
      </div>
    );
  }
  const can = offers(proposal);
  const tz = me.timezone;

  return (
    <article className="proposal" aria-labelledby="proposal-title">
      <p>
        <Link to="/proposals">{t('proposals.backToList')}</Link>
      </p>
      <h1 id="proposal-title">{proposal.title}</h1>
      <p className="tags">
        <span className="tag state" data-testid="proposal-state">
          {t(`proposals.state.${proposal.state}`)}
        </span>
        <span className="tag">{t(`proposals.kind.${proposal.kind}`)}</span>
        <span className="tag">{t(`proposals.confidentiality.${proposal.confidentiality}`)}</span>
        <span className="meta">{t('proposals.detail.version', { version: proposal.version })}</span>
      </p>
      <dl className="facts">
        <dt>{t('proposals.field.group')}</dt>
        <dd>{proposal.workingGroup.name}</dd>
        <dt>{t('proposals.detail.author')}</dt>
        <dd>
          {proposal.author.name} ({proposal.author.organization.name})
        </dd>
        <dt>{t('proposals.field.lead')}</dt>
        <dd>
          <Link to={`/organizations/${proposal.leadOrganization.id}`}>{proposal.leadOrganization.name}</Link> <span className="tag">{t(`proposals.consent.${proposal.leadConsent}`)}</span>
        </dd>
        <dt>{t('proposals.detail.updated')}</dt>
        <dd>{formatDateTime(proposal.updatedAt, tz)}</dd>
      </dl>
      <Actions proposal={proposal} can={can} onDone={reload} />
      <section aria-labelledby="summary-heading" className="card">
        <h2 id="summary-heading">{t('proposals.field.summary')}</h2>
        <p className="prose">{proposal.summary}</p>
        <h2>{t('proposals.field.body')}</h2>
        <MarkdownText text={proposal.body} />
      </section>
      <div className="cards">
        <Partners proposal={proposal} can={can} onDone={reload} />
        <section aria-labelledby="support-heading" className="card">
          <h2 id="support-heading">{t('proposals.support.title', { count: proposal.supportCount })}</h2>
          {proposal.supporters.length ? (
            <ul>
              {proposal.supporters.map((o) => (
                <li key={o.id}>{o.name}</li>
              ))}
            </ul>
          ) : (
            <p>{t('proposals.support.none')}</p>
          )}
          {(proposal.viewerHasSupported ? can.unsupport : can.support) && <SupportButton proposal={proposal} />}
        </section>
        <section aria-labelledby="priorities-heading" className="card">
          <h2 id="priorities-heading">{t('proposals.field.priorities')}</h2>
          {proposal.priorities.length ? (
            <ul>
              {proposal.priorities.map((p) => (
                <li key={p.id}>{p.title}</li>
              ))}
            </ul>
          ) : (
            <p>{t('proposals.detail.noPriorities')}</p>
          )}
        </section>
      </div>
      <Comments proposal={proposal} later={later} tz={tz} canComment={can.comment} onDone={reload} />
      <section aria-labelledby="history-heading" className="card">
        <h2 id="history-heading">{t('proposals.history.title')}</h2>
        <ol className="list history">
          {proposal.history.map((e) => (
            <li key={e.id}>
              <span>{t([`proposals.history.type.${e.type}`, 'proposals.history.type.OTHER'], { type: e.type })}</span>
              {e.toState && <span className="tag">{t(`proposals.state.${e.toState}`)}</span>}
              <span className="meta">
                {e.actor?.name ?? t('proposals.history.platform')} · {formatDateTime(e.at, tz)}
              </span>
              {e.note && <q>{e.note}</q>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

function Actions({ proposal, can, onDone }: { proposal: Proposal; can: ReturnType<typeof offers>; onDone: () => void }) {
  const { t } = useTranslation();
  const [result, change] = useMutation(ChangeState);
  const [lead, respondLead] = useMutation(RespondLead);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const labels = useFieldLabels();
  const move = async (state: ProposalState, note?: string) => {
    const answer = await change({ id: proposal.id, state, note });
    if (!answer.error) {
      setRejecting(false);
      onDone();
    }
  };
  const answerLead = async (consent: PartnerConsent) => {
    const answer = await respondLead({ proposalId: proposal.id, consent });
    if (!answer.error) onDone();
  };
  const reject = (event: FormEvent) => {
    event.preventDefault();
    void move('REJECTED', reason);
  };
  if (!can.edit && !can.submit && !can.withdraw && !can.review && !can.respondToLeadInvitation && !can.waitingForLead) return null;
  return (
    <section aria-labelledby="actions-heading" className="card actions">
      <h2 id="actions-heading">{t('proposals.actions.title')}</h2>
      <ErrorMessage reasons="proposals.reasons" error={result.error ?? lead.error} labels={labels} />
      {can.respondToLeadInvitation && proposal.leadConsent === 'INVITED' && (
        <div className="notice">
          <p>{t('proposals.lead.asked')}</p>
          <div className="buttons">
            <button type="button" className="button primary" disabled={lead.fetching} onClick={() => void answerLead('CONSENTED')}>
              {t('proposals.lead.accept')}
            </button>
            <button type="button" className="button" disabled={lead.fetching} onClick={() => void answerLead('DECLINED')}>
              {t('proposals.lead.decline')}
            </button>
          </div>
        </div>
      )}
      {/* While it is a draft, a lead that accepted may still hand the lead back to the author's organisation. */}
      {can.respondToLeadInvitation && proposal.leadConsent === 'CONSENTED' && (
        <div className="notice">
          <p>{t('proposals.lead.accepted')}</p>
          <button type="button" className="button subtle" disabled={lead.fetching} onClick={() => void answerLead('DECLINED')}>
            {t('proposals.lead.giveBack')}
          </button>
        </div>
      )}
      {can.waitingForLead && <p className="meta">{t('proposals.actions.waitingForLead')}</p>}
      <div className="buttons">
        {can.edit && (
          <Link className="button" to={`/proposals/${proposal.id}/edit`}>
            {t('proposals.actions.edit')}
          </Link>
        )}
        {can.submit && (
          <button type="button" className="button primary" disabled={result.fetching} onClick={() => void move('SUBMITTED')}>
            {t('proposals.actions.submit')}
          </button>
        )}
        {can.startReview && (
          <button type="button" className="button primary" disabled={result.fetching} onClick={() => void move('UNDER_REVIEW')}>
            {t('proposals.review.start')}
          </button>
        )}
        {can.approve && (
          <button type="button" className="button primary" disabled={result.fetching} onClick={() => void move('APPROVED')}>
            {t('proposals.review.approve')}
          </button>
        )}
        {can.reject && (
          <button type="button" className="button" aria-expanded={rejecting} onClick={() => setRejecting(!rejecting)}>
            {t('proposals.review.reject')}
          </button>
        )}
        {can.startWork && (
          <button type="button" className="button" disabled={result.fetching} onClick={() => void move('IN_PROGRESS')}>
            {t('proposals.review.start_work')}
          </button>
        )}
        {can.complete && (
          <button type="button" className="button" disabled={result.fetching} onClick={() => void move('COMPLETED')}>
            {t('proposals.review.complete')}
          </button>
        )}
        {can.withdraw && (
          <button type="button" className="button subtle" disabled={result.fetching} onClick={() => void move('WITHDRAWN')}>
            {t('proposals.actions.withdraw')}
          </button>
        )}
      </div>
      {rejecting && can.reject && (
        <form className="form" onSubmit={reject}>
          <label htmlFor="reject-reason">{labels.note}</label>
          <textarea id="reject-reason" className="short" required value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="button primary" disabled={result.fetching}>
            {t('proposals.review.confirmReject')}
          </button>
        </form>
      )}
    </section>
  );
}

function SupportButton({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const [supported, support] = useMutation(Support);
  const [withdrawn, unsupport] = useMutation(Unsupport);
  return (
    <>
      <ErrorMessage reasons="proposals.reasons" error={supported.error ?? withdrawn.error} />
      {proposal.viewerHasSupported ? (
        <button type="button" className="button" disabled={withdrawn.fetching} onClick={() => void unsupport({ id: proposal.id })}>
          {t('proposals.support.withdraw')}
        </button>
      ) : (
        <button type="button" className="button primary" disabled={supported.fetching} onClick={() => void support({ id: proposal.id })}>
          {t('proposals.support.add')}
        </button>
      )}
    </>
  );
}

function Partners({ proposal, can, onDone }: { proposal: Proposal; can: ReturnType<typeof offers>; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useFieldLabels();
  const [search, setSearch] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState('');
  const [{ data: candidates }] = useQuery({ query: Organizations, variables: { search: search || null }, pause: !can.invitePartners });
  const [invited, invite] = useMutation(InvitePartner);
  const [answered, respond] = useMutation(RespondPartner);
  const taken = new Set([proposal.leadOrganization.id, ...proposal.partners.map((p) => p.organization.id)]);
  const options = candidates?.organizations.edges.map((e) => e.node).filter((o) => !taken.has(o.id)) ?? [];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await invite({ proposalId: proposal.id, organizationId, role: role || null });
    if (!answer.error) {
      setOrganizationId('');
      setRole('');
      onDone();
    }
  };
  const answer = async (consent: PartnerConsent) => {
    const result = await respond({ proposalId: proposal.id, consent });
    if (!result.error) onDone();
  };
  return (
    <section aria-labelledby="partners-heading" className="card">
      <h2 id="partners-heading">{t('proposals.partners.title')}</h2>
      {proposal.partners.length ? (
        <ul>
          {proposal.partners.map((p) => (
            <li key={p.organization.id}>
              {p.organization.name}
              {p.role && <span className="meta">{p.role}</span>}
              <span className="tag">{t(`proposals.consent.${p.consent}`)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('proposals.partners.none')}</p>
      )}
      <ErrorMessage reasons="proposals.reasons" error={answered.error} />
      {can.respondToPartnerInvitation && (
        <div className="notice">
          <p>{t('proposals.partners.asked')}</p>
          <div className="buttons">
            <button type="button" className="button primary" disabled={answered.fetching} onClick={() => void answer('CONSENTED')}>
              {t('proposals.partners.consent')}
            </button>
            <button type="button" className="button" disabled={answered.fetching} onClick={() => void answer('DECLINED')}>
              {t('proposals.partners.decline')}
            </button>
          </div>
        </div>
      )}
      {can.invitePartners && (
        <form className="form" onSubmit={submit} aria-labelledby="invite-heading">
          <h3 id="invite-heading">{t('proposals.partners.invite')}</h3>
          <ErrorMessage reasons="proposals.reasons" error={invited.error} labels={labels} />
          <label htmlFor="partner-search">{t('proposals.partners.search')}</label>
          <input id="partner-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          <label htmlFor="partner-organization">{labels.organizationId}</label>
          <select id="partner-organization" required value={organizationId} onChange={(e) => setOrganizationId(e.target.value)}>
            <option value="">{t('proposals.partners.choose')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <label htmlFor="partner-role">{labels.role}</label>
          <input id="partner-role" value={role} onChange={(e) => setRole(e.target.value)} />
          <button type="submit" className="button" disabled={invited.fetching}>
            {t('proposals.partners.send')}
          </button>
        </form>
      )}
    </section>
  );
}

type LaterComments = ReturnType<typeof useLaterComments>;

/**
 * The comments after the first page (100, in the proposal's own query), read a page at a time with
 * "Show more" and kept here, not merged by Graphcache: a reload (a new comment, a live event) reads the
 * pages shown again from the first page's end, so a comment posted on a later page appears at once.
 */
function useLaterComments(id: string, firstPageEnd: string | null) {
  const client = useClient();
  type State = { id: string; comments: Comment[]; pages: number; hasNextPage: boolean; endCursor: string | null; busy: boolean };
  const empty: State = { id, comments: [], pages: 0, hasNextPage: false, endCursor: null, busy: false };
  const [state, setState] = useState<State>(empty);
  const current = state.id === id ? state : empty;
  /** Reads up to `count` pages from `after` and appends them to `keep` (`pages` already read before them). */
  const read = async (after: string | null, count: number, keep: Comment[], pages: number) => {
    setState({ ...current, busy: true });
    let comments = keep;
    let cursor = after;
    let hasNextPage = false;
    let fetched = 0;
    while (fetched < count) {
      const answer = await client.query(ProposalComments, { id, after: cursor }, { requestPolicy: 'network-only' }).toPromise();
      const connection = answer.data?.proposal?.comments;
      if (!connection) break;
      fetched += 1;
      comments = [...comments, ...connection.edges.map((e) => e.node)];
      cursor = connection.pageInfo.endCursor ?? cursor;
      hasNextPage = connection.pageInfo.hasNextPage;
      if (!hasNextPage) break;
    }
    setState({ id, comments, pages: pages + fetched, hasNextPage, endCursor: cursor, busy: false });
  };
  return {
    comments: current.comments,
    busy: current.busy,
    /** Whether a page after those shown exists, once a later page was read (before that, the first page says). */
    hasNextPage: current.pages > 0 ? current.hasNextPage : null,
    more: () => void read(current.pages > 0 ? current.endCursor : firstPageEnd, 1, current.comments, current.pages),
    reload: () => {
      if (current.pages > 0) void read(firstPageEnd, current.pages, [], 0);
    },
  };
}

function Comments(props: { proposal: Proposal; later: LaterComments; tz: string; canComment: boolean; onDone: () => void }) {
  const { proposal, later, tz, canComment, onDone } = props;
  const { t } = useTranslation();
  const comments = [...proposal.comments.edges.map((e) => e.node), ...later.comments];
  const hasNextPage = later.hasNextPage ?? proposal.comments.pageInfo.hasNextPage;
  const known = new Set(comments.map((c) => c.id));
  // Replies to a comment that is not on this page are shown at the top level rather than lost.
  const roots = comments.filter((c) => !c.parentId || !known.has(c.parentId));
  return (
    <section aria-labelledby="comments-heading" className="card comments">
      <h2 id="comments-heading">{t('proposals.comments.title', { count: proposal.comments.totalCount })}</h2>
      {roots.length === 0 && <p>{t('proposals.comments.none')}</p>}
      <ul className="thread">
        {roots.map((c) => (
          <CommentItem key={c.id} comment={c} all={comments} proposalId={proposal.id} tz={tz} canComment={canComment} onDone={onDone} />
        ))}
      </ul>
      <ShowMore
        pageInfo={{ hasNextPage }}
        fetching={later.busy}
        label={t('proposals.comments.more')}
        shown={t('proposals.comments.shown', { shown: comments.length, count: proposal.comments.totalCount })}
        onMore={later.more}
      />
      {canComment && <CommentForm proposalId={proposal.id} onDone={onDone} idPrefix="new-comment" />}
    </section>
  );
}

function CommentItem(props: { comment: Comment; all: Comment[]; proposalId: string; tz: string; canComment: boolean; onDone: () => void }) {
  const { comment, all, proposalId, tz, canComment, onDone } = props;
  const { t } = useTranslation();
  const [replying, setReplying] = useState(false);
  const replies = all.filter((c) => c.parentId === comment.id);
  return (
    <li id={`comment-${comment.id}`} className="comment">
      <p className="meta">
        <strong>{comment.author.name}</strong> · {formatDateTime(comment.createdAt, tz)}
      </p>
      <p className="prose">{comment.body}</p>
      {canComment && (
        <button type="button" className="button subtle" aria-expanded={replying} onClick={() => setReplying(!replying)}>
          {t('proposals.comments.reply', { name: comment.author.name })}
        </button>
      )}
      {replying && (
        <CommentForm
          proposalId={proposalId}
          parentId={comment.id}
          idPrefix={`reply-${comment.id}`}
          onDone={() => {
            setReplying(false);
            onDone();
          }}
        />
      )}
      {replies.length > 0 && (
        <ul className="thread">
          {replies.map((r) => (
            <CommentItem key={r.id} comment={r} all={all} proposalId={proposalId} tz={tz} canComment={canComment} onDone={onDone} />
          ))}
        </ul>
      )}
    </li>
  );
}

function CommentForm({ proposalId, parentId, idPrefix, onDone }: { proposalId: string; parentId?: string; idPrefix: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [result, add] = useMutation(AddComment);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await add({ proposalId, body, parentId: parentId ?? null });
    if (!answer.error) {
      setBody('');
      onDone();
    }
  };
  const label = parentId ? t('proposals.comments.replyBody') : t('proposals.comments.body');
  return (
    <form className="form" onSubmit={submit}>
      <ErrorMessage reasons="proposals.reasons" error={result.error} labels={{ body: label }} />
      <label htmlFor={`${idPrefix}-body`}>{label}</label>
      <textarea id={`${idPrefix}-body`} className="short" required value={body} onChange={(e) => setBody(e.target.value)} />
      <button type="submit" className="button" disabled={result.fetching}>
        {parentId ? t('proposals.comments.sendReply') : t('proposals.comments.send')}
      </button>
    </form>
  );
}
