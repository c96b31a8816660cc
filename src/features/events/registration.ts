import { and, asc, desc, eq, inArray, isNotNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { audit, auditTrail } from '../../platform/audit/index.js';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { fail, invalid, notFound } from '../../platform/http/errors.js';
import { urlOf } from '../../platform/http/contract.js';
import { pageUrl, siteUrl } from '../../platform/http/urls.js';
import { localize, pickLocale, type Locale } from '../../platform/i18n/index.js';
import { localesOf } from '../accounts/index.js';
import { listCountries } from '../directory/index.js';
import {
  eventsApi,
  eventsErrors,
  eventsPages,
  type Registrant,
  type RegistrationInput,
  type RegistrationStatus,
  type SignupStatus,
} from './contract.js';
import { sendEventMail } from './mails.js';
import { checkins, events, eventSessions, invitations, registrations, signups, type FormField } from './model.js';
import { canManageEvent } from './policy.js';
import { getEventRow, signToken, verifyToken, visibleEvent, type EventRow } from './service.js';

const nameOf = (t: Record<string, string | undefined>, locale: string) => localize(t, locale as Locale).text;

// Capacity: the session row is the lock and the counter.

interface SignupResult {
  sessionId: string;
  status: 'confirmed' | 'waitlisted';
  arrival: number;
  /** Place on the waitlist when the sign-up is new and waitlisted. */
  position: number | null;
  created: boolean;
}

/**
 * Signs a registration up for a session. The session row is the lock and the
 * counter: one conditional UPDATE takes the next arrival number and either a
 * seat or a waitlist place, in every process and on both engines, and holds
 * the row until commit. Nobody jumps the waitlist: a seat is taken directly
 * only when no one is waiting. Signing up twice returns the first sign-up.
 * `fresh` (a registration created in this transaction) skips the look-up of
 * an earlier sign-up; `eventId` refuses sessions of another event.
 */
export async function signUp(
  tx: DbOrTx,
  registrationId: string,
  sessionId: string,
  opts: { fresh?: boolean; eventId?: string } = {},
): Promise<SignupResult> {
  if (opts.fresh) return freshSignUp(tx, registrationId, sessionId, opts.eventId);
  const [existing] = await tx
    .select()
    .from(signups)
    .where(and(eq(signups.sessionId, sessionId), eq(signups.registrationId, registrationId)));
  if (existing && existing.status !== 'cancelled')
    return { sessionId, status: existing.status as 'confirmed' | 'waitlisted', arrival: existing.arrival, position: null, created: false };
  const seat = sql`(${eventSessions.capacity} is null or (${eventSessions.confirmed} < ${eventSessions.capacity} and ${eventSessions.waiting} = 0))`;
  const [s] = await tx
    .update(eventSessions)
    .set({
      arrivals: sql`${eventSessions.arrivals} + 1`,
      confirmed: sql`${eventSessions.confirmed} + ${seat}::int`,
      waiting: sql`${eventSessions.waiting} + (not ${seat})::int`,
    })
    .where(opts.eventId ? and(eq(eventSessions.id, sessionId), eq(eventSessions.eventId, opts.eventId)) : eq(eventSessions.id, sessionId))
    .returning({ capacity: eventSessions.capacity, waiting: eventSessions.waiting, arrival: eventSessions.arrivals });
  if (!s) throw opts.eventId ? invalid('sessions', 'a session is not part of this event') : notFound();
  // A seat was taken iff nobody is waiting after the update (a waitlist place makes waiting ≥ 1).
  const status = s.capacity == null || s.waiting === 0 ? 'confirmed' : 'waitlisted';
  const arrival = s.arrival;
  if (existing) {
    // Only from cancelled: a twin request that re-activated it first makes this one roll back.
    const [row] = await tx
      .update(signups)
      .set({ status, arrival, createdAt: new Date(), promotedAt: null })
      .where(and(eq(signups.id, existing.id), eq(signups.status, 'cancelled')))
      .returning({ id: signups.id });
    if (!row) throw fail(eventsErrors, 'already_signed_up', 'This sign-up was just made by another request.');
  } else {
    const [row] = await tx
      .insert(signups)
      .values({ sessionId, registrationId, status, arrival })
      .onConflictDoNothing()
      .returning({ id: signups.id });
    if (!row) throw fail(eventsErrors, 'already_signed_up', 'This sign-up was just made by another request.');
  }
  return { sessionId, status, arrival, position: status === 'waitlisted' ? s.waiting : null, created: true };
}

/**
 * The same for a registration made in this transaction (so it has no earlier
 * sign-up), in one statement: the seat is the last thing before the commit,
 * and the session row stays locked for the shortest time.
 */
async function freshSignUp(tx: DbOrTx, registrationId: string, sessionId: string, eventId?: string): Promise<SignupResult> {
  const res = (await tx.execute(sql`
    with s as (
      update event_sessions set
        arrivals = arrivals + 1,
        confirmed = confirmed + (capacity is null or (confirmed < capacity and waiting = 0))::int,
        waiting = waiting + (not (capacity is null or (confirmed < capacity and waiting = 0)))::int
      where id = ${sessionId} ${eventId ? sql`and event_id = ${eventId}` : sql``}
      returning capacity, waiting, arrivals)
    insert into event_signups (session_id, registration_id, status, arrival)
    select ${sessionId}, ${registrationId}, case when s.capacity is null or s.waiting = 0 then 'confirmed' else 'waitlisted' end, s.arrivals from s
    returning status, arrival, (select waiting from s) as waiting`)) as unknown as {
    rows: Array<{ status: 'confirmed' | 'waitlisted'; arrival: string | number; waiting: number }>;
  };
  const [row] = res.rows;
  if (!row) throw eventId ? invalid('sessions', 'a session is not part of this event') : notFound();
  return {
    sessionId,
    status: row.status,
    arrival: Number(row.arrival),
    position: row.status === 'waitlisted' ? row.waiting : null,
    created: true,
  };
}

/** Nobody signs up for a cancelled session. */
async function refuseCancelled(tx: DbOrTx, sessionIds: string[]) {
  if (!sessionIds.length) return;
  const [gone] = await tx
    .select({ id: eventSessions.id })
    .from(eventSessions)
    .where(and(inArray(eventSessions.id, sessionIds), isNotNull(eventSessions.cancelledAt)))
    .limit(1);
  if (gone) throw fail(eventsErrors, 'session_cancelled', 'This session is cancelled.');
}

/** Gives free seats to the waitlist, first come first served, with an e-mail each. */
export async function promote(tx: DbOrTx, sessionId: string) {
  const [s] = await tx
    .select({
      capacity: eventSessions.capacity,
      confirmed: eventSessions.confirmed,
      waiting: eventSessions.waiting,
      title: eventSessions.title,
      eventId: eventSessions.eventId,
    })
    .from(eventSessions)
    .where(eq(eventSessions.id, sessionId))
    .for('update');
  if (!s) return 0;
  const free = s.capacity == null ? s.waiting : Math.min(s.waiting, s.capacity - s.confirmed);
  if (free <= 0) return 0;
  const next = await tx
    .select({
      id: signups.id,
      registrationId: signups.registrationId,
      email: registrations.email,
      name: registrations.name,
      userId: registrations.userId,
    })
    .from(signups)
    .innerJoin(registrations, eq(registrations.id, signups.registrationId))
    .where(and(eq(signups.sessionId, sessionId), eq(signups.status, 'waitlisted')))
    .orderBy(asc(signups.arrival))
    .limit(free);
  if (!next.length) return 0;
  await tx
    .update(signups)
    .set({ status: 'confirmed', promotedAt: new Date() })
    .where(
      inArray(
        signups.id,
        next.map((n) => n.id),
      ),
    );
  await tx
    .update(eventSessions)
    .set({ confirmed: s.confirmed + next.length, waiting: s.waiting - next.length })
    .where(eq(eventSessions.id, sessionId));
  const ev = await getEventRow(tx, s.eventId);
  const localeOf = await localesOf(
    tx,
    next.map((n) => n.userId),
  );
  for (const n of next) {
    const locale = localeOf.get(n.userId) ?? 'en';
    await sendEventMail(tx, 'promotion', n.email, locale, {
      name: n.name,
      event: nameOf(ev.name, locale),
      session: nameOf(s.title, locale),
      link: pageUrl(eventsPages.myRegistration, { id: n.registrationId }, pickLocale(locale)),
    });
    await audit(tx, {
      actor: null,
      action: 'event_signup.promote',
      entity: 'event_registration',
      entityId: n.registrationId,
      after: { sessionId },
    });
  }
  return next.length;
}

/** Cancels a sign-up and hands the seat to the first person waiting, in the same transaction. */
export async function cancelSignup(tx: DbOrTx, registrationId: string, sessionId: string) {
  const [s] = await tx
    .select({ confirmed: eventSessions.confirmed, waiting: eventSessions.waiting })
    .from(eventSessions)
    .where(eq(eventSessions.id, sessionId))
    .for('update');
  if (!s) throw notFound();
  const [su] = await tx
    .select()
    .from(signups)
    .where(and(eq(signups.sessionId, sessionId), eq(signups.registrationId, registrationId)));
  if (!su || su.status === 'cancelled') return false;
  await tx.update(signups).set({ status: 'cancelled' }).where(eq(signups.id, su.id));
  await tx
    .update(eventSessions)
    .set(su.status === 'confirmed' ? { confirmed: s.confirmed - 1 } : { waiting: s.waiting - 1 })
    .where(eq(eventSessions.id, sessionId));
  await promote(tx, sessionId);
  return true;
}

async function cancelAllSignups(tx: DbOrTx, registrationId: string) {
  const mine = await tx
    .select({ sessionId: signups.sessionId })
    .from(signups)
    .where(and(eq(signups.registrationId, registrationId), ne(signups.status, 'cancelled')))
    .orderBy(asc(signups.sessionId));
  for (const m of mine) await cancelSignup(tx, registrationId, m.sessionId);
}

// Form

function fieldShown(f: FormField, answers: Record<string, string | boolean>) {
  if (!f.showIf) return true;
  return answers[f.showIf.field] === f.showIf.equals;
}

/** Checks the answers against the event's form; hidden conditional fields are dropped. */
export function checkAnswers(fields: FormField[], answers: Record<string, string | boolean>) {
  const out: Record<string, string | boolean> = {};
  for (const k of Object.keys(answers)) if (!fields.some((f) => f.key === k)) throw invalid(`answers.${k}`, 'not a field of this form');
  for (const f of fields) {
    if (!fieldShown(f, answers)) continue;
    const v = answers[f.key];
    const empty = v === undefined || v === '' || (f.type === 'checkbox' && v !== true && f.required);
    if (empty) {
      if (f.required) throw invalid(`answers.${f.key}`, 'required');
      continue;
    }
    if (f.type === 'checkbox' && typeof v !== 'boolean') throw invalid(`answers.${f.key}`, 'must be true or false');
    if (f.type !== 'checkbox' && typeof v !== 'string') throw invalid(`answers.${f.key}`, 'must be text');
    if (f.type === 'select' && !f.options?.some((o) => o.value === v)) throw invalid(`answers.${f.key}`, 'not one of the options');
    if (f.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(String(v))) throw invalid(`answers.${f.key}`, 'must be a date YYYY-MM-DD');
    if (f.type === 'country' && !/^[A-Z]{2}$/.test(String(v))) throw invalid(`answers.${f.key}`, 'must be a country code');
    out[f.key] = v;
  }
  return out;
}

// Registrations

export type RegistrationRow = typeof registrations.$inferSelect;

/** `taken`: the sign-ups just made for a new registration, which are then all it has (saves reading them back). */
export async function presentRegistration(db: DbOrTx, reg: RegistrationRow, ev?: EventRow, taken?: SignupResult[]) {
  const e = ev ?? (await getEventRow(db, reg.eventId));
  const mine = taken
    ? []
    : await db
        .select()
        .from(signups)
        .where(and(eq(signups.registrationId, reg.id), ne(signups.status, 'cancelled')))
        .orderBy(asc(signups.createdAt));
  const withPos: Array<{ sessionId: string; status: SignupStatus; arrival: number; position: number | null }> = (taken ?? []).map((t) => ({
    sessionId: t.sessionId,
    status: t.status,
    arrival: t.arrival,
    position: t.position,
  }));
  for (const s of mine) {
    let position: number | null = null;
    if (s.status === 'waitlisted') {
      const [{ n }] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(signups)
        .where(and(eq(signups.sessionId, s.sessionId), eq(signups.status, 'waitlisted'), lt(signups.arrival, s.arrival)));
      position = n + 1;
    }
    withPos.push({ sessionId: s.sessionId, status: s.status, arrival: s.arrival, position });
  }
  const online = reg.attendance === 'online' && reg.status === 'approved';
  return {
    id: reg.id,
    eventId: reg.eventId,
    userId: reg.userId,
    category: reg.category,
    attendance: reg.attendance,
    status: reg.status,
    reason: reg.reason,
    name: reg.name,
    nameLatin: reg.nameLatin,
    organization: reg.organization,
    countryCode: reg.countryCode,
    email: reg.email,
    answers: reg.answers,
    visaRef: reg.visaRef,
    visaIssuedAt: reg.visaIssuedAt,
    visaRevokedAt: reg.visaRevokedAt,
    visaRevokeReason: reg.visaRevokeReason,
    badgeRevoked: !!reg.badgeRevokedAt,
    accessUrl: online
      ? siteUrl(urlOf(eventsApi.onlineAccess, { params: { slug: e.slug }, query: { t: await signToken(db, 'o', [reg.id]) } }))
      : null,
    createdAt: reg.createdAt,
    signups: withPos,
  };
}

/**
 * A registration as its event's staff read it on its own page: what presentRegistration shows its holder,
 * and the person's declared group and gender, the event's form to read the answers by, where the badge and
 * the visa letter stand, the sessions with their titles, the check-ins and the history in the audit log.
 */
export async function presentRegistrant(db: DbOrTx, reg: RegistrationRow): Promise<Registrant> {
  const ev = await getEventRow(db, reg.eventId);
  const base = await presentRegistration(db, reg, ev);
  const titles = new Map(
    base.signups.length
      ? (
          await db
            .select({ id: eventSessions.id, title: eventSessions.title, startsAt: eventSessions.startsAt, endsAt: eventSessions.endsAt })
            .from(eventSessions)
            .where(
              inArray(
                eventSessions.id,
                base.signups.map((x) => x.sessionId),
              ),
            )
        ).map((x) => [x.id, x])
      : [],
  );
  const attended = await db
    .select({ at: checkins.at, sessionId: checkins.sessionId, sessionTitle: eventSessions.title })
    .from(checkins)
    .leftJoin(eventSessions, eq(eventSessions.id, checkins.sessionId))
    .where(eq(checkins.registrationId, reg.id))
    .orderBy(asc(checkins.at));
  const category = ev.categories.find((c) => c.key === reg.category);
  const approved = reg.status === 'approved';
  const visaLetter = reg.visaRevokedAt
    ? ('revoked' as const)
    : reg.visaRef
      ? ('issued' as const)
      : approved && reg.attendance === 'on-site' && reg.countryCode !== 'CN' && reg.answers.passport_number
        ? ('ready' as const)
        : ('none' as const);
  return {
    ...base,
    // Checked against the contract's lists when written.
    stakeholderGroup: reg.stakeholderGroup as Registrant['stakeholderGroup'],
    gender: reg.gender as Registrant['gender'],
    decidedAt: reg.decidedAt,
    event: { id: ev.id, slug: ev.slug, name: ev.name, timeZone: ev.timeZone, startDate: ev.startDate, endDate: ev.endDate },
    categoryName: category?.name ?? null,
    formFields: ev.formFields,
    badge: {
      state: reg.badgeRevokedAt ? ('revoked' as const) : approved ? ('issued' as const) : ('none' as const),
      version: reg.badgeVersion,
    },
    visaLetter,
    sessions: base.signups.flatMap((x) => {
      const t = titles.get(x.sessionId);
      return t
        ? [{ sessionId: x.sessionId, title: t.title, startsAt: t.startsAt, endsAt: t.endsAt, status: x.status, position: x.position }]
        : [];
    }),
    checkins: attended,
    history: await auditTrail(db, [{ entity: 'event_registration', ids: [reg.id] }]),
  };
}

export async function getRegistration(db: DbOrTx, id: string) {
  const [r] = await db.select().from(registrations).where(eq(registrations.id, id));
  if (!r) throw notFound();
  return r;
}

/** The accepted (or open) invitation this person holds for the event, if any. */
async function invitationOf(tx: DbOrTx, actor: Actor, eventId: string) {
  const [inv] = await tx
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.eventId, eventId),
        ne(invitations.status, 'declined'),
        sql`(${invitations.userId} = ${actor.userId} or ${invitations.email} = ${actor.email.toLowerCase()})`,
      ),
    )
    .limit(1);
  return inv ?? null;
}

