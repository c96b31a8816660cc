import { sql } from 'drizzle-orm';
import { features } from './features/index.js';
import { grantRole, hashPassword } from './features/accounts/service.js';
import { users } from './features/accounts/model.js';
import type { GlobalRole } from './platform/auth/access.js';
import type { Ctx, DemoRefs } from './platform/http/types.js';

export const demoPassword = 'wuzhen-demo-2026';
export const demoAccounts: Array<{
  email: string;
  name: string;
  roles: GlobalRole[];
  locale: 'en' | 'zh-Hans' | 'zh-Hant';
  note?: string;
}> = [
  { email: 'admin@wuzhen.example', name: 'Demo Admin', roles: ['admin'], locale: 'en' },
  { email: 'secretariat@wuzhen.example', name: '秘书处 林晓', roles: ['secretariat'], locale: 'zh-Hans' },
  { email: 'reviewer@wuzhen.example', name: 'Dr. Amara Diallo', roles: ['reviewer'], locale: 'en' },
  { email: 'member@wuzhen.example', name: '王晓梅', roles: [], locale: 'zh-Hans', note: 'member contact' },
  { email: 'forum@wuzhen.example', name: 'Lena Horvat', roles: [], locale: 'en', note: 'event manager of the 2026 summit' },
];

export async function isEmpty(ctx: Ctx) {
  const [row] = await ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from users`);
  return row.n === 0;
}

/** Demo accounts, then every feature's demo data in feature order. */
export async function seedDemo(ctx: Ctx) {
  const passwordHash = await hashPassword(demoPassword);
  const refs: DemoRefs = { accounts: new Map() };
  for (const a of demoAccounts) {
    const [u] = await ctx.db
      .insert(users)
      .values({ email: a.email, name: a.name, locale: a.locale, passwordHash, emailVerifiedAt: new Date() })
      .onConflictDoNothing()
      .returning();
    if (!u) continue;
    refs.accounts.set(a.email, u.id);
    for (const r of a.roles) await grantRole(ctx.db, u.id, r);
  }
  for (const f of features) await f.seedDemo?.(ctx, refs);
  return refs;
}
