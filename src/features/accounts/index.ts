import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.js';
import type { Feature } from '../../platform/http/types.js';
import { accountReferences } from './references.js';
import { users } from './model.js';
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
