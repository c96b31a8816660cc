import crypto from 'node:crypto';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { DbOrTx } from '../../platform/db/index.js';
import { fail, notFound } from '../../platform/http/errors.js';
import { pageUrl } from '../../platform/http/urls.js';
import { eventsErrors, eventsPages } from './contract.js';
import { localize, pickLocale, type Locale } from '../../platform/i18n/index.js';
import { queueMail } from '../../platform/mail/index.js';
import { accountByEmail, grantRole, normalizeEmail, revokeRole, usersWithScope } from '../accounts/index.js';
import { managerMails } from './mails.js';
import { eventManagerInvitations, events } from './model.js';
import { getEventRow } from './service.js';

/** The scoped role that canManageEvent checks; nothing else hangs on it, so revoking it undoes the grant. */
export const managerRole = 'event_manager';
const scopeOf = (eventId: string) => ({ type: 'event', id: eventId });
const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const invitationLife = 14 * 24 * 3600e3;

const managersOf = (db: DbOrTx, eventId: string) => usersWithScope(db, managerRole, 'event', eventId);
const isManager = async (db: DbOrTx, eventId: string, userId: string) => (await managersOf(db, eventId)).some((m) => m.id === userId);

export async function listManagers(db: DbOrTx, eventId: string) {
  await getEventRow(db, eventId);
  const managers = (await managersOf(db, eventId)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const pending = await db
    .select({
      id: eventManagerInvitations.id,
      email: eventManagerInvitations.email,
      createdAt: eventManagerInvitations.createdAt,
      expiresAt: eventManagerInvitations.expiresAt,
    })
    .from(eventManagerInvitations)
    .where(eq(eventManagerInvitations.eventId, eventId))
    .orderBy(asc(eventManagerInvitations.email));
  return {
    managers: managers.map((m) => ({ userId: m.id, name: m.name, email: m.email, since: m.since.toISOString() })),
    pending: pending.map((p) => ({ ...p, createdAt: p.createdAt.toISOString(), expiresAt: p.expiresAt.toISOString() })),
  };
}

/**
 * Staff name a manager. An account with the address gets the role at once (audited);
 * an unknown address gets an invitation to create an account, and the grant waits for its acceptance.
 */
export async function addManager(db: DbOrTx, actor: Actor, eventId: string, emailIn: string) {
  const ev = await getEventRow(db, eventId);
  const email = normalizeEmail(emailIn);
  const u = await accountByEmail(db, email);
  if (u?.disabledAt) throw fail(eventsErrors, 'account_disabled', 'This account is disabled.');
  if (u) {
    if (await isManager(db, eventId, u.id)) throw fail(eventsErrors, 'already_manager', 'This person already manages the event.');
    await grantRole(db, u.id, managerRole, scopeOf(eventId));
    const locale = pickLocale(u.locale) as Locale;
    const m = managerMails.granted[locale];
    const name = localize(ev.name, locale).text;
    await queueMail(db, {
      to: email,
      subject: m.subject(name),
      text: m.body(name, pageUrl(eventsPages.adminEvent, { id: eventId }, locale), u.name),
      locale,
      template: 'events.manager.granted',
    });
    await audit(db, { actor, action: 'event.manager.grant', entity: 'event', entityId: eventId, after: { userId: u.id, email } });
    return { status: 'granted' as const, userId: u.id };
  }
  const [pending] = await db
    .select({ id: eventManagerInvitations.id })
    .from(eventManagerInvitations)
    .where(and(eq(eventManagerInvitations.eventId, eventId), eq(eventManagerInvitations.email, email)));
  if (pending) throw fail(eventsErrors, 'already_invited', 'This address already has a pending invitation to manage the event.');
  const token = crypto.randomBytes(32).toString('base64url');
  const [row] = await db
    .insert(eventManagerInvitations)
    .values({ eventId, email, tokenHash: sha(token), invitedBy: actor.userId, expiresAt: new Date(Date.now() + invitationLife) })
    .returning();
  const locale = pickLocale(actor.locale) as Locale;
  const m = managerMails.invited[locale];
  const name = localize(ev.name, locale).text;
  await queueMail(db, {
    to: email,
    subject: m.subject(name),
    text: m.body(name, pageUrl(eventsPages.managerInvitation, { token }, locale), email),
    locale,
    template: 'events.manager.invited',
  });
  await audit(db, { actor, action: 'event.manager.invite', entity: 'event', entityId: eventId, after: { invitationId: row.id, email } });
  return { status: 'invited' as const, invitationId: row.id };
}

/** Removing a manager takes the role away; the role is all the grant gave. */
export async function removeManager(db: DbOrTx, actor: Actor, eventId: string, userId: string) {
  await getEventRow(db, eventId);
  if (!(await isManager(db, eventId, userId))) throw notFound();
  await revokeRole(db, userId, managerRole, scopeOf(eventId));
  await audit(db, { actor, action: 'event.manager.revoke', entity: 'event', entityId: eventId, before: { userId } });
}

export async function withdrawManagerInvitation(db: DbOrTx, actor: Actor, eventId: string, invitationId: string) {
  const [row] = await db
    .delete(eventManagerInvitations)
    .where(and(eq(eventManagerInvitations.id, invitationId), eq(eventManagerInvitations.eventId, eventId)))
    .returning();
  if (!row) throw notFound();
  await audit(db, {
    actor,
    action: 'event.manager.withdraw',
    entity: 'event',
    entityId: eventId,
    before: { invitationId, email: row.email },
  });
}

async function liveInvitation(db: DbOrTx, token: string) {
  const [row] = await db
    .select({ inv: eventManagerInvitations, eventName: events.name })
    .from(eventManagerInvitations)
    .innerJoin(events, eq(events.id, eventManagerInvitations.eventId))
    .where(and(eq(eventManagerInvitations.tokenHash, sha(token)), gt(eventManagerInvitations.expiresAt, new Date())));
  if (!row) throw notFound();
  return row;
}

/** What the invitation page shows: the event, and whether the signed-in account is the one invited. */
export async function viewManagerInvitation(db: DbOrTx, actor: Actor, token: string) {
  const { inv, eventName } = await liveInvitation(db, token);
  return { eventId: inv.eventId, eventName, email: inv.email, yours: normalizeEmail(actor.email) === inv.email };
}

/** The invited person, signed in with the invited address, takes the role; the invitation row goes. */
export async function acceptManagerInvitation(db: DbOrTx, actor: Actor, token: string) {
  const { inv } = await liveInvitation(db, token);
  if (normalizeEmail(actor.email) !== inv.email)
    throw fail(
      eventsErrors,
      'invitation_other_account',
      'This invitation was sent to another e-mail address; sign in with that address to accept it.',
    );
  await grantRole(db, actor.userId, managerRole, scopeOf(inv.eventId));
  await db.delete(eventManagerInvitations).where(eq(eventManagerInvitations.id, inv.id));
  await audit(db, {
    actor,
    action: 'event.manager.accept',
    entity: 'event',
    entityId: inv.eventId,
    after: { invitationId: inv.id, userId: actor.userId },
  });
  return { eventId: inv.eventId };
}
