import { hasScope, isStaff, type Actor } from '../../platform/auth/access.js';

/** Staff run every event; an event manager runs the events they are scoped to. */
export const canManageEvent = (actor: Actor | null, eventId: string) =>
  isStaff(actor) || hasScope(actor, 'event_manager', 'event', eventId);

export interface Viewer {
  actor: Actor | null;
  isMember: boolean;
  /** The viewer holds an invitation to (or a registration for) the event. */
  invited: boolean;
}

/**
 * Who sees an event: managers always; otherwise it must be published, and
 * members-only events need a member, invitation-only events an invitation.
 */
export function canSeeEvent(ev: { id: string; status: string; visibility: string }, v: Viewer) {
  if (canManageEvent(v.actor, ev.id)) return true;
  if (ev.status !== 'published') return false;
  if (ev.visibility === 'public') return true;
  if (ev.visibility === 'members') return v.isMember || v.invited;
  return v.invited;
}

/** A registration is seen by its owner and the event's managers only. */
export const canSeeRegistration = (actor: Actor | null, reg: { userId: string; eventId: string }) =>
  !!actor && (actor.userId === reg.userId || canManageEvent(actor, reg.eventId));
