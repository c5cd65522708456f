import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { ActionItemStatus, ExportFormat, MeetingDetailQuery, RsvpStatus } from '../gql/graphql';
import type { MeetingAccess } from '../meetings/access';
import { formatRange, formatTime, overrunMinutes, startTimes, zonedToUtc } from '../meetings/time';
import { ErrorMessage, fieldProblem } from '../ui/errors';
import { formatDate, formatDateTime } from '../ui/format';
import { MarkdownText } from '../ui/markdown';

const DetailQuery = graphql(`
  query MeetingDetail($id: ID!) {
    me {
      id
      timezone
    }
    meeting(id: $id) {
      id
      title
      description
      format
      location
      onlineUrl
      startsAt
      endsAt
      timezone
      status
      cancelReason
      sequence
      minutes
      attendeeCount
      agendaOverrunMinutes
      viewerCan {
        acknowledgeAntitrust
        addActionItem
        approveAgenda
        cancel
        downloadBrief
        edit
        invite
        recordAttendance
        rsvp
        setAgenda
        setAntitrustStatement
        writeMinutes
      }
      workingGroup {
        id
        name
      }
      agenda {
        id
        position
        title
        description
        durationMinutes
        startsAt
        presenter {
          id
          name
        }
        proposal {
          id
          title
        }
        priority {
          id
          title
        }
      }
      invitations {
        status
        attended
        respondedAt
        person {
          id
          name
          organization {
            id
            name
          }
        }
      }
      antitrust {
        statement
        viewerAcknowledged
        pendingCount
        agendaApprovedAt
        agendaApprovedBy {
          id
          name
        }
        acknowledgedBy {
          id
          name
        }
      }
      actionItems {
        id
        title
        status
        dueDate
        doneAt
        owner {
          id
          name
        }
        viewerCan {
          setStatus
        }
      }
    }
  }
`);

const Respond = graphql(`
  mutation RespondToInvitation($meetingId: ID!, $status: RsvpStatus!) {
    respondToInvitation(meetingId: $meetingId, status: $status) {
      status
      respondedAt
    }
  }
`);

const Acknowledge = graphql(`
  mutation AcknowledgeAntitrust($meetingId: ID!) {
    acknowledgeAntitrustStatement(meetingId: $meetingId) {
      id
    }
  }
`);

const Approve = graphql(`
  mutation ApproveMeetingAgenda($meetingId: ID!) {
    approveMeetingAgenda(meetingId: $meetingId) {
      id
    }
  }
`);

const SetStatement = graphql(`
  mutation SetAntitrustStatement($meetingId: ID!, $statement: String) {
    setAntitrustStatement(meetingId: $meetingId, statement: $statement) {
      id
    }
  }
`);

const Cancel = graphql(`
  mutation CancelMeeting($id: ID!, $reason: String) {
    cancelMeeting(id: $id, reason: $reason) {
      id
      status
      cancelReason
      sequence
      viewerCan {
        acknowledgeAntitrust
        addActionItem
        approveAgenda
        cancel
        downloadBrief
        edit
        invite
        recordAttendance
        rsvp
        setAgenda
        setAntitrustStatement
        writeMinutes
      }
    }
  }
`);

const SetAgenda = graphql(`
  mutation SetAgenda($meetingId: ID!, $items: [AgendaItemInput!]!) {
    setAgenda(meetingId: $meetingId, items: $items) {
      id
      agendaOverrunMinutes
    }
  }
`);

const RecordAttendance = graphql(`
  mutation RecordAttendance($meetingId: ID!, $personIds: [ID!]!) {
    recordAttendance(meetingId: $meetingId, personIds: $personIds) {
      id
      status
      attendeeCount
    }
  }
`);

const RecordMinutes = graphql(`
  mutation RecordMinutes($meetingId: ID!, $minutes: String!) {
    recordMinutes(meetingId: $meetingId, minutes: $minutes) {
      id
      status
      minutes
    }
  }
`);

const AddActionItem = graphql(`
  mutation AddActionItem($meetingId: ID!, $input: ActionItemInput!) {
    addActionItem(meetingId: $meetingId, input: $input) {
      id
    }
  }
`);

