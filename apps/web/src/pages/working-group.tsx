import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Route, Routes, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { ParticipantRole, ProposalKind, ProposalOrderField, ProposalState, OrderDirection } from '../gql/graphql';
import { ErrorMessage, fieldProblem } from '../ui/errors';
import { formatDate, formatDateTime } from '../ui/format';
import { MarkdownText } from '../ui/markdown';
import { seatRole, useViewer, type GroupsViewer } from './groups-shared';
import { CreatePriorityForm, PriorityList } from './priorities-shared';
import NotFoundPage from './not-found';
import { EditWorkingGroup } from './working-group-form';
import { ShowMore } from '../ui/show-more';

const GroupQuery = graphql(`
  query WorkingGroupHeader($id: ID!) {
    workingGroup(id: $id) {
      id
      name
      slug
      mission
      status
      chairs {
        id
        name
      }
      viewerApplication {
        id
        state
      }
      viewerCan {
        apply
        edit
      }
    }
  }
`);

const ROLES: ParticipantRole[] = ['CHAIR', 'CO_CHAIR', 'SECRETARY', 'MEMBER', 'OBSERVER'];

/**
 * One working group: a header and four sections, each its own address (/working-groups/:id,
 * …/priorities, …/proposals, …/meetings) so the links the platform emails open the right one; …/apply
 * is the membership application form.
 */
export default function WorkingGroupPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: GroupQuery, variables: { id } });
  const { viewer } = useViewer();
  if (!data) return fetching ? <p role="status">{t('common.loading')}</p> : <ErrorMessage error={error} />;
  const group = data.workingGroup;
  if (!group) return <NotFoundPage />;
  const role = seatRole(viewer, group.id);
  const orgIsMember = !!viewer?.organization.memberships.some((m) => m.status === 'ACTIVE' && m.workingGroup.id === group.id);
  const application = group.viewerApplication;
  const mayApply = !!viewer && group.viewerCan.apply;
  return (
    <div className="working-group">
      <h1>{group.name}</h1>
      <MarkdownText text={group.mission} />
      <p className="meta">
        <span className="tag">{t(`groups.status.${group.status}`)}</span>{' '}
        {role && <span className="tag">{t('groups.list.myRole', { role: t(`roles.${role}`) })}</span>}{' '}
        {group.chairs.length > 0 && t('groups.detail.chairs', { names: group.chairs.map((c) => c.name).join(', ') })}
      </p>
      {application && !orgIsMember && (
        <p>
          <Link to={`/applications/${application.id}`}>{t('groups.apply.current', { state: t(`groups.applicationState.${application.state}`) })}</Link>
        </p>
      )}
      {mayApply && (
        <p>
          <Link className="button primary" to={`/working-groups/${group.id}/apply`}>
            {t('groups.apply.open', { organization: viewer.organization.name })}
          </Link>
        </p>
      )}
      {group.viewerCan.edit && (
        <p>
          <Link className="button" to={`/working-groups/${group.id}/edit`}>
            {t('groups.form.edit')}
          </Link>
        </p>
      )}
      <nav aria-label={t('groups.detail.sections')} className="tabs">
        <NavLink to={`/working-groups/${group.id}`} end>
          {t('groups.detail.members')}
        </NavLink>
        <NavLink to={`/working-groups/${group.id}/priorities`}>{t('groups.detail.priorities')}</NavLink>
        <NavLink to={`/working-groups/${group.id}/proposals`}>{t('groups.detail.proposals')}</NavLink>
        <NavLink to={`/working-groups/${group.id}/meetings`}>{t('groups.detail.meetings')}</NavLink>
      </nav>
      <Routes>
        <Route index element={<Members groupId={group.id} />} />
        <Route path="priorities" element={<Priorities groupId={group.id} />} />
        <Route path="proposals" element={<Proposals groupId={group.id} />} />
        <Route path="meetings" element={<Meetings groupId={group.id} />} />
        <Route path="apply" element={mayApply ? <Apply groupId={group.id} viewer={viewer} /> : <p>{t('groups.apply.notOffered')}</p>} />
        <Route path="edit" element={group.viewerCan.edit ? <EditWorkingGroup group={group} /> : <p>{t('errors.code.FORBIDDEN')}</p>} />
        <Route path="*" element={<p>{t('notFound.text')}</p>} />
      </Routes>
    </div>
  );
}

