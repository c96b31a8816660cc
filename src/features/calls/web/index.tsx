import { callsPages } from '../contract';
import { at, lazyNamed, type WebFeature } from '../../../web/feature';
import type { ComponentType } from 'react';
import type { CallTab } from './AdminCallPage';
import { callsTexts } from './i18n';

const AdminCallPage = lazyNamed(() => import('./AdminCallPage'), 'AdminCallPage');
const AdminCallsPage = lazyNamed(() => import('./AdminCallsPage'), 'AdminCallsPage');
const CallPage = lazyNamed(() => import('./CallPage'), 'CallPage');
const CallsPage = lazyNamed(() => import('./CallsPage'), 'CallsPage');
const MySubmissionsPage = lazyNamed(() => import('./MySubmissionsPage'), 'MySubmissionsPage');
const SubmissionPage = lazyNamed(() => import('./SubmissionPage'), 'SubmissionPage');

/** What another feature (the review) adds to the pages of one call and of one submission. */
export interface CallAdditions {
  tabs: CallTab[];
  entryDetail?: ComponentType<{ submissionId: string }>;
  feedback?: ComponentType<{ submissionId: string }>;
  /** Where a reader of an entry downloads one of its files (the review decides who may: staff, the applicant, its reviewers). */
  fileUrl?: (submissionId: string, fileId: string) => string;
}

/**
 * The calls' pages. The pages of one submission (/my/submissions/:id) and of one
 * call for staff (/admin/calls/:id) show what the review adds to them (its
 * feedback, tabs and entry details), passed in by the web app's feature list.
 */
export const callsWeb = (additions: CallAdditions): WebFeature => ({
  name: 'calls',
  i18n: callsTexts,
  pages: [
    at(callsPages.calls, <CallsPage />),
    at(callsPages.call, <CallPage />),
    at(callsPages.mySubmissions, <MySubmissionsPage />),
    at(callsPages.submission, <SubmissionPage feedback={additions.feedback} fileUrl={additions.fileUrl} />),
    at(callsPages.adminCalls, <AdminCallsPage />),
    at(callsPages.adminCall, <AdminCallPage tabs={additions.tabs} entryDetail={additions.entryDetail} fileUrl={additions.fileUrl} />),
  ],
  publicNav: [{ page: callsPages.calls, label: 'calls:nav.calls' }],
  accountNav: [{ page: callsPages.mySubmissions, label: 'calls:nav.mine' }],
  adminNav: [{ page: callsPages.adminCalls, label: 'calls:nav.admin', roles: ['secretariat'] }],
});
