import crypto from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { fail, invalid, notFound } from '../../platform/http/errors.js';
import { indexDocs, removeDoc, type SearchDoc, type Visibility } from '../../platform/search/index.js';
import { peopleNames } from '../directory/index.js';
import type { LocalizedText } from '../../platform/i18n/index.js';
import { eventsErrors, eventsPages, type EventInput, type SessionInput } from './contract.js';
import {
  eventSecrets,
  events,
  eventSeries,
  eventSessions,
  invitations,
  registrations,
  rooms,
  sessionPeople,
  type RegistrationCategory,
} from './model.js';
import { canManageEvent, canSeeEvent } from './policy.js';
import { pagePath } from '../../platform/http/links.js';

// Secrets and signed tokens

const secretCache = new WeakMap<object, Map<string, Buffer>>();

/** A secret kept in the database, so every server process signs and verifies alike. */
export async function getSecret(db: DbOrTx, name: string): Promise<Buffer> {
  const cache = secretCache.get(db) ?? new Map<string, Buffer>();
  secretCache.set(db, cache);
  const hit = cache.get(name);
  if (hit) return hit;
  await db
    .insert(eventSecrets)
    .values({ name, value: crypto.randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select({ value: eventSecrets.value }).from(eventSecrets).where(eq(eventSecrets.name, name));
  const buf = Buffer.from(row.value, 'base64url');
  cache.set(name, buf);
  return buf;
}

const mac = (secret: Buffer, data: string) => crypto.createHmac('sha256', secret).update(data).digest('base64url').slice(0, 22);

/** Tokens go into paths and QR codes: '~' separates the parts (a '.' would look like a file name to the web server's fallback). */
export async function signToken(db: DbOrTx, purpose: string, parts: string[]) {
  const body = [purpose, ...parts].join('~');
  return `${body}~${mac(await getSecret(db, 'token-hmac'), body)}`;
}

/** Returns the parts of a token signed for this purpose, or null. Constant-time comparison. */
export async function verifyToken(db: DbOrTx, purpose: string, token: string): Promise<string[] | null> {
  const bits = token.trim().split('~');
  if (bits.length < 3 || bits[0] !== purpose) return null;
  const sig = bits.pop()!;
  const expect = mac(await getSecret(db, 'token-hmac'), bits.join('~'));
  if (sig.length !== expect.length || !crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(expect))) return null;
  return bits.slice(1);
}

export const defaultCategories: RegistrationCategory[] = [
  { key: 'vip', name: { en: 'VIP guest', 'zh-Hans': '贵宾' }, color: '#b8860b', invitationOnly: true, attendance: ['on-site'] },
  {
    key: 'speaker',
    name: { en: 'Speaker', 'zh-Hans': '演讲嘉宾' },
    color: '#c0392b',
    invitationOnly: true,
    attendance: ['on-site', 'online'],
  },
  {
    key: 'delegate',
    name: { en: 'Delegate', 'zh-Hans': '代表' },
    color: '#1f6feb',
    invitationOnly: false,
    attendance: ['on-site', 'online'],
  },
  { key: 'media', name: { en: 'Media', 'zh-Hans': '媒体' }, color: '#27ae60', invitationOnly: true, attendance: ['on-site'] },
  { key: 'staff', name: { en: 'Staff', 'zh-Hans': '工作人员' }, color: '#7f8c8d', invitationOnly: true, attendance: ['on-site'] },
];

// Series and events

export async function createSeries(db: Db, actor: Actor | null, input: { slug: string; name: Record<string, string> }) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(eventSeries).values(input).onConflictDoNothing().returning();
    if (!row) throw fail(eventsErrors, 'slug_taken', 'A series with this slug exists.');
    await audit(tx, { actor, action: 'event_series.create', entity: 'event_series', entityId: row.id, after: input });
    return row;
  });
}

export const listSeries = (db: DbOrTx) => db.select().from(eventSeries).orderBy(asc(eventSeries.slug));

