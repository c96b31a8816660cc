import { reviewPages } from '../contract';
import { submissionFileUrl } from './fileUrl';
import { at, lazyNamed, type WebFeature } from '../../../web/feature';
import { ApplicantFeedback } from './ApplicantFeedback';
import { AssignmentTab } from './AssignmentTab';
import { EntryReviews } from './EntryReviews';
import { reviewTexts } from './i18n';
import { RankingTab } from './RankingTab';
import { ReviewerDashboard } from './ReviewerDashboard';
import { ReviewersTab } from './ReviewersTab';

const ReviewPage = lazyNamed(() => import('./ReviewPage'), 'ReviewPage');

/** The reviewers' pages. */
export const reviewWeb: WebFeature = {
  name: 'review',
  i18n: reviewTexts,
  pages: [at(reviewPages.dashboard, <ReviewerDashboard />), at(reviewPages.review, <ReviewPage />)],
  accountNav: [{ page: reviewPages.dashboard, label: 'review:nav' }],
};

/** What the review adds to the calls' pages: tabs of a call's staff page, the reviews of an entry, the applicant's feedback, where an entry's files download. */
export const reviewCallAdditions = {
  tabs: [
    { value: 'reviewers', label: 'calls:admin.reviewers', panel: ReviewersTab },
    { value: 'assignment', label: 'calls:admin.assignment', panel: AssignmentTab },
    { value: 'ranking', label: 'calls:admin.ranking', panel: RankingTab },
  ],
  entryDetail: EntryReviews,
  feedback: ApplicantFeedback,
  fileUrl: submissionFileUrl,
};