/**
 * Registers the signed-in person for an event, and signs them up for the
 * sessions they picked. One registration per person and event: submitting
 * twice (double click, retry, two tabs) returns the first one.
 */
export async function register(
  db: Db,
  actor: Actor,
  eventId: string,
  input: RegistrationInput,
  isMember: (tx: DbOrTx) => Promise<boolean>,
) {
  const done = await db.transaction(async (tx) => {
    // An event the caller may not see is not found, whether or not registration is open.
    const ev = await visibleEvent(tx, actor, () => isMember(tx), eventId);
    if (!ev.registrationOpen || ev.status !== 'published')
      throw fail(eventsErrors, 'registration_closed', 'Registration for this event is not open.');
    const cat = ev.categories.find((c) => c.key === input.category);
    if (!cat) throw invalid('category', 'not a category of this event');
    if (!cat.attendance.includes(input.attendance)) throw invalid('attendance', `this category attends ${cat.attendance.join(' or ')}`);
    if (input.attendance === 'on-site' && ev.mode === 'online') throw invalid('attendance', 'this event is online only');
    if (input.attendance === 'online' && ev.mode === 'in-person') throw invalid('attendance', 'this event is in person only');
    const inv = await invitationOf(tx, actor, eventId);
    if (ev.visibility === 'invitation' && !inv) throw notFound();
    if (cat.invitationOnly && inv?.category !== cat.key)
      throw fail(eventsErrors, 'invitation_required', 'This category is open to invited guests only.');
    const answers = checkAnswers(ev.formFields, input.answers);
    // Sessions are checked to belong to this event where their seats are taken, at the end.
    const sessionIds = [...new Set(input.sessions)].sort();
    await refuseCancelled(tx, sessionIds);
    const status: RegistrationStatus = input.attendance === 'online' ? 'approved' : 'pending';
    const values = {
      eventId,
      userId: actor.userId,
      invitationId: inv?.id ?? null,
      category: cat.key,
      attendance: input.attendance,
      status,
      name: input.name,
      nameLatin: input.nameLatin ?? null,
      organization: input.organization ?? null,
      countryCode: input.countryCode ?? null,
      stakeholderGroup: input.stakeholderGroup ?? null,
      gender: input.gender ?? null,
      email: actor.email.toLowerCase(),
      answers,
      decidedAt: status === 'approved' ? new Date() : null,
    };
    let [reg] = await tx.insert(registrations).values(values).onConflictDoNothing().returning();
    const fresh = !!reg;
    let created = fresh;
    if (!reg) {
      // Someone (this person, a moment ago) registered first: that one stands.
      [reg] = await tx
        .select()
        .from(registrations)
        .where(and(eq(registrations.eventId, eventId), eq(registrations.userId, actor.userId)));
      if (reg.status === 'cancelled') {
        [reg] = await tx
          .update(registrations)
          .set({ ...values, reason: null, createdAt: new Date() })
          .where(eq(registrations.id, reg.id))
          .returning();
        created = true;
      }
    }
    if (created) {
      if (inv && inv.status !== 'accepted')
        await tx
          .update(invitations)
          .set({ status: 'accepted', userId: actor.userId, respondedAt: new Date() })
          .where(eq(invitations.id, inv.id));
      await sendEventMail(tx, status === 'approved' ? 'approval' : 'confirmation', reg.email, actor.locale, {
        name: reg.name,
        event: nameOf(ev.name, actor.locale),
        link: pageUrl(eventsPages.myRegistration, { id: reg.id }, pickLocale(actor.locale)),
      });
      await audit(tx, {
        actor,
        action: 'event_registration.create',
        entity: 'event_registration',
        entityId: reg.id,
        after: { category: reg.category, attendance: reg.attendance, sessions: sessionIds },
      });
      // Seats last, just before the commit: the session rows stay locked as briefly as possible.
      // Sessions are locked in id order, so two registrations never wait on each other in a cycle.
      const taken: SignupResult[] = [];
      for (const sid of sessionIds) taken.push(await signUp(tx, reg.id, sid, { fresh, eventId }));
      if (fresh) return { created, reg, ev, taken };
    }
    return { created, reg, ev, taken: undefined };
  });
  return { created: done.created, registration: await presentRegistration(db, done.reg, done.ev, done.taken) };
}

