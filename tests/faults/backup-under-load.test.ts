import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/index.js';
import { createPgDatabase, people, register, rushEvent, rushState } from '../support/rush.js';
import { postgresServer, sleep, startServer, type Proc } from './server.js';

// A backup taken while registrations pour in is one consistent moment:
// it restores, and every count in the copy agrees with its rows.

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
let db: Awaited<ReturnType<typeof createPgDatabase>>;
let server: Proc | undefined;
const copyName = `wz_restore_${process.pid}`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-backup-'));

beforeAll(async () => {
  db = await createPgDatabase(postgresServer);
});
afterAll(async () => {
  await server?.stop().catch(() => {});
  await db?.drop();
  const c = new pg.Client({ connectionString: postgresServer });
  await c.connect();
  await c.query(`drop database if exists ${copyName} with (force)`);
  await c.end();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('backup under load', () => {
  it('gives a consistent copy while registrations are being written', async () => {
    const crowd = await people(db.database, 2000, 'k');
    const capacity = 200;
    const { eventId, sessionId } = await rushEvent(db.database, 'backup', capacity);
    const dataDir = path.join(tmp, 'data');
    server = await startServer({ DATABASE_URL: db.url, WORKERS: 'off', DATA_DIR: dataDir });

    let next = 0;
    let written = 0;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const writers = Array.from({ length: 16 }, async () => {
      while (next < crowd.length) {
        const a = await register(agent, server!.url, crowd[next++], eventId, sessionId);
        if (a.status === 201) written++;
      }
    });
    while (written < 100) await sleep(20);
    const file = path.join(tmp, 'backup.ndjson.gz');
    const before = written;
    const env = { ...process.env, DATABASE_URL: db.url, DATA_DIR: dataDir, LOG_LEVEL: 'error' };
    await run(process.execPath, ['bin/wuzhen.js', 'backup', file], { cwd: root, env });
    const duringBackup = written - before;
    await Promise.all(writers);
    agent.destroy();
    expect(duringBackup).toBeGreaterThan(0); // registrations did commit while the backup ran

    // Restore into a new, empty database.
    const admin = new pg.Client({ connectionString: postgresServer });
    await admin.connect();
    await admin.query(`create database ${copyName}`);
    await admin.end();
    const copyUrl = new URL(postgresServer);
    copyUrl.pathname = `/${copyName}`;
    await run(process.execPath, ['bin/wuzhen.js', 'restore', file], {
      cwd: root,
      env: { ...env, DATABASE_URL: copyUrl.toString(), DATA_DIR: path.join(tmp, 'restored') },
    });

    const copy = await openDatabase({ url: copyUrl.toString(), poolSize: 2 });
    try {
      const state = await rushState(copy, eventId, sessionId, capacity);
      // One moment: every registration has its seat, and the session's counters match its rows.
      expect(state).toMatchObject({
        overbooked: 0,
        duplicate_registrations: 0,
        duplicate_signups: 0,
        waitlist_order: 0,
        arrival_gaps: 0,
        counter_mismatch: 0,
        registrations_without_seat: 0,
      });
      expect(state.registrations).toBeGreaterThanOrEqual(before);
      expect(state.registrations).toBeLessThan(crowd.length);
      const [audit] = await copy.rows<{ n: number }>(sqlCount(eventId));
      expect(audit.n).toBe(state.registrations); // each registration's audit entry is in the same snapshot
      const live = await rushState(db.database, eventId, sessionId, capacity);
      expect(live.registrations).toBe(crowd.length);
      console.log(
        `[faults] backup under load: ${duringBackup} registrations committed while the backup ran; the copy holds ${state.registrations} registrations, each with its seat and audit entry, counters equal to rows; restored into an empty database`,
      );
    } finally {
      await copy.close();
    }
  });
});

const sqlCount = (eventId: string) =>
  sql`select count(*)::int as n from audit_log a join event_registrations r on r.id::text = a.entity_id where a.action = 'event_registration.create' and r.event_id = ${eventId}`;
