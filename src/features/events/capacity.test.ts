import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createHarness, engine, freshDatabase, type Harness, type TestUser } from '../../test/harness.js';
import { users } from '../accounts/model.js';
import { createSession as createLoginSession } from '../accounts/service.js';
import type { Database } from '../../platform/db/index.js';
import { events as eventsTable } from './model.js';
import * as svc from './service.js';
import { delegate, makeEvent, makeSession, publish } from './testkit.js';

/**
 * Acceptance 2: at least 200 simultaneous registrations at a session of
 * capacity 50 through the HTTP API: exactly 50 confirmed, the rest
 * waitlisted in arrival order, no duplicates.
 */
async function checkRush(database: Database, sessionId: string, people: number) {
  const rows = await database.rows<{ registration_id: string; status: string; arrival: string | number; user_id: string }>(sql`
    select s.registration_id, s.status, s.arrival, r.user_id from event_signups s join event_registrations r on r.id = s.registration_id
    where s.session_id = ${sessionId} order by s.arrival`);
  expect(rows.length).toBe(people);
  expect(new Set(rows.map((r) => r.user_id)).size).toBe(people); // one registration per person
  const arrivals = rows.map((r) => Number(r.arrival));
  expect(arrivals).toEqual(Array.from({ length: people }, (_, i) => i + 1)); // arrival numbers 1..n, no gap, no repeat
  const confirmed = rows.filter((r) => r.status === 'confirmed');
  const waitlisted = rows.filter((r) => r.status === 'waitlisted');
  expect(confirmed.length).toBe(50);
  expect(waitlisted.length).toBe(people - 50);
  // First come, first served: the 50 first arrivals hold the seats, the others wait in arrival order.
  expect(confirmed.map((r) => Number(r.arrival))).toEqual(arrivals.slice(0, 50));
  expect(waitlisted.map((r) => Number(r.arrival))).toEqual(arrivals.slice(50));
  const [counter] = await database.rows<{ confirmed: number; waiting: number }>(sql`select confirmed, waiting from event_sessions where id = ${sessionId}`);
  expect(counter).toEqual({ confirmed: 50, waiting: people - 50 });
}

describe('registration rush through app.inject', () => {
  let h: Harness;
  let staff: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    staff = await h.user({ roles: ['secretariat'] });
  });
  afterAll(() => h.close());

  it('220 simultaneous submits by 200 people at 50 seats: 50 confirmed, 150 waitlisted in arrival order, no duplicates', async () => {
    const ev = await makeEvent(h, staff);
    const s = await makeSession(h, staff, ev.id, { capacity: 50 });
    await publish(h, staff, ev.id);
    const people = await Promise.all(Array.from({ length: 200 }, () => h.user()));
    // 20 of them double-click: their second submit must not create a second registration.
    const shots = [...people, ...people.slice(0, 20)].map((u, i) =>
      h.call(u, { method: 'POST', url: `/api/v1/events/${ev.id}/registrations`, payload: delegate(`Delegate ${i}`, [s.id], { attendance: 'online' }) }),
    );
    const res = await Promise.all(shots);
    const codes = res.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201).length).toBe(200);
    expect(codes.filter((c) => c === 200).length).toBe(20);
    await checkRush(h.database, s.id, 200);
    // What each person sees agrees with the table: a position on the waitlist, 1..150.
    const positions = res.filter((r) => r.statusCode === 201).map((r) => r.json().signups[0]).filter((x) => x.status === 'waitlisted');
    expect(positions.length).toBe(150);
  });
});

describe.runIf(engine === 'postgres')('registration rush on two server processes sharing one PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const procs: ChildProcess[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const p of procs) p.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await db?.database.close();
    await db?.drop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  async function startServer(url: string, port: number) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-srv-'));
    dirs.push(dataDir);
    const p = spawn(process.execPath, ['bin/wuzhen.js', 'start'], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', WORKERS: 'off', PUBLIC_URL: `http://127.0.0.1:${port}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    p.stdout!.on('data', (d) => (log += d));
    p.stderr!.on('data', (d) => (log += d));
    procs.push(p);
    for (let i = 0; i < 300; i++) {
      if (p.exitCode !== null) throw new Error(`server exited: ${log}`);
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/v1/events`);
        if (r.ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server did not start: ${log}`);
  }

  it('250 people, fired alternately at both processes: exactly 50 confirmed, the rest waitlisted in arrival order', async () => {
    db = await freshDatabase();
    const { database } = db;
    const base = 20000 + Math.floor(Math.random() * 20000);
    await Promise.all([startServer(db.url!, base), startServer(db.url!, base + 1)]);

    const ev = await svc.createEvent(database.db, null, {
      slug: 'rush',
      kind: 'summit',
      name: { en: 'Rush' },
      startDate: '2026-11-08',
      endDate: '2026-11-10',
      timeZone: 'Asia/Shanghai',
      mode: 'hybrid',
      visibility: 'public',
      registrationOpen: true,
    });
    await database.db.update(eventsTable).set({ status: 'published' }).where(eq(eventsTable.id, ev.id));
    const s = await svc.createSession(database.db, null, ev.id, { kind: 'sub-forum', title: { en: 'Small room' }, startsAt: new Date('2026-11-08T01:00:00Z'), endsAt: new Date('2026-11-08T02:00:00Z'), capacity: 50 });

    const people = [];
    for (let i = 0; i < 250; i++) {
      const [u] = await database.db.insert(users).values({ email: `rush${i}-${crypto.randomBytes(3).toString('hex')}@test.example`, name: `Rush ${i}`, emailVerifiedAt: new Date() }).returning();
      const sess = await createLoginSession(database.db, u.id, 1, {});
      people.push({ cookie: `wz_session=${sess.token}`, csrf: sess.csrfToken });
    }
    const fire = (p: { cookie: string; csrf: string }, i: number) =>
      fetch(`http://127.0.0.1:${base + (i % 2)}/api/v1/events/${ev.id}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: p.cookie, 'x-csrf-token': p.csrf },
        body: JSON.stringify(delegate(`Rush ${i}`, [s.id], { attendance: 'online' })),
      });
    // Every tenth person submits twice, once to each process.
    const res = await Promise.all([...people.map(fire), ...people.filter((_, i) => i % 10 === 0).map((p, i) => fire(p, i * 10 + 1))]);
    const codes = res.map((r) => r.status);
    expect(codes.filter((c) => c === 201).length).toBe(250);
    expect(codes.filter((c) => c === 200).length).toBe(25);
    await checkRush(database, s.id, 250);
  }, 180_000);
});
