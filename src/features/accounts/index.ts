import type { Feature } from '../../platform/http/types.js';
import { accountReferences } from './references.js';
import { accountRoutes } from './routes.js';
import { accountPersonalData, eraseAccount } from './service.js';

export const accounts: Feature = {
  name: 'accounts',
  references: accountReferences,
  routes: accountRoutes,
  personalData: (ctx, s) => accountPersonalData(ctx.db, s.userId),
  erase: (tx, s) => eraseAccount(tx, s.userId),
};
export { sessionCookie } from './routes.js';
export {
  accountContact,
  accountIdByEmail,
  findUserByEmail,
  grantRole,
  loadActorBySession,
  localesOf,
  normalizeEmail,
  revokeRole,
  usersWithScope,
} from './service.js';
import { users } from './model.js';

/** The column other features' tables point their foreign keys at (an account's id). */
export const userKey = () => users.id;
