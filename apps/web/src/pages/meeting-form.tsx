import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { MeetingFormat } from '../gql/graphql';
import { utcToZoned, zonedToUtc } from '../meetings/time';
import { ErrorMessage, fieldProblem } from '../ui/errors';

const FormQuery = graphql(`
  query MeetingForm($id: ID!, $editing: Boolean!) {
    me {
      id
      role
      timezone
      participations {
        id
        role
        workingGroup {
          id
          name
        }
      }
    }
    workingGroups @skip(if: $editing) {
      id
      name
      viewerCan {
        scheduleMeeting
      }
    }
    meeting(id: $id) @include(if: $editing) {
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
      workingGroup {
        id
        name
      }
    }
  }
`);

const Schedule = graphql(`
  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {
    scheduleMeeting(input: $input) {
      id
    }
  }
`);

const Update = graphql(`
  mutation UpdateMeeting($id: ID!, $input: UpdateMeetingInput!) {
    updateMeeting(id: $id, input: $input) {
      id
      title
      description
      format
      location
      onlineUrl
      startsAt
      endsAt
      timezone
      sequence
      agendaOverrunMinutes
      agenda {
        id
        startsAt
      }
    }
  }
`);

const FORMATS: MeetingFormat[] = ['IN_PERSON', 'ONLINE', 'HYBRID'];
const TIME_ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Brussels', 'Europe/Berlin', 'UTC'];
const WORKSHOP = '-';

interface Values {
  group: string;
  title: string;
  description: string;
  format: MeetingFormat;
  location: string;
  onlineUrl: string;
  timezone: string;
  start: string;
  end: string;
  inviteParticipants: boolean;
}

/** Schedule a meeting (`/meetings/new`, chairs, co-chairs and secretaries of a group; admins also workshops) or edit one (`/meetings/:id/edit`). */
export default function MeetingFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const editing = !!id;
  const [{ data, error, fetching }] = useQuery({ query: FormQuery, variables: { id: id ?? '', editing } });
  if (!data) return fetching ? <p role="status">{t('common.loading')}</p> : <ErrorMessage error={error} />;
  const me = data.me;
  if (editing && !data.meeting) return <ErrorMessage error={error} />;
  const groups = (data.workingGroups ?? []).filter((g) => g.viewerCan.scheduleMeeting);
  const meeting = data.meeting;
  const tz = meeting?.timezone ?? me?.timezone ?? 'Europe/Brussels';
  const initial: Values = meeting
    ? {
        group: meeting.workingGroup?.id ?? WORKSHOP,
        title: meeting.title,
        description: meeting.description ?? '',
        format: meeting.format,
        location: meeting.location ?? '',
        onlineUrl: meeting.onlineUrl ?? '',
        timezone: meeting.timezone,
        start: utcToZoned(meeting.startsAt, meeting.timezone),
        end: utcToZoned(meeting.endsAt, meeting.timezone),
        inviteParticipants: false,
      }
    : {
        group: groups[0]?.id ?? (me?.role === 'ADMIN' ? WORKSHOP : ''),
        title: '',
        description: '',
        format: 'ONLINE',
        location: '',
        onlineUrl: '',
        timezone: tz,
        start: '',
        end: '',
        inviteParticipants: true,
      };
  return (
    <div className="meeting-form">
      <h1>{editing ? t('meetings.form.editTitle') : t('meetings.form.scheduleTitle')}</h1>
      {!editing && groups.length === 0 && me?.role !== 'ADMIN' ? (
        <p>{t('meetings.form.noGroups')}</p>
      ) : (
        <MeetingForm
          initial={initial}
          id={id}
          groups={groups}
          workshopAllowed={me?.role === 'ADMIN'}
          groupName={meeting?.workingGroup?.name ?? (meeting ? t('meetings.workshop') : undefined)}
        />
      )}
    </div>
  );
}