/** Moves focus to a section's heading when it is opened, so keyboard and screen-reader users land there. */
function useFocusHeading() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus({ preventScroll: false }), []);
  return ref;
}

// ——— Members ———

/** Rows a page in the group's lists (organisations, seats, applications, meetings). */
const PAGE = 50;

const MembersQuery = graphql(`
  query WorkingGroupMembers($id: ID!, $first: Int!, $membershipsAfter: String, $participantsAfter: String) {
    workingGroup(id: $id) {
      id
      viewerCan {
        manageSeats
        reviewApplications
      }
      memberships(first: $first, after: $membershipsAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            since
            organization {
              id
              name
            }
          }
        }
      }
      participants(first: $first, after: $participantsAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            role
            since
            person {
              id
              name
              organization {
                id
              }
            }
          }
        }
      }
    }
  }
`);

const PendingApplicationsQuery = graphql(`
  query WorkingGroupApplications($id: ID!, $first: Int!, $underReviewAfter: String, $submittedAfter: String) {
    workingGroup(id: $id) {
      id
      underReview: applications(state: UNDER_REVIEW, first: $first, after: $underReviewAfter) {
        ...PendingApplicationPage
      }
      submitted: applications(state: SUBMITTED, first: $first, after: $submittedAfter) {
        ...PendingApplicationPage
      }
    }
  }

  fragment PendingApplicationPage on MembershipApplicationConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        state
        createdAt
        organization {
          id
          name
        }
      }
    }
  }
`);

const SetRole = graphql(`
  mutation SetParticipantRole($workingGroupId: ID!, $personId: ID!, $role: ParticipantRole!) {
    setParticipantRole(workingGroupId: $workingGroupId, personId: $personId, role: $role) {
      id
      role
      since
    }
  }
`);

const RemoveSeat = graphql(`
  mutation RemoveParticipant($workingGroupId: ID!, $personId: ID!) {
    removeParticipant(workingGroupId: $workingGroupId, personId: $personId)
  }
`);

const EndMembership = graphql(`
  mutation EndMembership($workingGroupId: ID!, $organizationId: ID!) {
    endMembership(workingGroupId: $workingGroupId, organizationId: $organizationId) {
      id
      status
    }
  }
`);

