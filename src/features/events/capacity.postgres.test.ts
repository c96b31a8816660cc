// Runs only in the PostgreSQL project (vitest.config.ts): two server processes need a shared server.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDatabase } from '../../test/harness.js';
import { makeAccount, signIn } from '../accounts/testkit.js';
import { events as eventsTable } from './model.js';
import * as svc from './service.js';
import { checkRush, delegate } from './testkit.js';

describe('registration rush on two server processes sharing one PostgreSQL', () => {
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
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        WORKERS: 'off',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
      },
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
    const s = await svc.createSession(database.db, null, ev.id, {
      kind: 'sub-forum',
      title: { en: 'Small room' },
      startsAt: new Date('2026-11-08T01:00:00Z'),
      endsAt: new Date('2026-11-08T02:00:00Z'),
      capacity: 50,
    });

    const people = [];
    for (let i = 0; i < 250; i++) {
      const userId = await makeAccount(database.db, {
        email: `rush${i}-${crypto.randomBytes(3).toString('hex')}@test.example`,
        name: `Rush ${i}`,
      });
      people.push(await signIn(database.db, userId));
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
