import { ApplicantFeedback } from './ApplicantFeedback';
import { AssignmentTab } from './AssignmentTab';
import { EntryReviews } from './EntryReviews';
import { RankingTab } from './RankingTab';
import { ReviewersTab } from './ReviewersTab';
import { reviewPages } from '../contract';
import { at, lazyNamed, type WebFeature } from '../../../web/feature';
import { reviewTexts } from './i18n';

const ReviewerDashboard = lazyNamed(() => import('./ReviewerDashboard'), 'ReviewerDashboard');
const ReviewPage = lazyNamed(() => import('./ReviewPage'), 'ReviewPage');

/** The reviewers' pages. */
export const reviewWeb: WebFeature = {
  name: 'review',
  i18n: reviewTexts,
  pages: [at(reviewPages.dashboard, <ReviewerDashboard />), at(reviewPages.review, <ReviewPage />)],
  accountNav: [{ page: reviewPages.dashboard, label: 'review:nav' }],
};

/** What the review adds to the calls' pages: tabs of a call's staff page, the reviews of an entry, the applicant's feedback. */
export const reviewCallAdditions = {
  tabs: [
    { value: 'reviewers', label: 'calls:admin.reviewers', panel: ReviewersTab },
    { value: 'assignment', label: 'calls:admin.assignment', panel: AssignmentTab },
    { value: 'ranking', label: 'calls:admin.ranking', panel: RankingTab },
  ],
  entryDetail: EntryReviews,
  feedback: ApplicantFeedback,
};