const eventColumns = {
  id: events.id,
  seriesId: events.seriesId,
  edition: events.edition,
  slug: events.slug,
  kind: events.kind,
  name: events.name,
  description: events.description,
  theme: events.theme,
  startDate: events.startDate,
  endDate: events.endDate,
  timeZone: events.timeZone,
  city: events.city,
  countryCode: events.countryCode,
  venue: events.venue,
  mode: events.mode,
  visibility: events.visibility,
  status: events.status,
  registrationOpen: events.registrationOpen,
  onlineUrl: events.onlineUrl,
  categories: events.categories,
  formFields: events.formFields,
};
export type EventRow = Awaited<ReturnType<typeof getEventRow>>;

export async function getEventRow(db: DbOrTx, id: string) {
  const [row] = await db.select(eventColumns).from(events).where(eq(events.id, id));
  if (!row) throw notFound();
  return row;
}

const eventValues = (i: EventInput) => ({
  seriesId: i.seriesId ?? null,
  edition: i.edition ?? null,
  slug: i.slug,
  kind: i.kind,
  name: i.name,
  description: i.description ?? {},
  theme: i.theme ?? {},
  startDate: i.startDate,
  endDate: i.endDate,
  timeZone: i.timeZone,
  city: i.city ?? {},
  countryCode: i.countryCode ?? null,
  venue: i.venue ?? {},
  mode: i.mode,
  visibility: i.visibility,
  registrationOpen: i.registrationOpen,
  onlineUrl: i.onlineUrl ?? null,
  categories: i.categories ?? defaultCategories,
  formFields: i.formFields ?? [],
});

export async function createEvent(db: Db, actor: Actor | null, input: EventInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(events).values(eventValues(input)).onConflictDoNothing().returning({ id: events.id });
    if (!row) throw fail(eventsErrors, 'slug_taken', 'An event with this slug exists.');
    await audit(tx, { actor, action: 'event.create', entity: 'event', entityId: row.id, after: input });
    return getEventRow(tx, row.id);
  });
}

export async function updateEvent(db: Db, actor: Actor, id: string, input: EventInput) {
  return db.transaction(async (tx) => {
    const before = await getEventRow(tx, id);
    const [clash] = await tx
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.slug, input.slug), ne(events.id, id)));
    if (clash) throw fail(eventsErrors, 'slug_taken', 'An event with this slug exists.');
    await tx
      .update(events)
      .set({ ...eventValues(input), updatedAt: new Date() })
      .where(eq(events.id, id));
    const after = await getEventRow(tx, id);
    // Every session's calendar entry carries the venue and the zone: a change to them changes every session.
    const place = (e: EventRow) => JSON.stringify([e.venue, e.city, e.timeZone]);
    if (place(after) !== place(before)) await tx.update(eventSessions).set(changed()).where(eq(eventSessions.eventId, id));
    await audit(tx, { actor, action: 'event.update', entity: 'event', entityId: id, before, after });
    if (after.status === 'published') await reindexEvent(tx, id);
    return after;
  });
}

/** Does the viewer hold an invitation to, or a registration for, the event? */
export async function isInvited(db: DbOrTx, actor: Actor | null, eventId: string) {
  if (!actor) return false;
  const [inv] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.eventId, eventId),
        ne(invitations.status, 'declined'),
        or(eq(invitations.userId, actor.userId), eq(invitations.email, actor.email.toLowerCase())),
      ),
    )
    .limit(1);
  if (inv) return true;
  const [reg] = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.userId, actor.userId)))
    .limit(1);
  return !!reg;
}

/** The event if the viewer may see it; 404 otherwise, so existence does not leak. */
/** `isMember` may be a function: it is then asked only for a members-only event. */
export async function visibleEvent(db: DbOrTx, actor: Actor | null, isMember: boolean | (() => Promise<boolean>), idOrSlug: string) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  const [row] = await db
    .select(eventColumns)
    .from(events)
    .where(isUuid ? eq(events.id, idOrSlug) : eq(events.slug, idOrSlug));
  if (!row) throw notFound();
  if (canManageEvent(actor, row.id) || (row.status === 'published' && row.visibility === 'public')) return row;
  const invited = await isInvited(db, actor, row.id);
  const member = typeof isMember === 'function' ? row.visibility === 'members' && !invited && (await isMember()) : isMember;
  if (!canSeeEvent(row, { actor, isMember: member, invited })) throw notFound();
  return row;
}

