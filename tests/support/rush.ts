import crypto from 'node:crypto';
import http from 'node:http';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { users } from '../../src/features/accounts/model.js';
import { createSession as createLoginSession } from '../../src/features/accounts/service.js';
import { events } from '../../src/features/events/model.js';
import * as svc from '../../src/features/events/service.js';
import { openDatabase, type Database } from '../../src/platform/db/index.js';

/** A new, migrated database on a PostgreSQL server (the benchmarks and fault tests each use their own). */
export async function createPgDatabase(serverUrl: string) {
  const name = `wz_rush_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), poolSize: 10 });
  await database.migrate();
  return {
    url: u.toString(),
    database,
    async drop() {
      await database.close().catch(() => {});
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface Person {
  email: string;
  cookie: string;
  csrf: string;
}

/** People with a signed-in session each, as a browser would hold after signing in. */
export async function people(database: Database, n: number, prefix = 'p'): Promise<Person[]> {
  const out: Person[] = [];
  for (let i = 0; i < n; i++) {
    const email = `${prefix}${i}@rush.example`;
    const [row] = await database.db
      .insert(users)
      .values({ email, name: `${prefix.toUpperCase()} ${i}` })
      .returning();
    const sess = await createLoginSession(database.db, row.id, 1, {});
    out.push({ email, cookie: `wz_session=${sess.token}`, csrf: sess.csrfToken });
  }
  return out;
}

/** A published event open for registration, with one session of `capacity` seats. */
export async function rushEvent(database: Database, slug: string, capacity: number) {
  const ev = await svc.createEvent(database.db, null, {
    slug,
    kind: 'summit',
    name: { en: 'Rush' },
    startDate: '2026-12-08',
    endDate: '2026-12-10',
    timeZone: 'Asia/Shanghai',
    mode: 'hybrid',
    visibility: 'public',
    registrationOpen: true,
  });
  await database.db.update(events).set({ status: 'published' }).where(eq(events.id, ev.id));
  const s = await svc.createSession(database.db, null, ev.id, {
    kind: 'sub-forum',
    title: { en: 'Rush' },
    startsAt: new Date('2026-12-08T01:00:00Z'),
    endsAt: new Date('2026-12-08T02:00:00Z'),
    capacity,
  });
  return { eventId: ev.id, sessionId: s.id };
}

export interface Answer {
  status: number;
  /** The seat the server confirmed to the client: confirmed or waitlisted. */
  seat?: string;
  /** A network failure (connection refused or reset) instead of an answer. */
  error?: string;
  ms: number;
  at: number;
}

/** One registration over HTTP, on a connection of its own, as from its own browser. */
export async function register(
  agent: http.Agent,
  baseUrl: string,
  who: Person,
  eventId: string,
  sessionId: string,
  timeoutMs = 30_000,
): Promise<Answer> {
  const body = JSON.stringify({ category: 'delegate', attendance: 'online', name: who.email, sessions: [sessionId] });
  const start = performance.now();
  try {
    const r = await post(
      agent,
      `${baseUrl}/api/v1/events/${eventId}/registrations`,
      { 'content-type': 'application/json', cookie: who.cookie, 'x-csrf-token': who.csrf },
      body,
      timeoutMs,
    );
    const seat = r.status === 200 || r.status === 201 ? (JSON.parse(r.body).signups?.[0]?.status as string | undefined) : undefined;
    return { status: r.status, seat, ms: performance.now() - start, at: performance.now() };
  } catch (err) {
    return { status: 0, error: (err as NodeJS.ErrnoException).code ?? String(err), ms: performance.now() - start, at: performance.now() };
  }
}

export function post(agent: http.Agent, url: string, headers: Record<string, string>, body: string, timeoutMs = 30_000) {
  return request(agent, url, 'POST', { ...headers, 'content-length': String(Buffer.byteLength(body)) }, body, timeoutMs);
}

export function request(
  agent: http.Agent,
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
  timeoutMs = 30_000,
) {
  return new Promise<{ status: number; body: string; type: string }>((resolve, reject) => {
    const req = http.request(url, { method, agent, headers, timeout: timeoutMs }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data, type: String(res.headers['content-type'] ?? '') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * What the database holds for a rush session; every count but `confirmed`,
 * `waitlisted` and `registrations` must be 0.
 */
export async function rushState(database: Database, eventId: string, sessionId: string, capacity: number) {
  const [c] = await database.rows<Record<string, number>>(sql`
    with s as (select status, arrival, registration_id, row_number() over (order by arrival) as rank from event_signups where session_id = ${sessionId})
    select
      (select count(*) from s where status = 'confirmed')::int as confirmed,
      (select count(*) from s where status = 'waitlisted')::int as waitlisted,
      (select count(*) from event_registrations where event_id = ${eventId})::int as registrations,
      greatest(0, (select count(*) from s where status = 'confirmed') - ${capacity})::int as overbooked,
      ((select count(*) from event_registrations where event_id = ${eventId}) - (select count(distinct user_id) from event_registrations where event_id = ${eventId}))::int as duplicate_registrations,
      ((select count(*) from s) - (select count(distinct registration_id) from s))::int as duplicate_signups,
      (select count(*) from s where status = 'waitlisted' and arrival < (select coalesce(max(arrival), 0) from s where status = 'confirmed'))::int as waitlist_order,
      (select count(*) from s where arrival <> rank)::int as arrival_gaps,
      (select abs(e.confirmed - (select count(*) from s where status = 'confirmed')) + abs(e.waiting - (select count(*) from s where status = 'waitlisted')) + abs(e.arrivals - (select count(*) from s)) from event_sessions e where e.id = ${sessionId})::int as counter_mismatch,
      (select count(*) from event_registrations r where r.event_id = ${eventId} and not exists (select 1 from s where s.registration_id = r.id))::int as registrations_without_seat`);
  return c;
}

/** Every answer a client got (201 or 200) must be in the database with the same seat; returns the mismatches. */
export async function answersMissing(database: Database, sessionId: string, answered: Array<{ email: string; seat?: string }>) {
  const rows = await database.rows<{ email: string; status: string }>(sql`
    select r.email, s.status from event_signups s join event_registrations r on r.id = s.registration_id where s.session_id = ${sessionId}`);
  const held = new Map(rows.map((r) => [r.email, r.status]));
  return answered
    .filter((a) => held.get(a.email) !== a.seat)
    .map((a) => `${a.email}: told ${a.seat}, database ${held.get(a.email) ?? 'nothing'}`);
}
