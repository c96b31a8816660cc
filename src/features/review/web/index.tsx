import { AdminCallPage, type CallTab, SubmissionPage } from '../../calls/web';
import { callsPages } from '../../calls/contract';
import { reviewPages } from '../contract';
import { at, type WebFeature } from '../../../web/feature';
import { ApplicantFeedback } from './ApplicantFeedback';
import { AssignmentTab } from './AssignmentTab';
import { EntryReviews } from './EntryReviews';
import { reviewTexts } from './i18n';
import { RankingTab } from './RankingTab';
import { ReviewerDashboard } from './ReviewerDashboard';
import { ReviewersTab } from './ReviewersTab';
import { ReviewPage } from './ReviewPage';

/** What the review adds to a call's staff page. */
const callTabs: CallTab[] = [
  { value: 'reviewers', label: 'calls:admin.reviewers', panel: ReviewersTab },
  { value: 'assignment', label: 'calls:admin.assignment', panel: AssignmentTab },
  { value: 'ranking', label: 'calls:admin.ranking', panel: RankingTab },
];

/**
 * The reviewers' pages; and the calls' pages of one submission and of one call,
 * composed with what the review adds to them (the calls never import the review).
 */
export const reviewWeb: WebFeature = {
  name: 'review',
  i18n: reviewTexts,
  pages: [
    at(reviewPages.dashboard, <ReviewerDashboard />),
    at(reviewPages.review, <ReviewPage />),
    at(callsPages.submission, <SubmissionPage feedback={ApplicantFeedback} />),
    at(callsPages.adminCall, <AdminCallPage tabs={callTabs} entryDetail={EntryReviews} />),
  ],
  accountNav: [{ page: reviewPages.dashboard, label: 'review:nav' }],
};
