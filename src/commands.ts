import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.js';
import { demoAccounts, demoPassword, isEmpty, seedDemo } from './demo.js';
import { features } from './features/index.js';
import { createStaff, ensureUser, grantRole, hashPassword } from './features/accounts/service.js';
import { users } from './features/accounts/model.js';
import * as schema from './schema.js';
import { backup, restore } from './platform/backup.js';
import type { Config } from './platform/config.js';
import { openPlatformDatabase } from './platform/start.js';
import { rebuild as rebuildSearch } from './features/search/service.js';
import type { App, Ctx } from './platform/http/types.js';
import { eq } from 'drizzle-orm';
import { help } from './help.js';

/** The commands of `wuzhen` (main.ts reads the arguments and the configuration first). */
async function withContext<T>(config: Config, fn: (ctx: Ctx, app: App) => Promise<T>) {
  const database = await openPlatformDatabase(config);
  try {
    const { app, ctx } = await buildApp({ database, config });
    for (const f of features) await f.init?.(ctx);
    try {
      return await fn(ctx, app);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

function printDemoLogin(config: Config) {
  console.log(`\nDemo accounts (password "${demoPassword}"):`);
  for (const a of demoAccounts) console.log(`  ${a.email.padEnd(30)} ${a.note ?? a.roles.join(', ')}`);
  console.log(`\nOpen ${config.publicUrl} and sign in as ${demoAccounts[0].email} / ${demoPassword}\n`);
}

async function start(config: Config, demo: boolean) {
  const database = await openPlatformDatabase(config);
  const { app, ctx } = await buildApp({ database, config, logger: true });
  for (const f of features) await f.init?.(ctx);
  let seeded = false;
  if (demo && (await isEmpty(ctx))) {
    console.log('Empty database: adding the demo data…');
    await seedDemo(ctx);
    seeded = true;
  }
  if (config.WORKERS === 'on') ctx.jobs.start();
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    await ctx.jobs.stop();
    await app.close();
    await ctx.mailer.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.PORT, host: config.HOST });
  const where = database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  console.log(`\nWuzhen is running on ${config.publicUrl} (${where}).`);
  if (demo || seeded) printDemoLogin(config);
}

export async function runCommand(
  command: string,
  values: { demo?: boolean; email?: string; name?: string; password?: string },
  positionals: string[],
  config: Config,
): Promise<number | null> {
  switch (command) {
    case 'start':
      await start(config, !!values.demo);
      return null; // keeps running
    case 'migrate':
      await withContext(config, async () => console.log('Migrations applied.'));
      return 0;
    case 'seed':
      if (!values.demo) {
        console.error(help.seed);
        return 2;
      }
      return withContext(config, async (ctx) => {
        if (!(await isEmpty(ctx))) {
          console.error('The database already has accounts; the demo data goes only into an empty database.');
          return 1;
        }
        await seedDemo(ctx);
        console.log('Demo data added.');
        printDemoLogin(config);
        return 0;
      });
    case 'admin': {
      if (positionals[0] !== 'create' || !values.email) {
        console.error(help.admin);
        return 2;
      }
      return withContext(config, async (ctx) => {
        const email = values.email!.trim().toLowerCase();
        if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
          console.error(`"${values.email}" is not an e-mail address.`);
          return 2;
        }
        if (values.password !== undefined && values.password.length < 12) {
          console.error('The password must have at least 12 characters.');
          return 2;
        }
        const [existing] = await ctx.db.select().from(users).where(eq(users.email, email));
        if (existing) {
          await grantRole(ctx.db, existing.id, 'admin');
          if (values.password)
            await ctx.db
              .update(users)
              .set({ passwordHash: await hashPassword(values.password), emailVerifiedAt: new Date() })
              .where(eq(users.id, existing.id));
          console.log(`${email} now has the admin role.`);
          return 0;
        }
        if (values.password) {
          const { user } = await ensureUser(ctx.db, { email, name: values.name ?? email.split('@')[0] });
          await ctx.db
            .update(users)
            .set({ passwordHash: await hashPassword(values.password), emailVerifiedAt: new Date() })
            .where(eq(users.id, user.id));
          await grantRole(ctx.db, user.id, 'admin');
          console.log(`Admin ${email} created. Sign in at ${config.publicUrl}/signin`);
          return 0;
        }
        await createStaff(ctx.db, null as never, {
          email,
          name: values.name ?? email.split('@')[0],
          locale: 'en',
          roles: ['admin'],
        });
        const [mail] = await ctx.database.rows<{ text: string }>(
          (await import('drizzle-orm')).sql`select text from mail_outbox where "to" = ${email} order by created_at desc limit 1`,
        );
        const link = /https?:\/\/\S+/.exec(mail?.text ?? '')?.[0];
        console.log(`Admin ${email} created. Choose a password here (valid 7 days):\n${link}`);
        return 0;
      });
    }
    case 'search': {
      if (positionals[0] !== 'rebuild') {
        console.error(help.search);
        return 2;
      }
      return withContext(config, async (ctx) => {
        const n = await rebuildSearch(ctx, features);
        console.log(`Search index rebuilt: ${n} documents.`);
        return 0;
      });
    }
    case 'backup': {
      const file = positionals[0];
      if (!file) {
        console.error(help.backup);
        return 2;
      }
      return withContext(config, async (ctx) => {
        await backup(ctx.database, schema, config.filesDir, path.resolve(file));
        console.log(`Backup written to ${path.resolve(file)} (${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB).`);
        return 0;
      });
    }
    case 'restore': {
      const file = positionals[0];
      if (!file || !fs.existsSync(file)) {
        console.error(file ? `No such file: ${file}` : help.restore);
        return 2;
      }
      return withContext(config, async (ctx) => {
        await restore(ctx.database, schema, config.filesDir, path.resolve(file));
        console.log(`Restored ${file}.`);
        return 0;
      });
    }
  }
  return 2;
}
