import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/index.js';

/** Per table: how many rows, and a hash of all of them (order-independent). */
export type Snapshot = Map<string, { rows: number; hash: string }>;

/**
 * Every table of the public schema, counted and hashed, so a test can prove a
 * refused request changed nothing, or a grant and its revocation left no trace.
 */
export async function snapshot(database: Database): Promise<Snapshot> {
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
