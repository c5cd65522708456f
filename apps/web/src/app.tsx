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
const WorkingGroups = lazy(() => import('./pages/working-groups'));
const WorkingGroup = lazy(() => import('./pages/working-group'));
const NewWorkingGroup = lazy(() => import('./pages/working-group-form'));
const Organizations = lazy(() => import('./pages/organizations'));
const Organization = lazy(() => import('./pages/organization'));
const NewOrganization = lazy(() => import('./pages/organization').then((m) => ({ default: m.NewOrganizationPage })));
const Application = lazy(() => import('./pages/application'));
const AlliancePriorities = lazy(() => import('./pages/priorities'));
const Priority = lazy(() => import('./pages/priority'));
const NotFound = lazy(() => import('./pages/not-found'));
const Meetings = lazy(() => import('./pages/meetings'));
const Meeting = lazy(() => import('./pages/meeting'));
const MeetingForm = lazy(() => import('./pages/meeting-form'));
const Marketplace = lazy(() => import('./pages/marketplace/list'));
const Capability = lazy(() => import('./pages/marketplace/capability'));
const NewCapability = lazy(() => import('./pages/marketplace/capability').then((m) => ({ default: m.NewCapabilityPage })));
const ResourceNeed = lazy(() => import('./pages/marketplace/need'));
const NewResourceNeed = lazy(() => import('./pages/marketplace/need').then((m) => ({ default: m.NewNeedPage })));
const Introductions = lazy(() => import('./pages/marketplace/introductions'));
const Introduction = lazy(() => import('./pages/marketplace/introductions').then((m) => ({ default: m.IntroductionPage })));
const DataPools = lazy(() => import('./pages/data-pools/list'));
const DataPool = lazy(() => import('./pages/data-pools/detail'));
const NewDataPool = lazy(() => import('./pages/data-pools/new'));
const Proposals = lazy(() => import('./pages/proposals'));
const NewProposal = lazy(() => import('./pages/proposal-new'));
const Proposal = lazy(() => import('./pages/proposal'));
const EditProposal = lazy(() => import('./pages/proposal-edit'));
const Ballots = lazy(() => import('./pages/ballots'));
const Ballot = lazy(() => import('./pages/ballot'));
const AuditLog = lazy(() => import('./pages/audit-log'));
const Privacy = lazy(() => import('./pages/privacy'));

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
                <Route path="working-groups" element={<WorkingGroups />} />
                <Route path="working-groups/new" element={<NewWorkingGroup />} />
                <Route path="working-groups/:id/*" element={<WorkingGroup />} />
                <Route path="organizations" element={<Organizations />} />
                <Route path="organizations/new" element={<NewOrganization />} />
                <Route path="organizations/:id/*" element={<Organization />} />
                <Route path="applications/:id" element={<Application />} />
                <Route path="priorities" element={<AlliancePriorities />} />
                <Route path="priorities/:id" element={<Priority />} />
                <Route path="marketplace" element={<Marketplace />} />
                <Route path="capabilities/new" element={<NewCapability />} />
                <Route path="capabilities/:id" element={<Capability />} />
                <Route path="resource-needs/new" element={<NewResourceNeed />} />
                <Route path="resource-needs/:id" element={<ResourceNeed />} />
                <Route path="introductions" element={<Introductions />} />
                <Route path="introductions/:id" element={<Introduction />} />
                <Route path="data-pools" element={<DataPools />} />
                <Route path="data-pools/new" element={<NewDataPool />} />
                <Route path="data-pools/:id" element={<DataPool />} />
                <Route path="proposals" element={<Proposals />} />
                <Route path="proposals/new" element={<NewProposal />} />
                <Route path="proposals/:id" element={<Proposal />} />
                <Route path="proposals/:id/edit" element={<EditProposal />} />
                <Route path="ballots" element={<Ballots />} />
                <Route path="ballots/:id" element={<Ballot />} />
                <Route path="audit-log" element={<AuditLog />} />
                <Route path="privacy" element={<Privacy />} />
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
