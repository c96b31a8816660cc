import http from 'node:http';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../e2e/support.js';
import { createPgDatabase, people, register, rushEvent } from '../support/rush.js';
import { postgresServer, sleep, startServer, waitFor, type Proc } from './server.js';

// The mail server is down while mail is written: nothing is lost, and every
// mail goes out, once, when it is back.

let db: Awaited<ReturnType<typeof createPgDatabase>>;
let server: Proc | undefined;
let sink: SMTPServer | undefined;

beforeAll(async () => {
  db = await createPgDatabase(postgresServer);
});
afterAll(async () => {
  await server?.stop().catch(() => {});
  await new Promise<void>((r) => (sink ? sink.close(() => r()) : r()));
  await db?.drop();
});

describe('mail server down', () => {
  it('keeps every mail in the outbox while the server is down, and delivers each exactly once when it is back', async () => {
    const smtpPort = await freePort(); // nothing listens here yet
    server = await startServer({ DATABASE_URL: db.url, WORKERS: 'on', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_RETRY_SECONDS: '1' });
    const crowd = await people(db.database, 30, 'm');
    const { eventId, sessionId } = await rushEvent(db.database, 'mail', 100);
    const agent = new http.Agent({ keepAlive: false });
    const answers = await Promise.all(crowd.map((p) => register(agent, server!.url, p, eventId, sessionId)));
    agent.destroy();
    expect(answers.filter((a) => a.status !== 201)).toEqual([]);

    // Delivery is tried and fails while nothing listens; the mail stays queued.
    const outbox = () =>
      db.database.rows<{ to: string; status: string; attempts: number; last_error: string | null }>(
        sql`select "to", status, attempts, last_error from mail_outbox where "to" like '%@rush.example'`,
      );
    expect(await waitFor(async () => (await outbox()).some((m) => m.attempts > 0), 20_000, 200)).toBe(true);
    await sleep(3000);
    const whileDown = await outbox();
    expect(whileDown).toHaveLength(crowd.length);
    expect(whileDown.filter((m) => m.status !== 'queued' && m.status !== 'sending')).toEqual([]);
    const tried = whileDown.filter((m) => m.attempts > 0);
    expect(tried.every((m) => /ECONNREFUSED|connect/i.test(m.last_error ?? ''))).toBe(true);

    // The mail server comes back.
    const received: string[] = [];
    sink = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData(stream, session, done) {
        stream.resume();
        stream.on('end', () => {
          for (const r of session.envelope.rcptTo) received.push(r.address);
          done();
        });
      },
    });
    await new Promise<void>((r) => sink!.listen(smtpPort, '127.0.0.1', () => r()));
    const backAt = Date.now();
    expect(await waitFor(() => received.length >= crowd.length, 60_000, 100)).toBe(true);
    const allOutAfter = Date.now() - backAt;
    await sleep(3000); // no second copy arrives late
    expect(received.sort()).toEqual(crowd.map((p) => p.email).sort());
    expect((await outbox()).filter((m) => m.status !== 'sent')).toEqual([]);
    console.log(
      `[faults] mail server down: ${crowd.length} mails written while it was down, ${tried.length} delivery attempts refused, 0 lost, 0 failed; all ${received.length} delivered exactly once within ${(allOutAfter / 1000).toFixed(1)} s of its return`,
    );
  });
});
