import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/index.js';
import type { Feature } from '../../platform/http/types.js';
import { accountReferences } from './references.js';
import { roleGrants, users } from './model.js';
import { accountRoutes } from './routes.js';
import { accountPersonalData, eraseAccount } from './service.js';

export const accounts: Feature = {
  name: 'accounts',
  pages: accountsPages,
  references: accountReferences,
  routes: accountRoutes,
  personalData: (ctx, s) => accountPersonalData(ctx.db, s.userId),
  erase: (tx, s) => eraseAccount(tx, s.userId),
};
export { sessionCookie } from './routes.js';
export {
  accountByEmail,
  accountContact,
  accountIdByEmail,
  ensureUser,
  grantRole,
  hasRole,
  loadActorBySession,
  localesOf,
  normalizeEmail,
  revokeRole,
  sendLoginLink,
  sha256,
  type User,
  userByEmail,
  userById,
  usersWithScope,
} from './service.js';
import { accountsPages } from './contract.js';

/** The column other features' tables point their foreign keys at (an account's id). */
export const userKey = () => users.id;

/** An account as other features need it to write to the person: address, name and language. */
export async function accountById(db: DbOrTx, id: string) {
  const [u] = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(eq(users.id, id));
  return u ?? null;
}

/** Accounts as other features may join them (id, address, name, language): `const u = accountRows()`, then `.innerJoin(u, eq(u.id, …))`. */
export const accountRows = () =>
  new QueryBuilder().select({ id: users.id, email: users.email, name: users.name, locale: users.locale }).from(users).as('account');

/** The SQL condition "this account holds this role in the scope (type, id)", for another feature's WHERE (the id is an SQL expression, e.g. a column). */
export const holdsScopedRole = (userId: string, role: string, scopeType: string, scopeId: SQL) =>
  sql`exists (select 1 from ${roleGrants} g where g.user_id = ${userId} and g.role = ${role} and g.scope_type = ${scopeType} and g.scope_id = ${scopeId})`;

/** Revokes every role an account holds in scopes of one type (e.g. on erasure: its roles in every working group). */
export async function revokeRolesInScopes(db: DbOrTx, userId: string, scopeType: string) {
  await db.delete(roleGrants).where(and(eq(roleGrants.userId, userId), eq(roleGrants.scopeType, scopeType)));
}

/** Demo seeds: an account without a password gets the password of another (the demo password, hashed once) and a verified address. */
export async function copyPassword(db: DbOrTx, fromUserId: string, toUserId: string) {
  const [from] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, fromUserId));
  await db
    .update(users)
    .set({ passwordHash: from?.passwordHash ?? null, emailVerifiedAt: new Date() })
    .where(and(eq(users.id, toUserId), isNull(users.passwordHash)));
}