/**
 * The edition under way or coming next: the published edition of a series that ends first from `today`
 * on; once every edition has ended, the last one. Null when no series has a published edition.
 */
export async function currentEdition(db: DbOrTx, today = new Date().toISOString().slice(0, 10)) {
  const columns = { id: events.id, name: events.name, startDate: events.startDate, endDate: events.endDate };
  const editions = and(eq(events.status, 'published'), isNotNull(events.seriesId));
  const [next] = await db
    .select(columns)
    .from(events)
    .where(and(editions, gte(events.endDate, today)))
    .orderBy(asc(events.endDate), asc(events.id))
    .limit(1);
  if (next) return next;
  const [last] = await db.select(columns).from(events).where(editions).orderBy(desc(events.endDate), asc(events.id)).limit(1);
  return last ?? null;
}

export async function listVisibleEvents(db: DbOrTx, actor: Actor | null, isMember: boolean) {
  const rows = await db.select(eventColumns).from(events).orderBy(sql`${events.startDate} desc`);
  const out = [];
  for (const r of rows) {
    const invited =
      r.visibility === 'invitation' && r.status === 'published' && !canManageEvent(actor, r.id)
        ? await isInvited(db, actor, r.id)
        : r.visibility === 'members' && !isMember
          ? await isInvited(db, actor, r.id)
          : false;
    if (canSeeEvent(r, { actor, isMember, invited })) out.push(r);
  }
  return out;
}

// Rooms

export async function addRoom(db: Db, actor: Actor | null, eventId: string, input: { name: Record<string, string>; capacity: number }) {
  return db.transaction(async (tx) => {
    await getEventRow(tx, eventId);
    const [row] = await tx
      .insert(rooms)
      .values({ eventId, ...input })
      .returning();
    await audit(tx, { actor, action: 'event_room.create', entity: 'event_room', entityId: row.id, after: input });
    return row;
  });
}

export const listRooms = (db: DbOrTx, eventId: string) => db.select().from(rooms).where(eq(rooms.eventId, eventId)).orderBy(asc(rooms.id));

// Sessions

