import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useSession } from '../api/session';
import { graphql } from '../gql';
import { languageOf, setLanguage } from '../i18n';

const ShellQuery = graphql(`
  query Shell {
    me {
      id
      name
      locale
      role
      organization {
        id
        name
      }
    }
  }
`);

const UnreadQuery = graphql(`
  query Unread {
    myNotifications(first: 1, unreadOnly: true) {
      unreadCount
    }
  }
`);

const NotificationAdded = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
      title
      link
      createdAt
      readAt
    }
  }
`);

const SignOut = graphql(`
  mutation SignOut {
    signOut
  }
`);

/** The frame of every signed-in screen: navigation, the global search box, the bell and the person's menu. */
export function Layout() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const [{ data, error }] = useQuery({ query: ShellQuery });
  const [, revoke] = useMutation(SignOut);
  const me = data?.me;

  useEffect(() => {
    if (me) setLanguage(languageOf(me.locale));
  }, [me]);
  // A session that expired or was revoked elsewhere signs the browser out.
  useEffect(() => {
    if (error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') || (data && !data.me)) signOut();
  }, [error, data, signOut]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skip')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          ECAVA
        </Link>
        <nav aria-label={t('layout.navigation')} className="mainnav">
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
          <NavLink to="/working-groups">{t('groups.nav')}</NavLink>
          <NavLink to="/organizations">{t('organizations.nav')}</NavLink>
          <NavLink to="/proposals">{t('proposals.nav')}</NavLink>
          <NavLink to="/meetings">{t('meetings.nav')}</NavLink>
          <NavLink to="/marketplace">{t('marketplace.nav')}</NavLink>
          <NavLink to="/data-pools">{t('dataPools.nav')}</NavLink>
          <NavLink to="/ballots">{t('governance.nav.ballots')}</NavLink>
          {me?.role === 'ADMIN' && <NavLink to="/audit-log">{t('governance.nav.auditLog')}</NavLink>}
        </nav>
        <SearchBox />
        <Bell />
        {me && (
          <DropdownMenu.Root>
            <DropdownMenu.Trigger className="button subtle" aria-label={t('layout.account', { name: me.name })}>
              {me.name}
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
                <DropdownMenu.Label className="menu-label">{me.organization.name}</DropdownMenu.Label>
                <DropdownMenu.Item asChild>
                  <Link to="/settings">{t('nav.settings')}</Link>
                </DropdownMenu.Item>
                <DropdownMenu.Item asChild>
                  <Link to="/privacy">{t('governance.nav.privacy')}</Link>
                </DropdownMenu.Item>
                <DropdownMenu.Item
                  onSelect={() => {
                    void revoke({}).finally(signOut);
                  }}
                >
                  {t('layout.signOut')}
                </DropdownMenu.Item>
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (query.trim()) void navigate(`/search?q=${encodeURIComponent(query.trim())}`);
  };
  return (
    <form role="search" className="searchbox" onSubmit={submit}>
      <label htmlFor="global-search" className="visually-hidden">
        {t('search.label')}
      </label>
      <input id="global-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('search.placeholder')} />
      <button type="submit" className="button">
        {t('search.submit')}
      </button>
    </form>
  );
}

/** The unread count, refreshed whenever the subscription delivers a notification (no reload, no polling). */
function Bell() {
  const { t } = useTranslation();
  const [{ data }, refresh] = useQuery({ query: UnreadQuery });
  const [{ data: added }] = useSubscription({ query: NotificationAdded });
  useEffect(() => {
    if (added) refresh({ requestPolicy: 'network-only' });
  }, [added, refresh]);
  const count = data?.myNotifications.unreadCount ?? 0;
  return (
    <Link to="/notifications" className="bell" aria-label={t('layout.notifications', { count })}>
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      <span className="badge" data-testid="unread-count" aria-hidden="true">
        {count}
      </span>
    </Link>
  );
}
