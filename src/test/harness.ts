import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../app.js';
import { features } from '../features/index.js';
import { createSession, grantRole, hashPassword } from '../features/accounts/service.js';
import { users } from '../features/accounts/model.js';
import type { GlobalRole, ScopedRoleName } from '../platform/auth/access.js';
import { loadConfig } from '../platform/config.js';
import { openDatabase, type Database } from '../platform/db/index.js';
import type { App, Ctx } from '../platform/http/types.js';

/** Which engine this test run uses: the vitest project sets TEST_DB. */
export const engine = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

let pgliteTemplate: { file: string; dump: Blob } | undefined;

/**
 * A fresh, migrated database: in-memory PGlite, or a new database on TEST_DATABASE_URL's server.
 * Both start from the template that src/test/templates.ts migrated once for the run (when the run has one).
 */
export async function freshDatabase(): Promise<{ database: Database; url?: string; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const file = inject('pgliteTemplate');
    if (file && pgliteTemplate?.file !== file) pgliteTemplate = { file, dump: new Blob([fs.readFileSync(file)]) };
    const database = await openDatabase({ loadDataDir: file ? pgliteTemplate?.dump : undefined });
    if (!file) await database.migrate();
    return { database, drop: async () => {} };
  }
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  const template = inject('postgresTemplate');
  const name = `wz_t_${template ? `${template.replace('wz_template_', '')}_` : ''}${crypto.randomBytes(6).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), poolSize: 20 });
  if (!template) await database.migrate();
  return {
    database,
    url: u.toString(),
    drop: async () => {
      // With a template, the run's teardown drops this database together with the others (src/test/templates.ts).
      if (template) return;
      const c2 = new pg.Client({ connectionString: admin });
      await c2.connect();
      await c2.query(`drop database if exists ${name} with (force)`);
      await c2.end();
    },
  };
}

export interface TestUser {
  id: string;
  email: string;
  cookie: string;
  csrf: string;
}

export interface Harness {
  app: App;
  ctx: Ctx;
  database: Database;
  dataDir: string;
  /** A signed-in account with the given global roles (and scoped roles). */
  user(opts?: {
    roles?: GlobalRole[];
    scopes?: Array<{ role: ScopedRoleName; type: string; id: string }>;
    email?: string;
    name?: string;
  }): Promise<TestUser>;
  /** app.inject as someone (or anonymously), with cookie and CSRF header set. */
  call(who: TestUser | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let counter = 0;

export async function createHarness(env: Record<string, string> = {}): Promise<Harness> {
  const { database, drop } = await freshDatabase();
  // A private parent, so a test can check that nothing was written beside the data directory.
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wz-test-')), 'data');
  fs.mkdirSync(dataDir);
  const config = loadConfig({
    DATA_DIR: dataDir,
    PUBLIC_URL: 'http://wuzhen.test',
    WORKERS: 'off',
    LOG_LEVEL: 'silent',
    PAGE_CACHE_SECONDS: '0',
    ...env,
  });
  const { app, ctx } = await buildApp({ database, config });
  for (const f of features) await f.init?.(ctx);
  await app.ready();
  const passwordHash = await hashPassword('correct horse battery');

  return {
    app,
    ctx,
    database,
    dataDir,
    async user(opts = {}) {
      const email = opts.email ?? `user${++counter}-${crypto.randomBytes(3).toString('hex')}@test.example`;
      const [u] = await ctx.db
        .insert(users)
        .values({ email, name: opts.name ?? email.split('@')[0], passwordHash, emailVerifiedAt: new Date() })
        .returning();
      for (const r of opts.roles ?? []) await grantRole(ctx.db, u.id, r);
      for (const s of opts.scopes ?? []) await grantRole(ctx.db, u.id, s.role, { type: s.type, id: s.id });
      const s = await createSession(ctx.db, u.id, 1, {});
      return { id: u.id, email, cookie: `wz_session=${s.token}`, csrf: s.csrfToken };
    },
    call(who, opts) {
      const headers = { ...(opts.headers ?? {}) } as Record<string, string>;
      if (who) {
        headers.cookie = who.cookie;
        headers['x-csrf-token'] = who.csrf;
      }
      return app.inject({ ...opts, headers });
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
      fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
    },
  };
}

/** A multipart body with one file, for app.inject. */
export function multipart(
  filename: string,
  data: Buffer | string,
  contentType = 'application/octet-stream',
  fields: Record<string, string> = {},
) {
  const boundary = `----wz${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
  );
  parts.push(Buffer.isBuffer(data) ? data : Buffer.from(data));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
