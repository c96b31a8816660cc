import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { isStaff } from '../../platform/auth/access.js';
import { existingIds, type ReferenceCheck } from '../../platform/http/references.js';
import { affiliations, organizations, people } from './model.js';

const contactOf = (scopes: Array<{ role: string; scopeType: string; scopeId: string }>) =>
  scopes.filter((s) => s.role === 'org_contact' && s.scopeType === 'organization').map((s) => s.scopeId);

export const directoryReferences: Record<string, ReferenceCheck> = {
  /** Any organization of the directory, named (a partner, the organization an invitee represents). */
  organization: (ctx, actor, ids) => (actor ? existingIds(ctx.db, organizations.id, ids) : Promise.resolve([])),
  /** An organization the caller acts for: one they are a contact of or currently affiliated with; staff any. */
  ownOrganization: async (ctx, actor, ids) => {
    if (!actor) return [];
    if (isStaff(actor)) return existingIds(ctx.db, organizations.id, ids);
    const contact = contactOf(actor.scopes);
    const affiliated = await ctx.db
      .select({ id: affiliations.organizationId })
      .from(affiliations)
      .innerJoin(people, eq(people.id, affiliations.personId))
      .where(
        and(
          inArray(affiliations.organizationId, ids),
          eq(people.userId, actor.userId),
          or(isNull(affiliations.endDate), gte(affiliations.endDate, sql`current_date`)),
        ),
      );
    const mine = new Set([...contact, ...affiliated.map((a) => a.id)]);
    return existingIds(
      ctx.db,
      organizations.id,
      ids.filter((id) => mine.has(id)),
    );
  },
  /** A person of the directory: staff and event managers (who name speakers and guests) may use anyone; others only themselves. */
  person: async (ctx, actor, ids) => {
    if (!actor) return [];
    const runsEvents = isStaff(actor) || actor.scopes.some((s) => s.role === 'event_manager');
    return existingIds(ctx.db, people.id, ids, runsEvents ? undefined : eq(people.userId, actor.userId));
  },
};
