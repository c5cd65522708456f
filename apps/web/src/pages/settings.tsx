import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { DeliveryMode, Locale, NotificationCategory } from '../gql/graphql';
import { languageOf, setLanguage } from '../i18n';
import { ErrorMessage, fieldProblem } from '../ui/errors';
import { formatDateTime } from '../ui/format';

const SettingsQuery = graphql(`
  query Settings {
    me {
      id
      name
      title
      email
      locale
      timezone
      notificationPreferences {
        category
        mode
      }
    }
    myAccessTokens {
      id
      name
      createdAt
      lastUsedAt
    }
    mySessions {
      id
      createdAt
      expiresAt
      current
    }
  }
`);

const RevokeSession = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

const UpdateProfile = graphql(`
  mutation UpdateMyProfile($input: UpdateProfileInput!) {
    updateMyProfile(input: $input) {
      id
      name
      title
      locale
      timezone
    }
  }
`);

const UpdatePreferences = graphql(`
  mutation UpdateNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {
    updateNotificationPreferences(preferences: $preferences) {
      category
      mode
    }
  }
`);

const CreateToken = graphql(`
  mutation CreateAccessToken($name: String!) {
    createAccessToken(name: $name) {
      secret
      token {
        id
        name
        createdAt
        lastUsedAt
      }
    }
  }
`);

const RevokeToken = graphql(`
  mutation RevokeAccessToken($id: ID!) {
    revokeAccessToken(id: $id)
  }
`);

const MODES: DeliveryMode[] = ['IMMEDIATE', 'DAILY_DIGEST', 'WEEKLY_DIGEST', 'OFF'];
const TIME_ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Berlin', 'UTC'];

export default function SettingsPage() {
  const { t } = useTranslation();
  const [{ data, error }, refresh] = useQuery({ query: SettingsQuery });
  if (!data?.me) return <ErrorMessage error={error} />;
  return (
    <div className="settings">
      <h1>{t('settings.title')}</h1>
      <Profile me={data.me} />
      <Preferences preferences={data.me.notificationPreferences ?? []} />
      <Sessions sessions={data.mySessions} onChange={() => refresh({ requestPolicy: 'network-only' })} />
      <Tokens tokens={data.myAccessTokens} onChange={() => refresh({ requestPolicy: 'network-only' })} />
    </div>
  );
}

interface ProfileValues {
  name: string;
  title: string | null | undefined;
  locale: Locale;
  timezone: string;
  email?: string | null;
}

function Profile({ me }: { me: ProfileValues }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ name: me.name, title: me.title ?? '', locale: me.locale, timezone: me.timezone });
  const [result, update] = useMutation(UpdateProfile);
  const [saved, setSaved] = useState(false);
  const labels = { name: t('settings.name'), title: t('settings.jobTitle'), locale: t('settings.language'), timezone: t('settings.timezone') };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const answer = await update({ input: { ...values, title: values.title || null } });
    if (answer.data) {
      setSaved(true);
      setLanguage(languageOf(answer.data.updateMyProfile.locale));
    }
  };
  return (
    <section aria-labelledby="profile-heading" className="card">
      <h2 id="profile-heading">{t('settings.profile')}</h2>
      <form className="form" onSubmit={submit}>
        <ErrorMessage error={result.error} labels={labels} />
        <p className="meta">{t('settings.email', { email: me.email })}</p>
        <label htmlFor="profile-name">{labels.name}</label>
        <input id="profile-name" required value={values.name} aria-invalid={!!fieldProblem(result.error, 'name')} onChange={(e) => setValues({ ...values, name: e.target.value })} />
        <label htmlFor="profile-title">{labels.title}</label>
        <input id="profile-title" value={values.title} aria-invalid={!!fieldProblem(result.error, 'title')} onChange={(e) => setValues({ ...values, title: e.target.value })} />
        <label htmlFor="profile-locale">{labels.locale}</label>
        <select id="profile-locale" value={values.locale} onChange={(e) => setValues({ ...values, locale: e.target.value as Locale })}>
          <option value="EN">English</option>
          <option value="DE">Deutsch</option>
        </select>
        <label htmlFor="profile-timezone">{labels.timezone}</label>
        <select id="profile-timezone" value={values.timezone} aria-invalid={!!fieldProblem(result.error, 'timezone')} onChange={(e) => setValues({ ...values, timezone: e.target.value })}>
          {(TIME_ZONES.includes(values.timezone) ? TIME_ZONES : [values.timezone, ...TIME_ZONES]).map((zone) => (
            <option key={zone}>{zone}</option>
          ))}
        </select>
        <button type="submit" className="button primary" disabled={result.fetching}>
          {t('common.save')}
        </button>
        {saved && <p role="status">{t('common.saved')}</p>}
      </form>
    </section>
  );
}