const CandidatesQuery = graphql(`
  query SeatCandidates($id: ID!) {
    workingGroup(id: $id) {
      id
      memberships(first: 100) {
        edges {
          node {
            id
            organization {
              id
              name
              people(first: 100) {
                edges {
                  node {
                    id
                    name
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);

function Members({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  // Organisations and seats are two connections, each paged with its own "Show more" (Graphcache's
  // relayPagination merges the pages); an organisation's card shows its seats among those loaded.
  const [after, setAfter] = useState<{ membershipsAfter: string | null; participantsAfter: string | null }>({ membershipsAfter: null, participantsAfter: null });
  const [{ data, error, fetching }, refresh] = useQuery({ query: MembersQuery, variables: { id: groupId, first: PAGE, ...after } });
  // After a change the lists start again at their first page (the mutation's cache update dropped the pages).
  const reload = () => {
    setAfter({ membershipsAfter: null, participantsAfter: null });
    refresh({ requestPolicy: 'network-only' });
  };
  if (!data?.workingGroup) return <ErrorMessage error={error} />;
  const group = data.workingGroup;
  // What to offer is the API's answer (viewerCan), computed by the policy the mutations use.
  const manager = group.viewerCan.manageSeats;
  const seats = group.participants.edges.map((e) => e.node);
  const allSeats = !group.participants.pageInfo.hasNextPage;
  return (
    <>
      {group.viewerCan.reviewApplications && <PendingApplications groupId={groupId} />}
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('groups.members.title', { count: group.memberships.totalCount })}</h2>
        {group.memberships.edges.length === 0 && <p>{t('groups.members.none')}</p>}
        <ul className="list organisations">
          {group.memberships.edges.map(({ node: m }) => {
            const people = seats.filter((s) => s.person.organization.id === m.organization.id);
            return (
              <li key={m.id} className="card">
                <h3>
                  <Link to={`/organizations/${m.organization.id}`}>{m.organization.name}</Link>
                </h3>
                <p className="meta">{t('groups.members.since', { date: formatDate(m.since) })}</p>
                {people.length === 0 ? (
                  allSeats && <p>{t('groups.members.noSeats')}</p>
                ) : (
                  <ul className="seats">
                    {people.map((s) => (
                      <Seat key={s.id} groupId={groupId} seat={s} manager={manager} onChange={reload} />
                    ))}
                  </ul>
                )}
                {manager && <EndMembershipButton groupId={groupId} organization={m.organization} onEnded={reload} />}
              </li>
            );
          })}
        </ul>
        <ShowMore
          pageInfo={group.memberships.pageInfo}
          fetching={fetching}
          label={t('groups.members.moreOrganisations')}
          shown={t('groups.members.organisationsShown', { shown: group.memberships.edges.length, count: group.memberships.totalCount })}
          onMore={(cursor) => setAfter({ ...after, membershipsAfter: cursor })}
        />
        <ShowMore
          pageInfo={group.participants.pageInfo}
          fetching={fetching}
          label={t('groups.members.moreSeats')}
          shown={t('groups.members.seatsShown', { shown: seats.length, count: group.participants.totalCount })}
          onMore={(cursor) => setAfter({ ...after, participantsAfter: cursor })}
        />
      </section>
      {manager && <SeatForm groupId={groupId} onSeated={reload} />}
    </>
  );
}

function Seat({
  groupId,
  seat,
  manager,
  onChange,
}: {
  groupId: string;
  seat: { id: string; role: ParticipantRole; person: { id: string; name: string } };
  manager: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState<ParticipantRole>(seat.role);
  const [changed, change] = useMutation(SetRole);
  const [removed, remove] = useMutation(RemoveSeat);
  const [last, setLast] = useState<'role' | 'remove' | null>(null);
  const selectId = `role-${seat.id}`;
  return (
    <li>
      <span>
        {seat.person.name} <span className="tag">{t(`roles.${seat.role}`)}</span>
      </span>
      {manager && (
        <form
          className="form inline seat-form"
          onSubmit={(event) => {
            event.preventDefault();
            setLast('role');
            void change({ workingGroupId: groupId, personId: seat.person.id, role });
          }}
        >
          <ErrorMessage reasons="groups.reasons" error={last === 'role' ? changed.error : last === 'remove' ? removed.error : undefined} labels={{ role: t('groups.members.role', { name: seat.person.name }) }} />
          <label htmlFor={selectId} className="visually-hidden">
            {t('groups.members.role', { name: seat.person.name })}
          </label>
          <select id={selectId} value={role} onChange={(e) => setRole(e.target.value as ParticipantRole)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="button" disabled={changed.fetching || role === seat.role}>
            {t('groups.members.changeRole')}
            <span className="visually-hidden"> {seat.person.name}</span>
          </button>
          <button
            type="button"
            className="button subtle"
            disabled={removed.fetching}
            onClick={() => {
              setLast('remove');
              void remove({ workingGroupId: groupId, personId: seat.person.id }).then((a) => !a.error && onChange());
            }}
          >
            {t('groups.members.remove')}
            <span className="visually-hidden"> {seat.person.name}</span>
          </button>
        </form>
      )}
    </li>
  );
}

/** Ending a membership also ends its people's seats: the button asks once more before it acts. */
function EndMembershipButton({ groupId, organization, onEnded }: { groupId: string; organization: { id: string; name: string }; onEnded: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [result, end] = useMutation(EndMembership);
  return (
    <div className="end-membership">
      <ErrorMessage reasons="groups.reasons" error={result.error} />
      {confirming ? (
        <p role="group" aria-label={t('groups.members.endConfirmLabel', { organization: organization.name })}>
          {t('groups.members.endConfirm', { organization: organization.name })}{' '}
          <button
            type="button"
            className="button"
            disabled={result.fetching}
            onClick={() => void end({ workingGroupId: groupId, organizationId: organization.id }).then((a) => !a.error && onEnded())}
          >
            {t('groups.members.endYes')}
          </button>{' '}
          <button type="button" className="button subtle" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </p>
      ) : (
        <button type="button" className="button subtle" onClick={() => setConfirming(true)}>
          {t('groups.members.end')}
          <span className="visually-hidden"> {organization.name}</span>
        </button>
      )}
    </div>
  );
}

function SeatForm({ groupId, onSeated }: { groupId: string; onSeated: () => void }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: CandidatesQuery, variables: { id: groupId } });
  const [values, setValues] = useState<{ personId: string; role: ParticipantRole }>({ personId: '', role: 'MEMBER' });
  const [result, seat] = useMutation(SetRole);
  const [done, setDone] = useState(false);
  const labels = { personId: t('groups.seat.person'), role: t('groups.seat.role') };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const answer = await seat({ workingGroupId: groupId, ...values });
    if (answer.data) {
      setDone(true);
      onSeated();
    }
  };
  const organisations = data?.workingGroup?.memberships.edges.map((e) => e.node.organization) ?? [];
  return (
    <section aria-labelledby="seat-heading" className="card">
      <h2 id="seat-heading">{t('groups.seat.title')}</h2>
      <p>{t('groups.seat.intro')}</p>
      <form className="form" onSubmit={submit}>
        <ErrorMessage reasons="groups.reasons" error={result.error} labels={labels} />
        <label htmlFor="seat-person">{labels.personId}</label>
        <select id="seat-person" required value={values.personId} aria-invalid={!!fieldProblem(result.error, 'personId')} onChange={(e) => setValues({ ...values, personId: e.target.value })}>
          <option value="">{t('groups.seat.choose')}</option>
          {organisations.map((o) => (
            <optgroup key={o.id} label={o.name}>
              {o.people.edges.map(({ node: p }) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <label htmlFor="seat-role">{labels.role}</label>
        <select id="seat-role" value={values.role} onChange={(e) => setValues({ ...values, role: e.target.value as ParticipantRole })}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button primary" disabled={result.fetching}>
          {t('groups.seat.submit')}
        </button>
        {done && <p role="status">{t('groups.seat.done')}</p>}
      </form>
    </section>
  );
}

function PendingApplications({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  // The open applications: those under review, then those submitted, each a connection paged by "Show more".
  const [after, setAfter] = useState<{ underReviewAfter: string | null; submittedAfter: string | null }>({ underReviewAfter: null, submittedAfter: null });
  const [{ data, error, fetching }] = useQuery({
    query: PendingApplicationsQuery,
    variables: { id: groupId, first: PAGE, ...after },
    requestPolicy: 'cache-and-network',
  });
  const group = data?.workingGroup;
  // A page loaded before an application was decided elsewhere may still hold it: only open ones are shown.
  const pending = group
    ? [...group.underReview.edges, ...group.submitted.edges].map((e) => e.node).filter((a) => a.state === 'SUBMITTED' || a.state === 'UNDER_REVIEW')
    : [];
  const total = group ? group.underReview.totalCount + group.submitted.totalCount : 0;
  const more = group && (group.underReview.pageInfo.hasNextPage || group.submitted.pageInfo.hasNextPage);
  return (
    <section aria-labelledby="applications-heading" className="card">
      <h2 id="applications-heading">{t('groups.applications.title')}</h2>
      <ErrorMessage error={error} />
      {pending.length === 0 ? (
        <p>{t('groups.applications.none')}</p>
      ) : (
        <ul className="list">
          {pending.map((a) => (
            <li key={a.id}>
              <Link to={`/applications/${a.id}`}>{t('groups.applications.from', { organization: a.organization.name })}</Link>
              <span className="meta">{formatDate(a.createdAt)}</span>
              <span className="tag">{t(`groups.applicationState.${a.state}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {group && more && (
        <p className="pager">
          <button
            type="button"
            className="button"
            disabled={fetching}
            onClick={() =>
              setAfter({
                // Under review comes first: its next page before the submitted ones'.
                underReviewAfter: group.underReview.pageInfo.hasNextPage ? (group.underReview.pageInfo.endCursor ?? null) : after.underReviewAfter,
                submittedAfter:
                  !group.underReview.pageInfo.hasNextPage && group.submitted.pageInfo.hasNextPage ? (group.submitted.pageInfo.endCursor ?? null) : after.submittedAfter,
              })
            }
          >
            {t('groups.applications.more')}
          </button>
          <span className="meta">{t('groups.applications.shown', { shown: pending.length, count: total })}</span>
        </p>
      )}
    </section>
  );
}

