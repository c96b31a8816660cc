import crypto from 'node:crypto';
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { readSheet } from '../../platform/exports/index.js';
import { AppError, fail, notFound } from '../../platform/http/errors.js';
import { localize, pickLocale, type Locale } from '../../platform/i18n/index.js';
import { invitationInput, type InvitationInput, eventsErrors } from './contract.js';
import { pageUrl } from '../../platform/http/urls.js';
import { eventsPages } from './contract.js';
import { sendEventMail } from './mails.js';
import { invitationChannels, invitations } from './model.js';
import { getEventRow, signToken, verifyToken } from './service.js';

/** The invitation page, in the guest's language. */
export const inviteLink = (locale: string, token: string) => pageUrl(eventsPages.invitation, { token }, pickLocale(locale));

const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export async function createChannel(db: Db, actor: Actor | null, eventId: string, input: { name: string; quota: number }) {
  return db.transaction(async (tx) => {
    await getEventRow(tx, eventId);
    const [row] = await tx
      .insert(invitationChannels)
      .values({ eventId, ...input })
      .returning();
    await audit(tx, { actor, action: 'event_channel.create', entity: 'event_channel', entityId: row.id, after: input });
    return row;
  });
}

export async function updateChannel(db: Db, actor: Actor, id: string, input: { name: string; quota: number }) {
  return db.transaction(async (tx) => {
    const [cur] = await tx.select().from(invitationChannels).where(eq(invitationChannels.id, id)).for('update');
    if (!cur) throw notFound();
    if (input.quota < cur.used) throw fail(eventsErrors, 'quota_below_used', `${cur.used} invitations already count against this channel.`);
    const [row] = await tx.update(invitationChannels).set(input).where(eq(invitationChannels.id, id)).returning();
    await audit(tx, { actor, action: 'event_channel.update', entity: 'event_channel', entityId: id, before: cur, after: row });
    return row;
  });
}

export const listChannels = (db: DbOrTx, eventId: string) =>
  db.select().from(invitationChannels).where(eq(invitationChannels.eventId, eventId)).orderBy(asc(invitationChannels.name));

const presentInvitation = (i: typeof invitations.$inferSelect) => ({
  id: i.id,
  eventId: i.eventId,
  channelId: i.channelId,
  category: i.category,
  email: i.email,
  name: i.name,
  locale: i.locale,
  status: i.status,
  sentAt: i.sentAt,
  openedAt: i.openedAt,
  respondedAt: i.respondedAt,
  remindedAt: i.remindedAt,
});

/**
 * Invites one person. The channel's quota is taken by one conditional UPDATE
 * (used = used + 1 where used < quota): concurrent invitations through the same
 * channel can never exceed it. Returns the personal link's token once.
 */
