import { isStaff, type Actor } from '../../platform/auth/access.js';
import type { Ctx } from '../../platform/http/types.js';
import type { Visibility } from '../../platform/search/index.js';

/** What a viewer may find: anyone public things, members also members' things, staff everything. */
export async function visibleTo(ctx: Ctx, actor: Actor | null): Promise<Visibility[]> {
  if (isStaff(actor)) return ['public', 'members', 'staff'];
  if (actor && (await ctx.membership.isMember(actor))) return ['public', 'members'];
  return ['public'];
}
