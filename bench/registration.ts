import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { users } from '../src/features/accounts/model.js';
import { createSession as createLoginSession } from '../src/features/accounts/service.js';
import { events } from '../src/features/events/model.js';
import * as svc from '../src/features/events/service.js';
import { openDatabase } from '../src/platform/db/index.js';
import { benchDatabaseUrl, compare, fmt, startServer } from './lib.js';

/**
 * Registration rush on PostgreSQL: N people register at once (64 requests in
 * flight) for a session with fewer seats than people, through the HTTP API of
 * a real server process. Checked: exactly `capacity` confirmed, the rest
 * waitlisted in arrival order. Baseline: the same PostgreSQL's rate of
 * single-row `UPDATE … SET n = n + 1` transactions from 64 connections, the
 * ceiling for anything that serializes on one counter row.
 * Options: --people=N (default 2000), --capacity=N (default 500).
 */
export async function run(args: string[]) {
  const opt = (name: string, d: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? d);
  const people = opt('people', 2000);
  const capacity = opt('capacity', 500);
  const inFlight = 64;

  const name = `wz_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: benchDatabaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(benchDatabaseUrl);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), poolSize: 10 });
  try {
    await database.migrate();
    const ev = await svc.createEvent(database.db, null, { slug: 'rush', kind: 'summit', name: { en: 'Rush' }, startDate: '2026-12-08', endDate: '2026-12-10', timeZone: 'Asia/Shanghai', mode: 'hybrid', visibility: 'public', registrationOpen: true });
    await database.db.update(events).set({ status: 'published' }).where(eq(events.id, ev.id));
    const s = await svc.createSession(database.db, null, ev.id, { kind: 'sub-forum', title: { en: 'Rush' }, startsAt: new Date('2026-12-08T01:00:00Z'), endsAt: new Date('2026-12-08T02:00:00Z'), capacity });
    const who: Array<{ cookie: string; csrf: string }> = [];
    for (let i = 0; i < people; i++) {
      const [row] = await database.db.insert(users).values({ email: `b${i}@bench.example`, name: `B ${i}` }).returning();
      const sess = await createLoginSession(database.db, row.id, 1, {});
      who.push({ cookie: `wz_session=${sess.token}`, csrf: sess.csrfToken });
    }
    const server = await startServer({ DATABASE_URL: u.toString(), WORKERS: 'off' }, ['start']);
    const body = (i: number) => JSON.stringify({ category: 'delegate', attendance: 'online', name: `B ${i}`, sessions: [s.id] });
    let next = 0;
    let errors = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        for (let i = next++; i < people; i = next++) {
          const r = await fetch(`${server.url}/api/v1/events/${ev.id}/registrations`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: who[i].cookie, 'x-csrf-token': who[i].csrf }, body: body(i) });
          if (r.status !== 201) errors++;
          await r.arrayBuffer();
        }
      }),
    );
    const secs = (performance.now() - t0) / 1000;
    await server.stop();
    const [check] = await database.rows<{ confirmed: number; waitlisted: number; in_order: boolean }>(sql`
      select count(*) filter (where status = 'confirmed')::int as confirmed, count(*) filter (where status = 'waitlisted')::int as waitlisted,
        coalesce(max(arrival) filter (where status = 'confirmed'), 0) < coalesce(min(arrival) filter (where status = 'waitlisted'), 1e18) as in_order
      from event_signups where session_id = ${s.id}`);
    if (check.confirmed !== capacity || check.waitlisted !== people - capacity || !check.in_order || errors) throw new Error(`wrong result: ${JSON.stringify({ ...check, errors })}`);

    // Baseline: one counter row, incremented in its own transaction by 64 connections.
    await database.rows(sql`create table bench_counter (id int primary key, n bigint not null)`);
    await database.rows(sql`insert into bench_counter values (1, 0)`);
    const pool = new pg.Pool({ connectionString: u.toString(), max: inFlight });
    pool.on('error', () => {});
    let done = 0;
    const t1 = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        const c = await pool.connect();
        try {
          while (done++ < people * 2) {
            await c.query('begin');
            await c.query('update bench_counter set n = n + 1 where id = 1');
            await c.query('commit');
          }
        } finally {
          c.release();
        }
      }),
    );
    const baseline = (people * 2) / ((performance.now() - t1) / 1000);
    await pool.end();
    compare(`registrations/s (${fmt(people)} people, ${fmt(capacity)} seats)`, people / secs, baseline, 'ops/s');
    console.log(`result checked: ${check.confirmed} confirmed, ${check.waitlisted} waitlisted in arrival order, 0 errors`);
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
