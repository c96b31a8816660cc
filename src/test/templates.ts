import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../platform/db/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A file holding a migrated PGlite data directory (dumpDataDir), copied by every harness. */
    pgliteTemplate?: string;
    /** A migrated database on TEST_DATABASE_URL's server: every harness creates its database from it. */
    postgresTemplate?: string;
  }
}

/**
 * Vitest global setup: migrates one template database per run, so a harness
 * copies it instead of running every migration again (see docs/testing.md).
 */
export default async function setup(project: TestProject) {
  if (project.config.env.TEST_DB === 'postgres') return postgresTemplate(project);
  return pgliteTemplate(project);
}

async function pgliteTemplate(project: TestProject) {
  const database = await openDatabase({});
  await database.migrate();
  const dump = await (database.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
  await database.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wz-template-')), 'pglite.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

async function postgresTemplate(project: TestProject) {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  const run = crypto.randomBytes(6).toString('hex');
  const name = `wz_template_${run}`;
  const query = async (text: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      return (await c.query<{ name: string }>(text)).rows;
    } finally {
      await c.end();
    }
  };
  await query(`create database ${name}`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  // One connection, closed before use: a template must have none open while it is copied.
  const database = await openDatabase({ url: u.toString(), poolSize: 1 });
  await database.migrate();
  await database.close();
  project.provide('postgresTemplate', name);
  return async () => {
    // The harnesses' databases (wz_t_<run>_…) are dropped here, ten at a time: each drop waits
    // for a checkpoint, and drops requested together share one instead of taking turns.
    const left = await query(`select datname as name from pg_database where datname like 'wz\\_t\\_${run}\\_%'`);
    for (let i = 0; i < left.length; i += 10)
      await Promise.all(left.slice(i, i + 10).map((d) => query(`drop database if exists ${d.name} with (force)`)));
    await query(`drop database if exists ${name} with (force)`);
  };
}
