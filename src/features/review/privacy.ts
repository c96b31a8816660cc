import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import type { DataSubject } from '../../platform/http/types.js';
import { assignments, discussion, reviewers, reviews } from './model.js';

const mineAsReviewer = (s: DataSubject) =>
  or(s.userId ? eq(reviewers.userId, s.userId) : sql`false`, s.personId ? eq(reviewers.personId, s.personId) : sql`false`);

/** What the review holds about a person: their places on panels, their reviews, their discussion posts. */
export async function reviewPersonalData(db: Db, s: DataSubject) {
  const panels = await db
    .select({
      id: reviewers.id,
      callId: reviewers.callId,
      round: reviewers.round,
      status: reviewers.status,
      expertise: reviewers.expertise,
      capacity: reviewers.capacity,
    })
    .from(reviewers)
    .where(mineAsReviewer(s));
  const written = panels.length
    ? await db
        .select({
          submissionId: assignments.submissionId,
          scores: reviews.scores,
          total: reviews.total,
          commentCommittee: reviews.commentCommittee,
          commentApplicant: reviews.commentApplicant,
          status: reviews.status,
        })
        .from(reviews)
        .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
        .where(
          inArray(
            assignments.reviewerId,
            panels.map((p) => p.id),
          ),
        )
    : [];
  const posts = s.userId
    ? await db
        .select({ submissionId: discussion.submissionId, body: discussion.body, createdAt: discussion.createdAt })
        .from(discussion)
        .where(eq(discussion.authorId, s.userId))
    : [];
  return { reviewerPanels: panels, reviews: written, discussion: posts };
}

/** Erasure: reviewer places lose their address, discussion posts their author's name. Scores stay for the figures. */
export async function eraseReviewData(tx: DbOrTx, s: DataSubject) {
  await tx
    .update(reviewers)
    .set({ email: sql`'erased-' || ${reviewers.id} || '@invalid'`, userId: null })
    .where(mineAsReviewer(s));
  if (s.userId)
    await tx
      .update(discussion)
      .set({ authorName: '(erased)' })
      .where(and(eq(discussion.authorId, s.userId), isNotNull(discussion.authorName)));
}