const SetActionItemStatus = graphql(`
  mutation SetActionItemStatus($id: ID!, $status: ActionItemStatus!) {
    setActionItemStatus(id: $id, status: $status) {
      id
      status
      doneAt
    }
  }
`);

const FindPeople = graphql(`
  query FindPeopleToInvite($search: String!) {
    people(first: 10, filter: { search: $search }) {
      edges {
        node {
          id
          name
          organization {
            id
            name
          }
        }
      }
    }
  }
`);

const Invite = graphql(`
  mutation InviteToMeeting($meetingId: ID!, $personIds: [ID!]!) {
    invite(meetingId: $meetingId, personIds: $personIds) {
      id
      attendeeCount
    }
  }
`);

const ExportBrief = graphql(`
  mutation ExportMeetingBrief($meetingId: ID!, $format: ExportFormat!) {
    exportMeetingBrief(meetingId: $meetingId, format: $format) {
      id
      url
      filename
      format
    }
  }
`);

type Meeting = NonNullable<MeetingDetailQuery['meeting']>;
type Me = NonNullable<MeetingDetailQuery['me']>;
type Refresh = () => void;

/** One meeting: details, my answer, the brief, competition law, the agenda, who comes, minutes and action items. */
export default function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: DetailQuery, variables: { id } });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  if (!data) return fetching ? <p role="status">{t('common.loading')}</p> : <ErrorMessage error={error} />;
  const meeting = data.meeting;
  if (!meeting || !data.me) {
    return (
      <div>
        <h1>{t('notFound.title')}</h1>
        <p>{t('meetings.detail.notFound')}</p>
        <Link to="/meetings">{t('meetings.detail.back')}</Link>
      </div>
    );
  }
  const can = meeting.viewerCan;
  return (
    <div className="meeting">
      <p>
        <Link to="/meetings">{t('meetings.detail.back')}</Link>
      </p>
      <Details meeting={meeting} me={data.me} can={can} refresh={refresh} />
      <div className="meeting-grid">
        <div>
          <Agenda meeting={meeting} can={can} refresh={refresh} />
          <Minutes meeting={meeting} can={can} />
          <ActionItems meeting={meeting} can={can} refresh={refresh} />
        </div>
        <div>
          {can.rsvp && <Rsvp meeting={meeting} me={data.me} refresh={refresh} />}
          {can.downloadBrief && <Brief meeting={meeting} />}
          <Antitrust meeting={meeting} can={can} refresh={refresh} />
          <Invitations meeting={meeting} can={can} refresh={refresh} />
        </div>
      </div>
    </div>
  );
}

function Details({ meeting, me, can, refresh }: { meeting: Meeting; me: Me; can: MeetingAccess; refresh: Refresh }) {
  const { t } = useTranslation();
  const otherZone = me.timezone !== meeting.timezone;
  return (
    <section aria-labelledby="meeting-title" className="card">
      <div className="page-head">
        <h1 id="meeting-title">{meeting.title}</h1>
        {meeting.status !== 'SCHEDULED' && <span className="tag">{t(`meetings.statuses.${meeting.status}`)}</span>}
      </div>
      {meeting.status === 'CANCELLED' && (
        <p className="notice">{meeting.cancelReason ? t('meetings.detail.cancelledBecause', { reason: meeting.cancelReason }) : t('meetings.detail.cancelled')}</p>
      )}
      <dl className="facts">
        <dt>{t('meetings.detail.when')}</dt>
        <dd>
          {formatRange(meeting.startsAt, meeting.endsAt, meeting.timezone)}
          {otherZone && (
            <span className="meta block">{t('meetings.detail.yourTime', { time: formatRange(meeting.startsAt, meeting.endsAt, me.timezone) })}</span>
          )}
        </dd>
        <dt>{t('meetings.detail.group')}</dt>
        <dd>{meeting.workingGroup ? <Link to={`/working-groups/${meeting.workingGroup.id}`}>{meeting.workingGroup.name}</Link> : t('meetings.workshop')}</dd>
        <dt>{t('meetings.detail.format')}</dt>
        <dd>{t(`meetings.formats.${meeting.format}`)}</dd>
        {meeting.location && (
          <>
            <dt>{t('meetings.detail.location')}</dt>
            <dd>{meeting.location}</dd>
          </>
        )}
        {meeting.onlineUrl && (
          <>
            <dt>{t('meetings.detail.online')}</dt>
            <dd>
              <a href={meeting.onlineUrl} rel="noopener noreferrer" target="_blank" className="break">
                {meeting.onlineUrl}
              </a>
            </dd>
          </>
        )}
      </dl>
      {meeting.description && <MarkdownText text={meeting.description} />}
      {(can.edit || can.cancel) && (
        <div className="actions">
          {can.edit && (
            <Link to={`/meetings/${meeting.id}/edit`} className="button">
              {t('meetings.detail.edit')}
            </Link>
          )}
          {can.cancel && <CancelMeeting meeting={meeting} refresh={refresh} />}
        </div>
      )}
    </section>
  );
}