export async function listSessions(
  db: DbOrTx,
  eventId: string,
  filter: { day?: string; room?: string; theme?: string; language?: string } = {},
  tz?: string,
) {
  const where = [eq(eventSessions.eventId, eventId)];
  if (filter.room) where.push(eq(eventSessions.roomId, filter.room));
  if (filter.theme) where.push(eq(eventSessions.theme, filter.theme));
  if (filter.language) where.push(eq(eventSessions.language, filter.language));
  // A "day" is the event's calendar day in its own time zone.
  if (filter.day && tz) where.push(sql`(${eventSessions.startsAt} at time zone ${tz})::date = ${filter.day}::date`);
  const rows = await db
    .select({
      id: eventSessions.id,
      eventId: eventSessions.eventId,
      kind: eventSessions.kind,
      title: eventSessions.title,
      description: eventSessions.description,
      theme: eventSessions.theme,
      language: eventSessions.language,
      startsAt: eventSessions.startsAt,
      endsAt: eventSessions.endsAt,
      roomId: eventSessions.roomId,
      roomName: rooms.name,
      capacity: eventSessions.capacity,
      confirmed: eventSessions.confirmed,
      waiting: eventSessions.waiting,
      coOrganizers: eventSessions.coOrganizers,
      cancelledAt: eventSessions.cancelledAt,
      sequence: eventSessions.sequence,
      updatedAt: eventSessions.updatedAt,
    })
    .from(eventSessions)
    .leftJoin(rooms, eq(rooms.id, eventSessions.roomId))
    .where(and(...where))
    .orderBy(asc(eventSessions.startsAt), asc(eventSessions.id));
  const roles = rows.length
    ? await db
        .select({ sessionId: sessionPeople.sessionId, personId: sessionPeople.personId, role: sessionPeople.role })
        .from(sessionPeople)
        .where(
          inArray(
            sessionPeople.sessionId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(sessionPeople.position))
    : [];
  const names = await peopleNames(
    db,
    roles.map((p) => p.personId),
  );
  const ppl = roles.flatMap((p) => {
    const n = names.get(p.personId);
    return n ? [{ ...p, name: n.name, nameLatin: n.nameLatin }] : [];
  });
  return rows.map(({ cancelledAt, ...r }) => ({
    ...r,
    cancelled: cancelledAt !== null,
    people: ppl.filter((p) => p.sessionId === r.id).map(({ sessionId: _s, ...p }) => p),
  }));
}

/** The program of an event as the agenda page shows it: the filtered sessions, and the days, rooms, themes and languages to filter by. */
export async function agendaOf(db: DbOrTx, ev: EventRow, filter: { day?: string; room?: string; theme?: string; language?: string } = {}) {
  const sessions = await listSessions(db, ev.id, filter, ev.timeZone);
  const all = await listSessions(db, ev.id);
  const present = (list: Array<string | null>) => [...new Set(list.filter((x): x is string => !!x))];
  return {
    event: ev,
    timeZone: ev.timeZone,
    days: [...new Set(all.map((s) => localDate(s.startsAt, ev.timeZone)))].sort(),
    rooms: await listRooms(db, ev.id),
    themes: present(all.map((s) => s.theme)),
    languages: present(all.map((s) => s.language)),
    sessions,
  };
}

export async function getSession(db: DbOrTx, id: string) {
  const [s] = await db.select({ eventId: eventSessions.eventId }).from(eventSessions).where(eq(eventSessions.id, id));
  if (!s) throw notFound();
  const list = await listSessions(db, s.eventId);
  return list.find((x) => x.id === id)!;
}

async function checkRoom(tx: DbOrTx, eventId: string, roomId: string | null | undefined) {
  if (!roomId) return;
  const [r] = await tx
    .select({ id: rooms.id })
    .from(rooms)
    .where(and(eq(rooms.id, roomId), eq(rooms.eventId, eventId)));
  if (!r) throw invalid('roomId', 'no such room at this event');
}

async function writePeople(tx: DbOrTx, sessionId: string, list: SessionInput['people']) {
  if (!list) return;
  await tx.delete(sessionPeople).where(eq(sessionPeople.sessionId, sessionId));
  const seen = new Set<string>();
  const rows = list
    .filter((p) => !seen.has(p.personId) && seen.add(p.personId))
    .map((p, i) => ({ sessionId, personId: p.personId, role: p.role, position: i }));
  if (rows.length) {
    const found = await peopleNames(
      tx,
      rows.map((r) => r.personId),
    );
    if (found.size !== rows.length) throw invalid('people', 'unknown person');
    await tx.insert(sessionPeople).values(rows);
  }
}

/** Every change to a session: calendars see a higher SEQUENCE and the time of the change (DTSTAMP). */
const changed = () => ({ sequence: sql`${eventSessions.sequence} + 1`, updatedAt: new Date() });

const sessionValues = (i: SessionInput) => ({
  kind: i.kind,
  title: i.title,
  description: i.description ?? {},
  theme: i.theme ?? null,
  language: i.language ?? null,
  startsAt: i.startsAt,
  endsAt: i.endsAt,
  roomId: i.roomId ?? null,
  capacity: i.capacity ?? null,
  coOrganizers: i.coOrganizers ?? [],
});

export async function createSession(db: Db, actor: Actor | null, eventId: string, input: SessionInput) {
  return db.transaction(async (tx) => {
    const ev = await getEventRow(tx, eventId);
    await checkRoom(tx, eventId, input.roomId);
    const [row] = await tx
      .insert(eventSessions)
      .values({ eventId, ...sessionValues(input) })
      .returning({ id: eventSessions.id });
    await writePeople(tx, row.id, input.people);
    await audit(tx, { actor, action: 'event_session.create', entity: 'event_session', entityId: row.id, after: input });
    if (ev.status === 'published') await reindexEvent(tx, eventId);
    return getSession(tx, row.id);
  });
}

export async function updateSession(
  db: Db,
  actor: Actor,
  id: string,
  input: SessionInput,
  promote: (tx: DbOrTx, sessionId: string) => Promise<unknown>,
) {
  return db.transaction(async (tx) => {
    // Lock the counter row: capacity changes and sign-ups are serialized.
    const [cur] = await tx
      .select({ eventId: eventSessions.eventId, confirmed: eventSessions.confirmed })
      .from(eventSessions)
      .where(eq(eventSessions.id, id))
      .for('update');
    if (!cur) throw notFound();
    await checkRoom(tx, cur.eventId, input.roomId);
    if (input.capacity != null && input.capacity < cur.confirmed)
      throw fail(
        eventsErrors,
        'capacity_below_confirmed',
        `${cur.confirmed} seats are already confirmed; cancel some first or keep the capacity at least ${cur.confirmed}.`,
      );
    const before = await getSession(tx, id);
    await tx
      .update(eventSessions)
      .set({ ...sessionValues(input), ...changed() })
      .where(eq(eventSessions.id, id));
    await writePeople(tx, id, input.people);
    await promote(tx, id);
    const after = await getSession(tx, id);
    await audit(tx, { actor, action: 'event_session.update', entity: 'event_session', entityId: id, before, after });
    const ev = await getEventRow(tx, cur.eventId);
    if (ev.status === 'published') await reindexEvent(tx, cur.eventId);
    return after;
  });
}

/** Cancels a session (it stays in the program and in calendars, marked), or takes that back. */
export async function setSessionCancelled(db: Db, actor: Actor, id: string, cancelled: boolean) {
  return db.transaction(async (tx) => {
    const [cur] = await tx
      .select({ eventId: eventSessions.eventId, cancelledAt: eventSessions.cancelledAt })
      .from(eventSessions)
      .where(eq(eventSessions.id, id))
      .for('update');
    if (!cur) throw notFound();
    if ((cur.cancelledAt !== null) === cancelled) return getSession(tx, id);
    await tx
      .update(eventSessions)
      .set({ cancelledAt: cancelled ? new Date() : null, ...changed() })
      .where(eq(eventSessions.id, id));
    await audit(tx, {
      actor,
      action: cancelled ? 'event_session.cancel' : 'event_session.reinstate',
      entity: 'event_session',
      entityId: id,
    });
    return getSession(tx, id);
  });
}

export async function deleteSession(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const before = await getSession(tx, id);
    await tx.delete(eventSessions).where(eq(eventSessions.id, id));
    await removeDoc(tx, 'session', id);
    await audit(tx, { actor, action: 'event_session.delete', entity: 'event_session', entityId: id, before });
  });
}

