import { callsPages } from '../contract';
import { at, type WebFeature } from '../../../web/feature';
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
  pages: [
    at(callsPages.calls, <CallsPage />),
    at(callsPages.call, <CallPage />),
    at(callsPages.mySubmissions, <MySubmissionsPage />),
    at(callsPages.adminCalls, <AdminCallsPage />),
  ],
  publicNav: [{ page: callsPages.calls, label: 'calls:nav.calls' }],
  accountNav: [{ page: callsPages.mySubmissions, label: 'calls:nav.mine' }],
  adminNav: [{ page: callsPages.adminCalls, label: 'calls:nav.admin', roles: ['secretariat'] }],
};
