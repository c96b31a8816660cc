import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersMissing, createPgDatabase, people, register, rushEvent, rushState, type Answer, type Person } from '../support/rush.js';
import { postgresServer, startServer, waitFor, type Proc } from './server.js';

// A server process killed with SIGKILL in the middle of a registration rush.
// What a client was told must be what the database holds; nothing half-written.

let db: Awaited<ReturnType<typeof createPgDatabase>>;
let crowd: Person[];
const procs: Proc[] = [];
const n = 600;
const capacity = 150;

beforeAll(async () => {
  db = await createPgDatabase(postgresServer);
  crowd = await people(db.database, n);
});
afterAll(async () => {
  for (const p of procs) await p.stop().catch(() => {});
  await db?.drop();
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

async function rush(targets: () => Proc[], who: Person[], eventId: string, sessionId: string) {
  const agent = new http.Agent({ keepAlive: false, maxSockets: 64 });
  const answers: Array<Answer & { email: string; server: number }> = [];
  await Promise.all(
    who.map(async (p, i) => {
      const list = targets();
      const server = i % list.length;
      answers.push({ ...(await register(agent, list[server].url, p, eventId, sessionId)), email: p.email, server });
    }),
  );
  agent.destroy();
  return answers;
}

describe('kill -9 during a registration rush', () => {
  it('keeps every registration a client was told about, overbooks nothing, and carries on after a restart', async () => {
    const { eventId, sessionId } = await rushEvent(db.database, 'crash', capacity);
    const env = { DATABASE_URL: db.url, WORKERS: 'off' };
    const first = await startServer(env);
    procs.push(first);
    const answered = () => answers.filter((a) => a.status === 201).length;
    const answers: Array<Answer & { email: string; server: number }> = [];
    const agent = new http.Agent({ keepAlive: false, maxSockets: 64 });
    // Everyone at once; the server dies once about a third have their answer.
    const done = Promise.all(
      crowd.map(async (p) => answers.push({ ...(await register(agent, first.url, p, eventId, sessionId)), email: p.email, server: 0 })),
    );
    expect(await waitFor(() => answered() >= n / 3, 60_000, 5)).toBe(true);
    await first.kill9();
    await done;
    agent.destroy();

    const ok = answers.filter((a) => a.status === 201);
    const failed = answers.filter((a) => a.status !== 201);
    expect(ok.length).toBeGreaterThanOrEqual(n / 3);
    expect(failed.length).toBeGreaterThan(0); // the kill did cut requests off
    expect(failed.every((a) => a.status === 0)).toBe(true); // cut off, never a wrong answer

    // Every answer given is in the database, exactly as told.
    expect(await answersMissing(db.database, sessionId, ok)).toEqual([]);
    const afterKill = await rushState(db.database, eventId, sessionId, capacity);
    expect(afterKill).toMatchObject(zeroes);
    expect(afterKill.registrations).toBeGreaterThanOrEqual(ok.length);

    // Restart on the same database; those who got no answer try again.
    const second = await startServer(env);
    procs.push(second);
    const retried = await rush(
      () => [second],
      crowd.filter((p) => failed.some((f) => f.email === p.email)),
      eventId,
      sessionId,
    );
    expect(retried.filter((a) => a.status !== 200 && a.status !== 201)).toEqual([]);
    // Some of the cut-off requests had committed before the kill: the retry returns that registration (200), not a second one.
    const final = await rushState(db.database, eventId, sessionId, capacity);
    expect(final).toMatchObject({ ...zeroes, confirmed: capacity, waitlisted: n - capacity, registrations: n });
    expect(await answersMissing(db.database, sessionId, [...ok, ...retried])).toEqual([]);
    console.log(
      `[faults] kill -9 mid-rush: ${n} people, ${capacity} seats; ${ok.length} answered before the kill, ${failed.length} cut off (${afterKill.registrations - ok.length} of them had committed, returned as 200 on retry: ${retried.filter((a) => a.status === 200).length}); after restart ${final.confirmed} confirmed, ${final.waitlisted} waitlisted, 0 overbooked, 0 duplicates, 0 order violations`,
    );
  });

  it('two processes on one database: one is killed mid-rush, the other carries on', async () => {
    const { eventId, sessionId } = await rushEvent(db.database, 'two', capacity);
    const env = { DATABASE_URL: db.url, WORKERS: 'off' };
    const a = await startServer(env);
    const b = await startServer(env);
    procs.push(a, b);
    let killedAt = Infinity;
    const agent = new http.Agent({ keepAlive: false, maxSockets: 64 });
    const answers: Array<Answer & { email: string; server: number }> = [];
    const done = Promise.all(
      crowd.map(async (p, i) => {
        const server = i % 2;
        answers.push({ ...(await register(agent, [a, b][server].url, p, eventId, sessionId)), email: p.email, server });
      }),
    );
    expect(await waitFor(() => answers.filter((x) => x.status === 201).length >= n / 4, 60_000, 5)).toBe(true);
    await a.kill9();
    killedAt = performance.now();
    await done;
    agent.destroy();

    const fromB = answers.filter((x) => x.server === 1);
    // B answered every request sent to it, including after A died.
    expect(fromB.filter((x) => x.status !== 201)).toEqual([]);
    const bAfterKill = fromB.filter((x) => x.at > killedAt).length;
    expect(bAfterKill).toBeGreaterThan(0);
    const ok = answers.filter((x) => x.status === 201);
    expect(await answersMissing(db.database, sessionId, ok)).toEqual([]);
    // A's clients go to B.
    const lost = crowd.filter((p) => answers.some((x) => x.email === p.email && x.status !== 201));
    const retried = await rush(() => [b], lost, eventId, sessionId);
    expect(retried.filter((x) => x.status !== 200 && x.status !== 201)).toEqual([]);
    const final = await rushState(db.database, eventId, sessionId, capacity);
    expect(final).toMatchObject({ ...zeroes, confirmed: capacity, waitlisted: n - capacity, registrations: n });
    expect(await answersMissing(db.database, sessionId, [...ok, ...retried])).toEqual([]);
    console.log(
      `[faults] two processes, one killed: ${fromB.length} requests to the survivor all answered (${bAfterKill} after the kill), ${lost.length} of the dead one's clients retried on the survivor; ${final.confirmed} confirmed, ${final.waitlisted} waitlisted, invariants all 0`,
    );
  });
});