function CancelMeeting({ meeting, refresh }: { meeting: Meeting; refresh: Refresh }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [result, cancel] = useMutation(Cancel);
  if (!open) {
    return (
      <button type="button" className="button subtle" onClick={() => setOpen(true)} aria-expanded={false}>
        {t('meetings.detail.cancel')}
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await cancel({ id: meeting.id, reason: reason.trim() || null });
    if (answer.data) refresh();
  };
  return (
    <form className="form inset" onSubmit={submit}>
      <ErrorMessage error={result.error} labels={{ reason: t('meetings.detail.cancelReason') }} />
      <label htmlFor="cancel-reason">{t('meetings.detail.cancelReason')}</label>
      <textarea id="cancel-reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!fieldProblem(result.error, 'reason')} />
      <div className="actions">
        <button type="submit" className="button danger" disabled={result.fetching}>
          {t('meetings.detail.confirmCancel')}
        </button>
        <button type="button" className="button subtle" onClick={() => setOpen(false)}>
          {t('meetings.detail.keep')}
        </button>
      </div>
    </form>
  );
}

const ANSWERS: RsvpStatus[] = ['ACCEPTED', 'TENTATIVE', 'DECLINED'];

function Rsvp({ meeting, me, refresh }: { meeting: Meeting; me: Me; refresh: Refresh }) {
  const { t } = useTranslation();
  const [result, respond] = useMutation(Respond);
  const mine = meeting.invitations.find((i) => i.person.id === me.id);
  const answer = async (status: RsvpStatus) => {
    const r = await respond({ meetingId: meeting.id, status });
    if (r.data) refresh();
  };
  return (
    <section aria-labelledby="rsvp-heading" className="card">
      <h2 id="rsvp-heading">{t('meetings.rsvp.title')}</h2>
      <p role="status">{t('meetings.rsvp.current', { answer: t(`rsvp.${mine?.status ?? 'INVITED'}`) })}</p>
      <ErrorMessage error={result.error} />
      <div className="actions" role="group" aria-label={t('meetings.rsvp.title')}>
        {ANSWERS.map((status) => (
          <button
            key={status}
            type="button"
            className={`button${mine?.status === status ? ' primary' : ''}`}
            aria-pressed={mine?.status === status}
            disabled={result.fetching}
            onClick={() => void answer(status)}
          >
            {t(`meetings.rsvp.${status}`)}
          </button>
        ))}
      </div>
    </section>
  );
}

const BRIEF_FORMATS: ExportFormat[] = ['PDF', 'DOCX', 'MARKDOWN', 'ICS', 'CSV', 'XLSX'];

/** The brief: the API renders it and answers with a signed, short-lived `/exports/…` link; the browser downloads it from there. */
function Brief({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const [result, exportBrief] = useMutation(ExportBrief);
  const [file, setFile] = useState<{ url: string; filename: string } | null>(null);
  const download = async (format: ExportFormat) => {
    const answer = await exportBrief({ meetingId: meeting.id, format });
    const exported = answer.data?.exportMeetingBrief;
    if (!exported) return;
    setFile(exported);
    const link = document.createElement('a');
    link.href = exported.url;
    link.download = exported.filename;
    document.body.append(link);
    link.click();
    link.remove();
  };
  return (
    <section aria-labelledby="brief-heading" className="card">
      <h2 id="brief-heading">{t('meetings.brief.title')}</h2>
      <p className="meta">{t('meetings.brief.intro')}</p>
      <ErrorMessage error={result.error} />
      <div className="actions">
        {BRIEF_FORMATS.map((format) => (
          <button key={format} type="button" className="button" disabled={result.fetching} onClick={() => void download(format)} aria-label={t('meetings.brief.download', { format: t(`meetings.brief.formats.${format}`) })}>
            {t(`meetings.brief.formats.${format}`)}
          </button>
        ))}
      </div>
      {file && (
        <p role="status">
          {t('meetings.brief.ready')}{' '}
          <a href={file.url} download={file.filename}>
            {file.filename}
          </a>
        </p>
      )}
    </section>
  );
}

function Antitrust({ meeting, can, refresh }: { meeting: Meeting; can: MeetingAccess; refresh: Refresh }) {
  const { t } = useTranslation();
  const [acknowledged, acknowledge] = useMutation(Acknowledge);
  const [approved, approve] = useMutation(Approve);
  const a = meeting.antitrust;
  return (
    <section aria-labelledby="antitrust-heading" className="card">
      <h2 id="antitrust-heading">{t('meetings.antitrust.title')}</h2>
      <blockquote className="statement prewrap">{a.statement}</blockquote>
      <ErrorMessage error={acknowledged.error ?? approved.error} />
      {a.viewerAcknowledged ? (
        <p className="ok">{t('meetings.antitrust.acknowledged')}</p>
      ) : (
        can.acknowledgeAntitrust && (
          <button type="button" className="button primary" disabled={acknowledged.fetching} onClick={() => void acknowledge({ meetingId: meeting.id }).then((r) => r.data && refresh())}>
            {t('meetings.antitrust.acknowledge')}
          </button>
        )
      )}
      <p className="meta">{t('meetings.antitrust.counts', { done: a.acknowledgedBy.length, pending: a.pendingCount })}</p>
      {can.setAntitrustStatement && <EditStatement meeting={meeting} refresh={refresh} />}
      <h3>{t('meetings.antitrust.approval')}</h3>
      {a.agendaApprovedAt ? (
        <p className="ok">{t('meetings.antitrust.approvedBy', { name: a.agendaApprovedBy?.name ?? '—', date: formatDateTime(a.agendaApprovedAt) })}</p>
      ) : (
        <p>{t('meetings.antitrust.notApproved')}</p>
      )}
      {!a.agendaApprovedAt && can.approveAgenda && (
        <button type="button" className="button" disabled={approved.fetching} onClick={() => void approve({ meetingId: meeting.id }).then((r) => r.data && refresh())}>
          {t('meetings.antitrust.approve')}
        </button>
      )}
    </section>
  );
}

/** Organisers replace the alliance's default statement for this meeting, or restore it. */
function EditStatement({ meeting, refresh }: { meeting: Meeting; refresh: Refresh }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(meeting.antitrust.statement);
  const [result, save] = useMutation(SetStatement);
  const submit = async (statement: string | null) => {
    const answer = await save({ meetingId: meeting.id, statement });
    if (answer.data) {
      setOpen(false);
      refresh();
    }
  };
  if (!open) {
    return (
      <button type="button" className="button subtle" onClick={() => setOpen(true)}>
        {t('meetings.antitrust.edit')}
      </button>
    );
  }
  return (
    <form
      className="form inset"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(text);
      }}
    >
      <ErrorMessage error={result.error} labels={{ statement: t('meetings.antitrust.statement') }} />
      <label htmlFor="antitrust-statement">{t('meetings.antitrust.statement')}</label>
      <textarea id="antitrust-statement" value={text} aria-invalid={!!fieldProblem(result.error, 'statement')} onChange={(e) => setText(e.target.value)} />
      <div className="actions">
        <button type="submit" className="button primary" disabled={result.fetching}>
          {t('common.save')}
        </button>
        <button type="button" className="button subtle" disabled={result.fetching} onClick={() => void submit(null)}>
          {t('meetings.antitrust.restore')}
        </button>
        <button type="button" className="button subtle" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function Agenda({ meeting, can, refresh }: { meeting: Meeting; can: MeetingAccess; refresh: Refresh }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby="agenda-heading" className="card">
      <div className="page-head">
        <h2 id="agenda-heading">{t('meetings.agenda.title')}</h2>
        {can.setAgenda && !editing && (
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('meetings.agenda.edit')}
          </button>
        )}
      </div>
      {editing ? (
        <AgendaBuilder
          meeting={meeting}
          onDone={(saved) => {
            setEditing(false);
            if (saved) refresh();
          }}
        />
      ) : (
        <>
          {meeting.agendaOverrunMinutes > 0 && (
            <p className="warning" role="note">
              {t('meetings.agenda.overrun', { count: meeting.agendaOverrunMinutes })}
            </p>
          )}
          {meeting.agenda.length === 0 ? (
            <p>{t('meetings.agenda.empty')}</p>
          ) : (
            <ol className="agenda">
              {meeting.agenda.map((item) => (
                <li key={item.id}>
                  <span className="time">{formatTime(item.startsAt, meeting.timezone)}</span>
                  <span className="what">
                    <strong>{item.title}</strong>
                    <span className="meta">
                      {t('meetings.agenda.minutes', { count: item.durationMinutes })}
                      {item.presenter && ` · ${t('meetings.agenda.presentedBy', { name: item.presenter.name })}`}
                    </span>
                    {item.proposal && <Link to={`/proposals/${item.proposal.id}`}>{item.proposal.title}</Link>}
                    {item.priority && <Link to={`/priorities/${item.priority.id}`}>{item.priority.title}</Link>}
                    {item.description && <span className="prewrap">{item.description}</span>}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

interface Draft {
  key: string;
  title: string;
  duration: string;
  presenterId: string;
  description: string;
  proposalId: string | null;
  priorityId: string | null;
}

let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

/** The agenda builder: add, remove, reorder (buttons, so the keyboard can), live start times; saved with setAgenda. */
function AgendaBuilder({ meeting, onDone }: { meeting: Meeting; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Draft[]>(() =>
    meeting.agenda.map((i) => ({
      key: i.id,
      title: i.title,
      duration: String(i.durationMinutes),
      presenterId: i.presenter?.id ?? '',
      description: i.description ?? '',
      proposalId: i.proposal?.id ?? null,
      priorityId: i.priority?.id ?? null,
    })),
  );
  const [result, save] = useMutation(SetAgenda);
  const durations = items.map((i) => Number.parseInt(i.duration, 10));
  const starts = startTimes(meeting.startsAt, durations);
  const overrun = overrunMinutes(meeting.startsAt, meeting.endsAt, durations);
  const people = meeting.invitations.map((i) => i.person);
  const update = (key: string, change: Partial<Draft>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...change } : i)));
  const move = (index: number, by: number) =>
    setItems((all) => {
      const next = [...all];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item);
      return next;
    });
  // The element to focus once the list has rendered its new order (a timer could run before that render).
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    if (refocus.current === null) return;
    document.getElementById(refocus.current)?.focus();
    refocus.current = null;
  });
  const focusLater = (id: string) => {
    refocus.current = id;
  };
  const add = () => {
    const key = newKey();
    setItems((all) => [...all, { key, title: '', duration: '15', presenterId: '', description: '', proposalId: null, priorityId: null }]);
    focusLater(`agenda-title-${key}`);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await save({
      meetingId: meeting.id,
      items: items.map((i) => ({
        title: i.title,
        durationMinutes: Number.parseInt(i.duration, 10) || 0,
        presenterId: i.presenterId || null,
        description: i.description || null,
        proposalId: i.proposalId,
        priorityId: i.priorityId,
      })),
    });
    if (answer.data) onDone(true);
  };
  return (
    <form onSubmit={submit} className="agenda-builder" aria-label={t('meetings.agenda.builder')}>
      <ErrorMessage error={result.error} labels={{ items: t('meetings.agenda.title'), title: t('meetings.agenda.itemTitle'), durationMinutes: t('meetings.agenda.duration'), presenterId: t('meetings.agenda.presenter') }} />
      {overrun > 0 && (
        <p className="warning" role="status">
          {t('meetings.agenda.overrun', { count: overrun })}
        </p>
      )}
      <ol className="agenda edit">
        {items.map((item, index) => (
          <li key={item.key}>
            <fieldset>
              <legend>
                {t('meetings.agenda.item', { number: index + 1 })} · <span data-testid="computed-start">{formatTime(starts[index], meeting.timezone)}</span>
              </legend>
              <div className="grid">
                <div>
                  <label htmlFor={`agenda-title-${item.key}`}>{t('meetings.agenda.itemTitle')}</label>
                  <input id={`agenda-title-${item.key}`} required value={item.title} onChange={(e) => update(item.key, { title: e.target.value })} />
                </div>
                <div>
                  <label htmlFor={`agenda-duration-${item.key}`}>{t('meetings.agenda.duration')}</label>
                  <input id={`agenda-duration-${item.key}`} type="number" min={1} max={1440} required value={item.duration} onChange={(e) => update(item.key, { duration: e.target.value })} />
                </div>
                <div>
                  <label htmlFor={`agenda-presenter-${item.key}`}>{t('meetings.agenda.presenter')}</label>
                  <select id={`agenda-presenter-${item.key}`} value={item.presenterId} onChange={(e) => update(item.key, { presenterId: e.target.value })}>
                    <option value="">{t('meetings.agenda.noPresenter')}</option>
                    {people.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <label htmlFor={`agenda-description-${item.key}`}>{t('meetings.agenda.description')}</label>
              <textarea id={`agenda-description-${item.key}`} className="short" value={item.description} onChange={(e) => update(item.key, { description: e.target.value })} />
              <div className="actions">
                <button type="button" className="button subtle" disabled={index === 0} onClick={() => { move(index, -1); focusLater(`agenda-${index - 1 === 0 ? 'down' : 'up'}-${item.key}`); }} id={`agenda-up-${item.key}`} aria-label={t('meetings.agenda.up', { title: item.title || index + 1 })}>
                  ↑ {t('meetings.agenda.upShort')}
                </button>
                <button type="button" className="button subtle" disabled={index === items.length - 1} onClick={() => { move(index, 1); focusLater(`agenda-${index + 1 === items.length - 1 ? 'up' : 'down'}-${item.key}`); }} id={`agenda-down-${item.key}`} aria-label={t('meetings.agenda.down', { title: item.title || index + 1 })}>
                  ↓ {t('meetings.agenda.downShort')}
                </button>
                <button type="button" className="button subtle" onClick={() => setItems((all) => all.filter((i) => i.key !== item.key))} aria-label={t('meetings.agenda.remove', { title: item.title || index + 1 })}>
                  {t('meetings.agenda.removeShort')}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" className="button" onClick={add}>
          {t('meetings.agenda.add')}
        </button>
        <button type="submit" className="button primary" disabled={result.fetching}>
          {t('meetings.agenda.save')}
        </button>
        <button type="button" className="button subtle" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function Invitations({ meeting, can, refresh }: { meeting: Meeting; can: MeetingAccess; refresh: Refresh }) {
  const { t } = useTranslation();
  const recorded = meeting.invitations.some((i) => i.attended !== null && i.attended !== undefined);
  const [present, setPresent] = useState<Set<string>>(
    () => new Set(meeting.invitations.filter((i) => (recorded ? i.attended : i.status === 'ACCEPTED')).map((i) => i.person.id)),
  );
  const [result, record] = useMutation(RecordAttendance);
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const answer = await record({ meetingId: meeting.id, personIds: [...present] });
    if (answer.data) {
      setSaved(true);
      refresh();
    }
  };
  const toggle = (id: string, on: boolean) =>
    setPresent((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <section aria-labelledby="invitations-heading" className="card">
      <h2 id="invitations-heading">{t('meetings.invitations.title', { count: meeting.invitations.length })}</h2>
      <p className="meta">{t('meetings.invitations.attending', { count: meeting.attendeeCount })}</p>
      {meeting.invitations.length === 0 ? (
        <p>{t('meetings.invitations.none')}</p>
      ) : can.recordAttendance ? (
        <form onSubmit={submit}>
          <ErrorMessage error={result.error} />
          <fieldset>
            <legend>{t('meetings.invitations.recordAttendance')}</legend>
            <ul className="list">
              {meeting.invitations.map((i) => (
                <li key={i.person.id}>
                  <input id={`present-${i.person.id}`} type="checkbox" checked={present.has(i.person.id)} onChange={(e) => toggle(i.person.id, e.target.checked)} />
                  <label htmlFor={`present-${i.person.id}`}>{i.person.name}</label>
                  <span className="meta">{i.person.organization.name}</span>
                  <span className="tag">{t(`rsvp.${i.status}`)}</span>
                </li>
              ))}
            </ul>
          </fieldset>
          <button type="submit" className="button primary" disabled={result.fetching}>
            {t('meetings.invitations.saveAttendance')}
          </button>
          {saved && <p role="status">{t('common.saved')}</p>}
        </form>
      ) : (
        <ul className="list">
          {meeting.invitations.map((i) => (
            <li key={i.person.id}>
              {i.person.name}
              <span className="meta">{i.person.organization.name}</span>
              <span className="tag">{t(`rsvp.${i.status}`)}</span>
              {i.attended !== null && i.attended !== undefined && <span className="tag">{i.attended ? t('meetings.invitations.present') : t('meetings.invitations.absent')}</span>}
            </li>
          ))}
        </ul>
      )}
      {can.invite && <InvitePeople meeting={meeting} refresh={refresh} />}
    </section>
  );
}

/** Organisers invite anyone on the platform, found by name (a workshop has no group to invite from). */
function InvitePeople({ meeting, refresh }: { meeting: Meeting; refresh: Refresh }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [{ data, error, fetching }] = useQuery({ query: FindPeople, variables: { search }, pause: search.length < 2 });
  const [result, invite] = useMutation(Invite);
  const [invited, setInvited] = useState<string | null>(null);
  const already = new Set(meeting.invitations.map((i) => i.person.id));
  const found = data?.people.edges.map((e) => e.node).filter((p) => !already.has(p.id)) ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(text.trim());
  };
  const add = async (person: { id: string; name: string }) => {
    setInvited(null);
    const answer = await invite({ meetingId: meeting.id, personIds: [person.id] });
    if (answer.data) {
      setInvited(person.name);
      setText('');
      setSearch('');
      refresh();
    }
  };
  return (
    <div className="form inset">
      <h3 id="invite-heading">{t('meetings.invite.title')}</h3>
      <form className="searchbox" onSubmit={submit} aria-labelledby="invite-heading">
        <label htmlFor="invite-search" className="visually-hidden">
          {t('meetings.invite.search')}
        </label>
        <input id="invite-search" type="search" value={text} placeholder={t('meetings.invite.search')} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="button">
          {t('meetings.invite.find')}
        </button>
      </form>
      <ErrorMessage error={error ?? result.error} />
      {invited && <p role="status">{t('meetings.invite.done', { name: invited })}</p>}
      {search.length >= 2 && !fetching && data && (
        found.length === 0 ? (
          <p>{t('meetings.invite.noneFound')}</p>
        ) : (
          <ul className="list">
            {found.map((p) => (
              <li key={p.id}>
                {p.name}
                <span className="meta">{p.organization.name}</span>
                <button type="button" className="button subtle" disabled={result.fetching} onClick={() => void add(p)}>
                  {t('meetings.invite.add', { name: p.name })}
                </button>
              </li>
            ))}
          </ul>
        )
      )}
    </div>
  );
}

function Minutes({ meeting, can }: { meeting: Meeting; can: MeetingAccess }) {
  const { t } = useTranslation();
  const [text, setText] = useState(meeting.minutes ?? '');
  const [editing, setEditing] = useState(false);
  const [result, record] = useMutation(RecordMinutes);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await record({ meetingId: meeting.id, minutes: text });
    if (answer.data) setEditing(false);
  };
  return (
    <section aria-labelledby="minutes-heading" className="card">
      <div className="page-head">
        <h2 id="minutes-heading">{t('meetings.minutes.title')}</h2>
        {can.writeMinutes && !editing && (
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {meeting.minutes ? t('meetings.minutes.edit') : t('meetings.minutes.write')}
          </button>
        )}
      </div>
      {editing ? (
        <form className="form" onSubmit={submit}>
          <ErrorMessage error={result.error} labels={{ minutes: t('meetings.minutes.label') }} />
          <label htmlFor="minutes-text">{t('meetings.minutes.label')}</label>
          <textarea id="minutes-text" className="tall" value={text} aria-invalid={!!fieldProblem(result.error, 'minutes')} onChange={(e) => setText(e.target.value)} />
          <div className="actions">
            <button type="submit" className="button primary" disabled={result.fetching}>
              {t('common.save')}
            </button>
            <button type="button" className="button subtle" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : meeting.minutes ? (
        <MarkdownText className="minutes" text={meeting.minutes} />
      ) : (
        <p>{t('meetings.minutes.none')}</p>
      )}
    </section>
  );
}

function ActionItems({ meeting, can, refresh }: { meeting: Meeting; can: MeetingAccess; refresh: Refresh }) {
  const { t } = useTranslation();
  const [statusResult, setStatus] = useMutation(SetActionItemStatus);
  const change = async (id: string, status: ActionItemStatus) => {
    await setStatus({ id, status });
  };
  return (
    <section aria-labelledby="actions-heading" className="card">
      <h2 id="actions-heading">{t('meetings.actions.title')}</h2>
      <ErrorMessage error={statusResult.error} />
      {meeting.actionItems.length === 0 ? (
        <p>{t('meetings.actions.none')}</p>
      ) : (
        <ul className="list">
          {meeting.actionItems.map((a) => (
            <li key={a.id}>
              <span className={a.status === 'DONE' ? 'done' : undefined}>{a.title}</span>
              <span className="meta">
                {a.owner ? a.owner.name : t('meetings.actions.noOwner')}
                {a.dueDate && ` · ${t('meetings.actions.due', { date: formatDate(a.dueDate, meeting.timezone) })}`}
              </span>
              <span className="tag">{t(`meetings.actions.statuses.${a.status}`)}</span>
              {a.viewerCan.setStatus && (
                <button type="button" className="button subtle" disabled={statusResult.fetching} onClick={() => void change(a.id, a.status === 'OPEN' ? 'DONE' : 'OPEN')}>
                  {a.status === 'OPEN' ? t('meetings.actions.markDone', { title: a.title }) : t('meetings.actions.reopen', { title: a.title })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {can.addActionItem && <AddActionItemForm meeting={meeting} refresh={refresh} />}
    </section>
  );
}

function AddActionItemForm({ meeting, refresh }: { meeting: Meeting; refresh: Refresh }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ title: '', ownerId: '', due: '' });
  const [result, add] = useMutation(AddActionItem);
  const labels = { title: t('meetings.actions.itemTitle'), ownerId: t('meetings.actions.owner'), dueDate: t('meetings.actions.dueDate') };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const dueDate = values.due ? zonedToUtc(`${values.due}T12:00`, meeting.timezone) : null;
    const answer = await add({ meetingId: meeting.id, input: { title: values.title, ownerId: values.ownerId || null, dueDate } });
    if (answer.data) {
      setValues({ title: '', ownerId: '', due: '' });
      refresh();
    }
  };
  return (
    <form className="form inset" onSubmit={submit} aria-labelledby="add-action-heading">
      <h3 id="add-action-heading">{t('meetings.actions.add')}</h3>
      <ErrorMessage error={result.error} labels={labels} />
      <label htmlFor="action-title">{labels.title}</label>
      <input id="action-title" required value={values.title} aria-invalid={!!fieldProblem(result.error, 'title')} onChange={(e) => setValues({ ...values, title: e.target.value })} />
      <label htmlFor="action-owner">{labels.ownerId}</label>
      <select id="action-owner" value={values.ownerId} onChange={(e) => setValues({ ...values, ownerId: e.target.value })}>
        <option value="">{t('meetings.actions.noOwner')}</option>
        {meeting.invitations.map((i) => (
          <option key={i.person.id} value={i.person.id}>
            {i.person.name}
          </option>
        ))}
      </select>
      <label htmlFor="action-due">{labels.dueDate}</label>
      <input id="action-due" type="date" value={values.due} aria-invalid={!!fieldProblem(result.error, 'dueDate')} onChange={(e) => setValues({ ...values, due: e.target.value })} />
      <button type="submit" className="button primary" disabled={result.fetching}>
        {t('meetings.actions.addSubmit')}
      </button>
    </form>
  );
}