export async function invite(tx: DbOrTx, actor: Actor, eventId: string, input: InvitationInput) {
  const ev = await getEventRow(tx, eventId);
  const email = input.email.toLowerCase();
  const [dup] = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.eventId, eventId), eq(invitations.email, email)));
  if (dup) throw fail(eventsErrors, 'already_invited', `${email} is already invited to this event.`);
  if (input.channelId) {
    const [ch] = await tx
      .select({ eventId: invitationChannels.eventId })
      .from(invitationChannels)
      .where(eq(invitationChannels.id, input.channelId));
    if (!ch || ch.eventId !== eventId) throw notFound();
    const taken = await tx
      .update(invitationChannels)
      .set({ used: sql`${invitationChannels.used} + 1` })
      .where(and(eq(invitationChannels.id, input.channelId), lt(invitationChannels.used, invitationChannels.quota)))
      .returning({ used: invitationChannels.used });
    if (!taken.length) throw fail(eventsErrors, 'quota_exceeded', 'This channel has used all its invitations.');
  }
  const id = crypto.randomUUID();
  const token = await signToken(tx, 'i', [id]);
  const [row] = await tx
    .insert(invitations)
    .values({
      id,
      eventId,
      channelId: input.channelId ?? null,
      category: input.category,
      email,
      name: input.name,
      locale: input.locale,
      personId: input.personId ?? null,
      tokenHash: sha(token),
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw fail(eventsErrors, 'already_invited', `${email} is already invited to this event.`);
  await sendEventMail(tx, 'invitation', email, input.locale, {
    name: input.name,
    event: localize(ev.name, input.locale as Locale).text,
    link: inviteLink(input.locale, token),
  });
  await audit(tx, {
    actor,
    action: 'event_invitation.create',
    entity: 'event_invitation',
    entityId: row.id,
    after: { email, category: input.category, channelId: input.channelId },
  });
  return { invitation: presentInvitation(row), token };
}

export async function inviteOne(db: Db, actor: Actor, eventId: string, input: InvitationInput) {
  return db.transaction((tx) => invite(tx, actor, eventId, input));
}

/** CSV/XLSX columns: email, name, category, channel (a channel's name), locale. All rows or none. */
export async function importInvitations(db: Db, actor: Actor, eventId: string, data: Buffer, filename: string, dryRun: boolean) {
  const rows = await readSheet(data, filename);
  const channels = await listChannels(db, eventId);
  const errors: Array<{ line: number; field: string; message: string }> = [];
  const parsed: Array<{ line: number; input: InvitationInput }> = [];
  for (const r of rows) {
    const ch = r.values.channel ? channels.find((c) => c.name === r.values.channel) : undefined;
    if (r.values.channel && !ch) {
      errors.push({ line: r.line, field: 'channel', message: `no channel named ${r.values.channel}` });
      continue;
    }
    const p = invitationInput.safeParse({
      email: r.values.email,
      name: r.values.name,
      category: (r.values.category ?? '').toLowerCase(),
      channelId: ch?.id ?? null,
      locale: r.values.locale || 'en',
    });
    if (!p.success) for (const i of p.error.issues) errors.push({ line: r.line, field: i.path.join('.'), message: i.message });
    else parsed.push({ line: r.line, input: p.data });
  }
  if (errors.length || dryRun) return { dryRun, rows: rows.length, written: 0, errors };
  try {
    await db.transaction(async (tx) => {
      for (const p of parsed) {
        try {
          await invite(tx, actor, eventId, p.input);
        } catch (err) {
          if (err instanceof AppError)
            errors.push({ line: p.line, field: err.code === 'quota_exceeded' ? 'channel' : 'email', message: err.message });
          else throw err;
        }
      }
      if (errors.length) throw new Error('rollback');
    });
  } catch (err) {
    if ((err as Error).message !== 'rollback') throw err;
    return { dryRun, rows: rows.length, written: 0, errors };
  }
  return { dryRun, rows: rows.length, written: parsed.length, errors };
}

export async function listInvitations(db: DbOrTx, eventId: string) {
  return (await db.select().from(invitations).where(eq(invitations.eventId, eventId)).orderBy(asc(invitations.sentAt))).map(
    presentInvitation,
  );
}

async function byToken(db: DbOrTx, token: string) {
  const parts = await verifyToken(db, 'i', token);
  if (!parts) throw notFound();
  const [row] = await db.select().from(invitations).where(eq(invitations.id, parts[0]));
  if (!row) throw notFound();
  return row;
}

/** Opening the personal link marks the invitation opened. */
export async function openInvitation(db: Db, token: string) {
  return db.transaction(async (tx) => {
    const inv = await byToken(tx, token);
    if (inv.status === 'sent')
      await tx.update(invitations).set({ status: 'opened', openedAt: new Date() }).where(eq(invitations.id, inv.id));
    const ev = await getEventRow(tx, inv.eventId);
    return {
      invitation: presentInvitation({ ...inv, status: inv.status === 'sent' ? 'opened' : inv.status }),
      event: {
        id: ev.id,
        slug: ev.slug,
        name: ev.name,
        startDate: ev.startDate,
        endDate: ev.endDate,
        timeZone: ev.timeZone,
        city: ev.city,
        mode: ev.mode,
      },
    };
  });
}

/** Accepting binds the invitation to the signed-in account; the guest then registers. */
export async function respondInvitation(db: Db, actor: Actor | null, token: string, accept: boolean) {
  return db.transaction(async (tx) => {
    const inv = await byToken(tx, token);
    if (inv.status === 'accepted' && !accept)
      throw fail(eventsErrors, 'already_accepted', 'This invitation was accepted; cancel the registration instead.');
    if (inv.status === 'declined' && accept) throw fail(eventsErrors, 'already_declined', 'This invitation was declined.');
    if ((accept && inv.status === 'accepted') || (!accept && inv.status === 'declined')) return presentInvitation(inv);
    const [row] = await tx
      .update(invitations)
      .set({ status: accept ? 'accepted' : 'declined', respondedAt: new Date(), userId: accept ? actor!.userId : inv.userId })
      .where(eq(invitations.id, inv.id))
      .returning();
    // A declined invitation gives its place in the channel back.
    if (!accept && inv.channelId)
      await tx
        .update(invitationChannels)
        .set({ used: sql`greatest(${invitationChannels.used} - 1, 0)` })
        .where(eq(invitationChannels.id, inv.channelId));
    await audit(tx, { actor, action: `event_invitation.${accept ? 'accept' : 'decline'}`, entity: 'event_invitation', entityId: inv.id });
    return presentInvitation(row);
  });
}

/** Reminds people who have not answered within `afterDays`, once. Runs as a recurring job. */
export async function sendReminders(db: Db, now: Date, afterDays = 5) {
  const due = await db
    .select()
    .from(invitations)
    .where(
      and(
        or(eq(invitations.status, 'sent'), eq(invitations.status, 'opened')),
        isNull(invitations.remindedAt),
        lt(invitations.sentAt, new Date(now.getTime() - afterDays * 86_400_000)),
      ),
    )
    .limit(500);
  for (const inv of due) {
    await db.transaction(async (tx) => {
      const token = await signToken(tx, 'i', [inv.id]);
      const [row] = await tx
        .update(invitations)
        .set({ remindedAt: now })
        .where(and(eq(invitations.id, inv.id), isNull(invitations.remindedAt)))
        .returning();
      if (!row) return;
      const ev = await getEventRow(tx, inv.eventId);
      await sendEventMail(tx, 'reminder', inv.email, inv.locale, {
        name: inv.name,
        event: localize(ev.name, inv.locale as Locale).text,
        link: inviteLink(inv.locale, token),
      });
    });
  }
  return due.length;
}
