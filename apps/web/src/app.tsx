import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { SessionProvider, useSession } from './api/session';
import { Layout } from './ui/layout';

// Every screen is its own chunk: the first load carries the shell and the screen asked for, nothing else.
const SignIn = lazy(() => import('./pages/sign-in'));
const Home = lazy(() => import('./pages/home'));
const Search = lazy(() => import('./pages/search'));
const Notifications = lazy(() => import('./pages/notifications'));
const Settings = lazy(() => import('./pages/settings'));
const NotFound = lazy(() => import('./pages/not-found'));
const Meetings = lazy(() => import('./pages/meetings'));
const Meeting = lazy(() => import('./pages/meeting'));
const MeetingForm = lazy(() => import('./pages/meeting-form'));

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/sign-in" element={<SignIn />} />
            <Route element={<RequireSession />}>
              <Route element={<Layout />}>
                <Route index element={<Home />} />
                <Route path="search" element={<Search />} />
                <Route path="notifications" element={<Notifications />} />
                <Route path="settings" element={<Settings />} />
                <Route path="meetings" element={<Meetings />} />
                <Route path="meetings/new" element={<MeetingForm />} />
                <Route path="meetings/:id" element={<Meeting />} />
                <Route path="meetings/:id/edit" element={<MeetingForm key="edit" />} />
                <Route path="*" element={<NotFound />} />
              </Route>
            </Route>
          </Routes>
        </Suspense>
      </BrowserRouter>
    </SessionProvider>
  );
}

/** Signed-out visitors go to the sign-in page and come back to where they were going. */
function RequireSession() {
  const { token } = useSession();
  const location = useLocation();
  if (!token) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
}