export async function addSignup(db: Db, actor: Actor, reg: RegistrationRow, sessionId: string) {
  return db.transaction(async (tx) => {
    if (reg.status === 'cancelled' || reg.status === 'rejected')
      throw fail(eventsErrors, 'registration_inactive', 'This registration is not active.');
    const [s] = await tx.select({ eventId: eventSessions.eventId }).from(eventSessions).where(eq(eventSessions.id, sessionId));
    if (!s || s.eventId !== reg.eventId) throw notFound();
    await refuseCancelled(tx, [sessionId]);
    const r = await signUp(tx, reg.id, sessionId);
    if (r.created) await audit(tx, { actor, action: 'event_signup.create', entity: 'event_registration', entityId: reg.id, after: r });
    return presentRegistration(tx, await getRegistration(tx, reg.id));
  });
}

export async function removeSignup(db: Db, actor: Actor, reg: RegistrationRow, sessionId: string) {
  return db.transaction(async (tx) => {
    if (await cancelSignup(tx, reg.id, sessionId))
      await audit(tx, { actor, action: 'event_signup.cancel', entity: 'event_registration', entityId: reg.id, after: { sessionId } });
    return presentRegistration(tx, await getRegistration(tx, reg.id));
  });
}

export async function cancelRegistration(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const [reg] = await tx.select().from(registrations).where(eq(registrations.id, id)).for('update');
    if (!reg) throw notFound();
    if (reg.status !== 'cancelled') {
      await cancelAllSignups(tx, id);
      // Badge and visa letter go with the registration: a consulate checking the letter sees it revoked.
      const now = new Date();
      await tx
        .update(registrations)
        .set({ status: 'cancelled', badgeRevokedAt: now, visaRevokedAt: reg.visaRef ? (reg.visaRevokedAt ?? now) : null })
        .where(eq(registrations.id, id));
      await audit(tx, {
        actor,
        action: 'event_registration.cancel',
        entity: 'event_registration',
        entityId: id,
        before: { status: reg.status },
        after: reg.visaRef && !reg.visaRevokedAt ? { visaLetterRevoked: reg.visaRef } : undefined,
      });
    }
    return presentRegistration(tx, await getRegistration(tx, id));
  });
}

