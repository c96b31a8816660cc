import type { Feature } from '../../platform/http/types.js';
import { seedReviewDemo } from './demo.js';
import { eraseReviewData, reviewPersonalData } from './privacy.js';
import { reviewReferences } from './references.js';
import { reviewRoutes } from './routes.js';
import { sendReminders } from './service.js';
import { reviewPages } from './contract.js';

export const review: Feature = {
  name: 'review',
  pages: reviewPages,
  references: reviewReferences,
  routes: reviewRoutes,
  seedDemo: seedReviewDemo,
  personalData: (ctx, s) => reviewPersonalData(ctx.db, s),
  erase: (tx, s) => eraseReviewData(tx, s),
  jobs(runner, ctx) {
    // Daily reminders to reviewers with unsubmitted reviews.
    runner.register('review.reminders', async () => void (await sendReminders(ctx.db)), 24 * 3_600_000);
  },
};
/** Why a reviewer may not review a submission, or null (e.g. to check that a change of affiliations shows in conflicts). */
export { conflictReason } from './service.js';
/** For the staff overview: reviews still to come and entries without a reviewer, per call; the caller's own reviews to write. */
export { myReviewsToWrite, reviewBacklog } from './service.js';
