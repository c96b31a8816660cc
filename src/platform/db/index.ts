import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import lockfile from 'proper-lockfile';
import pg from 'pg';

export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Services accept either, so a caller can compose them inside one transaction. */
export type DbOrTx = Db | Tx;

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Raw rows of a SQL statement, the same shape on both engines. */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export class DataDirLockedError extends Error {}

export interface OpenOptions {
  /** postgres:// URL; without it the embedded database in dataDir is used. */
  url?: string;
  /** Directory for the embedded database; undefined means in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /** An embedded database's dump (PGlite dumpDataDir) to start from instead of an empty one: tests copy a migrated template. */
  loadDataDir?: Blob;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.poolSize ?? 10);
  return openPglite(opts.dataDir, opts.loadDataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // A dropped connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    rows: async (q) => ((await db.execute(q)) as unknown as { rows: never[] }).rows,
    async migrate() {
      // Several processes may start at once: one migrates, the others wait.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(727274)');
        await migratePg(drizzlePg({ client }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock(727274)').catch(() => {});
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  let release: (() => Promise<void>) | undefined;
  let pgDir: string | undefined;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    const lockPath = path.join(dataDir, 'server.lock');
    // PGlite has no lock of its own and two processes on one directory corrupt it.
    const lock = () => lockfile.lock(dataDir, { lockfilePath: lockPath, stale: 15_000, update: 5_000, retries: 0 });
    try {
      release = await lock().catch((err) => {
        if ((err as { code?: string }).code === 'ELOCKED' && clearDeadLock(dataDir, lockPath)) return lock();
        throw err;
      });
      fs.writeFileSync(path.join(dataDir, 'server.pid'), String(process.pid));
    } catch (err) {
      if ((err as { code?: string }).code === 'ELOCKED') {
        throw new DataDirLockedError(
          `The data directory ${dataDir} is in use by another Wuzhen process. The embedded database serves one process only: stop the other process, or set DATABASE_URL to use PostgreSQL.`,
        );
      }
      throw err;
    }
    pgDir = path.join(dataDir, 'pg');
  }
  const client = await PGlite.create(pgDir ?? 'memory://', { extensions: { pg_trgm }, loadDataDir });
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    rows: async (q) => ((await db.execute(q)) as unknown as { rows: never[] }).rows,
    migrate: () => migratePglite(drizzlePglite({ client }), { migrationsFolder }),
    async close() {
      await client.close();
      if (dataDir) fs.rmSync(path.join(dataDir, 'server.pid'), { force: true });
      await release?.();
    },
  };
}

/**
 * A lock left by a process that no longer runs (killed, or the machine lost
 * power) is taken over at once instead of after it goes stale, so a restart
 * right after a crash works. The lock is moved aside and checked to be the one
 * seen, so a process that took it in the meantime keeps it.
 */
function clearDeadLock(dataDir: string, lockPath: string): boolean {
  try {
    const seen = fs.statSync(lockPath).ino;
    const pid = Number(fs.readFileSync(path.join(dataDir, 'server.pid'), 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) return false;
    const aside = `${lockPath}.${process.pid}.dead`;
    fs.renameSync(lockPath, aside);
    if (fs.statSync(aside).ino !== seen) {
      fs.renameSync(aside, lockPath);
      return false;
    }
    fs.rmSync(aside, { recursive: true, force: true });
    return true;
  } catch {
    return false;
  }
}

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export { sql };
