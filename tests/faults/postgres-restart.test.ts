import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../e2e/support.js';
import { openDatabase } from '../../src/platform/db/index.js';
import { answersMissing, createPgDatabase, people, register, request, rushEvent, rushState, type Person } from '../support/rush.js';
import { sleep, startServer, waitFor, type Proc } from './server.js';

// A private PostgreSQL cluster (so restarting it disturbs nothing else), restarted
// under load: requests fail cleanly while it is down, and the server recovers alone.

const bin = ['/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/17/bin'].find((d) =>
  fs.existsSync(path.join(d, 'initdb')),
);
let dir: string;
let port: number;
let db: Awaited<ReturnType<typeof createPgDatabase>>;
let server: Proc | undefined;

const asPostgres = (cmd: string, args: string[]) =>
  execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin!, cmd), ...args], { stdio: 'pipe', timeout: 60_000 });
const pgCtl = (...args: string[]) => asPostgres('pg_ctl', ['-D', dir, '-w', '-t', '30', ...args]);

beforeAll(async () => {
  if (!bin) throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql');
  if (process.getuid?.() !== 0) throw new Error('this test starts its own PostgreSQL cluster as the postgres user, and must run as root');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-pgcluster-'));
  execFileSync('chown', ['postgres:postgres', dir]);
  asPostgres('initdb', ['-D', dir, '--auth=trust', '-U', 'postgres', '--no-sync']);
  port = await freePort();
  pgCtl('-o', `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', path.join(dir, 'log'), 'start');
  db = await createPgDatabase(`postgres://postgres@127.0.0.1:${port}/postgres`);
});

afterAll(async () => {
  await server?.stop().catch(() => {});
  await db?.drop().catch(() => {});
  try {
    pgCtl('-m', 'immediate', 'stop');
  } catch {
    // already stopped
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('PostgreSQL restarted under load', () => {
  it('answers 503 problem+json while it is down, never a 500 or a hang, and recovers without a restart of its own', async () => {
    const crowd: Person[] = await people(db.database, 400);
    const capacity = 100;
    const { eventId, sessionId } = await rushEvent(db.database, 'restart', capacity);
    await db.database.close(); // the test's own pool must not hold the cluster during the restart
    server = await startServer({ DATABASE_URL: db.url, WORKERS: 'on' });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

    type Seen = { at: number; status: number; type: string; code?: string };
    const seen: Seen[] = [];
    let stop = false;
    // Readers: signed-in page loads, each a database query, as fast as they go.
    const readers = Array.from({ length: 8 }, async (_, w) => {
      while (!stop) {
        const who = crowd[(w * 37 + seen.length) % crowd.length];
        try {
          const r = await request(agent, `${server!.url}/api/v1/auth/me`, 'GET', { cookie: who.cookie }, undefined, 15_000);
          seen.push({ at: Date.now(), status: r.status, type: r.type, code: r.status >= 500 ? JSON.parse(r.body).code : undefined });
        } catch (err) {
          seen.push({ at: Date.now(), status: 0, type: String((err as NodeJS.ErrnoException).code) });
        }
        await sleep(5);
      }
    });
    // Writers: registrations, one per person, spread over the whole run; everyone is tried once,
    // however long the machine takes (the readers stop on time, the writers when the crowd is through).
    const registrations: Array<{ email: string; status: number; seat?: string; code?: string }> = [];
    let next = 0;
    const writers = Array.from({ length: 4 }, async () => {
      while (next < crowd.length) {
        const who = crowd[next++];
        const a = await register(agent, server!.url, who, eventId, sessionId, 15_000);
        registrations.push({ email: who.email, status: a.status, seat: a.seat });
        await sleep(10);
      }
    });

    await sleep(1500);
    const downAt = Date.now();
    pgCtl('-m', 'fast', 'stop');
    await sleep(2000);
    pgCtl('-o', `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', path.join(dir, 'log'), 'start');
    const upAt = Date.now();
    // Recovery: the first good answer after the database is back.
    expect(await waitFor(() => seen.some((s) => s.at > upAt && s.status === 200), 20_000, 20)).toBe(true);
    const recoveredAt = seen.find((s) => s.at > upAt && s.status === 200)!.at;
    await sleep(2000);
    stop = true;
    await Promise.all([...readers, ...writers]);
    agent.destroy();

    expect(server.child.exitCode).toBeNull(); // the server never went down
    const during = seen.filter((s) => s.at >= downAt && s.at < upAt);
    const refused = seen.filter((s) => s.status !== 200);
    // While down: clean refusals only.
    expect(refused.length).toBeGreaterThan(0);
    expect(
      refused.filter((s) => s.status !== 503 || !s.type.includes('application/problem+json') || s.code !== 'database_unavailable'),
    ).toEqual([]);
    // After recovery: everything answers again.
    const after = seen.filter((s) => s.at > recoveredAt + 200);
    expect(after.length).toBeGreaterThan(10);
    expect(after.filter((s) => s.status !== 200)).toEqual([]);
    // Registrations: refused cleanly or kept exactly as told.
    expect(registrations.filter((r) => r.status !== 201 && r.status !== 503)).toEqual([]);
    // Those refused try again, now that it is back: everyone ends up registered once.
    const retryAgent = new http.Agent({ keepAlive: false, maxSockets: 32 });
    const refusedPeople = crowd.filter((p) => registrations.some((r) => r.email === p.email && r.status !== 201));
    const retried = await Promise.all(
      refusedPeople.map(async (p) => ({ email: p.email, ...(await register(retryAgent, server!.url, p, eventId, sessionId)) })),
    );
    retryAgent.destroy();
    expect(retried.filter((r) => r.status !== 201 && r.status !== 200)).toEqual([]);
    const check = await openDatabase({ url: db.url, poolSize: 2 });
    try {
      expect(await answersMissing(check, sessionId, [...registrations.filter((r) => r.status === 201), ...retried])).toEqual([]);
      const state = await rushState(check, eventId, sessionId, capacity);
      expect(state).toMatchObject({
        confirmed: capacity,
        waitlisted: crowd.length - capacity,
        registrations: crowd.length,
        overbooked: 0,
        duplicate_registrations: 0,
        duplicate_signups: 0,
        waitlist_order: 0,
        arrival_gaps: 0,
        counter_mismatch: 0,
        registrations_without_seat: 0,
      });
      console.log(
        `[faults] PostgreSQL restarted under load: ${seen.length} reads and ${registrations.length} registrations; ${during.length} reads while it was down, ${refused.length} refused with 503 problem+json, 0 other errors; recovered ${recoveredAt - upAt} ms after PostgreSQL was back, without a restart; ${registrations.filter((r) => r.status === 201).length} registrations answered 201 all present; the ${refusedPeople.length} refused registered on retry; invariants all 0`,
      );
    } finally {
      await check.close();
    }
  });
});
