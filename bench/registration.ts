import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/index.js';
import { people, post, rushEvent } from '../tests/support/rush.js';
import { benchDatabaseUrl, fmt, startServer, type RunningServer } from './lib.js';

/**
 * Registration rush on PostgreSQL. For each N, N clients register at once over
 * HTTP (one connection each, all requests sent together) for a new event whose
 * one session has N/4 seats, against one and against two server processes
 * (clients alternate between them). Reported: registrations per second (N over
 * the wall time from the first request to the last answer), p50/p99 latency,
 * and the invariants, read back from the database: overbooked seats, duplicate
 * registrations or sign-ups, waitlist order violations, counters that disagree
 * with the rows, and answers that disagree with the database.
 * Baseline, same run, same N: N callers sharing as many PostgreSQL connections
 * as the servers have (10 per process), each running one single-row conditional
 * update as its own transaction (UPDATE … SET n = n + 1 WHERE id = 1 AND n < cap),
 * the ceiling for anything that serializes on one counter row.
 * Options: --n=250,500,1000,2000 --processes=1,2
 */
export async function run(args: string[]) {
  const list = (name: string, d: number[]) =>
    args
      .find((a) => a.startsWith(`--${name}=`))
      ?.split('=')[1]
      .split(',')
      .map(Number) ?? d;
  const sizes = list('n', [250, 500, 1000, 2000]);
  const processCounts = list('processes', [1, 2]);
  const poolPerProcess = 10;
  const maxN = Math.max(...sizes);

  const name = `wz_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: benchDatabaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(benchDatabaseUrl);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), poolSize: 10 });
  const servers: RunningServer[] = [];
  try {
    await database.migrate();
    const who = await people(database, maxN, 'b');
    await database.rows(sql`create table bench_counter (id int primary key, n bigint not null)`);
    const baselinePool = new pg.Pool({ connectionString: u.toString(), max: poolPerProcess * Math.max(...processCounts) });
    baselinePool.on('error', () => {});

    const table: string[][] = [];
    let failures = 0;
    for (const processes of processCounts) {
      while (servers.length < processes) {
        const s = await startServer({ DATABASE_URL: u.toString(), WORKERS: 'off', DATABASE_POOL_SIZE: String(poolPerProcess) }, ['start']);
        servers.push(s);
        // Warm-up: the first requests load and compile the code paths.
        const w = await rushEvent(database, `warm-${servers.length}`, 10);
        const agent = new http.Agent({ keepAlive: false });
        for (let i = 0; i < 50; i++) {
          const body = JSON.stringify({ category: 'delegate', attendance: 'online', name: `B ${i}`, sessions: [w.sessionId] });
          await post(
            agent,
            `${s.url}/api/v1/events/${w.eventId}/registrations`,
            { 'content-type': 'application/json', cookie: who[i].cookie, 'x-csrf-token': who[i].csrf },
            body,
          );
        }
        agent.destroy();
      }
      for (const n of sizes) {
        const capacity = Math.floor(n / 4);
        const { eventId, sessionId } = await rushEvent(database, `p${processes}-n${n}`, capacity);
        const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
        const cpu0 = cpuNow(servers.slice(0, processes));
        const answers: Array<{ status: number; seat?: string; ms: number }> = new Array(n);
        const t0 = performance.now();
        await Promise.all(
          Array.from({ length: n }, async (_, i) => {
            const s = servers[i % processes];
            const body = JSON.stringify({ category: 'delegate', attendance: 'online', name: `B ${i}`, sessions: [sessionId] });
            const start = performance.now();
            const r = await post(
              agent,
              `${s.url}/api/v1/events/${eventId}/registrations`,
              { 'content-type': 'application/json', cookie: who[i].cookie, 'x-csrf-token': who[i].csrf },
              body,
            );
            const seat = r.status === 201 ? (JSON.parse(r.body).signups?.[0]?.status as string | undefined) : undefined;
            answers[i] = { status: r.status, seat, ms: performance.now() - start };
          }),
        );
        const secs = (performance.now() - t0) / 1000;
        const cpu1 = cpuNow(servers.slice(0, processes));
        agent.destroy();
        const perReg = (k: keyof typeof cpu0) => fmt((cpu1[k] - cpu0[k]) / n, 2);
        console.log(
          `  CPU per registration: server ${perReg('server')} ms, PostgreSQL ${perReg('postgres')} ms, clients ${perReg('clients')} ms`,
        );
        const inv = await invariants(database, eventId, sessionId, capacity, answers);
        const lat = answers.map((a) => a.ms).sort((a, b) => a - b);

        const b0 = cpuNow([]);
        const base = await baseline(baselinePool, n, capacity);
        const b1 = cpuNow([]);
        console.log(
          `  CPU per baseline update: PostgreSQL ${fmt((b1.postgres - b0.postgres) / n, 2)} ms, clients ${fmt((b1.clients - b0.clients) / n, 2)} ms`,
        );
        const ok = Object.values(inv).every((v) => v === 0);
        if (!ok) failures++;
        const ratio = n / secs / base.rate;
        table.push([
          String(processes),
          fmt(n),
          fmt(capacity),
          fmt(n / secs),
          fmt(pct(lat, 50), 1),
          fmt(pct(lat, 99), 1),
          fmt(base.rate),
          fmt(base.p50, 1),
          fmt(base.p99, 1),
          ratio.toFixed(2),
          ok ? 'all 0' : JSON.stringify(inv),
        ]);
        console.log(
          `${processes} process${processes > 1 ? 'es' : ''}, N=${fmt(n)}: ours ${fmt(n / secs)} reg/s (p50 ${fmt(pct(lat, 50), 1)} ms, p99 ${fmt(pct(lat, 99), 1)} ms), baseline ${fmt(base.rate)} updates/s (p50 ${fmt(base.p50, 1)} ms, p99 ${fmt(base.p99, 1)} ms), ratio ${ratio.toFixed(2)}; invariants ${ok ? 'all 0' : JSON.stringify(inv)}`,
        );
      }
    }
    await baselinePool.end();
    console.log(
      '\n| processes | N | seats | ours reg/s | ours p50 ms | ours p99 ms | baseline updates/s | baseline p50 ms | baseline p99 ms | ratio | invariants |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    for (const row of table) console.log(`| ${row.join(' | ')} |`);
    if (failures) throw new Error(`${failures} run(s) broke an invariant`);
  } finally {
    for (const s of servers) await s.stop();
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** CPU time so far (ms) of the server processes, of PostgreSQL's processes, and of this process (the clients). */
function cpuNow(servers: RunningServer[]) {
  // utime + stime, plus the time of exited children the process has waited for (PostgreSQL's backends).
  const ticks = (pid: number) => {
    try {
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 1000) / 100;
    } catch {
      return 0;
    }
  };
  let postgres = 0;
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (fs.readFileSync(`/proc/${d}/comm`, 'utf8').startsWith('postgres')) postgres += ticks(Number(d));
    } catch {
      // gone
    }
  }
  const own = process.cpuUsage();
  return { server: servers.reduce((a, s) => a + ticks(s.child.pid!), 0), postgres, clients: (own.user + own.system) / 1000 };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Every count must be 0. */
async function invariants(
  database: Database,
  eventId: string,
  sessionId: string,
  capacity: number,
  answers: Array<{ status: number; seat?: string }>,
) {
  const [c] = await database.rows<Record<string, number>>(sql`
    with s as (select status, arrival, row_number() over (order by arrival) as rank from event_signups where session_id = ${sessionId})
    select
      greatest(0, (select count(*) from s where status = 'confirmed') - ${capacity})::int as overbooked,
      ((select count(*) from event_registrations where event_id = ${eventId}) - (select count(distinct user_id) from event_registrations where event_id = ${eventId}))::int as duplicate_registrations,
      (select count(*) from s where status = 'waitlisted' and arrival < (select coalesce(max(arrival), 0) from s where status = 'confirmed'))::int as waitlist_order,
      (select count(*) from s where arrival <> rank)::int as arrival_gaps,
      (select abs(e.confirmed - (select count(*) from s where status = 'confirmed')) + abs(e.waiting - (select count(*) from s where status = 'waitlisted')) from event_sessions e where e.id = ${sessionId})::int as counter_mismatch`);
  const [dup] = await database.rows<{ n: number }>(
    sql`select coalesce(sum(k - 1), 0)::int as n from (select count(*) as k from event_signups where session_id = ${sessionId} group by registration_id) x`,
  );
  const [confirmedRows] = await database.rows<{ n: number }>(
    sql`select count(*)::int as n from event_signups where session_id = ${sessionId} and status = 'confirmed'`,
  );
  const errors = answers.filter((a) => a.status !== 201).length;
  const confirmedAnswers = answers.filter((a) => a.seat === 'confirmed').length;
  return {
    errors,
    overbooked: c.overbooked,
    underfilled: Math.max(0, Math.min(capacity, answers.length) - confirmedRows.n),
    duplicate_registrations: c.duplicate_registrations,
    duplicate_signups: dup.n,
    waitlist_order: c.waitlist_order,
    arrival_gaps: c.arrival_gaps,
    counter_mismatch: c.counter_mismatch,
    answers_vs_database: Math.abs(confirmedAnswers - confirmedRows.n),
  };
}

/** N callers, one pool, each one conditional single-row UPDATE (its own transaction), timed. */
async function baseline(pool: pg.Pool, n: number, capacity: number) {
  await pool.query('insert into bench_counter values (1, 0) on conflict (id) do update set n = 0');
  const ms: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: n }, async () => {
      const start = performance.now();
      await pool.query('update bench_counter set n = n + 1 where id = 1 and n < $1', [capacity + n]);
      ms.push(performance.now() - start);
    }),
  );
  const rate = n / ((performance.now() - t0) / 1000);
  ms.sort((a, b) => a - b);
  return { rate, p50: pct(ms, 50), p99: pct(ms, 99) };
}
