import type { WebFeature } from '../../../web/feature';
import { AdminCallsPage } from './AdminCallsPage';
import { CallPage } from './CallPage';
import { CallsPage } from './CallsPage';
import { callsTexts } from './i18n';
import { MySubmissionsPage } from './MySubmissionsPage';

export { type CallTab, AdminCallPage } from './AdminCallPage';
export { SubmissionPage } from './SubmissionPage';

/**
 * The calls' pages. The pages of one submission (/my/submissions/:id) and of one
 * call for staff (/admin/calls/:id) are composed by the review, which adds its
 * feedback, tabs and entry details to them.
 */
export const callsWeb: WebFeature = {
  name: 'calls',
  i18n: callsTexts,
  publicRoutes: [
    { path: 'calls', element: <CallsPage /> },
    { path: 'calls/:id', element: <CallPage /> },
  ],
  appRoutes: [{ path: '/my/submissions', element: <MySubmissionsPage /> }],
  adminRoutes: [{ path: 'calls', element: <AdminCallsPage /> }],
  publicNav: [{ to: '/calls', label: 'calls:nav.calls' }],
  accountNav: [{ to: '/my/submissions', label: 'calls:nav.mine' }],
  adminNav: [{ to: '/admin/calls', label: 'calls:nav.admin', roles: ['secretariat'] }],
};