/** Accreditation: a pending on-site registration is approved, or rejected with a reason (which frees its seats). */
export async function decide(db: Db, actor: Actor, id: string, decision: 'approve' | 'reject', reason: string | undefined) {
  await applyDecision(db, actor, id, decision, reason);
  return presentRegistration(db, await getRegistration(db, id));
}

/**
 * Accreditation of one registration (alone or among many): approve, or reject with a reason, a pending one; the
 * holder's mail and the audit entry go with it. False when it already was so (nothing to do, nothing written).
 */
export async function applyDecision(db: Db, actor: Actor, id: string, decision: 'approve' | 'reject', reason: string | undefined) {
  return db.transaction(async (tx) => {
    const [reg] = await tx.select().from(registrations).where(eq(registrations.id, id)).for('update');
    if (!reg) throw notFound();
    const target = decision === 'approve' ? 'approved' : 'rejected';
    if (reg.status === target) return false;
    if (reg.status !== 'pending')
      throw fail(eventsErrors, 'not_pending', `This registration is ${reg.status}; only pending ones are decided.`);
    if (decision === 'reject' && !reason) throw invalid('reason', 'give the reason for a rejection');
    if (decision === 'reject') await cancelAllSignups(tx, id);
    await tx
      .update(registrations)
      .set({ status: target, reason: reason ?? null, decidedAt: new Date() })
      .where(eq(registrations.id, id));
    const ev = await getEventRow(tx, reg.eventId);
    const locale = (await localesOf(tx, [reg.userId])).get(reg.userId) ?? 'en';
    await sendEventMail(tx, decision === 'approve' ? 'approval' : 'rejection', reg.email, locale, {
      name: reg.name,
      event: nameOf(ev.name, locale),
      reason: reason ?? '',
      link: pageUrl(eventsPages.myRegistration, { id }, pickLocale(locale)),
    });
    await audit(tx, {
      actor,
      action: `event_registration.${decision}`,
      entity: 'event_registration',
      entityId: id,
      before: { status: reg.status },
      after: { status: target, reason },
    });
    return true;
  });
}

