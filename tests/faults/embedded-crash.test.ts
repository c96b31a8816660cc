import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/index.js';
import { answersMissing, people, register, rushEvent, rushState, type Answer, type Person } from '../support/rush.js';
import { startServer, waitFor, type Proc } from './server.js';

// The embedded database (one process, files in DATA_DIR) killed with SIGKILL
// in the middle of a registration rush: after an immediate restart, what a
// client was told is what the database holds, and nothing is overbooked.

const n = 300;
const capacity = 80;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-embedded-crash-'));
const procs: Proc[] = [];
delete process.env.DATABASE_URL; // this test is about the embedded database

afterAll(async () => {
  for (const p of procs) await p.stop().catch(() => {});
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const zeroes = {
  overbooked: 0,
  duplicate_registrations: 0,
  duplicate_signups: 0,
  waitlist_order: 0,
  arrival_gaps: 0,
  counter_mismatch: 0,
  registrations_without_seat: 0,
};

describe('kill -9 on the embedded database', () => {
  it('restarts at once on the same data directory with every confirmed registration intact', async () => {
    // The crowd and the event, written straight into the data directory before the server owns it.
    const setup = await openDatabase({ dataDir });
    await setup.migrate();
    const crowd: Person[] = await people(setup, n, 'e');
    const { eventId, sessionId } = await rushEvent(setup, 'embedded-crash', capacity);
    await setup.close();

    const env = { DATA_DIR: dataDir, WORKERS: 'off' };
    const first = await startServer(env);
    procs.push(first);
    const answers: Array<Answer & { email: string }> = [];
    const agent = new http.Agent({ keepAlive: false, maxSockets: 64 });
    const done = Promise.all(
      crowd.map(async (p) => answers.push({ ...(await register(agent, first.url, p, eventId, sessionId)), email: p.email })),
    );
    expect(await waitFor(() => answers.filter((a) => a.status === 201).length >= n / 3, 60_000, 2)).toBe(true);
    await first.kill9();
    await done;
    agent.destroy();
    const ok = answers.filter((a) => a.status === 201);
    const failed = answers.filter((a) => a.status !== 201);
    expect(failed.length).toBeGreaterThan(0); // the kill did cut requests off
    expect(failed.every((a) => a.status === 0)).toBe(true); // cut off, never a wrong answer

    // An immediate restart: the dead process's lock on the data directory must not keep it out.
    const t0 = performance.now();
    const second = await startServer(env, { timeoutMs: 60_000 });
    const restartMs = performance.now() - t0;
    procs.push(second);
    const retryAgent = new http.Agent({ keepAlive: false, maxSockets: 64 });
    const retried: Array<Answer & { email: string }> = [];
    await Promise.all(
      crowd
        .filter((p) => failed.some((f) => f.email === p.email))
        .map(async (p) => retried.push({ ...(await register(retryAgent, second.url, p, eventId, sessionId)), email: p.email })),
    );
    retryAgent.destroy();
    expect(retried.filter((a) => a.status !== 200 && a.status !== 201)).toEqual([]);
    await second.stop();

    const check = await openDatabase({ dataDir });
    try {
      expect(await answersMissing(check, sessionId, [...ok, ...retried])).toEqual([]);
      const final = await rushState(check, eventId, sessionId, capacity);
      expect(final).toMatchObject({ ...zeroes, confirmed: capacity, waitlisted: n - capacity, registrations: n });
      console.log(
        `[faults] embedded database, kill -9 mid-rush: ${n} people, ${capacity} seats; ${ok.length} answered before the kill, ${failed.length} cut off (${retried.filter((a) => a.status === 200).length} had committed, returned as 200 on retry); restarted in ${Math.round(restartMs)} ms; ${final.confirmed} confirmed, ${final.waitlisted} waitlisted, invariants all 0`,
      );
    } finally {
      await check.close();
    }
  });
});
