import { isStaff } from '../../platform/auth/access.js';
import { existingIds, type ReferenceCheck } from '../../platform/http/references.js';
import { publications } from './model.js';

export const libraryReferences: Record<string, ReferenceCheck> = {
  /** A publication of the library (e.g. the edition a new one supersedes): staff, who keep the library. */
  publication: async (ctx, actor, ids) => (isStaff(actor) ? existingIds(ctx.db, publications.id, ids) : []),
};