export async function listRegistrations(db: DbOrTx, eventId: string, q: { status?: RegistrationStatus; category?: string } = {}) {
  const where = [eq(registrations.eventId, eventId)];
  if (q.status) where.push(eq(registrations.status, q.status));
  if (q.category) where.push(eq(registrations.category, q.category));
  return db
    .select()
    .from(registrations)
    .where(and(...where))
    .orderBy(asc(registrations.createdAt), asc(registrations.id));
}

export const myRegistrations = (db: DbOrTx, userId: string) =>
  db.select().from(registrations).where(eq(registrations.userId, userId)).orderBy(asc(registrations.createdAt));

/** The registrations of an organization's people (their accounts) or given under one of its names, newest event first. */
export async function organizationRegistrations(db: DbOrTx, ties: { userIds: string[]; names: string[] }) {
  const by: SQL[] = [];
  if (ties.userIds.length) by.push(inArray(registrations.userId, ties.userIds));
  if (ties.names.length) by.push(inArray(sql`lower(trim(${registrations.organization}))`, ties.names));
  if (!by.length) return [];
  const rows = await db
    .select({
      id: registrations.id,
      eventId: registrations.eventId,
      event: events.name,
      startDate: events.startDate,
      endDate: events.endDate,
      categories: events.categories,
      name: registrations.name,
      nameLatin: registrations.nameLatin,
      category: registrations.category,
      attendance: registrations.attendance,
      status: registrations.status,
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(or(...by))
    .orderBy(desc(events.startDate), asc(registrations.name));
  return rows.map(({ categories, ...r }) => ({ ...r, categoryName: categories.find((c) => c.key === r.category)?.name ?? null }));
}

// Badges and check-in

export const badgeToken = (db: DbOrTx, reg: { id: string; badgeVersion: number }) => signToken(db, 'b', [reg.id, String(reg.badgeVersion)]);

export async function revokeBadge(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const reg = await getRegistration(tx, id);
    await tx.update(registrations).set({ badgeRevokedAt: new Date() }).where(eq(registrations.id, id));
    await audit(tx, {
      actor,
      action: 'event_badge.revoke',
      entity: 'event_registration',
      entityId: id,
      before: { badgeVersion: reg.badgeVersion },
    });
  });
}