// Conflicts

/** A session a conflict is about, named as people know it; `event` is set when it belongs to another event. */
export interface ConflictSession {
  id: string;
  title: LocalizedText;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  event: LocalizedText | null;
}

export interface Conflict {
  kind: 'room_double_booked' | 'person_double_booked' | 'outside_event_days' | 'room_too_small';
  sessionIds: string[];
  sessions: ConflictSession[];
  /** In English, naming the sessions (the web app says it in the viewer's language from the fields). */
  message: string;
  roomId?: string;
  room?: { name: LocalizedText; capacity: number };
  /** The places the session offers (room_too_small). */
  places?: number;
  personId?: string;
  person?: string;
}

/** The wall-clock date of an instant in a time zone, as YYYY-MM-DD. */
export const localDate = (d: Date, tz: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

const clock = (d: Date, tz: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
const english = (t: LocalizedText) => t.en || t['zh-Hans'] || t['zh-Hant'] || '';
/** A session in an English message: "Title" (2023-11-08 09:00–10:30 Asia/Shanghai), with its event when it is another's. */
const named = (s: ConflictSession) =>
  `"${english(s.title)}" (${s.event ? `${english(s.event)}, ` : ''}${localDate(s.startsAt, s.timeZone)} ${clock(s.startsAt, s.timeZone)}–${clock(s.endsAt, s.timeZone)} ${s.timeZone})`;

/** Everything wrong with the program, shown before publishing. A person is checked across all events. */
export async function findConflicts(db: DbOrTx, eventId: string): Promise<Conflict[]> {
  const ev = await getEventRow(db, eventId);
  const list = await listSessions(db, eventId);
  const roomRows = await listRooms(db, eventId);
  const out: Conflict[] = [];
  const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) =>
    a.startsAt < b.endsAt && b.startsAt < a.endsAt;
  const here = new Map<string, ConflictSession>(
    list.map((s) => [s.id, { id: s.id, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt, timeZone: ev.timeZone, event: null }]),
  );
  const roomOf = (r: { name: LocalizedText; capacity: number }) => ({ name: r.name, capacity: r.capacity });
  for (const s of list) {
    const one = here.get(s.id)!;
    const first = localDate(s.startsAt, ev.timeZone);
    const last = localDate(new Date(s.endsAt.getTime() - 1), ev.timeZone);
    if (first < ev.startDate || last > ev.endDate)
      out.push({
        kind: 'outside_event_days',
        sessionIds: [s.id],
        sessions: [one],
        message: `${named(one)} is outside the event's days ${ev.startDate} – ${ev.endDate}.`,
      });
    const room = roomRows.find((r) => r.id === s.roomId);
    if (room && s.capacity != null && s.capacity > room.capacity)
      out.push({
        kind: 'room_too_small',
        sessionIds: [s.id],
        sessions: [one],
        roomId: room.id,
        room: roomOf(room),
        places: s.capacity,
        message: `${named(one)} offers ${s.capacity} places; its room "${english(room.name)}" seats ${room.capacity}.`,
      });
  }
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i];
      const b = list[j];
      const room = roomRows.find((r) => r.id === a.roomId);
      if (room && a.roomId === b.roomId && overlaps(a, b)) {
        const pair = [here.get(a.id)!, here.get(b.id)!];
        out.push({
          kind: 'room_double_booked',
          sessionIds: [a.id, b.id],
          sessions: pair,
          roomId: room.id,
          room: roomOf(room),
          message: `"${english(room.name)}" is booked for two sessions at once: ${named(pair[0])} and ${named(pair[1])}.`,
        });
      }
    }
  // People: against every session anywhere that overlaps.
  const mine = await db
    .select({
      sessionId: sessionPeople.sessionId,
      personId: sessionPeople.personId,
      startsAt: eventSessions.startsAt,
      endsAt: eventSessions.endsAt,
    })
    .from(sessionPeople)
    .innerJoin(eventSessions, eq(eventSessions.id, sessionPeople.sessionId))
    .where(eq(eventSessions.eventId, eventId));
  if (mine.length) {
    const names = await peopleNames(
      db,
      mine.map((m) => m.personId),
    );
    const all = await db
      .select({
        sessionId: sessionPeople.sessionId,
        personId: sessionPeople.personId,
        startsAt: eventSessions.startsAt,
        endsAt: eventSessions.endsAt,
        title: eventSessions.title,
        eventId: eventSessions.eventId,
        eventName: events.name,
        timeZone: events.timeZone,
      })
      .from(sessionPeople)
      .innerJoin(eventSessions, eq(eventSessions.id, sessionPeople.sessionId))
      .innerJoin(events, eq(events.id, eventSessions.eventId))
      .where(inArray(sessionPeople.personId, [...new Set(mine.map((m) => m.personId))]));
    const seen = new Set<string>();
    for (const a of mine)
      for (const b of all) {
        if (a.personId !== b.personId || a.sessionId === b.sessionId || !overlaps(a, b)) continue;
        const k = [a.personId, ...[a.sessionId, b.sessionId].sort()].join(':');
        if (seen.has(k)) continue;
        seen.add(k);
        const other: ConflictSession = here.get(b.sessionId) ?? {
          id: b.sessionId,
          title: b.title,
          startsAt: b.startsAt,
          endsAt: b.endsAt,
          timeZone: b.timeZone,
          event: b.eventName,
        };
        const pair = [here.get(a.sessionId)!, other];
        const person = names.get(a.personId)?.name ?? '';
        out.push({
          kind: 'person_double_booked',
          sessionIds: [a.sessionId, b.sessionId],
          sessions: pair,
          personId: a.personId,
          person,
          message: `${person || 'Someone'} is due in two sessions at once: ${named(pair[0])} and ${named(pair[1])}.`,
        });
      }
  }
  return out;
}