function Preferences({ preferences }: { preferences: { category: NotificationCategory; mode: DeliveryMode }[] }) {
  const { t } = useTranslation();
  const [modes, setModes] = useState(preferences);
  useEffect(() => setModes(preferences), [preferences]);
  const [result, update] = useMutation(UpdatePreferences);
  const change = async (category: NotificationCategory, mode: DeliveryMode) => {
    setModes((current) => current.map((p) => (p.category === category ? { ...p, mode } : p)));
    await update({ preferences: [{ category, mode }] });
  };
  return (
    <section aria-labelledby="prefs-heading" className="card">
      <h2 id="prefs-heading">{t('settings.notifications')}</h2>
      <ErrorMessage error={result.error} />
      <div className="form">
        {modes.map((p) => (
          <div key={p.category} className="row">
            <label htmlFor={`pref-${p.category}`}>{t(`categories.${p.category}`)}</label>
            <select id={`pref-${p.category}`} value={p.mode} onChange={(e) => void change(p.category, e.target.value as DeliveryMode)}>
              {MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`modes.${m}`)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </section>
  );
}

function Tokens({ tokens, onChange }: { tokens: { id: string; name: string; createdAt: string; lastUsedAt?: string | null }[]; onChange: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [created, create] = useMutation(CreateToken);
  const [revoked, revoke] = useMutation(RevokeToken);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await create({ name });
    if (answer.data) {
      setSecret(answer.data.createAccessToken.secret);
      setName('');
      onChange();
    }
  };
  return (
    <section aria-labelledby="tokens-heading" className="card">
      <h2 id="tokens-heading">{t('settings.tokens')}</h2>
      <ErrorMessage error={created.error ?? revoked.error} labels={{ name: t('settings.tokenName') }} />
      {secret && (
        <div role="status" className="notice">
          <p>{t('settings.tokenSecret')}</p>
          <code className="secret">{secret}</code>
        </div>
      )}
      <ul className="list">
        {tokens.map((token) => (
          <li key={token.id}>
            {token.name}
            <span className="meta">
              {t('settings.tokenCreated', { date: formatDateTime(token.createdAt) })}
              {token.lastUsedAt && ` · ${t('settings.tokenUsed', { date: formatDateTime(token.lastUsedAt) })}`}
            </span>
            <button type="button" className="button subtle" onClick={() => void revoke({ id: token.id }).then((a) => !a.error && onChange())}>
              {t('settings.revoke', { name: token.name })}
            </button>
          </li>
        ))}
      </ul>
      <form className="form inline" onSubmit={submit}>
        <label htmlFor="token-name">{t('settings.tokenName')}</label>
        <input id="token-name" required value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button">
          {t('settings.createToken')}
        </button>
      </form>
    </section>
  );
}

/** The browsers the person is signed in with; ending one signs that browser out at once (this one: sign out). */
function Sessions({ sessions, onChange }: { sessions: { id: string; createdAt: string; expiresAt: string; current: boolean }[]; onChange: () => void }) {
  const { t } = useTranslation();
  const [revoked, revoke] = useMutation(RevokeSession);
  return (
    <section aria-labelledby="sessions-heading" className="card">
      <h2 id="sessions-heading">{t('settings.sessions')}</h2>
      <ErrorMessage error={revoked.error} />
      <ul className="list">
        {sessions.map((session) => (
          <li key={session.id} data-testid="session">
            {session.current ? t('settings.thisSession') : t('settings.otherSession')}
            <span className="meta">
              {t('settings.sessionSince', { date: formatDateTime(session.createdAt) })} · {t('settings.sessionUntil', { date: formatDateTime(session.expiresAt) })}
            </span>
            {!session.current && (
              <button type="button" className="button subtle" onClick={() => void revoke({ id: session.id }).then((a) => !a.error && onChange())}>
                {t('settings.endSession', { date: formatDateTime(session.createdAt) })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
