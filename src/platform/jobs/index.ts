import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/index.js';
import { jobs } from './model.js';

export type JobHandler = (payload: Record<string, unknown>, ctx: { now: Date }) => Promise<void>;

export interface Recurring {
  kind: string;
  everyMs: number;
}

/** Adds a job. Inside a transaction it commits with the write that caused it. */
export async function enqueue(db: DbOrTx, kind: string, payload: Record<string, unknown> = {}, opts: { runAt?: Date; key?: string } = {}) {
  await db
    .insert(jobs)
    .values({ kind, payload, runAt: opts.runAt ?? new Date(), key: opts.key ?? null })
    .onConflictDoNothing();
}

const maxAttempts = 8;

/**
 * A Postgres-backed queue: jobs survive restarts, several processes share the
 * work (FOR UPDATE SKIP LOCKED), and it runs the same on the embedded database.
 */
export class JobRunner {
  private handlers = new Map<string, JobHandler>();
  private recurring: Recurring[] = [];
  private tickers: Array<() => Promise<unknown>> = [];
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = false;

  constructor(private database: Database) {}

  register(kind: string, handler: JobHandler, every?: number) {
    this.handlers.set(kind, handler);
    if (every) this.recurring.push({ kind, everyMs: every });
  }

  /** Work every process does on every tick, claiming its own rows (e.g. mail delivery). */
  ticker(fn: () => Promise<unknown>) {
    this.tickers.push(fn);
  }

  /** Runs every due job once; returns how many ran. Tests call it with a moved clock. */
  async runDue(now = new Date()): Promise<number> {
    const { db } = this.database;

    for (const r of this.recurring) await enqueue(db, r.kind, {}, { key: `recurring:${r.kind}`, runAt: now });
    let count = 0;
    for (;;) {
      const claimed = await this.database.rows<{ id: string; kind: string; payload: Record<string, unknown>; attempts: number }>(sql`
        update jobs set locked_until = ${new Date(now.getTime() + 5 * 60_000)}, attempts = attempts + 1
        where id = (
          select id from jobs
          where done_at is null and run_at <= ${now} and (locked_until is null or locked_until < ${now})
          order by run_at limit 1 for update skip locked)
        returning id, kind, payload, attempts`);
      const job = claimed[0];
      if (!job) {
        for (const t of this.tickers) await t();
        return count;
      }
      count++;
      const handler = this.handlers.get(job.kind);
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(job.payload, { now });
        const rec = this.recurring.find((r) => r.kind === job.kind);
        await db.execute(sql`update jobs set done_at = ${now}, last_error = null where id = ${job.id}`);
        if (rec) await enqueue(db, rec.kind, {}, { key: `recurring:${rec.kind}`, runAt: new Date(now.getTime() + rec.everyMs) });
      } catch (err) {
        const retryIn = Math.min(2 ** job.attempts * 5_000, 3_600_000);
        const giveUp = job.attempts >= maxAttempts;
        await db.execute(sql`update jobs set locked_until = null, last_error = ${String((err as Error).message ?? err)},
          run_at = ${new Date(now.getTime() + retryIn)}, done_at = ${giveUp ? now : null} where id = ${job.id}`);
      }
    }
  }

  start(intervalMs = 2_000) {
    const tick = async () => {
      if (this.stopped) return;
      if (!this.running) {
        this.running = true;
        try {
          await this.runDue();
        } catch {
          // database briefly unavailable: try again next tick
        } finally {
          this.running = false;
        }
      }
      if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, 50);
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 20));
  }
}