export async function publishEvent(db: Db, actor: Actor, id: string, force: boolean) {
  return db.transaction(async (tx) => {
    const found = await findConflicts(tx, id);
    if (found.length && !force)
      throw fail(eventsErrors, 'program_conflicts', `The program has ${found.length} conflict(s); fix them or publish anyway.`, {
        extra: { conflicts: found },
      });
    await tx.update(events).set({ status: 'published', updatedAt: new Date() }).where(eq(events.id, id));
    await reindexEvent(tx, id);
    await audit(tx, { actor, action: 'event.publish', entity: 'event', entityId: id, after: { conflicts: found.length } });
    return { event: await getEventRow(tx, id), conflicts: found };
  });
}

export async function setRegistrationOpen(db: Db, actor: Actor, id: string, open: boolean) {
  return db.transaction(async (tx) => {
    await getEventRow(tx, id);
    await tx.update(events).set({ registrationOpen: open, updatedAt: new Date() }).where(eq(events.id, id));
    await audit(tx, { actor, action: open ? 'event.registration_open' : 'event.registration_close', entity: 'event', entityId: id });
    return getEventRow(tx, id);
  });
}

export async function unpublishEvent(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    await tx.update(events).set({ status: 'draft', updatedAt: new Date() }).where(eq(events.id, id));
    await reindexEvent(tx, id);
    await audit(tx, { actor, action: 'event.unpublish', entity: 'event', entityId: id });
    return getEventRow(tx, id);
  });
}

