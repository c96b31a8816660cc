import { inArray } from 'drizzle-orm';
import { isStaff, type Actor } from '../../platform/auth/access.js';
import { existingIds, type ReferenceCheck } from '../../platform/http/references.js';
import type { Ctx } from '../../platform/http/types.js';
import { eventSeries, eventSessions, invitationChannels, registrations, rooms } from './model.js';
import { canManageEvent } from './policy.js';
import { visibleEvent } from './service.js';

/** The rows whose event the caller runs (staff run every event). */
function ofManagedEvents(actor: Actor | null, rows: Array<{ id: string; eventId: string }>) {
  return rows.filter((r) => canManageEvent(actor, r.eventId)).map((r) => r.id);
}

/** The events among `eventIds` the caller may see (managers always; otherwise published and open to them). */
async function visibleEventIds(ctx: Ctx, actor: Actor | null, eventIds: string[]) {
  const out = new Set<string>();
  for (const id of new Set(eventIds)) {
    try {
      await visibleEvent(ctx.db, actor, () => ctx.membership.isMember(actor), id);
      out.add(id);
    } catch {
      // not visible: not allowed
    }
  }
  return out;
}

export const eventReferences: Record<string, ReferenceCheck> = {
  /** A series an event belongs to: staff and event managers pick among all. */
  eventSeries: async (ctx, actor, ids) =>
    isStaff(actor) || actor?.scopes.some((s) => s.role === 'event_manager') ? existingIds(ctx.db, eventSeries.id, ids) : [],
  /** A room of an event the caller runs. */
  room: async (ctx, actor, ids) =>
    ofManagedEvents(actor, await ctx.db.select({ id: rooms.id, eventId: rooms.eventId }).from(rooms).where(inArray(rooms.id, ids))),
  /** An invitation channel of an event the caller runs. */
  invitationChannel: async (ctx, actor, ids) =>
    ofManagedEvents(
      actor,
      await ctx.db
        .select({ id: invitationChannels.id, eventId: invitationChannels.eventId })
        .from(invitationChannels)
        .where(inArray(invitationChannels.id, ids)),
    ),
  /** A registration the caller owns, or one of an event they run. */
  registration: async (ctx, actor, ids) => {
    const rows = await ctx.db
      .select({ id: registrations.id, eventId: registrations.eventId, userId: registrations.userId })
      .from(registrations)
      .where(inArray(registrations.id, ids));
    return rows.filter((r) => actor && (r.userId === actor.userId || canManageEvent(actor, r.eventId))).map((r) => r.id);
  },
  /** A session of an event the caller may see. */
  session: async (ctx, actor, ids) => {
    const rows = await ctx.db
      .select({ id: eventSessions.id, eventId: eventSessions.eventId })
      .from(eventSessions)
      .where(inArray(eventSessions.id, ids));
    const visible = await visibleEventIds(
      ctx,
      actor,
      rows.map((r) => r.eventId),
    );
    return rows.filter((r) => visible.has(r.eventId)).map((r) => r.id);
  },
  /** An event the caller may see (e.g. a group's meeting held at it). */
  event: async (ctx, actor, ids) => visibleEventIds(ctx, actor, ids),
};
