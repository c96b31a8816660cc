import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/index.js';

/** Per table: how many rows, and a hash of all of them (order-independent). */
export type Snapshot = Map<string, { rows: number; hash: string }>;

/**
 * A mark that changes whenever a transaction that wrote has ended or is still
 * under way: every write takes a transaction id, and the current snapshot
 * names the next one and those in progress. Equal marks, nothing written.
 */
export async function writeMark(database: Database): Promise<string> {
  const [r] = await database.rows<{ mark: string }>(sql`select pg_current_snapshot()::text as mark`);
  return r.mark;
}

/** Two marks one transaction apart: the second has the next transaction id, and neither has one in progress. */
function oneTransactionApart(a: string, b: string) {
  const [, ax, ai] = a.split(':');
  const [, bx, bi] = b.split(':');
  return !ai && !bi && BigInt(bx) === BigInt(ax) + 1n;
}

/**
 * `read` of a database, read again only when something was written since the
 * last time. Only on PGlite: on PostgreSQL transaction ids are shared by every
 * database of the server, so the mark moves with everyone's writes.
 */
export function sameUntilWritten<T>(database: Database, read: () => Promise<T>) {
  let last: { mark: string; value: T } | undefined;
  const cached = database.kind === 'pglite';
  return {
    async read(): Promise<T> {
      if (!cached) return read();
      const mark = await writeMark(database);
      if (last?.mark === mark) return last.value;
      const value = await read();
      // Kept only if nothing was written while it was being read.
      last = (await writeMark(database)) === mark ? { mark, value } : undefined;
      return value;
    },
    /**
     * Runs `write`, one transaction of the test's own that `read` does not see
     * (a new session, when `read` leaves sessions out), and keeps what was read
     * if that transaction was the only one in between.
     */
    async besides<R>(write: () => Promise<R>): Promise<R> {
      const before = cached && last ? await writeMark(database) : undefined;
      const result = await write();
      if (last && before === last.mark) {
        const after = await writeMark(database);
        last = oneTransactionApart(before, after) ? { mark: after, value: last.value } : undefined;
      }
      return result;
    },
  };
}

const snapshots = new WeakMap<Database, ReturnType<typeof sameUntilWritten<Snapshot>>>();

/**
 * Every table of the public schema, counted and hashed, so a test can prove a
 * refused request changed nothing, or a grant and its revocation left no trace.
 */
export function snapshot(database: Database): Promise<Snapshot> {
  let taken = snapshots.get(database);
  if (!taken) {
    taken = sameUntilWritten(database, () => hashTables(database));
    snapshots.set(database, taken);
  }
  return taken.read();
}

async function hashTables(database: Database): Promise<Snapshot> {
  const tables = await database.rows<{ name: string }>(
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const out: Snapshot = new Map();
  for (const { name } of tables) {
    const t = sql.identifier(name);
    const [r] = await database.rows<{ rows: number; hash: string | null }>(
      sql`select count(*)::int as rows, md5(coalesce(string_agg(md5(x::text), '' order by md5(x::text)), '')) as hash from ${t} x`,
    );
    out.set(name, { rows: r.rows, hash: r.hash ?? '' });
  }
  return out;
}

/** The tables whose rows differ between two snapshots, minus the ones named in `except` (e.g. the audit log). */
export function changedTables(before: Snapshot, after: Snapshot, except: string[] = []) {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names]
    .filter((n) => !except.includes(n) && (before.get(n)?.hash !== after.get(n)?.hash || before.get(n)?.rows !== after.get(n)?.rows))
    .sort();
}
