import type { WebFeature } from '../../../web/feature';
import { callsTexts } from './i18n';
import { AdminCallPage, AdminCallsPage, CallPage, CallsPage, MySubmissionsPage, SubmissionPage } from './pages';

export const callsWeb: WebFeature = {
  name: 'calls',
  i18n: callsTexts,
  publicRoutes: [
    { path: 'calls', element: <CallsPage /> },
    { path: 'calls/:id', element: <CallPage /> },
  ],
  appRoutes: [
    { path: '/my/submissions', element: <MySubmissionsPage /> },
    { path: '/my/submissions/:id', element: <SubmissionPage /> },
  ],
  adminRoutes: [
    { path: 'calls', element: <AdminCallsPage /> },
    { path: 'calls/:id', element: <AdminCallPage /> },
  ],
  publicNav: [{ to: '/calls', label: 'calls:nav.calls' }],
  accountNav: [{ to: '/my/submissions', label: 'calls:nav.mine' }],
  adminNav: [{ to: '/admin/calls', label: 'calls:nav.admin', roles: ['secretariat'] }],
};