function MeetingForm({ initial, id, groups, workshopAllowed, groupName }: { initial: Values; id?: string; groups: { id: string; name: string }[]; workshopAllowed: boolean; groupName?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const [scheduled, schedule] = useMutation(Schedule);
  const [updated, update] = useMutation(Update);
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  const result = id ? updated : scheduled;
  const labels = {
    workingGroupId: t('meetings.form.group'),
    title: t('meetings.form.title'),
    description: t('meetings.form.description'),
    format: t('meetings.form.format'),
    location: t('meetings.form.location'),
    onlineUrl: t('meetings.form.onlineUrl'),
    timezone: t('meetings.form.timezone'),
    startsAt: t('meetings.form.start'),
    endsAt: t('meetings.form.end'),
  };
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const invalid = (field: string) => !!fieldProblem(result.error, field);
  const needsLocation = values.format !== 'ONLINE';
  const needsUrl = values.format !== 'IN_PERSON';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const startsAt = zonedToUtc(values.start, values.timezone);
    const endsAt = zonedToUtc(values.end, values.timezone);
    if (!startsAt || !endsAt) {
      setLocalProblem(t('meetings.form.timeRequired'));
      return;
    }
    setLocalProblem(null);
    const common = {
      title: values.title,
      description: values.description || null,
      format: values.format,
      location: needsLocation ? values.location || null : null,
      onlineUrl: needsUrl ? values.onlineUrl || null : null,
      timezone: values.timezone,
      startsAt,
      endsAt,
    };
    if (id) {
      const answer = await update({ id, input: common });
      if (answer.data) void navigate(`/meetings/${id}`);
    } else {
      const answer = await schedule({
        input: { ...common, workingGroupId: values.group === WORKSHOP ? null : values.group, inviteParticipants: values.inviteParticipants },
      });
      if (answer.data) void navigate(`/meetings/${answer.data.scheduleMeeting.id}`);
    }
  };

  return (
    <form className="form card" onSubmit={submit} noValidate>
      <ErrorMessage error={result.error} labels={labels} />
      {localProblem && (
        <div role="alert" className="error">
          <p>{localProblem}</p>
        </div>
      )}
      {id ? (
        <p className="meta">{t('meetings.form.groupFixed', { group: groupName })}</p>
      ) : (
        <>
          <label htmlFor="meeting-group">{labels.workingGroupId}</label>
          <select id="meeting-group" value={values.group} aria-invalid={invalid('workingGroupId')} onChange={(e) => set('group', e.target.value)}>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
            {workshopAllowed && <option value={WORKSHOP}>{t('meetings.form.workshop')}</option>}
          </select>
        </>
      )}
      <label htmlFor="meeting-title">{labels.title}</label>
      <input id="meeting-title" required value={values.title} aria-invalid={invalid('title')} onChange={(e) => set('title', e.target.value)} />
      <label htmlFor="meeting-description">{labels.description}</label>
      <textarea id="meeting-description" value={values.description} aria-invalid={invalid('description')} onChange={(e) => set('description', e.target.value)} />
      <label htmlFor="meeting-format">{labels.format}</label>
      <select id="meeting-format" value={values.format} aria-invalid={invalid('format')} onChange={(e) => set('format', e.target.value as MeetingFormat)}>
        {FORMATS.map((f) => (
          <option key={f} value={f}>
            {t(`meetings.formats.${f}`)}
          </option>
        ))}
      </select>
      {needsLocation && (
        <>
          <label htmlFor="meeting-location">{labels.location}</label>
          <input id="meeting-location" required value={values.location} aria-invalid={invalid('location')} onChange={(e) => set('location', e.target.value)} />
        </>
      )}
      {needsUrl && (
        <>
          <label htmlFor="meeting-url">{labels.onlineUrl}</label>
          <input id="meeting-url" type="url" required value={values.onlineUrl} aria-invalid={invalid('onlineUrl')} onChange={(e) => set('onlineUrl', e.target.value)} />
        </>
      )}
      <label htmlFor="meeting-timezone">{labels.timezone}</label>
      <select id="meeting-timezone" value={values.timezone} aria-invalid={invalid('timezone')} onChange={(e) => set('timezone', e.target.value)}>
        {(TIME_ZONES.includes(values.timezone) ? TIME_ZONES : [values.timezone, ...TIME_ZONES]).map((zone) => (
          <option key={zone}>{zone}</option>
        ))}
      </select>
      <label htmlFor="meeting-start">{labels.startsAt}</label>
      <input id="meeting-start" type="datetime-local" required aria-describedby="meeting-time-hint" value={values.start} aria-invalid={invalid('startsAt')} onChange={(e) => set('start', e.target.value)} />
      <label htmlFor="meeting-end">{labels.endsAt}</label>
      <input id="meeting-end" type="datetime-local" required aria-describedby="meeting-time-hint" value={values.end} aria-invalid={invalid('endsAt')} onChange={(e) => set('end', e.target.value)} />
      <p id="meeting-time-hint" className="meta">
        {t('meetings.form.timeHint', { zone: values.timezone })}
      </p>
      {!id && values.group !== WORKSHOP && (
        <div className="check">
          <input id="meeting-invite" type="checkbox" checked={values.inviteParticipants} onChange={(e) => set('inviteParticipants', e.target.checked)} />
          <label htmlFor="meeting-invite">{t('meetings.form.inviteParticipants')}</label>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="button primary" disabled={result.fetching}>
          {id ? t('common.save') : t('meetings.form.scheduleSubmit')}
        </button>
        <Link to={id ? `/meetings/${id}` : '/meetings'} className="button subtle">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
