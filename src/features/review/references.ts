import { and, eq, inArray } from 'drizzle-orm';
import { isStaff } from '../../platform/auth/access.js';
import { existingIds, type ReferenceCheck } from '../../platform/http/references.js';
import { submissions } from '../calls/model.js';
import { reviewers } from './model.js';

export const reviewReferences: Record<string, ReferenceCheck> = {
  /** An entry of a call: staff any; a reviewer those of the calls whose panel they accepted. */
  submission: async (ctx, actor, ids) => {
    if (!actor) return [];
    if (isStaff(actor)) return existingIds(ctx.db, submissions.id, ids);
    const rows = await ctx.db
      .selectDistinct({ id: submissions.id })
      .from(submissions)
      .innerJoin(
        reviewers,
        and(eq(reviewers.callId, submissions.callId), eq(reviewers.userId, actor.userId), eq(reviewers.status, 'accepted')),
      )
      .where(inArray(submissions.id, ids));
    return rows.map((r) => r.id);
  },
  /** A reviewer's place in a call's pool: staff only. */
  reviewer: async (ctx, actor, ids) => (isStaff(actor) ? existingIds(ctx.db, reviewers.id, ids) : []),
};