// ——— Priorities ———

const GroupPrioritiesQuery = graphql(`
  query WorkingGroupPriorities($id: ID!) {
    workingGroup(id: $id) {
      id
      viewerCan {
        managePriorities
      }
      priorities {
        id
        rank
        title
        status
        endorsementCount
        viewerHasEndorsed
        viewerCan {
          endorse
          withdrawEndorsement
        }
      }
    }
  }
`);

/** The group's ranking; its chairs, co-chairs, secretaries and admins (`viewerCan.managePriorities`) add and reorder. */
function Priorities({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const heading = useFocusHeading();
  const [{ data, error }, refetch] = useQuery({ query: GroupPrioritiesQuery, variables: { id: groupId } });
  const group = data?.workingGroup;
  const manage = !!group?.viewerCan.managePriorities;
  return (
    <section aria-labelledby="priorities-heading">
      <h2 id="priorities-heading" tabIndex={-1} ref={heading}>
        {t('groups.detail.priorities')}
      </h2>
      <ErrorMessage error={error} />
      {manage && <CreatePriorityForm groupId={groupId} onCreated={() => refetch({ requestPolicy: 'network-only' })} />}
      {group && <PriorityList priorities={group.priorities} groupId={groupId} manage={manage} onStale={() => refetch({ requestPolicy: 'network-only' })} />}
      <p>
        <Link to="/priorities">{t('groups.priorities.allianceLink')}</Link>
      </p>
    </section>
  );
}

// ——— Proposals ———

const GroupProposalsQuery = graphql(`
  query WorkingGroupProposals($id: ID!, $filter: ProposalFilter, $orderBy: ProposalOrder, $after: String) {
    workingGroup(id: $id) {
      id
      proposals(first: 20, filter: $filter, orderBy: $orderBy, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            title
            summary
            state
            kind
            supportCount
            updatedAt
            leadOrganization {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const STATES: ProposalState[] = ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'WITHDRAWN'];
const KINDS: ProposalKind[] = [
  'DATA_EXCHANGE',
  'DATA_POOLING',
  'JOINT_RESEARCH',
  'COMPUTE_ACCESS',
  'FOUNDATION_MODEL',
  'MODEL_BENCHMARKING',
  'SYNTHETIC_DATA',
  'STANDARDISATION',
  'OTHER',
];
const SORTS: { key: string; field: ProposalOrderField; direction: OrderDirection }[] = [
  { key: 'newest', field: 'CREATED_AT', direction: 'DESC' },
  { key: 'updated', field: 'UPDATED_AT', direction: 'DESC' },
  { key: 'support', field: 'SUPPORT_COUNT', direction: 'DESC' },
  { key: 'title', field: 'TITLE', direction: 'ASC' },
];

function Proposals({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const heading = useFocusHeading();
  const [form, setForm] = useState({ state: '', kind: '', search: '', sort: 'newest' });
  const [applied, setApplied] = useState(form);
  const [after, setAfter] = useState<string[]>([]);
  const sort = SORTS.find((s) => s.key === applied.sort) ?? SORTS[0];
  const variables = useMemo(
    () => ({
      id: groupId,
      filter: {
        states: applied.state ? [applied.state as ProposalState] : undefined,
        kinds: applied.kind ? [applied.kind as ProposalKind] : undefined,
        search: applied.search.trim() || undefined,
      },
      orderBy: { field: sort.field, direction: sort.direction },
      after: after.at(-1),
    }),
    [groupId, applied, sort, after],
  );
  const [{ data, error, fetching }] = useQuery({ query: GroupProposalsQuery, variables });
  const connection = data?.workingGroup?.proposals;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAfter([]);
    setApplied(form);
  };
  return (
    <section aria-labelledby="proposals-heading">
      <h2 id="proposals-heading" tabIndex={-1} ref={heading}>
        {t('groups.detail.proposals')}
      </h2>
      <form className="form filters" role="search" aria-label={t('groups.proposals.filters')} onSubmit={submit}>
        <div>
          <label htmlFor="proposal-search">{t('groups.proposals.search')}</label>
          <input id="proposal-search" type="search" value={form.search} onChange={(e) => setForm({ ...form, search: e.target.value })} />
        </div>
        <div>
          <label htmlFor="proposal-state">{t('groups.proposals.state')}</label>
          <select id="proposal-state" value={form.state} onChange={(e) => setForm({ ...form, state: e.target.value })}>
            <option value="">{t('groups.proposals.any')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`groups.proposalState.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="proposal-kind">{t('groups.proposals.kind')}</label>
          <select id="proposal-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
            <option value="">{t('groups.proposals.any')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`groups.proposalKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="proposal-sort">{t('groups.proposals.sort')}</label>
          <select id="proposal-sort" value={form.sort} onChange={(e) => setForm({ ...form, sort: e.target.value })}>
            {SORTS.map((s) => (
              <option key={s.key} value={s.key}>
                {t(`groups.proposals.sorts.${s.key}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('groups.proposals.apply')}
        </button>
      </form>
      <ErrorMessage reasons="groups.reasons" error={error} labels={{ search: t('groups.proposals.search') }} />
      {connection && (
        <p role="status" className="meta">
          {t('groups.proposals.count', { count: connection.totalCount })}
        </p>
      )}
      {!connection && fetching && <p role="status">{t('common.loading')}</p>}
      {connection && (
        <ul className="list">
          {connection.edges.map(({ node: p }) => (
            <li key={p.id}>
              <Link to={`/proposals/${p.id}`}>{p.title}</Link>
              <span className="meta">
                {p.leadOrganization.name} · {t('groups.proposals.support', { count: p.supportCount })} · {formatDate(p.updatedAt)}
              </span>
              <span className="tag">{t(`groups.proposalState.${p.state}`)}</span> <span className="tag">{t(`groups.proposalKind.${p.kind}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="pager">
        {after.length > 0 && (
          <button type="button" className="button subtle" onClick={() => setAfter(after.slice(0, -1))}>
            {t('groups.proposals.previous')}
          </button>
        )}
        {connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
          <button type="button" className="button subtle" onClick={() => setAfter([...after, connection.pageInfo.endCursor!])}>
            {t('groups.proposals.next')}
          </button>
        )}
      </div>
    </section>
  );
}

// ——— Meetings ———

const GroupMeetingsQuery = graphql(`
  query WorkingGroupMeetings($id: ID!, $first: Int!, $now: DateTime!, $upcomingAfter: String, $pastAfter: String) {
    workingGroup(id: $id) {
      id
      upcoming: meetings(filter: { from: $now }, first: $first, after: $upcomingAfter) {
        ...GroupMeetingPage
      }
      past: meetings(filter: { to: $now, latestFirst: true }, first: $first, after: $pastAfter) {
        ...GroupMeetingPage
      }
    }
  }

  fragment GroupMeetingPage on MeetingConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        title
        startsAt
        endsAt
        timezone
        status
      }
    }
  }
`);

function Meetings({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const heading = useFocusHeading();
  // Rounded to the minute so the variables (and the cache entry) stay the same between renders.
  const now = useMemo(() => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString(), []);
  // Upcoming (earliest first) and past (the most recent first): two connections, each with its "Show more".
  const [after, setAfter] = useState<{ upcomingAfter: string | null; pastAfter: string | null }>({ upcomingAfter: null, pastAfter: null });
  const [{ data, error, fetching }] = useQuery({ query: GroupMeetingsQuery, variables: { id: groupId, first: PAGE, now, ...after } });
  const group = data?.workingGroup;
  const upcoming = group?.upcoming.edges.map((e) => e.node) ?? [];
  // A meeting under way is upcoming (it ends after now), not also past.
  const past = group?.past.edges.map((e) => e.node).filter((m) => Date.parse(m.endsAt) <= Date.parse(now)) ?? [];
  const list = (items: typeof upcoming) =>
    items.length === 0 ? (
      <p>{t('groups.meetings.none')}</p>
    ) : (
      <ul className="list">
        {items.map((m) => (
          <li key={m.id}>
            <Link to={`/meetings/${m.id}`}>{m.title}</Link>
            <span className="meta">{formatDateTime(m.startsAt, m.timezone)}</span>
            <span className="tag">{t(`groups.meetingStatus.${m.status}`)}</span>
          </li>
        ))}
      </ul>
    );
  return (
    <section aria-labelledby="meetings-heading">
      <h2 id="meetings-heading" tabIndex={-1} ref={heading}>
        {t('groups.detail.meetings')}
      </h2>
      <ErrorMessage error={error} />
      {data && (
        <>
          <h3>{t('groups.meetings.upcoming')}</h3>
          {list(upcoming)}
          {group && (
            <ShowMore
              pageInfo={group.upcoming.pageInfo}
              fetching={fetching}
              label={t('groups.meetings.moreUpcoming')}
              shown={t('groups.meetings.shown', { shown: upcoming.length, count: group.upcoming.totalCount })}
              onMore={(cursor) => setAfter({ ...after, upcomingAfter: cursor })}
            />
          )}
          <h3>{t('groups.meetings.past')}</h3>
          {list(past)}
          {group && (
            <ShowMore
              pageInfo={group.past.pageInfo}
              fetching={fetching}
              label={t('groups.meetings.morePast')}
              shown={t('groups.meetings.shown', { shown: group.past.edges.length, count: group.past.totalCount })}
              onMore={(cursor) => setAfter({ ...after, pastAfter: cursor })}
            />
          )}
        </>
      )}
    </section>
  );
}

// ——— Applying ———

const SubmitApplication = graphql(`
  mutation SubmitApplication($input: SubmitApplicationInput!) {
    submitApplication(input: $input) {
      id
      state
    }
  }
`);

function Apply({ groupId, viewer }: { groupId: string; viewer: GroupsViewer }) {
  const { t } = useTranslation();
  const heading = useFocusHeading();
  const navigate = useNavigate();
  const [values, setValues] = useState({ motivation: '', contribution: '' });
  const [result, submitApplication] = useMutation(SubmitApplication);
  const labels = { motivation: t('groups.apply.motivation'), contribution: t('groups.apply.contribution'), organizationId: t('groups.apply.organization') };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await submitApplication({
      input: { workingGroupId: groupId, organizationId: viewer.organization.id, motivation: values.motivation, contribution: values.contribution.trim() || null },
    });
    if (answer.data) void navigate(`/applications/${answer.data.submitApplication.id}`);
  };
  return (
    <section aria-labelledby="apply-heading" className="card">
      <h2 id="apply-heading" tabIndex={-1} ref={heading}>
        {t('groups.apply.title', { organization: viewer.organization.name })}
      </h2>
      <p>{t('groups.apply.intro')}</p>
      <form className="form" onSubmit={submit}>
        <ErrorMessage reasons="groups.reasons" error={result.error} labels={labels} />
        <label htmlFor="apply-motivation">{labels.motivation}</label>
        <textarea
          id="apply-motivation"
          required
          rows={5}
          value={values.motivation}
          aria-invalid={!!fieldProblem(result.error, 'motivation')}
          aria-describedby="apply-motivation-hint"
          onChange={(e) => setValues({ ...values, motivation: e.target.value })}
        />
        <p id="apply-motivation-hint" className="meta">
          {t('groups.apply.motivationHint')}
        </p>
        <label htmlFor="apply-contribution">{labels.contribution}</label>
        <textarea
          id="apply-contribution"
          rows={4}
          value={values.contribution}
          aria-invalid={!!fieldProblem(result.error, 'contribution')}
          aria-describedby="apply-contribution-hint"
          onChange={(e) => setValues({ ...values, contribution: e.target.value })}
        />
        <p id="apply-contribution-hint" className="meta">
          {t('groups.apply.contributionHint')}
        </p>
        <button type="submit" className="button primary" disabled={result.fetching}>
          {t('groups.apply.submit')}
        </button>
      </form>
    </section>
  );
}
