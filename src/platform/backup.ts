import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { getTableName, is, sql, Table, type SQL } from 'drizzle-orm';
import type { Database } from './db/index.js';

/**
 * A logical backup that works the same on the embedded database and on
 * PostgreSQL, and moves data between them: gzip'd NDJSON, one table after
 * another in foreign-key order, then the stored files. It streams, so size
 * is limited by disk, not memory.
 */
const FORMAT = 'wuzhen-backup/1';

export function tablesInOrder(schema: Record<string, unknown>): PgTable[] {
  const tables = Object.values(schema).filter((t): t is PgTable => is(t, Table));
  const byName = new Map(tables.map((t) => [getTableName(t), t]));
  const deps = new Map(
    tables.map((t) => [
      getTableName(t),
      getTableConfig(t)
        .foreignKeys.map((fk) => getTableName(fk.reference().foreignTable))
        .filter((n) => n !== getTableName(t)),
    ]),
  );
  const out: PgTable[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const d of deps.get(name) ?? []) visit(d);
    out.push(byName.get(name)!);
  };
  for (const name of [...byName.keys()].sort()) visit(name);
  return out;
}

const batch = 2000;

const typeOf = (t: PgTable, column: string) => {
  const type = getTableConfig(t)
    .columns.find((c) => c.name === column)!
    .getSQLType();
  return type === 'bigserial' ? 'bigint' : type === 'serial' ? 'integer' : type;
};

export async function backup(database: Database, schema: Record<string, unknown>, filesDir: string, file: string) {
  const tables = tablesInOrder(schema);
  const tmp = `${file}.partial`;
  // One snapshot for every table: writes that commit during the backup are either wholly in it or not at all.
  await database.db.transaction(
    async (tx) => {
      const rows = async <T>(q: SQL) => ((await tx.execute(q)) as unknown as { rows: T[] }).rows;
      await pipeline(Readable.from(lines(rows)), zlib.createGzip(), fs.createWriteStream(tmp));
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  fs.renameSync(tmp, file);

  async function* lines(query: <T>(q: SQL) => Promise<T[]>) {
    yield `${JSON.stringify({ format: FORMAT, createdAt: new Date().toISOString(), engine: database.kind })}\n`;
    for (const t of tables) {
      const name = getTableName(t);
      const cols = getTableConfig(t).columns.map((c) => c.name);
      yield `${JSON.stringify({ table: name, columns: cols })}\n`;
      // Keyset paging on the first column (the primary key, or its first part).
      const key = sql.identifier(cols[0]);
      let last: unknown;
      for (;;) {
        const after = last === undefined ? sql`true` : sql`${key} > ${last}`;
        // The server writes each line's JSON, so rows pass through as text instead of being parsed and written again.
        const rows = await query<{ line: string; k: unknown }>(
          sql`select json_build_object('r', json_build_array(${sql.join(
            cols.map((c) => sql`${sql.identifier(c)}`),
            sql`, `,
          )}))::text as line, ${key}::text as k from ${sql.identifier(name)} where ${after} order by ${key} limit ${batch}`,
        );
        for (const row of rows) yield `${row.line}\n`;
        if (rows.length < batch) break;
        last = sql`${rows[rows.length - 1].k}::${sql.raw(typeOf(t, cols[0]))}`;
      }
    }
    for (const f of listFiles(filesDir)) {
      yield `${JSON.stringify({ file: path.relative(filesDir, f), data: fs.readFileSync(f).toString('base64') })}\n`;
    }
    yield `${JSON.stringify({ end: true })}\n`;
  }
}

function* listFiles(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* listFiles(p);
    else if (e.isFile()) yield p;
  }
}

export class RestoreError extends Error {}

/** Restores into a freshly migrated, empty database. Refuses to mix with existing data. */
export async function restore(database: Database, schema: Record<string, unknown>, filesDir: string, file: string) {
  const tables = tablesInOrder(schema);
  const known = new Map(tables.map((t) => [getTableName(t), t]));
  for (const t of tables) {
    const name = getTableName(t);
    if (name === 'countries') continue; // reference data the server writes at start
    const [{ n }] = await database.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(name)}`);
    if (n > 0)
      throw new RestoreError(
        `The target database is not empty (table ${name} has ${n} rows). Restore into an empty data directory or database.`,
      );
  }
  let table: string | null = null;
  let columns: string[] = [];
  let pending: unknown[][] = [];
  let sawHeader = false;
  let sawEnd = false;
  const flush = async (tx: Database['db']) => {
    if (!table || pending.length === 0) return;
    // One parameter per batch: the server turns the JSON into typed rows.
    const objects = pending.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
    const cols = sql.join(
      columns.map((c) => sql.identifier(c)),
      sql`, `,
    );
    const conflict = table === 'countries' ? sql` on conflict do nothing` : sql``;
    await tx.execute(
      sql`insert into ${sql.identifier(table)} (${cols}) select ${cols} from json_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(objects)}::json)${conflict}`,
    );
    pending = [];
  };
  await database.db.transaction(async (tx) => {
    // Opened right where it is read: lines readline emits before the loop starts listening are lost.
    const rl = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
    for await (const line of rl) {
      if (!line) continue;
      const rec = JSON.parse(line);
      if (!sawHeader) {
        if (rec.format !== FORMAT) throw new RestoreError(`Not a Wuzhen backup (format ${rec.format ?? 'unknown'}).`);
        sawHeader = true;
        continue;
      }
      if (rec.table) {
        await flush(tx as never);
        if (!known.has(rec.table)) throw new RestoreError(`The backup holds table ${rec.table}, which this version does not know.`);
        table = rec.table;
        columns = rec.columns;
      } else if (rec.r) {
        pending.push(rec.r);
        if (pending.length >= 2000) await flush(tx as never);
      } else if (rec.file) {
        await flush(tx as never);
        const target = path.resolve(filesDir, rec.file);
        if (!target.startsWith(path.resolve(filesDir) + path.sep)) throw new RestoreError(`Refusing file path ${rec.file}.`);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, Buffer.from(rec.data, 'base64'));
      } else if (rec.end) {
        await flush(tx as never);
        sawEnd = true;
      }
    }
    if (!sawEnd) throw new RestoreError('The backup file is incomplete (no end marker); nothing was restored.');
    // Serial columns continue after the restored rows.
    for (const t of tables) {
      for (const c of getTableConfig(t).columns) {
        if (c.getSQLType() === 'bigserial' || c.getSQLType() === 'serial') {
          const name = getTableName(t);
          await tx.execute(
            sql`select setval(pg_get_serial_sequence(${name}, ${c.name}), coalesce((select max(${sql.identifier(c.name)}) from ${sql.identifier(name)}), 0) + 1, false)`,
          );
        }
      }
    }
  });
}
