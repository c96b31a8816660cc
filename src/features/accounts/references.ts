import { eq } from 'drizzle-orm';
import { isStaff } from '../../platform/auth/access.js';
import { existingIds, type ReferenceCheck } from '../../platform/http/references.js';
import { users } from './model.js';

export const accountReferences: Record<string, ReferenceCheck> = {
  /** An account: staff may name anyone (e.g. a group's liaison); others only themselves. */
  user: async (ctx, actor, ids) =>
    !actor ? [] : existingIds(ctx.db, users.id, ids, isStaff(actor) ? undefined : eq(users.id, actor.userId)),
};
