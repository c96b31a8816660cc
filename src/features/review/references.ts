import { and, eq, inArray } from 'drizzle-orm';
import { isStaff } from '../../platform/auth/access.js';
import { existingIds, type ReferenceCheck } from '../../platform/http/references.js';
import { submissionCalls } from '../calls/index.js';
import { reviewers } from './model.js';

export const reviewReferences: Record<string, ReferenceCheck> = {
  /** An entry of a call: staff any; a reviewer those of the calls whose panel they accepted. */
  submission: async (ctx, actor, ids) => {
    if (!actor) return [];
    const found = await submissionCalls(ctx.db, ids);
    if (isStaff(actor)) return found.map((s) => s.id);
    if (!found.length) return [];
    const panels = await ctx.db
      .selectDistinct({ callId: reviewers.callId })
      .from(reviewers)
      .where(
        and(
          eq(reviewers.userId, actor.userId),
          eq(reviewers.status, 'accepted'),
          inArray(
            reviewers.callId,
            found.map((s) => s.callId),
          ),
        ),
      );
    const mine = new Set(panels.map((p) => p.callId));
    return found.filter((s) => mine.has(s.callId)).map((s) => s.id);
  },
  /** A reviewer's place in a call's pool: staff only. */
  reviewer: async (ctx, actor, ids) => (isStaff(actor) ? existingIds(ctx.db, reviewers.id, ids) : []),
};
