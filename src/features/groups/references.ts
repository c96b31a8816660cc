import { existingIds, type ReferenceCheck } from '../../platform/http/references.js';
import { workingGroups } from './model.js';

export const groupReferences: Record<string, ReferenceCheck> = {
  /** A working group, named (e.g. as the author of a publication): groups are public. */
  group: async (ctx, actor, ids) => (actor ? existingIds(ctx.db, workingGroups.id, ids) : []),
};
