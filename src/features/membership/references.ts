import { isStaff } from '../../platform/auth/access.js';
import { existingIds, type ReferenceCheck } from '../../platform/http/references.js';
import { membershipApplications } from './model.js';

export const membershipReferences: Record<string, ReferenceCheck> = {
  /** A membership application: the secretariat's to act on (bulk decisions), any of them. */
  application: async (ctx, actor, ids) => (isStaff(actor) ? existingIds(ctx.db, membershipApplications.id, ids) : []),
};