/** An event's search documents: itself and its sessions, with the event's visibility; none unless published to the public or to members. */
async function eventSearchDocs(db: DbOrTx, id: string): Promise<{ docs: SearchDoc[]; sessionIds: string[] }> {
  const ev = await getEventRow(db, id);
  const list = await listSessions(db, id);
  const sessionIds = list.map((s) => s.id);
  if (ev.status !== 'published' || ev.visibility === 'invitation') return { docs: [], sessionIds };
  const visibility: Visibility = ev.visibility === 'members' ? 'members' : 'public';
  const year = Number(ev.startDate.slice(0, 4));
  const docs: SearchDoc[] = [
    {
      kind: 'event',
      id,
      visibility,
      title: ev.name,
      summary: ev.theme,
      body: [ev.description, ev.city, ev.venue],
      url: pagePath(eventsPages.event, { slug: ev.slug }),
      year,
      countryCode: ev.countryCode,
    },
    ...list.map((s) => ({
      kind: 'session',
      id: s.id,
      visibility,
      title: s.title,
      summary: ev.name,
      body: [s.description, s.theme, ...s.people.flatMap((p) => [p.name, p.nameLatin]), ...s.coOrganizers],
      url: pagePath(eventsPages.session, { slug: ev.slug, id: s.id }),
      year,
      countryCode: ev.countryCode,
    })),
  ];
  return { docs, sessionIds };
}

/** Public and members-only events (and their sessions) go into search with the event's visibility; others leave it. */
export async function reindexEvent(tx: DbOrTx, id: string) {
  const { docs, sessionIds } = await eventSearchDocs(tx, id);
  if (!docs.length) {
    await removeDoc(tx, 'event', id);
    for (const s of sessionIds) await removeDoc(tx, 'session', s);
    return;
  }
  await indexDocs(tx, docs);
}

/** Every published event's search documents, for a rebuild of the index (`wuzhen search rebuild`). */
export async function* eventsSearchDocs(db: DbOrTx): AsyncIterable<SearchDoc> {
  const published = await db.select({ id: events.id }).from(events).where(eq(events.status, 'published')).orderBy(asc(events.id));
  for (const { id } of published) yield* (await eventSearchDocs(db, id)).docs;
}