/** Issues a fresh badge (the old QR code stops working). */
export async function reissueBadge(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const reg = await getRegistration(tx, id);
    await tx
      .update(registrations)
      .set({ badgeRevokedAt: null, badgeVersion: reg.badgeVersion + 1 })
      .where(eq(registrations.id, id));
    await audit(tx, {
      actor,
      action: 'event_badge.reissue',
      entity: 'event_registration',
      entityId: id,
      after: { badgeVersion: reg.badgeVersion + 1 },
    });
  });
}

export type CheckinResult = {
  result: 'ok' | 'already' | 'revoked' | 'not_accredited' | 'not_signed_up';
  firstAt?: Date;
  registration: {
    id: string;
    name: string;
    nameLatin: string | null;
    organization: string | null;
    category: string;
    countryCode: string | null;
  };
};

/** Records attendance for the event or one session; warns (never fails silently) on a second scan, a revoked badge or a person not accredited. */
export async function checkIn(
  db: Db,
  actor: Actor,
  eventId: string,
  input: { token?: string; registrationId?: string; sessionId?: string | null },
): Promise<CheckinResult> {
  return db.transaction(async (tx) => {
    let regId = input.registrationId;
    let version: number | null = null;
    if (input.token) {
      const parts = await verifyToken(tx, 'b', input.token);
      if (!parts) throw fail(eventsErrors, 'badge_invalid', 'This code is not a badge of ours.');
      [regId] = parts;
      version = Number(parts[1]);
    }
    const [reg] = await tx.select().from(registrations).where(eq(registrations.id, regId!));
    if (!reg || reg.eventId !== eventId) throw notFound();
    const who = {
      id: reg.id,
      name: reg.name,
      nameLatin: reg.nameLatin,
      organization: reg.organization,
      category: reg.category,
      countryCode: reg.countryCode,
    };
    if (reg.badgeRevokedAt || (version !== null && version !== reg.badgeVersion)) return { result: 'revoked', registration: who };
    if (reg.status !== 'approved') return { result: 'not_accredited', registration: who };
    if (input.sessionId) {
      const [s] = await tx
        .select({ eventId: eventSessions.eventId, capacity: eventSessions.capacity })
        .from(eventSessions)
        .where(eq(eventSessions.id, input.sessionId));
      if (!s || s.eventId !== eventId) throw notFound();
      if (s.capacity != null) {
        const [su] = await tx
          .select({ status: signups.status })
          .from(signups)
          .where(and(eq(signups.sessionId, input.sessionId), eq(signups.registrationId, reg.id)));
        if (su?.status !== 'confirmed') return { result: 'not_signed_up', registration: who };
      }
    }
    const [row] = await tx
      .insert(checkins)
      .values({ registrationId: reg.id, sessionId: input.sessionId ?? null, byUserId: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      const [first] = await tx
        .select({ at: checkins.at })
        .from(checkins)
        .where(
          and(
            eq(checkins.registrationId, reg.id),
            input.sessionId ? eq(checkins.sessionId, input.sessionId) : sql`${checkins.sessionId} is null`,
          ),
        );
      return { result: 'already', firstAt: first?.at, registration: who };
    }
    await audit(tx, {
      actor,
      action: 'event_checkin.create',
      entity: 'event_registration',
      entityId: reg.id,
      after: { sessionId: input.sessionId ?? null },
    });
    return { result: 'ok', registration: who };
  });
}

export async function searchAttendees(db: DbOrTx, eventId: string, q: string) {
  const pattern = `%${q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return db
    .select({
      id: registrations.id,
      name: registrations.name,
      nameLatin: registrations.nameLatin,
      organization: registrations.organization,
      category: registrations.category,
      status: registrations.status,
      countryCode: registrations.countryCode,
    })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        sql`(${registrations.name} ilike ${pattern} or ${registrations.nameLatin} ilike ${pattern} or ${registrations.email} ilike ${pattern})`,
      ),
    )
    .orderBy(asc(registrations.name))
    .limit(20);
}

// Figures

/** Delegates: accredited (approved) registrations, the one definition the home page and the events' figures share. */
export async function delegateCount(db: DbOrTx, eventId?: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(and(eq(registrations.status, 'approved'), eventId ? eq(registrations.eventId, eventId) : undefined));
  return r?.n ?? 0;
}

/**
 * Registrations waiting for accreditation, per event, for the staff overview: only the events whose
 * accreditation queue the caller may open (canManageEvent, the queue's rule), soonest event first.
 */
export async function pendingRegistrationsByEvent(db: DbOrTx, actor: Actor) {
  const rows = await db
    .select({ eventId: events.id, name: events.name, count: sql<number>`count(*)::int` })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(eq(registrations.status, 'pending'))
    .groupBy(events.id)
    .orderBy(asc(events.startDate), asc(events.id));
  return rows.filter((r) => canManageEvent(actor, r.eventId));
}

export async function figures(db: DbOrTx, eventId: string) {
  const rows = await db
    .select({
      status: registrations.status,
      attendance: registrations.attendance,
      countryCode: registrations.countryCode,
      group: registrations.stakeholderGroup,
      gender: registrations.gender,
    })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), ne(registrations.status, 'cancelled'), ne(registrations.status, 'rejected')));
  const attended = await db
    .select({ id: checkins.registrationId })
    .from(checkins)
    .innerJoin(registrations, eq(registrations.id, checkins.registrationId))
    .where(and(eq(registrations.eventId, eventId), sql`${checkins.sessionId} is null`));
  const continentOf = new Map((await listCountries(db)).map((c) => [c.code, c.continent]));
  const count = (key: (r: (typeof rows)[number]) => string | null | undefined) => {
    const m: Record<string, number> = {};
    for (const r of rows) {
      const k = key(r) ?? 'unknown';
      m[k] = (m[k] ?? 0) + 1;
    }
    return m;
  };
  return {
    total: rows.length,
    delegates: rows.filter((r) => r.status === 'approved').length,
    checkedIn: attended.length,
    byStatus: count((r) => r.status),
    byAttendance: count((r) => r.attendance),
    byCountry: count((r) => r.countryCode),
    byContinent: count((r) => (r.countryCode ? continentOf.get(r.countryCode) : null)),
    byStakeholderGroup: count((r) => r.group),
    byGender: count((r) => r.gender),
    countries: new Set(rows.map((r) => r.countryCode).filter(Boolean)).size,
  };
}

// Privacy

/** Everything the events feature holds about a person: registrations (with sign-ups and check-ins) and invitations. */
export async function eventsPersonalData(db: DbOrTx, s: { userId: string | null; email: string | null }) {
  const regs = s.userId ? await db.select().from(registrations).where(eq(registrations.userId, s.userId)) : [];
  const ids = regs.map((r) => r.id);
  const invs = await db
    .select({
      id: invitations.id,
      eventId: invitations.eventId,
      category: invitations.category,
      email: invitations.email,
      name: invitations.name,
      status: invitations.status,
      sentAt: invitations.sentAt,
      respondedAt: invitations.respondedAt,
    })
    .from(invitations)
    .where(sql`${invitations.userId} = ${s.userId} or ${invitations.email} = ${s.email?.toLowerCase() ?? ''}`);
  return {
    registrations: regs,
    signups: ids.length ? await db.select().from(signups).where(inArray(signups.registrationId, ids)) : [],
    checkins: ids.length
      ? await db
          .select({ registrationId: checkins.registrationId, sessionId: checkins.sessionId, at: checkins.at })
          .from(checkins)
          .where(inArray(checkins.registrationId, ids))
      : [],
    invitations: invs,
  };
}

/** Erasure: names, e-mail, answers and passport data go; country, stakeholder group, gender and attendance stay for the figures. */
export async function eraseEventsData(tx: DbOrTx, s: { userId: string | null; email: string | null }) {
  if (s.userId)
    await tx
      .update(registrations)
      .set({
        name: 'erased',
        nameLatin: null,
        organization: null,
        email: sql`'erased-' || ${registrations.id} || '@erased.invalid'`,
        answers: {},
        visaRef: null,
        visaIssuedAt: null,
        visaRevokedAt: null,
        visaRevokeReason: null,
        badgeRevokedAt: new Date(),
      })
      .where(eq(registrations.userId, s.userId));
  await tx
    .update(invitations)
    .set({ name: 'erased', email: sql`'erased-' || ${invitations.id} || '@erased.invalid'` })
    .where(sql`${invitations.userId} = ${s.userId} or ${invitations.email} = ${s.email?.toLowerCase() ?? ''}`);
}

/** Where an online access link leads: only for an approved online registration of that event. */
export async function onlineAccessTarget(db: DbOrTx, slug: string, token: string) {
  const parts = await verifyToken(db, 'o', token);
  if (!parts) return null;
  const [row] = await db
    .select({ status: registrations.status, attendance: registrations.attendance, slug: events.slug, onlineUrl: events.onlineUrl })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(eq(registrations.id, parts[0]));
  if (row?.status !== 'approved' || row.attendance !== 'online' || row.slug !== slug) return null;
  return { slug: row.slug, onlineUrl: row.onlineUrl };
}
