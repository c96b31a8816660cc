import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.js';
import { roleGrants, users } from './model.js';
import { sessionCookie } from './routes.js';
import { createSession } from './service.js';

/** Builders of accounts for other features' tests, and what those tests check of them. */

/** A new account with a verified address and no password. */
export async function makeAccount(db: DbOrTx, input: { email: string; name: string }) {
  const [u] = await db
    .insert(users)
    .values({ ...input, emailVerifiedAt: new Date() })
    .returning({ id: users.id });
  return u.id;
}

/** A session of an account, as the harness's users carry it: the cookie and the CSRF token. */
export async function signIn(db: DbOrTx, userId: string) {
  const s = await createSession(db, userId, 1, {});
  return { cookie: `${sessionCookie}=${s.token}`, csrf: s.csrfToken };
}

/** Every role an account holds, with its scope. */
export async function rolesOf(db: DbOrTx, userId: string) {
  return db
    .select({ role: roleGrants.role, scopeType: roleGrants.scopeType, scopeId: roleGrants.scopeId })
    .from(roleGrants)
    .where(eq(roleGrants.userId, userId));
}
